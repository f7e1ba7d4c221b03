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
import { fixtureSite, type FixtureSite } from '../support/fixture-site.ts';

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
		[/unclosed\.mdx:10:4/, 'Expected a closing tag for `<b>`'],
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
];

describe('a broken entry fails the build, naming the file and the fix', () => {
	it.each(CASES)('%s', (_name, files, says) => {
		const site = fixture(files);
		const { status, output } = site.build();
		expect(status, output).not.toBe(0);
		for (const words of says) expect(output).toMatch(words instanceof RegExp ? words : new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
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
	});
});
