/**
 * Small fixture sites built for real. Each is a folder in the project's
 * `.tmp/` (git-ignored) linking to the project's code, with its own content
 * and output, built from its own folder: Astro's `.astro/` (which lists the
 * content modules) is then its own, so fixture builds never trip over other
 * builds running at the same time. (Astro cannot place modules that lie
 * outside and above its root, hence `.tmp/` rather than the system temp.)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The project, which every fixture site links to. */
const PROJECT = resolve('.');
/** What a fixture site shares with the project: everything but its content and its build. */
const SHARED = ['src', 'public', 'node_modules', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface FixtureSite {
	root: string;
	content: string;
	/** Where the site is built. */
	dist: string;
	/** Write files into the content folder (names relative to it). */
	writeFiles(files: Record<string, string>): void;
	/** Write an entry with the given paragraphs (frontmatter added). */
	write(slug: string, paragraphs: string[], frontmatter?: string): void;
	/**
	 * Build it with `npm run build` (scripts/build.ts), or with `astro build`
	 * alone; returns the exit status and everything printed, colours removed.
	 */
	build(options?: { env?: Record<string, string>; astroOnly?: boolean }): { status: number | null; output: string };
	/** Remove the site and the Astro cache kept for it. */
	remove(): void;
}

export function fixtureSite(name: string): FixtureSite {
	mkdirSync(join(PROJECT, '.tmp'), { recursive: true });
	const root = mkdtempSync(join(PROJECT, '.tmp', `${name}-`));
	for (const shared of SHARED) symlinkSync(join(PROJECT, shared), join(root, shared));
	const content = join(root, 'content');
	const dist = join(root, 'dist');
	mkdirSync(content);
	const site: FixtureSite = {
		root,
		content,
		dist,
		writeFiles(files) {
			for (const [file, text] of Object.entries(files)) {
				mkdirSync(dirname(join(content, file)), { recursive: true });
				writeFileSync(join(content, file), text);
			}
		},
		write(slug, paragraphs, frontmatter = 'title: 测试\ndate: 2014-02-27\npublisher: 新华社\nscript: zh-Hans') {
			site.writeFiles({ [`${slug}.mdx`]: `---\n${frontmatter}\n---\n\n${paragraphs.join('\n\n')}\n` });
		},
		build({ env = {}, astroOnly = false } = {}) {
			const command = astroOnly ? [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build'] : [join(PROJECT, 'scripts/build.ts')];
			const run = spawnSync(process.execPath, command, {
				cwd: root,
				env: { ...process.env, NODE_ENV: 'production', FANJIAN_CONTENT: content, FANJIAN_OUT: dist, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
				encoding: 'utf8',
				timeout: 170_000,
				maxBuffer: 64 * 1024 * 1024,
			});
			return { status: run.status, output: `${run.stdout}${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
		},
		remove() {
			rmSync(root, { recursive: true, force: true });
			// The Astro cache astro.config.mjs keeps per output folder.
			rmSync(join(PROJECT, 'node_modules/.astro', dist.replace(/\W+/g, '-')), { recursive: true, force: true });
		},
	};
	return site;
}
