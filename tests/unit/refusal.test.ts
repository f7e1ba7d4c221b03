/**
 * entryRefusal: why the build would refuse one entry, as `npm run dev` shows
 * it (src/texts/refusal.ts), in the build's order and with its place.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryRefusal, refusedEntryPage } from '../../src/texts/refusal.ts';

const FRONTMATTER = ['title: 测试', 'date: 2014-02-27', 'publisher: 新华社', 'script: zh-Hans'];
/** An entry: its frontmatter lines (the four above unless given), then its body. */
const entry = (body: string, frontmatter: string[] = FRONTMATTER) => `---\n${frontmatter.join('\n')}\n---\n\n${body}\n`;

describe('entryRefusal', () => {
	it('refuses nothing in an entry the build publishes', () => {
		expect(entryRefusal('content/good.mdx', entry('第一段。\n\n第二段。'))).toBeUndefined();
	});

	it.each<[kind: string, file: string, source: string, message: RegExp, line: number | undefined, column: number | undefined]>([
		['a file name that is no slug', 'content/2014.mdx', entry('正文。'), /^The file name of content\/2014\.mdx cannot be its URL slug/, undefined, undefined],
		['YAML it cannot read', 'content/x.mdx', entry('正文。', ['title: 网信办: 新规定', ...FRONTMATTER.slice(1)]), /^content\/x\.mdx:2:11: the frontmatter is not valid YAML/, 2, 11],
		...(['title', 'publisher', 'script'] as const).map((field, i) => {
			const lines = [...FRONTMATTER];
			const at = [0, 2, 3][i]!;
			lines[at] = lines[at]!.replace(': ', '：');
			// As a Chinese input method types it: YAML gives up a line or more later, in words of its own.
			return [`a full-width colon after ${field}`, 'content/x.mdx', entry('正文。', lines), new RegExp(`^content/x\\.mdx:${at + 2}:${field.length + 1}: the frontmatter is not valid YAML: the field name ${field} is followed by a full-width colon`), at + 2, field.length + 1] as [string, string, string, RegExp, number, number];
		}),
		['a date the calendar lacks', 'content/x.mdx', entry('正文。', [...FRONTMATTER.slice(0, 1), 'date: 2014-13-40', ...FRONTMATTER.slice(2)]), /^content\/x\.mdx:3: "2014-13-40" is not a date/, 3, undefined],
		['markup MDX would not publish as written', 'content/x.mdx', entry('甲{乙}丙。'), /^content\/x\.mdx:8:2: one place would not be published as written/, 8, 2],
		['no words', 'content/x.mdx', entry(''), /^content\/x\.mdx:\d+: the text has no words/, 7, undefined],
		['an empty file', 'content/x.mdx', '', /^content\/x\.mdx:1: the file is empty: it has neither a frontmatter nor a text/, 1, undefined],
		['a field the site does not know', 'content/x.mdx', entry('正文。', [...FRONTMATTER, 'sumary: 摘要']), /^content\/x\.mdx:6: frontmatter: .*`sumary:`.*`summary:`/, 6, undefined],
		['a missing field', 'content/x.mdx', entry('正文。', FRONTMATTER.slice(1)), /^content\/x\.mdx: frontmatter title: /, undefined, undefined],
	])('refuses %s, naming the place and the fix', (kind, file, source, message, line, column) => {
		const refusal = entryRefusal(file, source);
		if (kind.startsWith('a full-width colon')) expect(refusal?.hint).toMatch(/^Write an ASCII colon and a space: \w+: /);
		expect(refusal?.message).toMatch(message);
		expect(refusal?.hint).not.toBe('');
		expect(refusal?.line).toBe(line);
		expect(refusal?.column).toBe(column);
	});

	it("refuses a slug another entry has, naming both", () => {
		const refusal = entryRefusal('content/second.mdx', entry('正文。'), ['content/2016/second.mdx']);
		expect(refusal?.message).toBe('Two texts have the slug "second": content/2016/second.mdx and content/second.mdx.');
		expect(refusal?.hint).toMatch(/^Rename one of them/);
	});

	it('names every fault of the fields at once, each at its line', () => {
		const refusal = entryRefusal('content/x.mdx', entry('正文。', [FRONTMATTER[0]!, FRONTMATTER[2]!, 'sumary: 摘要']));
		expect(refusal?.message.split('\n')).toEqual([
			expect.stringMatching(/^content\/x\.mdx: frontmatter date: Every text needs its publication date/),
			expect.stringMatching(/^ {2}content\/x\.mdx: frontmatter script: Every text needs the script/),
			expect.stringMatching(/^ {2}content\/x\.mdx:4: frontmatter: A field this site does not know: `sumary:`/),
		]);
	});

	it('names the first fault as the build meets it: the YAML before the markup', () => {
		const refusal = entryRefusal('content/x.mdx', entry('甲{乙}丙。', ['title: 网信办: 新规定', ...FRONTMATTER.slice(1)]));
		expect(refusal?.message).toMatch(/not valid YAML/);
	});
});

describe('refusedEntryPage', () => {
	const saved = (name: string, source: string) => {
		const dir = mkdtempSync(join(tmpdir(), 'fanjian-refused-'));
		const path = join(dir, name);
		writeFileSync(path, source);
		return { path, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
	};

	it('is none for an entry the build publishes', () => {
		using file = saved('fine-text.mdx', entry('正文。'));
		expect(refusedEntryPage(file.path)).toBeUndefined();
	});

	it("says the build's message, the fix and the line, and names the site's icon (no request for a /favicon.ico the site lacks)", async () => {
		using file = saved('bad-text.mdx', entry('甲{乙}丙。'));
		const response = refusedEntryPage(file.path)!;
		expect(response.status).toBe(500);
		const html = await response.text();
		expect(html).toMatch(/one place would not be published as written/);
		expect(html).toMatch(/<mark><span class="n">8<\/span>甲\{乙\}丙。<\/mark>/);
		expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
	});

	it('tells an empty file it is empty', async () => {
		using file = saved('new-text.mdx', '');
		expect(await refusedEntryPage(file.path)!.text()).toMatch(/the file is empty: it has neither a frontmatter nor a text/);
	});
});
