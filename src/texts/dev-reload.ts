/**
 * What `npm run dev` needs beyond Astro's own watching of the entries:
 * - an edit to `glossary.json` reloads open pages (the pages read the
 *   glossary again on the next request: src/convert/glossary.ts);
 * - an entry is read again once its save has settled, and an edited one once
 *   more a little later: Astro reads a file as soon as it changes, and a read
 *   that lands between the editor's truncate and write sees an empty entry,
 *   fails, and would leave the old text served with no later event to
 *   correct it; and a load of the same file begun before the edit can store
 *   the older text after ours (under load, CI once served a text's old terms
 *   for a minute after the edit, its page built from the entry as it was). A
 *   read that finds the file as stored costs nothing: Astro compares digests
 *   and keeps the entry. (A new or moved file gets the first read only: with
 *   both, the moved-text step of tests/e2e/dev-server.test.ts served an error
 *   for a minute in 2 of 18 runs here; with the first only, in none of 18.)
 * - a text moved to another folder stays published. Astro's glob loader
 *   gives the moved file the text's id (its slug) when the new file appears,
 *   then deletes that id when it sees the old file go, if in that order; so
 *   when an entry file goes, any file that still holds its slug is read
 *   again.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { contentDir } from '../content-dir.ts';

/** How long an entry file must be left alone before it is read again, in ms. */
const SETTLE_MS = 300;
/** When an edited entry is read once more, in ms after its last change: after any load of it begun before the edit is done. */
const RECHECK_MS = 2_000;

/** Entry files under the content folder with the given file name. */
function entriesNamed(dir: string, name: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name === name)
		.map((entry) => join(entry.parentPath, entry.name));
}

export function devReload(): AstroIntegration {
	return {
		name: 'fanjian:dev-reload',
		hooks: {
			'astro:server:setup': ({ server, logger }) => {
				const content = contentDir();
				const glossary = join(content, 'glossary.json');
				const isEntry = (path: string) => path.endsWith('.mdx') && resolve(path).startsWith(content + sep);
				server.watcher.add(glossary);

				const glossaryChanged = (path: string) => {
					if (resolve(path) !== glossary) return;
					logger.info('glossary.json changed: reloading pages.');
					server.ws.send({ type: 'full-reload', path: '*' });
				};
				server.watcher.on('change', glossaryChanged);
				server.watcher.on('add', glossaryChanged);
				server.watcher.on('unlink', glossaryChanged);

				/** Files this integration asks Astro to read again (their events are not waited out again). */
				const readingAgain = new Set<string>();
				const readAgain = (path: string) => {
					readingAgain.add(path);
					server.watcher.emit('change', path);
				};
				const settling = new Map<string, NodeJS.Timeout[]>();
				/** Read a saved entry again after each of the delays (a later save starts them over). */
				const saved = (path: string, delays: number[]) => {
					if (!isEntry(path) || readingAgain.delete(path)) return;
					for (const timer of settling.get(path) ?? []) clearTimeout(timer);
					const last = Math.max(...delays);
					settling.set(
						path,
						delays.map((delay) =>
							setTimeout(() => {
								if (delay === last) settling.delete(path);
								if (existsSync(path)) readAgain(path);
							}, delay),
						),
					);
				};
				server.watcher.on('change', (path) => saved(path, [SETTLE_MS, RECHECK_MS]));
				server.watcher.on('add', (path) => saved(path, [SETTLE_MS]));

				server.watcher.on('unlink', (path) => {
					if (!isEntry(path)) return;
					for (const moved of entriesNamed(content, basename(path))) {
						logger.info(`${relative(content, path)} is gone and ${relative(content, moved)} holds its text: reading it again.`);
						readAgain(moved);
					}
				});
			},
		},
	};
}
