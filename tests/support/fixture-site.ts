/**
 * Small fixture sites built for real: a content folder in a temporary
 * directory, built with `astro build` into a folder beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FixtureSite {
	content: string;
	dist: string;
	/** Write an entry (frontmatter added) with the given paragraphs. */
	write(slug: string, paragraphs: string[], frontmatter?: string): void;
	/** Build it; returns the exit status and everything the build printed. */
	build(env?: Record<string, string>): { status: number | null; output: string };
}

export function fixtureSite(name: string): FixtureSite {
	const root = mkdtempSync(join(tmpdir(), `fanjian-${name}-`));
	const content = join(root, 'content');
	const dist = join(root, 'dist');
	mkdirSync(content);
	return {
		content,
		dist,
		write(slug, paragraphs, frontmatter = 'title: 测试\ndate: 2014-02-27\npublisher: 新华社\nscript: zh-Hans') {
			writeFileSync(join(content, `${slug}.mdx`), `---\n${frontmatter}\n---\n\n${paragraphs.join('\n\n')}\n`);
		},
		build(env = {}) {
			const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
				env: { ...process.env, FANJIAN_CONTENT: content, FANJIAN_OUT: dist, ...env },
				encoding: 'utf8',
			});
			return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
		},
	};
}
