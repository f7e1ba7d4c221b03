/**
 * Conversion that respects word boundaries (src/convert/phrase-matching.ts):
 * the regression set of tests/fixtures/word-boundaries/cases.json through the
 * site's converter, both ways, and the same set through plain OpenCC for
 * comparison (its score is printed, not asserted).
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { editionConverter } from '../../src/convert/edition-text.ts';
import { openccConverter, openccPipeline, plainOpenccConverter, withPinnedTerms } from '../../src/convert/opencc.ts';
import { wordBoundedConverter, type WordSegmenter } from '../../src/convert/phrase-matching.ts';
import { convertTree } from '../../src/convert/tree.ts';
import { EDITIONS } from '../../src/editions.ts';
import { importText } from '../../src/import/entry.ts';
import { lintScript } from '../../src/lint/mixed-script.ts';

interface Case {
	input: string;
	s2tw: string;
	s2hk: string;
	family: string;
	why: string;
	sources: string[];
}

const { cases, beyondReach } = JSON.parse(readFileSync('tests/fixtures/word-boundaries/cases.json', 'utf8')) as { cases: Case[]; beyondReach: Case[] };

const CONFIGS = [
	['s2tw', 'tw'],
	['s2hk', 'hk'],
] as const;

const scores: string[] = [];
afterAll(() => {
	for (const line of scores) console.log(line);
});

describe('the regression set', () => {
	it('has at least 60 cited cases covering every character family of the issue', () => {
		expect(cases.length).toBeGreaterThanOrEqual(60);
		for (const test of [...cases, ...beyondReach]) expect(test.sources.length, test.input).toBeGreaterThan(0);
		const families = new Set(cases.map((test) => test.family));
		for (const family of ['发', '并', '了', '干', '台', '制', '后', '云', '只', '里']) expect(families).toContain(family);
	});
});

describe.each(CONFIGS)('%s', (config, to) => {
	const convert = openccConverter('cn', to);
	const back = openccConverter(to, 'cn');
	const plain = plainOpenccConverter('cn', to);
	const plainBack = plainOpenccConverter(to, 'cn');

	it.each(cases.map((test) => [test.input, test[config], test] as const))('converts %s as %s', (input, expected) => {
		expect(convert(input)).toBe(expected);
	});

	it.each(cases.map((test) => [test[config], test.input] as const))('converts %s back to %s', (converted, input) => {
		expect(back(converted)).toBe(input);
	});

	it.fails.each(beyondReach.map((test) => [test.input, test[config], test.why] as const))('still gets %s wrong, not %s (%s)', (input, expected) => {
		expect(convert(input)).toBe(expected);
	});

	it('reports plain OpenCC\'s score on the same set, below ours', () => {
		const right = cases.filter((test) => plain(test.input) === test[config]).length;
		const rightBack = cases.filter((test) => plainBack(test[config]) === test.input).length;
		scores.push(`Word-boundary set, ${config}: ours ${cases.length}/${cases.length}, plain OpenCC ${right}/${cases.length}; back to simplified: ours ${cases.length}/${cases.length}, plain ${rightBack}/${cases.length}`);
		expect(right).toBeLessThan(cases.length);
	});
});

describe('the boundary rule', () => {
	const cn2tw = openccConverter('cn', 'tw');

	it.each([
		['rejects a phrase that ends inside a word', '动乱发生', '動亂發生'],
		['keeps a phrase covering several whole words', '诗云', '詩云'],
		['keeps a phrase inside one word', '理发店', '理髮店'],
		['keeps a phrase that begins inside a word and ends on a boundary', '退兵三十里', '退兵三十里'],
		['leaves text without Chinese words alone', 'OpenCC 1.4, 2014', 'OpenCC 1.4, 2014'],
	])('%s: %s → %s', (_rule, input, expected) => {
		expect(cn2tw(input)).toBe(expected);
	});

	it('sees the words across inline markup: 动乱<b>发</b>生', () => {
		const tree = fromHtml('<p>动乱<b>发</b>生</p>', { fragment: true });
		convertTree(tree, editionConverter('zh-Hans', EDITIONS[1]));
		expect(toHtml(tree)).toBe('<p>動亂<b>發</b>生</p>');
	});

	it('lets pinned terms win', () => {
		expect(withPinnedTerms(cn2tw, [{ match: '乱发', output: '亂髮' }])('动乱发生')).toBe('動亂髮生');
	});

	it('gives the page, the import and the lint one answer', () => {
		const page = editionConverter('zh-Hans', EDITIONS[1])('动乱发生');
		expect(page).toBe('動亂發生');
		const { mdx } = importText('动乱发生', { file: 'x.txt', title: '标题', date: '2014-02-27', publisher: '新华社', from: 'cn', store: 'zh-Hant' });
		expect(mdx.trimEnd().split('\n').at(-1)).toBe(page);
		expect(lintScript(page, 'tw')).toEqual([]);
		expect(lintScript('動亂髮生', 'tw').map((finding) => [finding.level, finding.found, finding.expected])).toEqual([['WARN', '髮', '發']]);
	});

	it('no longer tells an editor to write 併 in 並發布', () => {
		for (const script of ['tw', 'hk'] as const) {
			expect(lintScript('國家鐵路局同日並發布', script).map((finding) => finding.expected)).not.toContain('併');
		}
	});
});

describe('the segmenter’s cuts, kept between conversions (a text is converted four times in a build)', () => {
	it('are kept for each segmenter apart: one that cuts nothing and ICU each cut the same words their own way', () => {
		const pipeline = openccPipeline('cn', 'tw');
		const cutsNothing: WordSegmenter = { segment: (text) => [{ index: 0, segment: text }] };
		const withIcu = wordBoundedConverter(pipeline);
		const withoutCuts = wordBoundedConverter(pipeline, cutsNothing);
		// ICU reads 前头|发生, so the phrase 头发 → 頭髮 stands across two words and is refused.
		expect(withIcu('前头发生')).toBe('前頭發生');
		expect(withoutCuts('前头发生')).toBe('前頭髮生');
		expect(withIcu('前头发生')).toBe('前頭發生');
	});
});
