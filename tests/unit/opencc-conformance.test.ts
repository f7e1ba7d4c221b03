/**
 * OpenCC's own upstream test cases and golden files, run through opencc-js
 * for every conversion the site performs (fixtures: tests/fixtures/opencc/,
 * Apache-2.0, see the LICENSE there). Known dictionary gaps are listed by
 * case id and expected to keep failing, so a fix upstream shows up here too.
 */
import * as OpenCC from 'opencc-js';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { OpenccLocale } from '../../src/editions.ts';

interface UpstreamCase {
	/** Upstream id, e.g. `case_001` or `BYVoid_OpenCC_PR_464_xi_vs_xi`. */
	id: string;
	input: string;
	/** Expected output per OpenCC config name. */
	expected: Record<string, string>;
}

const FIXTURES = 'tests/fixtures/opencc';
const { cases } = JSON.parse(readFileSync(`${FIXTURES}/testcases.json`, 'utf8')) as { cases: UpstreamCase[] };

/** The OpenCC configs the site uses: editions from simplified, imports to simplified. */
const CONFIGS: [config: string, from: OpenccLocale, to: OpenccLocale][] = [
	['s2tw', 'cn', 'tw'],
	['s2hk', 'cn', 'hk'],
	['tw2s', 'tw', 'cn'],
	['hk2s', 'hk', 'cn'],
	['t2s', 't', 'cn'],
];

/**
 * Cases opencc-js gets wrong because it leaves out OpenCC's rare-character
 * dictionary (𣨼, 𪢮, 樠 → 𣗊): research/opencc.md. None touches the site's texts.
 */
const KNOWN_GAPS: Record<string, string[]> = {
	t2s: ['BYVoid_OpenCC_PR_1228_existing_behaviors', 'BYVoid_OpenCC_PR_1229_existing_behaviors', 'BYVoid_OpenCC_PR_464_xi_vs_xi'],
};

const passes = new Map<string, { passed: number; total: number }>();

afterAll(() => {
	for (const [config, { passed, total }] of passes) {
		const gaps = KNOWN_GAPS[config] ?? [];
		console.log(`OpenCC conformance ${config}: ${passed}/${total} pass${gaps.length ? `; known gaps: ${gaps.join(', ')}` : ''}`);
	}
});

describe.each(CONFIGS)('OpenCC %s through opencc-js (%s → %s)', (config, from, to) => {
	const convert = OpenCC.Converter({ from, to });
	const own = cases.filter((test) => test.expected[config] !== undefined);
	const gaps = KNOWN_GAPS[config] ?? [];
	const score = { passed: 0, total: own.length };
	passes.set(config, score);

	it('has upstream cases to run', () => {
		expect(own.length).toBeGreaterThan(10);
		for (const id of gaps) expect(own.map((test) => test.id)).toContain(id);
	});

	it.each(own.filter((test) => !gaps.includes(test.id)).map((test) => [test.id, test] as const))('converts %s as upstream expects', (_id, test) => {
		expect(convert(test.input)).toBe(test.expected[config]);
		score.passed++;
	});

	it.fails.each(own.filter((test) => gaps.includes(test.id)).map((test) => [test.id, test] as const))('still misses %s (known dictionary gap)', (_id, test) => {
		expect(convert(test.input)).toBe(test.expected[config]);
	});
});

describe.each([
	['s2tw', 'tw'],
	['s2hk', 'hk'],
] as const)('the golden US constitution, %s', (config, to) => {
	it(`converts us_constitution_zhs.txt to exactly us_constitution_zhs.${config}.txt`, () => {
		const source = readFileSync(`${FIXTURES}/us_constitution_zhs.txt`, 'utf8');
		const golden = readFileSync(`${FIXTURES}/us_constitution_zhs.${config}.txt`, 'utf8');
		const converted = OpenCC.Converter({ from: 'cn', to })(source);
		expect(converted.length).toBe(golden.length);
		expect(converted).toBe(golden);
		passes.set(`${config} (US constitution golden file)`, { passed: 1, total: 1 });
	});
});
