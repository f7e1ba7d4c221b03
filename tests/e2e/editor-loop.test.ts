/**
 * What an editor is told agrees with what readers get, on a site built for
 * real: `npm run lint:content`'s ¶N is the page's 第N段 (#pN of a new text),
 * whatever headings, lists and quotations a text has; URLs written in a text
 * stay as written in every edition and in the search records; a traditional
 * text's stray simplified characters take the form of their phrase.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element, Nodes } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/editions.ts';
import { applyEditionDiff } from '../../src/search/edition-diff.ts';
import { textBodyHtml } from '../../src/search/paragraphs.ts';
import { fixtureSite } from '../support/fixture-site.ts';

const TRADITIONAL = 'title: 測試\ndate: 2014-02-27\npublisher: 新華社\nscript: zh-Hant';

/** Each block names itself (甲段, 乙段…) and holds a 并, which a zh-Hant text never uses: the lint reports each. */
const NUMBERS = [
	'## 標題甲段并',
	'乙段：會議并發表。',
	'- 丙段：列表并\n- 丙段：列表二',
	'> 丁段：引文并\n>\n> 丁段：引文二',
	'戊段：會議并發表，\n戊段續：接著寫并。',
	'| 己段并 | 二 |\n|---|---|\n| 三 | 四 |',
	'<p>庚段：手寫并</p>',
	'<div>\n\n辛段：在區塊裡并\n\n</div>',
	'壬段：總體并。',
];

const URL = 'https://zh.wikipedia.org/wiki/网络';
const URLS = [`网络：参见 ${URL} 查看网络发展。`, `维基百科的[网络条目](${URL})，或 ${URL}?q=发展#头发 。`];

const site = fixtureSite('editor-loop');

beforeAll(() => {
	site.write('numbers', NUMBERS, TRADITIONAL);
	site.write('urls', URLS);
	site.write('stray', ['他的頭发很長，經濟发展很快。'], TRADITIONAL);
	const build = site.build();
	if (build.status !== 0) throw new Error(`The fixture site did not build:\n${build.output.slice(-4000)}`);
});

afterAll(() => site.remove());

const page = (edition: (typeof EDITIONS)[number], slug: string) => readFileSync(join(site.dist, edition.path, slug, 'index.html'), 'utf8');

/** The text body of a built page, parsed. */
const bodyOf = (html: string) => fromHtml(textBodyHtml(html)!, { fragment: true });

/** Every element of a tree, in document order. */
function elements(node: Nodes): Element[] {
	const own = node.type === 'element' ? [node] : [];
	return 'children' in node ? [...own, ...node.children.flatMap((child) => elements(child as Nodes))] : own;
}

describe("the lint's ¶N is the site's 第N段", () => {
	/** What `npm run lint:content` reports for the text: each finding's line, and ¶N or the kind of block. */
	let findings: { line: number; where: string; label: string }[];
	/** The site's paragraphs in order: id, the 第N段 its citation button names, text. */
	let paragraphs: { id: string; ordinal: number; text: string }[];

	beforeAll(async () => {
		const lint = spawnSync(process.execPath, ['scripts/lint-content.ts', '--content', site.content], { encoding: 'utf8' });
		const source = readFileSync(join(site.content, 'numbers.mdx'), 'utf8').split('\n');
		findings = [...lint.stdout.matchAll(/^\S*numbers\.mdx:(\d+) {2}ERROR {2}(\S+):\d+ /gm)].map((m) => ({
			line: Number(m[1]),
			where: m[2]!,
			label: /[甲乙丙丁戊己庚辛壬]段/.exec(source[Number(m[1]) - 1]!)![0],
		}));
		const all = elements(bodyOf(page(EDITIONS[1], 'numbers')));
		// A paragraph is a <p> with a paragraph id; its citation button (beside it) says which 第N段 it is.
		paragraphs = all
			.filter((element) => element.tagName === 'p' && /^p\d+$/.test(String(element.properties.id)))
			.map((p) => ({
				id: String(p.properties.id),
				ordinal: Number(/第(\d+)段/.exec(String(all.find((element) => element.properties.dataCite === p.properties.id)?.properties.ariaLabel))?.[1]),
				text: toString(p),
			}));
	});

	it('the lint reports every block, and the site numbers four paragraphs p1…p4', () => {
		expect(findings.map((f) => f.label)).toEqual(['甲段', '乙段', '丙段', '丁段', '戊段', '戊段', '己段', '庚段', '辛段', '壬段']);
		expect(paragraphs.map((p) => [p.id, p.ordinal])).toEqual([
			['p1', 1],
			['p2', 2],
			['p3', 3],
			['p4', 4],
		]);
	});

	it('each ¶N the lint names is the paragraph the site numbers N', () => {
		const numbered = findings.filter((f) => f.where.startsWith('¶'));
		expect(numbered.map((f) => f.where)).toEqual(['¶1', '¶2', '¶2', '¶3', '¶4']);
		for (const finding of numbered) {
			const n = Number(finding.where.slice(1));
			expect(paragraphs[n - 1]!.text, `${finding.label} at line ${finding.line}`).toContain(finding.label);
		}
	});

	it('what the lint does not number, the site does not number either', () => {
		const others = findings.filter((f) => !f.where.startsWith('¶'));
		expect(others.map((f) => `${f.label} ${f.where}`)).toEqual(['甲段 heading', '丙段 list', '丁段 quote', '己段 table', '辛段 <div>']);
		for (const finding of others) expect(paragraphs.map((p) => p.text).join('|')).not.toContain(finding.label);
	});
});

