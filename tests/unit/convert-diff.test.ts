/**
 * `npm run convert:diff` (bench/convert-diff.ts): every place where the
 * site's converter and plain OpenCC disagree over the seed and the Zuo Zhuan
 * corpus has a reader's verdict in bench/convert-verdicts.json, and every
 * verdict still names a difference. A dictionary update that moves them
 * fails here until someone judges the new ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { differences } from '../../bench/convert-diff.ts';

describe('the differences from plain OpenCC', () => {
	const found = differences();
	const verdicts = JSON.parse(readFileSync('bench/convert-verdicts.json', 'utf8')) as { source: string; verdict: string; why: string }[];

	it('exist, in both traditional editions', () => {
		expect(new Set(found.map((d) => d.edition))).toEqual(new Set(['zh-Hant', 'zh-HK']));
	});

	it('are all judged', () => {
		expect(found.filter((d) => d.verdict === 'unjudged').map((d) => `${d.where} ${d.source}: ${d.plain} → ${d.ours}`)).toEqual([]);
	});

	it('have no verdict left over from a difference that is gone', () => {
		const sources = new Set(found.map((d) => d.source));
		expect(verdicts.filter((v) => !sources.has(v.source)).map((v) => v.source)).toEqual([]);
	});

	it('are verdicts with reasons', () => {
		for (const verdict of verdicts) {
			expect(['better', 'dictionary', 'trade-off']).toContain(verdict.verdict);
			expect(verdict.why.length, verdict.source).toBeGreaterThan(10);
		}
	});
});
