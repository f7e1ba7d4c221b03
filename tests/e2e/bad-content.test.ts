/**
 * Bad content: small fixture sites, each with one broken entry, built with
 * `npm run build` (scripts/build.ts). Each build fails, and its output names
 * the file (and the line where known) and says what to write instead. A
 * failed build leaves the previous site exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The project, which every fixture site links to. */
const PROJECT = resolve('.');
/** What a fixture site shares with the project: everything but its content and its build. */
const SHARED = ['src', 'public', 'node_modules', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const made: string[] = [];

afterAll(() => {
	for (const dir of made) {
		rmSync(dir, { recursive: true, force: true });
		// The Astro cache astro.config.mjs keeps per output folder.
		rmSync(join(PROJECT, 'node_modules/.astro', join(dir, 'dist').replace(/\W+/g, '-')), { recursive: true, force: true });
	}
});

/**
 * A fixture site: a folder linking to the project's code, with its own
 * content and build. Built from its own folder, so Astro's `.astro/` (which
 * lists the content modules) is its own, not the project's, and fixture
 * builds cannot trip over other builds running at the same time. It lives in
 * the project's .tmp/ (git-ignored): Astro cannot place modules that lie
 * outside and above its root.
 */
function fixture(files: Record<string, string>): { root: string; content: string; out: string } {
	mkdirSync(join(PROJECT, '.tmp'), { recursive: true });
	const root = mkdtempSync(join(PROJECT, '.tmp', 'bad-content-'));
	made.push(root);
	for (const name of SHARED) symlinkSync(join(PROJECT, name), join(root, name));
	const content = join(root, 'content');
	writeContent(content, files);
	return { root, content, out: join(root, 'dist') };
}

function writeContent(content: string, files: Record<string, string>): void {
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(dirname(join(content, name)), { recursive: true });
		writeFileSync(join(content, name), text);
	}
}

/** `npm run build` of a fixture: its exit status and everything it printed, colours removed. */
function build(site: { root: string; content: string; out: string }): { status: number | null; output: string } {
	const run = spawnSync(process.execPath, [join(PROJECT, 'scripts/build.ts')], {
		cwd: site.root,
		env: { ...process.env, FANJIAN_CONTENT: site.content, FANJIAN_OUT: site.out, NO_COLOR: '1', FORCE_COLOR: '0' },
		encoding: 'utf8',
		timeout: 170_000,
	});
	return { status: run.status, output: `${run.stdout}${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
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
];

describe('a broken entry fails the build, naming the file and the fix', () => {
	it.each(CASES)('%s', (_name, files, says) => {
		const site = fixture(files);
		const { status, output } = build(site);
		expect(status, output).not.toBe(0);
		for (const words of says) expect(output).toMatch(words instanceof RegExp ? words : new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
		expect(output).toContain(`The build failed; Nothing was written to ${site.out}.`);
		expect(existsSync(site.out)).toBe(false);
	});

	// src/paragraphs/ids.ts renumbers a top-level <p id="p1"> silently (to p2) instead of
	// failing; the collision is only caught below the top level (the case above).
	it.todo('a top-level <p id="p1"> that the build would renumber');
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
		const first = build(site);
		expect(first.status, first.output).toBe(0);
		const before = snapshot(site.out);
		expect(Object.keys(before)).toContain(join('zh-hant', 'good', 'index.html'));

		writeContent(site.content, { 'broken.mdx': entry({}, '第一段。\n\n<script>alert(1)</script>\n'), 'good.mdx': entry({ title: '"第二版"' }) });
		const failed = build(site);
		expect(failed.status).not.toBe(0);
		expect(failed.output).toContain(`The build failed; ${site.out} still holds the previous site.`);
		expect(snapshot(site.out)).toEqual(before);
		expect(readdirSync(site.root).filter((name) => name.includes('dist'))).toEqual(['dist']);

		rmSync(join(site.content, 'broken.mdx'));
		const fixed = build(site);
		expect(fixed.status, fixed.output).toBe(0);
		expect(readFileSync(join(site.out, 'zh-hant', 'good', 'index.html'), 'utf8')).toContain('第二版');
		expect(readdirSync(site.root).filter((name) => name.includes('dist'))).toEqual(['dist']);
	});
});
