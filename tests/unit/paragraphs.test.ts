import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { memoryAnchorStore } from '../../src/paragraphs/anchor-record.ts';
import { assignParagraphIds, controlLabels } from '../../src/paragraphs/ids.ts';

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

	it('adds a permalink with an accessible name and a hidden copy button, kept out of search', () => {
		const { html } = ids('<p>一</p>');
		expect(html).toContain('<span class="para-tools" data-pagefind-ignore="">');
		expect(html).toContain('<a class="para-link" href="#p1" aria-label="第1段的链接">¶</a>');
		expect(html).toMatch(/<button type="button" class="para-copy" data-copy="p1" hidden aria-label="复制链接（第1段）">复制链接<\/button>/);
		expect(html).toMatch(/<button type="button" class="para-cite" data-cite="p1" data-ordinal="1" hidden aria-label="复制引文（第1段）">复制引文<\/button>/);
	});

	it('writes the controls in the script the text is stored in, for its converter to carry into each edition', () => {
		const tree = fromHtml('<p>一</p>', { fragment: true });
		assignParagraphIds(tree, 'content/x.mdx', memoryAnchorStore(), controlLabels('zh-Hant'));
		expect(toHtml(tree)).toContain('>複製鏈接</button>');
	});

	it('fails, naming the file, when a paragraph is given an id by hand', () => {
		expect(() => ids('<p>一</p><p id="p1">二</p>')).toThrow(/content\/x\.mdx.*given the id "p1" by hand/);
	});

	it('fails, naming the file, when an element reuses a paragraph id', () => {
		expect(() => ids('<p>一</p><div id="p1">二</div>')).toThrow(/content\/x\.mdx.*"p1" is used twice/);
	});
});
