/**
 * entryRefusal: why the build would refuse one entry, as `npm run dev` shows
 * it (src/texts/refusal.ts), in the build's order and with its place.
 */
import { describe, expect, it } from 'vitest';
import { entryRefusal } from '../../src/texts/refusal.ts';

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