describe('URLs written in a text', () => {
	it.each([
		['zh-Hans', `网络：参见 ${URL} 查看网络发展。`],
		['zh-Hant', `網絡：參見 ${URL} 查看網絡發展。`],
		['zh-HK', `網絡：參見 ${URL} 查看網絡發展。`],
	])('stay as written in the %s page, and the words around them are converted', (lang, expected) => {
		const edition = EDITIONS.find((e) => e.lang === lang)!;
		const body = bodyOf(page(edition, 'urls'));
		const texts = elements(body).filter((element) => /^p\d+$/.test(String(element.properties.id))).map((p) => toString(p));
		expect(texts[0]).toContain(expected);
		expect(texts[1]).toContain(`${URL}?q=发展#头发`);
		// Bare URLs stay text; the author's link keeps its address, the same in every edition.
		const hrefs = elements(body).flatMap((element) => (element.tagName === 'a' && String(element.properties.href).includes('wikipedia') ? [element.properties.href] : []));
		expect(hrefs).toEqual([encodeURI(URL)]);
		expect(hrefs).toEqual(elements(bodyOf(page(EDITIONS[0], 'urls'))).flatMap((element) => (element.tagName === 'a' && String(element.properties.href).includes('wikipedia') ? [element.properties.href] : [])));
	});

	it('stay as written in the search records of every edition', () => {
		const fragments = readdirSync(join(site.dist, 'pagefind', 'fragment')).map((file) =>
			JSON.parse(gunzipSync(readFileSync(join(site.dist, 'pagefind', 'fragment', file))).toString('utf8').replace(/^pagefind_dcd/, '')),
		) as { url: string; filters: Record<string, string[]> }[];
		const records = fragments.filter((fragment) => fragment.url.startsWith('/zh-hans/urls/'));
		expect(records).toHaveLength(2);
		for (const record of records) {
			const base = record.filters.x![0]!;
			const inEditions = [base, ...EDITIONS.slice(1).map((_, i) => (record.filters[`x${i + 1}`] ? applyEditionDiff(base, record.filters[`x${i + 1}`]![0]!) : base))];
			expect(inEditions).toHaveLength(EDITIONS.length);
			for (const text of inEditions) expect(text).toContain(URL);
			expect(inEditions[1]).toMatch(/網絡/);
		}
	});
});

describe("a traditional text's stray simplified characters", () => {
	it.each([
		['zh-Hans', '他的头发很长，经济发展很快。'],
		['zh-Hant', '他的頭髮很長，經濟發展很快。'],
		['zh-HK', '他的頭髮很長，經濟發展很快。'],
	])('read as their phrase in the %s page', (lang, expected) => {
		expect(toString(bodyOf(page(EDITIONS.find((e) => e.lang === lang)!, 'stray')))).toContain(expected);
	});
});
