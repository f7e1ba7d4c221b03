import { fromHtml } from 'hast-util-from-html';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejectUnsafeMarkup } from '../../src/texts/safety.ts';
import { checkWrittenDate } from '../../src/schemas/written-date.ts';

/** The error a rendered text raises, as message and hint, with its source written to a file for the line. */
function rejection(html: string, source = html): string {
	const file = join(mkdtempSync(join(tmpdir(), 'fanjian-safety-')), 'text.mdx');
	writeFileSync(file, `---\ntitle: x\n---\n\n${source}\n`);
	try {
		rejectUnsafeMarkup(fromHtml(html, { fragment: true }), file);
	} catch (error) {
		return `${(error as Error).message.replace(file, 'text.mdx')} | ${(error as { hint?: string }).hint}`;
	}
	return 'accepted';
}

describe('unsafe markup in a text', () => {
	it.each([
		['<script>', '<p>a</p><script>alert(1)</script>', 'text.mdx:5: <script> is not allowed in a text. | Remove the <script> element: texts run no code; the site\'s own scripts live in src/client/ (line 5).'],
		['<iframe>', '<iframe src="https://example.com"></iframe>', 'text.mdx:5: <iframe> is not allowed in a text. | Remove the <iframe> element: link to the page instead: `<a href="https://…">…</a>` (line 5).'],
		['<object>', '<object data="x.swf"></object>', 'text.mdx:5: <object> is not allowed in a text. | Remove the <object> element: link to the file instead: `<a href="https://…">…</a>` (line 5).'],
		['<embed>', '<embed src="x.swf">', 'text.mdx:5: <embed> is not allowed in a text. | Remove the <embed> element: link to the file instead: `<a href="https://…">…</a>` (line 5).'],
		['an event handler', '<p><span onclick="steal()">a</span></p>', 'text.mdx:5: The event handler onclick="…" on <span> is not allowed in a text. | Remove the onclick attribute: texts run no code (line 5).'],
		['SVG animation that sets a link', '<svg><a><animate attributeName="href" values="javascript:alert(1)"></animate><text>x</text></a></svg>', 'text.mdx:5: <animate> is not allowed in a text. | Remove the <animate> element: texts need no SVG animation (line 5).'],
		['a form', '<form action="https://example.com"><button>x</button></form>', 'text.mdx:5: <form> is not allowed in a text. | Remove the <form> element: texts collect nothing from readers (line 5).'],
		['a javascript: link', '<p><a href="javascript:alert(1)">a</a></p>', 'text.mdx:5: The script URL javascript:alert(1) is not allowed in a text. | Link to an https:// address instead of javascript: (line 5).'],
		['a javascript: link hidden by case and a tab', '<p><a href="JaVa\tScript:alert(1)">a</a></p>', 'text.mdx: The script URL JaVa\tScript:alert(1) is not allowed in a text. | Link to an https:// address instead of JaVa\tScript:.'],
	])('%s is rejected with the line and the fix', (_case, html, message) => {
		expect(rejection(html)).toBe(message);
	});

	it.each([
		['text, links and the paragraph tools', '<p id="p1">第一段<a href="https://www.xinhuanet.com/">原文</a></p><div class="para-tools"><a href="#p1">¶</a><button type="button">复制链接</button></div>'],
		['a table aligned by MDX', '<table><tr><td style="text-align:left">甲</td></tr></table>'],
		['the word script in text', '<p>&lt;script&gt; 与 javascript: 只是文字</p>'],
	])('%s is accepted', (_case, html) => {
		expect(rejection(html)).toBe('accepted');
	});
});

describe('the date as written', () => {
	const front = (date: string) => `---\ntitle: x\ndate: ${date}\n---\n\n正文\n`;
	it.each(['2014-02-27', '2016-02-29', '"2014-02-27"'])('accepts %s', (date) => {
		expect(() => checkWrittenDate('a.mdx', front(date))).not.toThrow();
	});
	it.each([
		['2014-02-30', 'a.mdx:3: "2014-02-30" is not a date (2014 has no 2/30); YAML would silently read it as another day.'],
		['2015-02-29', 'a.mdx:3: "2015-02-29" is not a date (2015 has no 2/29); YAML would silently read it as another day.'],
		['"2014-13-01"', 'a.mdx:3: "2014-13-01" is not a date (2014 has no 13/1); YAML would silently read it as another day.'],
	])('rejects %s, naming the line', (date, message) => {
		expect(() => checkWrittenDate('a.mdx', front(date))).toThrow(message);
	});
	it('reads only the frontmatter', () => {
		expect(() => checkWrittenDate('a.mdx', `${front('2014-02-27')}date: 2014-02-30\n`)).not.toThrow();
	});
});
