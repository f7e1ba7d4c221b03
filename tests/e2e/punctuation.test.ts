/**
 * Quotation marks as each edition's readers write them, on a site built for
 * real: nested quotations, a quotation over two paragraphs, a URL and code
 * inside quotation marks, kept passages and Latin text, in the text, its
 * title and summary and the lists of texts; and a text stored in
 * traditional characters with 「『』」, read in 简体. The edition of a
 * text's own script shows its marks as stored (doubles nested in doubles).
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixture-site.ts';
import { elements } from '../support/pages.ts';

const site = fixtureSite('punctuation');

beforeAll(() => {
	site.write(
		'quotes',
		[
			'他说：“我们要建设‘网络强国’。”',
			'习近平指出：“第一，网络安全和信息化是一体之两翼，',
			'“第二，要有自己的技术，‘千军易得’。”',
			'参见“[https://www.cac.gov.cn/](https://www.cac.gov.cn/)”，运行“`echo “网络”`”。',
			'<span data-no-convert>“网络”</span>和 Don’t say “no”. 以及<span lang="en">“Internet”</span>。',
			'他说“我想“走”了”',
		],
		'title: 关于“网络强国”的讲话\ndate: 2014-02-27\npublisher: 新华社\nsummary: 他说：“要建设‘网络强国’。”\nscript: zh-Hans',
	);
	site.write('corner', ['他說：「我們要建設『網絡強國』。」'], 'title: 論「網絡強國」\ndate: 2014-02-28\npublisher: 中央社\nscript: zh-Hant');
	const build = site.build({ astroOnly: true });
	if (build.status !== 0) throw new Error(build.output);
});
afterAll(() => site.remove());

/** A built page as a tree, and its elements. */
const page = (path: string) => elements(fromHtml(readFileSync(join(site.dist, path, 'index.html'), 'utf8')));
const textOf = (found: Element[], test: (element: Element) => boolean) => found.filter(test).map((element) => toString(element));
const paragraphs = (found: Element[]) => textOf(found, (element) => element.tagName === 'p' && typeof element.properties.id === 'string');

describe.each([
	[
		'zh-hans',
		[
			'他说：“我们要建设‘网络强国’。”',
			'习近平指出：“第一，网络安全和信息化是一体之两翼，',
			'“第二，要有自己的技术，‘千军易得’。”',
			'参见“https://www.cac.gov.cn/”，运行“echo “网络””。',
			'“网络”和 Don’t say “no”. 以及“Internet”。',
			'他说“我想“走”了”',
		],
		'关于“网络强国”的讲话',
		'他说：“要建设‘网络强国’。”',
		['他说：“我们要建设‘网络强国’。”'],
		'论“网络强国”',
	],
	[
		'zh-hant',
		[
			'他說：「我們要建設『網絡強國』。」',
			'習近平指出：「第一，網絡安全和信息化是一體之兩翼，',
			'「第二，要有自己的技術，『千軍易得』。」',
			'參見「https://www.cac.gov.cn/」，運行「echo “网络”」。',
			'“网络”和 Don’t say “no”. 以及“Internet”。',
			'他說「我想『走』了」',
		],
		'關於「網絡強國」的講話',
		'他說：「要建設『網絡強國』。」',
		['他說：「我們要建設『網絡強國』。」'],
		'論「網絡強國」',
	],
	[
		'zh-hk',
		[
			'他説：「我們要建設『網絡強國』。」',
			'習近平指出：「第一，網絡安全和信息化是一體之兩翼，',
			'「第二，要有自己的技術，『千軍易得』。」',
			'參見「https://www.cac.gov.cn/」，運行「echo “网络”」。',
			'“网络”和 Don’t say “no”. 以及“Internet”。',
			'他説「我想『走』了」',
		],
		'關於「網絡強國」的講話',
		'他説：「要建設『網絡強國』。」',
		['他説：「我們要建設『網絡強國』。」'],
		'論「網絡強國」',
	],
])('in %s', (edition, texts, title, summary, cornerTexts, cornerTitle) => {
	it('the text: nested quotations a level deeper, a quotation over two paragraphs opening both; code, kept passages and Latin as written; as published in the edition of its own script', () => {
		expect(paragraphs(page(`${edition}/quotes`))).toEqual(texts);
	});

	it('leaves the code and the link’s address exactly as written', () => {
		const found = page(`${edition}/quotes`);
		expect(textOf(found, (element) => element.tagName === 'code')).toEqual(['echo “网络”']);
		expect(found.filter((element) => element.tagName === 'a' && element.properties.href === 'https://www.cac.gov.cn/')).toHaveLength(1);
	});

	it('the title, the page title, the summary (description) and the list of texts, in the same marks', () => {
		const found = page(`${edition}/quotes`);
		expect(textOf(found, (element) => element.tagName === 'h1')).toEqual([title]);
		expect(textOf(found, (element) => element.tagName === 'title')).toEqual([`${title} · ${edition === 'zh-hans' ? '繁简' : '繁簡'}`]);
		expect(found.find((element) => element.properties.name === 'description')?.properties.content).toBe(summary);
		expect(found.find((element) => element.tagName === 'article')?.properties.dataCiteTitle).toBe(title);
		expect(textOf(page(edition), (element) => element.tagName === 'a' && String(element.properties.href).endsWith('/quotes/'))).toEqual([title]);
	});

	it('a text stored in traditional characters with 「『』」 in the same marks', () => {
		const found = page(`${edition}/corner`);
		expect(paragraphs(found)).toEqual(cornerTexts);
		expect(textOf(found, (element) => element.tagName === 'h1')).toEqual([cornerTitle]);
	});
});

it('the home page lists the titles in 简体 marks', () => {
	const titles = textOf(page(''), (element) => element.properties.className?.toString() === 'text-list-title');
	expect(titles).toEqual(['论“网络强国”', '关于“网络强国”的讲话']);
});
