/**
 * `npm run build`: build the site into a sibling folder and put it in place
 * only when the whole build (pages and search index) succeeded, so a failed
 * build never leaves a half-written site where the old one was.
 *
 * The site ends up in FANJIAN_OUT (default `dist/`), as with `astro build`;
 * the build itself runs in `.<name>.next` beside it, then the folders swap.
 * The search index is written from the built pages: each text is read as
 * soon as `astro build` says its pages are written (src/build/integration.ts),
 * on this process's core while Astro renders on its own; Pagefind runs once
 * `astro build` has exited, so Astro's memory and Pagefind's are never held
 * at the same time.
 *
 * Usage: node --max-semi-space-size=2 scripts/build.ts [--verbose | --silent]
 * (`npm run build`; the flag keeps this process's heap small while it reads
 * the texts: src/build/command.ts). Its options are Astro's two for what the
 * build prints; the others (`--outDir`, `--site`…) would build a site the
 * swap and the index do not know, so the command line refuses them.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseCommandLine, type CommandSpec } from '../src/command-line.ts';
import { counted } from '../src/counted.ts';
import { EDITIONS } from '../src/editions.ts';
import type { TextWritten } from '../src/build/integration.ts';
import { TextReader, writeSearchIndex } from '../src/search/index-build.ts';

const BUILD = {
	command: 'npm run build --',
	synopsis: '[--verbose | --silent]',
	summary:
		'Builds the site and its search index beside the site in place, then swaps them in: a failed build leaves the old site. Writes to dist/, or to FANJIAN_OUT; FANJIAN_SITE=https://your.domain names the host in canonical links, feeds, sitemaps and robots.txt.',
	options: {
		verbose: { type: 'boolean', description: "Astro's debug output" },
		silent: { type: 'boolean', description: 'Astro says nothing but errors' },
	},
} as const satisfies CommandSpec;
const { values } = parseCommandLine(BUILD);
const astroOptions = [...(values.verbose ? ['--verbose'] : []), ...(values.silent ? ['--silent'] : [])];

const out = resolve(process.env.FANJIAN_OUT ?? 'dist');
/** Where the new site is built: beside the old one, so the swap is a rename on one file system. */
const next = join(dirname(out), `.${basename(out)}.next`);
/** Where the old site waits while the new one moves in. */
const previous = join(dirname(out), `.${basename(out)}.previous`);

rmSync(next, { recursive: true, force: true });
const reader = new TextReader(next, EDITIONS);
const astro = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', ...astroOptions], {
	stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
	// Keep FANJIAN_OUT's cache (astro.config.mjs names the cache after the output folder).
	// A build is a production build, whoever runs it (vitest sets NODE_ENV=test,
	// which Vite would read as development: no anchor records, no render cache).
	env: { ...process.env, NODE_ENV: 'production', FANJIAN_OUT: next, FANJIAN_CACHE_KEY: process.env.FANJIAN_OUT ?? 'dist' },
});
/** Texts read whole while Astro ran, or as it finished. */
let readEarly = 0;
/** Texts caught with a page still being written: read again with the next text announced. */
const caught = new Set<string>();
/** Whether the build said every page is written. */
let allWritten = false;
function readAhead(slug: string): void {
	const afterAllWritten = allWritten;
	void reader.readAhead(slug).then((read) => {
		if (read) readEarly++;
		// Caught mid-write: read again with the next text announced, or at once if every
		// page is written by now. A read that fails after that is the index's to report.
		else if (!afterAllWritten) {
			if (allWritten) readAhead(slug);
			else caught.add(slug);
		}
	});
}
astro.on('message', (message: Partial<TextWritten>) => {
	// Only the build's own word counts (a plugin could send something else).
	if (typeof message?.written !== 'string') return;
	allWritten ||= message.done === true;
	for (const slug of [...caught, message.written]) {
		caught.delete(slug);
		readAhead(slug);
	}
});
const status = await new Promise<number>((resolve) => {
	astro.on('error', (error) => {
		console.error(error);
		resolve(1);
	});
	// 'close', not 'exit': every message the build sent has then arrived.
	astro.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});

/** Stop without touching the site in place. */
function fail(why: string, status: number): never {
	rmSync(next, { recursive: true, force: true });
	const kept = existsSync(out) ? `${out} still holds the previous site.` : `Nothing was written to ${out}.`;
	// Run for `npm run anchors -- --confirm <slugs>` (which sets FANJIAN_CONFIRM_ANCHORS), that is the command to run again.
	const confirming = process.env.FANJIAN_CONFIRM_ANCHORS;
	const again = confirming ? `npm run anchors -- --confirm ${confirming}` : 'npm run build';
	console.error(`\n${why}; ${kept} Fix the error above and run \`${again}\` again.`);
	process.exit(status);
}

if (status !== 0) fail('The build failed', status);

const started = performance.now();
try {
	const stats = await writeSearchIndex(next, EDITIONS, reader);
	console.log(
		`Indexed ${counted(stats.paragraphs, 'paragraph')} of ${counted(stats.texts, 'text')} (fold table: ${stats.foldEntries} characters${stats.refolded ? ', folded twice' : ''}) in ${Math.round(performance.now() - started)} ms after the build (${readEarly} of them read while it rendered).`,
	);
} catch (error) {
	console.error(error);
	fail('The search index could not be written', 1);
}

// The two renames leave the site missing for an instant only, never half-written.
rmSync(previous, { recursive: true, force: true });
if (existsSync(out)) renameSync(out, previous);
renameSync(next, out);
rmSync(previous, { recursive: true, force: true });
console.log(`The site is in ${out}.`);
