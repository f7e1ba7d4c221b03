/**
 * Pinned terms (DESIGN.md, conversion overrides): an entry's `terms` and the
 * site's `glossary.json` apply in every edition, in the rendered text and in
 * the paragraphs the search index reads. The glossary is read from a
 * temporary content folder (FANJIAN_CONTENT), set before anything reads it;
 * vitest gives each test file its own module cache, so this one is fresh.
 */
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editionConverter, editionHtml } from '../../src/convert/edition-text.ts';
import { glossary } from '../../src/convert/glossary.ts';
import { openccConverter } from '../../src/convert/opencc.ts';
import { EDITIONS, type Edition } from '../../src/editions.ts';
import type { Term } from '../../src/schemas/entry.ts';
import { paragraphsOf } from '../../src/search/paragraphs.ts';

const content = mkdtempSync(join(tmpdir(), 'fanjian-terms-'));
writeFileSync(
	join(content, 'glossary.json'),
	JSON.stringify({
		terms: [
			{ 'zh-Hans': '信息', 'zh-Hant': '資訊', 'zh-HK': '資訊', note: 'a vocabulary choice OpenCC tw/hk would not make' },
			{ 'zh-Hans': '网络', 'zh-Hant': '網路' },
		],
	}),
);
process.env.FANJIAN_CONTENT = content;
afterAll(() => rmSync(content, { recursive: true, force: true }));

/** A text's own terms: a Taiwan paper's name quoted as it is written, and a term the glossary also pins. */
const TERMS: Term[] = [
	{ 'zh-Hans': '聯合報', 'zh-Hant': '聯合報', 'zh-HK': '聯合報' },
	{ 'zh-Hans': '信息', 'zh-Hant': '信息' },
];
const TEXT = '据台湾《聯合報》，网络信息安全';

/** Each edition with what the text reads there, and what OpenCC alone would give. */
const CASES: [lang: string, withTerms: string, glossaryOnly: string][] = [
	['zh-Hans', '据台湾《聯合報》，网络信息安全', '据台湾《联合报》，网络信息安全'],
	['zh-Hant', '據臺灣《聯合報》，網路信息安全', '據臺灣《聯合報》，網路資訊安全'],
	['zh-HK', '據台灣《聯合報》，網絡信息安全', '據台灣《聯合報》，網絡資訊安全'],
];
const edition = (lang: string) => EDITIONS.find((e) => e.lang === lang)!;

describe('the glossary', () => {
	it('is read from the content folder', () => {
		expect(glossary().map((term) => term['zh-Hans'])).toEqual(['信息', '网络']);
	});

	it.each(CASES)('applies in %s', (lang, _withTerms, glossaryOnly) => {
		expect(editionConverter('zh-Hans', edition(lang))(TEXT)).toBe(glossaryOnly);
	});

	it('that is not valid JSON fails at its line and column, with the fix', () => {
		const file = join(content, 'glossary.json');
		const good = readFileSync(file, 'utf8');
		try {
			// A comma after the last term, on line 3: V8 names no position for it.
			writeFileSync(file, '{\n  "terms": [\n    { "zh-Hans": "网络", "zh-Hant": "網路" },\n  ]\n}\n');
			let thrown: (Error & { hint?: string; loc?: { file: string; line?: number; column?: number } }) | undefined;
			try {
				glossary();
			} catch (error) {
				thrown = error as typeof thrown;
			}
			expect(thrown?.message).toMatch(/glossary\.json:3:41 is not valid JSON/);
			expect(thrown?.message.startsWith(content), "named relative to the project, as the build names entries").toBe(false);
			expect(thrown?.hint).toMatch(/comma after the last item/);
			expect(thrown?.loc).toEqual({ file, line: 3, column: 41 });
		} finally {
			writeFileSync(file, good);
		}
		expect(glossary().map((term) => term['zh-Hans'])).toEqual(['信息', '网络']);
	});

	it('with a key it does not know fails at that key, not in the module that read it', () => {
		const file = join(content, 'glossary.json');
		const good = readFileSync(file, 'utf8');
		try {
			writeFileSync(file, '{\n  "terms": [\n    { "zh-Hans": "网络", "zh-Hant": "網路" },\n    { "zh-Hans": "信息", "zh-TW": "資訊" }\n  ]\n}\n');
			let thrown: (Error & { loc?: { file: string; line?: number; column?: number } }) | undefined;
			try {
				glossary();
			} catch (error) {
				thrown = error as typeof thrown;
			}
			expect(thrown?.message).toMatch(/^[^/].*glossary\.json:4:24: terms\.1: .*"zh-TW"/);
			expect(thrown?.loc).toEqual({ file, line: 4, column: 24 });
		} finally {
			writeFileSync(file, good);
		}
	});

	it('changes what OpenCC alone would write (the tests above can fail)', () => {
		expect(openccConverter('cn', 'tw')('网络信息')).toBe('網絡信息');
	});
});

describe("an entry's terms", () => {
	it.each(CASES)('apply in %s, before the glossary', (lang, withTerms) => {
		expect(editionConverter('zh-Hans', edition(lang), TERMS, 'terms-test')(TEXT)).toBe(withTerms);
	});

	it('apply to that text only', () => {
		expect(editionConverter('zh-Hans', edition('zh-Hant'), [], 'other-text')(TEXT)).toBe(CASES[1]![2]);
	});

	it('take OpenCC’s form in an edition they leave out, not the glossary’s', () => {
		expect(editionConverter('zh-Hans', edition('zh-HK'), TERMS, 'terms-test')('信息')).toBe('信息');
	});
});

describe('pinned terms in the rendered text of every edition', () => {
	/** The text's HTML in one edition, and the paragraphs as the search index reads them from the page. */
	async function rendered(target: Edition) {
		const html = await editionHtml(
			{ id: 'terms-test', file: 'content/terms-test.mdx', render: async () => '<p>据台湾《<b>聯</b>合報》，网<em>络</em>信息安全</p>' },
			{ edition: target, convert: editionConverter('zh-Hans', target, TERMS, 'terms-test') },
			1,
			false,
		);
		return { html, paragraphs: paragraphsOf(fromHtml(html, { fragment: true })) };
	}

	it.each(CASES)('%s: on the page, across inline markup', async (lang, withTerms) => {
		const { html } = await rendered(edition(lang));
		const [paragraph, ...beside] = fromHtml(html, { fragment: true }).children;
		expect(beside.map((node) => node.type === 'element' && node.properties.className)).toEqual([['para-tools']]);
		expect(toString(paragraph!)).toBe(withTerms);
		expect(html).toContain(`《<b>聯</b>合報》`);
	});

	it.each(CASES)('%s: in the paragraphs the search index reads', async (lang, withTerms) => {
		const { paragraphs } = await rendered(edition(lang));
		expect(paragraphs).toEqual([{ id: 'p1', text: withTerms }]);
	});
});
