/**
 * Small fixture sites built for real. Each is a folder in the project's
 * `.tmp/` (git-ignored) linking to the project's code, with its own content
 * and output, built from its own folder: Astro's `.astro/` (which lists the
 * content modules) is then its own, so fixture builds never trip over other
 * builds running at the same time. (Astro cannot place modules that lie
 * outside and above its root, hence `.tmp/` rather than the system temp.)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildArgs } from '../../src/build/command.ts';

/** The project, which every fixture site links to. */
const PROJECT = resolve('.');
/** What a fixture site shares with the project: everything but its content and its build. */
const SHARED = ['src', 'public', 'node_modules', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** How long one fixture build may take (a test running several builds allows this for each). */
export const BUILD_TIMEOUT = 170_000;

/** Variables Vitest sets for its own tests: VITEST*, NODE_ENV=test and import.meta.env's. */
const VITEST_VARIABLES = /^(VITEST.*|NODE_ENV|TEST|BASE_URL|MODE|DEV|PROD|SSR)$/;

/**
 * The environment of a command as a person runs it: without Vitest's
 * variables (with VITEST set, `astro dev` answers every page with a 404),
 * and without colours in what it prints.
 */
function commandEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITEST_VARIABLES.test(name))), NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

/** `astro dev` serving a fixture site. */
export interface DevServer {
	/** `http://127.0.0.1:<port>`. */
	url: string;
	/** Everything the server printed so far, colours removed. */
	readonly log: string;
	/** Stop the server and every process it started, and wait until they are gone. */
	stop(): Promise<void>;
}

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
	/**
	 * Start `astro dev` on it, on 127.0.0.1, in a process group of its own
	 * (so stopping it ends Vite's workers too). Resolves once it serves.
	 */
	dev(): Promise<DevServer>;
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
			const command = astroOnly ? [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build'] : buildArgs(join(PROJECT, 'scripts/build.ts'));
			const run = spawnSync(process.execPath, command, {
				cwd: root,
				env: commandEnv({ NODE_ENV: 'production', FANJIAN_CONTENT: content, FANJIAN_OUT: dist, ...env }),
				encoding: 'utf8',
				timeout: BUILD_TIMEOUT,
				maxBuffer: 64 * 1024 * 1024,
			});
			return { status: run.status, output: `${run.stdout}${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
		},
		dev() {
			// A port of its own, most likely free; if not, Astro takes the next one and says which.
			const port = String(4400 + Math.floor(Math.random() * 500));
			const child = spawn(process.execPath, [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', port], {
				cwd: root,
				env: commandEnv({ FANJIAN_CONTENT: content, FANJIAN_OUT: dist }),
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			});
			let log = '';
			const exited = new Promise<void>((done) => child.once('exit', () => done()));
			const signal = (name: NodeJS.Signals) => {
				try {
					process.kill(-child.pid!, name);
				} catch {
					// The group has gone already.
				}
			};
			const server: DevServer = {
				url: '',
				get log() {
					return log;
				},
				async stop() {
					signal('SIGTERM');
					const kill = setTimeout(() => signal('SIGKILL'), 10_000);
					await exited;
					clearTimeout(kill);
				},
			};
			return new Promise((ready, fail) => {
				// A server that never serves is stopped here: the caller has nothing to stop yet.
				const late = setTimeout(() => void server.stop().then(() => fail(new Error(`astro dev did not serve within 150 s:\n${log}`))), 150_000);
				const read = (chunk: Buffer) => {
					log += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
					const local = /Local\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(log);
					if (local && !server.url) {
						clearTimeout(late);
						ready(Object.assign(server, { url: local[1]! }));
					}
				};
				child.stdout.on('data', read);
				child.stderr.on('data', read);
				child.once('exit', (code) => {
					clearTimeout(late);
					fail(new Error(`astro dev ended (exit code ${code}) before it served:\n${log}`));
				});
			});
		},
		remove() {
			// Retried: a process that has just ended may still be letting go of files in it.
			rmSync(root, { recursive: true, force: true, maxRetries: 5 });
			// The Astro cache astro.config.mjs keeps per output folder.
			rmSync(join(PROJECT, 'node_modules/.astro', dist.replace(/\W+/g, '-')), { recursive: true, force: true });
		},
	};
	return site;
}
