import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { EDITIONS, type Edition } from '../../src/editions.ts';
import { memoryAnchorStore } from '../../src/paragraphs/anchor-record.ts';
import { assignParagraphIds } from '../../src/paragraphs/ids.ts';
import { topLevelParagraphs } from '../../src/paragraphs/numbered.ts';
import { addParagraphTools } from '../../src/paragraphs/tools.ts';
import { ui } from '../../src/ui.ts';

const ids = (html: string) => {
	const tree = fromHtml(html, { fragment: true });
	const count = assignParagraphIds(tree, 'content/x.mdx', memoryAnchorStore()).length;
	return { count, html: toHtml(tree) };
};

describe('paragraph ids', () => {
	it('numbers top-level paragraphs p1…pN in order', () => {
		const { count, html } = ids('<p>一</p><p>二</p><p>三</p>');
		expect(count).toBe(3);
		expect([...html.matchAll(/<p id="(p\d+)">/g)].map((m) => m[1])).toEqual(['p1', 'p2', 'p3']);
	});

	it('skips headings, lists and nested paragraphs', () => {
		const { html } = ids('<h2>题</h2><p>一</p><blockquote><p>引</p></blockquote><ul><li>项</li></ul><p>二</p>');
		expect(html).toContain('<p id="p1">一');
		expect(html).toContain('<p id="p2">二');
		expect(html).toContain('<blockquote><p>引</p></blockquote>');
	});

	it('gives a paragraph its id and its aliases, nothing else: its words stay all it holds', () => {
		const { html } = ids('<p>一<b>二</b></p>');
		expect(html).toBe('<p id="p1">一<b>二</b></p>');
	});

	it('fails, naming the file, when a paragraph is given an id by hand', () => {
		expect(() => ids('<p>一</p><p id="p1">二</p>')).toThrow(/content\/x\.mdx.*given the id "p1" by hand/);
	});

	it('fails, naming the file, when an element reuses a paragraph id', () => {
		expect(() => ids('<p>一</p><div id="p1">二</div>')).toThrow(/content\/x\.mdx.*"p1" is used twice/);
	});
});

describe('paragraph tools', () => {
	const withTools = (html: string, edition: Edition = EDITIONS[0]) => {
		const tree = fromHtml(html, { fragment: true });
		assignParagraphIds(tree, 'content/x.mdx', memoryAnchorStore());
		const remove = addParagraphTools(tree, ui(edition));
		return { tree, html: toHtml(tree, { allowDangerousHtml: true }), remove };
	};

	it('stand right after each top-level paragraph: a ¶ link with an accessible name and hidden copy buttons naming it', () => {
		const { html } = withTools('<p>一</p>\n<blockquote><p>引</p></blockquote>\n<p>二</p>');
		expect(html).toBe(
			'<p id="p1">一</p><div class="para-tools"><a href="#p1" aria-label="第1段的链接">¶</a>' +
				'<button type="button" data-copy="p1" hidden aria-label="复制链接（第1段）">复制链接</button>' +
				'<button type="button" data-cite="p1" hidden aria-label="复制引文（第1段）">复制引文</button></div>\n' +
				'<blockquote><p>引</p></blockquote>\n' +
				'<p id="p2">二</p><div class="para-tools"><a href="#p2" aria-label="第2段的链接">¶</a>' +
				'<button type="button" data-copy="p2" hidden aria-label="复制链接（第2段）">复制链接</button>' +
				'<button type="button" data-cite="p2" hidden aria-label="复制引文（第2段）">复制引文</button></div>',
		);
	});

	it('leave each paragraph holding only its words (and the empty aliases of retired ids)', () => {
		const { tree } = withTools('<p>第一段<a href="https://www.xinhuanet.com/">原文</a></p><p>第二段</p>');
		expect(topLevelParagraphs(tree).map((p) => toString(p))).toEqual(['第一段原文', '第二段']);
	});

	it.each([
		['zh-Hans', '复制链接', '第1段的链接'],
		['zh-Hant', '複製連結', '第1段的連結'],
		['zh-HK', '複製連結', '第1段的連結'],
	])('are worded in the interface words of %s', (lang, copyLink, linkLabel) => {
		const { html } = withTools('<p>一</p>', EDITIONS.find((e) => e.lang === lang)!);
		expect(html).toContain(`>${copyLink}</button>`);
		expect(html).toContain(`aria-label="${linkLabel}"`);
	});

	it('come out again, so one tree serves every edition', () => {
		const { tree, remove } = withTools('<p>一</p><p>二</p>');
		remove();
		expect(toHtml(tree)).toBe('<p id="p1">一</p><p id="p2">二</p>');
	});
});
