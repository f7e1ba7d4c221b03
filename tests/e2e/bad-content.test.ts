/**
 * Bad content: small fixture sites, each with one broken entry, built with
 * `npm run build` (scripts/build.ts). Each build fails, and its output names
 * the file (and the line where known) and says what to write instead. A
 * failed build leaves the previous site exactly as it was.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, fixtureSite, type FixtureSite } from '../support/fixture-site.ts';

const made: FixtureSite[] = [];
afterAll(() => {
	for (const site of made) site.remove();
});

/** A fixture site holding the given content files. */
function fixture(files: Record<string, string>): FixtureSite {
	const site = fixtureSite('bad-content');
	made.push(site);
	site.writeFiles(files);
	return site;
}

/** An entry: frontmatter lines 1–6, a blank line 7, the body from line 8. */
function entry(fields: Partial<Record<'title' | 'date' | 'publisher' | 'script', string>> = {}, body = '第一段。\n\n第二段。\n'): string {
	const all = { title: '"好文"', date: '2014-02-27', publisher: '"新华社"', script: 'zh-Hans', ...fields };
	const lines = Object.entries(all)
		.filter(([, value]) => value !== '')
		.map(([key, value]) => `${key}: ${value}`);
	return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

type Case = [name: string, files: Record<string, string>, says: (string | RegExp)[]];

const CASES: Case[] = [
	['a missing title', { 'no-title.mdx': entry({ title: '' }) }, [/no-title\.mdx/, 'title: Every text needs a title: add `title: "…"` to its frontmatter.']],
	[
		'a title with ": " in it, unquoted',
		{ 'colon.mdx': entry({ title: '网信办: 新规定' }) },
		[/colon\.mdx:2:11: the frontmatter is not valid YAML: the value of title holds ": "/, 'Put the value in double quotes: title: "网信办: 新规定"'],
	],
	[
		'a quotation mark never closed',
		{ 'open-quote.mdx': entry({ title: '"好文' }) },
		[/open-quote\.mdx:2:8: the frontmatter is not valid YAML: a quotation mark \(\"\) is opened and never closed/, 'Close it at the end of the value on line 2.'],
	],
	[
		'a field the site does not know (its value would be dropped)',
		{ 'typo.mdx': entry().replace('script: zh-Hans', 'script: zh-Hans\nsumary: "一句话"') },
		[/typo\.mdx/, 'A field this site does not know: `sumary:` (did you mean `summary:`?)'],
	],
	[
		'an entry with no words',
		{ 'empty.mdx': entry({}, '{/* 待补 */}\n') },
		[/empty\.mdx:7: the text has no words: nothing after its frontmatter would be published/],
	],
	[
		'an empty file (made and not yet written)',
		{ 'blank.mdx': '' },
		[/blank\.mdx:1: the file is empty: it has neither a frontmatter nor a text/, 'Write its frontmatter (title, date, publisher, script'],
	],
	[
		'an impossible date',
		{ 'bad-date.mdx': entry({ date: '2014-02-30' }) },
		[/bad-date\.mdx:3: "2014-02-30" is not a date/, 'Write the publication date as YYYY-MM-DD on line 3, for example `date: 2014-02-27`.'],
	],
	[
		'a date in another format',
		{ 'date-format.mdx': entry({ date: '27/02/2014' }) },
		[/date-format\.mdx/, 'date: "27/02/2014" is not a date. Write the publication date as YYYY-MM-DD, for example `date: 2014-02-27`.'],
	],
	[
		'an unknown script',
		{ 'zh-cn.mdx': entry({ script: 'zh-CN' }) },
		[/zh-cn\.mdx/, 'script: "zh-CN" is not a script this site stores. Write one of: `script: zh-Hans`, `script: zh-Hant`, `script: zh-HK`.'],
	],
	[
		'a duplicate slug (one file name in two folders)',
		{ 'one/same.mdx': entry(), 'two/same.mdx': entry() },
		[/Two texts have the slug "same": (one|two)\/same\.mdx and (one|two)\/same\.mdx\./, /Rename one of them, for example `(one|two)\/same-2\.mdx`/],
	],
	[
		'a file named as a year (the year’s archive has that address)',
		{ '2014.mdx': entry() },
		[/The file name of \S*2014\.mdx cannot be its URL slug: "2014" is digits only: \/<edition>\/2014\/ is the address of the archive of the year 2014\./, 'for example `text-2014.mdx`'],
	],
	[
		'unclosed JSX',
		{ 'unclosed.mdx': entry({}, '第一段。\n\n第二段<b>加粗。\n\n第三段。\n') },
		[/unclosed\.mdx:10:4/, 'Expected a closing tag for `<b>`', 'close it (</b>), or, if the "<" is text, write it escaped: \\<'],
	],
	[
		'brackets and an expression read as MDX, not as the text written',
		{ 'brackets.mdx': entry({}, '第一段。\n\n该负责人[1]{1}表示。\n') },
		[
			/brackets\.mdx:10:5: 3 places would not be published as written:/,
			'brackets.mdx:10:5  "[" in the text is read as MDX syntax. Write it escaped: \\[ (as in 该负责人\\[1]{1}表示。).',
			'brackets.mdx:10:7  "]" in the text is read as MDX syntax. Write it escaped: \\]',
			'brackets.mdx:10:8  {1} is an MDX expression: MDX would run it as JavaScript',
			'if the braces are text, write \\{1\\}',
		],
	],
	[
		'an editor\'s note in braces, which MDX would run as code',
		{ 'editor-note.mdx': entry({}, '第一段。\n\n{编者}按：这是按语。\n') },
		[/editor-note\.mdx:10:1: one place would not be published as written:/, 'editor-note.mdx:10:1  {编者} is an MDX expression', 'write \\{编者\\}'],
	],
	[
		'a less-than sign in the text',
		{ 'less-than.mdx': entry({}, '第一段。\n\n增速<15%的地区。\n') },
		[/less-than\.mdx:10:3: one place would not be published as written:/, '"<" here starts an HTML tag, which MDX cannot read. If it is text, write it escaped: \\< (as in 增速\\<15%的地区。).'],
	],
	[
		'a raw <script>',
		{ 'raw-script.mdx': entry({}, '第一段。\n\n<script>window.__pwned = 1</script>\n\n第三段。\n') },
		[/raw-script\.mdx:10: <script> is not allowed in a text\./, 'Remove the <script> element: texts run no code'],
	],
	[
		'two paragraphs given the same id',
		{ 'same-id.mdx': entry({}, '第一段。\n\n<blockquote><p id="p2">引文。</p></blockquote>\n\n第三段。\n') },
		[/same-id\.mdx:10: the id "p2" is used twice in this text\./, 'Paragraph ids p1…pN are given by the build: remove `id="p2"` at line 10.'],
	],
	[
		'a paragraph given its id by hand',
		{ 'own-id.mdx': entry({}, '第一段。\n\n<p id="p1">第二段。</p>\n') },
		[/own-id\.mdx:10: a paragraph is given the id "p1" by hand\./, 'Paragraph ids are given by the build, so that links to them last: remove `id="p1"` at line 10.'],
	],
	[
		'a pinned reading that does not fit its word',
		{ 'bad-pinyin.mdx': entry({}, '单于来朝。\n').replace('script: zh-Hans', 'script: zh-Hans\npinyin: { 单于: chan }') },
		[/bad-pinyin\.mdx/, '"单于" has 2 Han characters but its pinned reading "chan" has 1 syllable: write one syllable per character, `单于: … …`.'],
	],
];

describe('a broken entry fails the build, naming the file and the fix', () => {
	it.each(CASES)('%s', (_name, files, says) => {
		const site = fixture(files);
		const { status, output } = site.build();
		expect(status, output).not.toBe(0);
		for (const words of says) expect(output).toMatch(words instanceof RegExp ? words : new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
		// Never the bare runtime error of a page, nor MDX's talk of JSX.
		expect(output).not.toMatch(/ReferenceError|JSX/);
		expect(output).toContain(`The build failed; Nothing was written to ${site.dist}.`);
		expect(existsSync(site.dist)).toBe(false);
	});

});

/** Every file of a folder with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (at: string) => {
		for (const entry of readdirSync(at, { withFileTypes: true })) {
			const path = join(at, entry.name);
			if (entry.isDirectory()) walk(path);
			else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
		}
	};
	walk(dir);
	return files;
}

describe('npm run build', () => {
	it('leaves the previous site untouched when a build fails, and replaces it whole when one succeeds', () => {
		const site = fixture({ 'good.mdx': entry({ title: '"第一版"' }) });
		const first = site.build();
		expect(first.status, first.output).toBe(0);
		const before = snapshot(site.dist);
		expect(Object.keys(before)).toContain(join('zh-hant', 'good', 'index.html'));

		site.writeFiles({ 'broken.mdx': entry({}, '第一段。\n\n<script>alert(1)</script>\n'), 'good.mdx': entry({ title: '"第二版"' }) });
		const failed = site.build();
		expect(failed.status).not.toBe(0);
		expect(failed.output).toContain(`The build failed; ${site.dist} still holds the previous site.`);
		expect(snapshot(site.dist)).toEqual(before);
		expect(readdirSync(site.root).filter((name) => name.includes('dist'))).toEqual(['dist']);

		rmSync(join(site.content, 'broken.mdx'));
		const fixed = site.build();
		expect(fixed.status, fixed.output).toBe(0);
		expect(readFileSync(join(site.dist, 'zh-hant', 'good', 'index.html'), 'utf8')).toContain('第二版');
		expect(readdirSync(site.root).filter((name) => name.includes('dist'))).toEqual(['dist']);
	}, 3 * BUILD_TIMEOUT);
});
