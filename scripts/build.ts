/**
 * `npm run build`: build the site into a sibling folder and put it in place
 * only when the whole build (pages and search index) succeeded, so a failed
 * build never leaves a half-written site where the old one was.
 *
 * The site ends up in FANJIAN_OUT (default `dist/`), as with `astro build`;
 * the build itself runs in `.<name>.next` beside it, then the folders swap.
 * The search index is written from the built pages once `astro build` has
 * exited, so Astro's memory and Pagefind's are never held at the same time.
 *
 * Usage: node scripts/build.ts [astro build options]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EDITIONS } from '../src/editions.ts';
import { writeSearchIndex } from '../src/search/index-build.ts';

const out = resolve(process.env.FANJIAN_OUT ?? 'dist');
/** Where the new site is built: beside the old one, so the swap is a rename on one file system. */
const next = join(dirname(out), `.${basename(out)}.next`);
/** Where the old site waits while the new one moves in. */
const previous = join(dirname(out), `.${basename(out)}.previous`);

rmSync(next, { recursive: true, force: true });
const astro = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', ...process.argv.slice(2)], {
	stdio: 'inherit',
	// Keep FANJIAN_OUT's cache (astro.config.mjs names the cache after the output folder).
	// A build is a production build, whoever runs it (vitest sets NODE_ENV=test,
	// which Vite would read as development: no anchor records, no render cache).
	env: { ...process.env, NODE_ENV: 'production', FANJIAN_OUT: next, FANJIAN_CACHE_KEY: process.env.FANJIAN_OUT ?? 'dist' },
});

/** Stop without touching the site in place. */
function fail(why: string, status: number): never {
	rmSync(next, { recursive: true, force: true });
	const kept = existsSync(out) ? `${out} still holds the previous site.` : `Nothing was written to ${out}.`;
	console.error(`\n${why}; ${kept} Fix the error above and run \`npm run build\` again.`);
	process.exit(status);
}

if (astro.status !== 0) fail('The build failed', astro.status ?? 1);

const started = performance.now();
try {
	const stats = await writeSearchIndex(next, EDITIONS);
	console.log(
		`Indexed ${stats.paragraphs} paragraphs of ${stats.texts} texts (fold table: ${stats.foldEntries} characters${stats.refolded ? ', folded twice' : ''}) in ${Math.round(performance.now() - started)} ms.`,
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
