/**
 * What `npm run dev` needs beyond Astro's own watching of the entries:
 * - an edit to `glossary.json` reloads open pages (the pages read the
 *   glossary again on the next request: src/convert/glossary.ts);
 * - an entry is read again once its save has settled, and an edited one once
 *   more a little later: Astro reads a file as soon as it changes, and a read
 *   that lands between the editor's truncate and write sees an empty entry,
 *   fails, and would leave the old text served with no later event to
 *   correct it; and a load of the same file begun before the edit could
 *   store the older text after ours. A read that finds the file as stored
 *   costs nothing: Astro compares digests and keeps the entry. (A new or
 *   moved file gets the first read only: with both, the moved-text step of
 *   tests/e2e/dev-server.test.ts served an error for a minute in 2 of 18
 *   runs here; with the first only, in none of 18.) Those reads are asked of
 *   the texts' loader alone (`READ_AGAIN_EVENT`, src/texts/loader.ts), so
 *   open pages reload only if the entry read differs from the one stored;
 *   as a `change` event they reloaded open pages for each. Nor does a save
 *   reload them as it happens (`entryUpdates`): Astro did, as soon as Vite
 *   saw the file change, with the body new and the frontmatter not yet
 *   read, then again once the entry was stored; now only then, once (four
 *   reloads a save before, one now), but for a save the build would refuse
 *   and the one after it, which Astro reloads for as before. A file that
 *   differs from what it held at its last `change` event (a write the
 *   watcher did not report) has its modules read afresh; the entry read
 *   again then reloads open pages when it is stored;
 * - the content is refreshed once more after any request that was being
 *   answered when Astro wrote its data store (`refreshContent`). Astro
 *   refreshes it on the write, but as a hot update, which a request already
 *   under way undoes: its page module, compiled before the write, is kept
 *   as current (Vite keeps a module compiled across a hot update, not across
 *   a plain invalidation), and its `getStaticPaths`, begun before the write,
 *   puts the paths it made from the old entries back into Astro's route
 *   cache after the write emptied it. Every later request then got the old
 *   entry until the next write: a text's old terms for the whole minute CI
 *   waited (tests/e2e/dev-server.test.ts, 2026-12-03, and stop 32's CI).
 * - a saved entry the build would refuse (src/texts/refusal.ts, whose
 *   `refusedEntryPage` makes the text's pages an error page) is said in the
 *   terminal once, in the build's words, and is not read again once it
 *   settles (the read would fail again, printing its error again); a file added
 *   or removed with a text's name (its slug taken twice, or free again)
 *   reloads open pages;
 * - a text moved to another folder stays published. Astro's glob loader
 *   gives the moved file the text's id (its slug) when the new file appears,
 *   then deletes that id when it sees the old file go, if in that order; so
 *   when an entry file goes, any file that still holds its slug is read
 *   again;
 * - `.astro/content-modules.mjs` (which file renders each entry) is read
 *   again whenever it is not the file last seen: Astro writes it to a
 *   temporary file renamed over the old one and counts on Vite's watcher to
 *   see that, which it can miss (Astro says so of its data store, which it
 *   reloads itself, but not of this file); then a moved text's pages answer
 *   500, "Unexpected error while rendering → <slug>", until a restart (the
 *   moved-text step of tests/e2e/dev-server.test.ts did so for a minute in
 *   CI on 2026-12-03);
 * - a request waits until that list names every entry file just added (a
 *   new or moved text), and no longer names one just removed (a deleted or
 *   moved text): Astro stores the entry a moment before it lists its file,
 *   and a page asked for in between (the reload the store's change itself
 *   sends) failed, printing "Unexpected error while rendering"; and it drops
 *   an entry a moment before it stops listing its file, and a page asked for
 *   in between failed with "Failed to load url <the deleted file>", an error
 *   Vite then showed in the next page opened, however much later.
 *
 * The content folder is watched by Astro's loader (it adds the folder to
 * Vite's watcher), glossary.json included. Adding glossary.json to the
 * watcher as well, when there was none (as in the project's own content/),
 * hid every new file in the folder from it: a new text, in a new folder or
 * not, had no page until a restart.
 */
import type { AstroIntegration } from 'astro';
import type { EnvironmentModuleNode, Plugin, RunnableDevEnvironment } from 'vite';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { contentDir, namesakes, shownPath } from '../content-dir.ts';
import { fileVersion } from '../file-version.ts';
import { READ_AGAIN_EVENT } from './loader.ts';
import { savedEntryRefusal } from './refusal.ts';

/** Astro's module of the content data store (`astro:data-layer-content`, resolved), made from `.astro/data-store.json`. */
const DATA_STORE_MODULE = '\0astro:data-layer-content';
/** The environments Astro renders pages in (and refreshes the content of when it writes its data store). */
const PAGE_ENVIRONMENTS = ['ssr', 'prerender'];
/**
 * How long before a request began a write of the data store still counts as
 * under way for it, in ms: Astro refreshes the content a moment after the
 * file is in place.
 */
const WRITE_MARGIN_MS = 100;

/** How long an entry file must be left alone before it is read again, in ms. */
const SETTLE_MS = 300;
/** When an edited entry is read once more, in ms after its last change: after any load of it begun before the edit is done. */
const RECHECK_MS = 2_000;


/** Vite's dev server, as Astro hands it to integrations. */
type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

type Environment = DevServer['environments'][string];
/**
 * Whether pages are rendered in this environment, by a module runner with its
 * own cache: Vite's RunnableDevEnvironment, told by its runner rather than by
 * Vite's `isRunnableDevEnvironment` (an `instanceof`, which a copy of Vite
 * other than Astro's would answer no).
 */
const rendersPages = (environment: Environment): environment is Environment & RunnableDevEnvironment => 'runner' in environment;

/**
 * Returns a check that makes Vite read the module at `path` afresh (in every
 * environment, and in the module runner that renders pages) on its next
 * import if the file changed since the last check, whether or not the
 * watcher saw it change. Cheap enough for every request: one stat.
 */
export function rereadWhenChanged(server: DevServer, path: string): () => void {
	let seen = fileVersion(path);
	return () => {
		const now = fileVersion(path);
		if (now === seen) return;
		seen = now;
		invalidateFile(server, path);
	};
}

/** Make Vite read the modules of the file at `path` afresh on their next import, in every environment. */
function invalidateFile(server: DevServer, path: string): void {
	for (const environment of Object.values(server.environments)) invalidateIn(environment, path);
}

/**
 * Make an environment read the modules of the file at `path` afresh on
 * their next import (a plain invalidation, as a file changed: a compile
 * under way is not kept), with every module that imports them, in its
 * module graph and, where pages are rendered, in its module runner.
 */
function invalidateIn(environment: Environment, path: string): void {
	const invalidated = new Set<EnvironmentModuleNode>();
	for (const module of environment.moduleGraph.getModulesByFile(path) ?? []) environment.moduleGraph.invalidateModule(module, invalidated);
	if (!rendersPages(environment)) return;
	const evaluated = environment.runner.evaluatedModules;
	for (const { id } of invalidated) {
		const module = id === null ? undefined : evaluated.getModuleById(id);
		if (module) evaluated.invalidateModule(module);
	}
}

/**
 * Refresh the content as Astro does when it writes its data store (its
 * `invalidateDataStore`), but with a plain invalidation: the data store's
 * module and every module that imports it, page modules included, are
 * compiled and run afresh on the next request, and the route cache (each
 * route's `getStaticPaths`) is emptied. Open pages are not reloaded: Astro's
 * own refresh did that.
 */
export function refreshContent(server: DevServer): void {
	for (const name of PAGE_ENVIRONMENTS) {
		const environment = server.environments[name];
		if (!environment) continue;
		const module = environment.moduleGraph.getModuleById(DATA_STORE_MODULE);
		if (module) environment.moduleGraph.invalidateModule(module);
		if (rendersPages(environment)) {
			const evaluated = environment.runner.evaluatedModules.getModuleById(DATA_STORE_MODULE);
			if (evaluated) environment.runner.evaluatedModules.invalidateModule(evaluated);
		}
		environment.hot.send('astro:content-changed', {});
	}
}

/**
 * Vite's handling of a saved entry file (`plugin`): its modules (the body
 * Astro renders from it, and their importers) are read afresh on the next
 * request, and nothing more. Astro would reload open pages at once, before
 * its loader has read the entry (and again once it has stored it): that one
 * reload, when the entry is stored, shows the whole save. Not for a save the
 * build would refuse, or the first after one: Astro's loader, failing,
 * stores nothing (and a fix may store nothing new), so Astro's reload is
 * what shows the page's refusal, or its end. An empty file is taken for a
 * save caught half-written (an editor's truncate, then its write): whether
 * it is refused is told once the save has settled (`settled`). A new or
 * deleted entry file is left to Vite and Astro.
 */
export function entryUpdates(isEntry: (path: string) => boolean): { plugin: Plugin; settled: (file: string, refusedNow: boolean) => boolean } {
	/** Entry files refused as last seen. */
	const refused = new Set<string>();
	/** Record whether a file is refused now; whether it was before. */
	const recordRefused = (file: string, refusedNow: boolean) => {
		const was = refused.has(file);
		if (refusedNow) refused.add(file);
		else refused.delete(file);
		return was;
	};
	/** Each entry file's last save: its timestamp, and whether Astro reloads open pages for it at once. */
	const saves = new Map<string, { timestamp: number; astroReloads: boolean }>();
	const plugin: Plugin = {
		name: 'fanjian:entry-updates',
		apply: 'serve',
		hotUpdate: {
			order: 'pre',
			handler({ type, file, timestamp }) {
				if (type !== 'update' || !isEntry(file)) return;
				// Decided once a save (each environment hears of it, with the same timestamp).
				let save = saves.get(file);
				if (save?.timestamp !== timestamp) {
					const halfWritten = (statSync(file, { throwIfNoEntry: false })?.size ?? 0) === 0;
					const refusedNow = !halfWritten && refusedAsSaved(file);
					save = { timestamp, astroReloads: !halfWritten && (recordRefused(file, refusedNow) || refusedNow) };
					saves.set(file, save);
				}
				if (save.astroReloads) return;
				invalidateIn(this.environment, file);
				return [];
			},
		},
	};
	return {
		plugin,
		/** Once a save has settled: whether open pages need a reload to show that the file is refused, or no longer, where Astro did not reload them for it. */
		settled: (file, refusedNow) => recordRefused(file, refusedNow) !== refusedNow,
	};
}

/** Whether the build would refuse an entry file as saved (a file that cannot be checked is not refused here: Astro's loader says why). */
function refusedAsSaved(path: string): boolean {
	try {
		return savedEntryRefusal(path) !== undefined;
	} catch {
		return false;
	}
}

/** When the file was last written (its mtime, in ms), or never while it is missing. */
function writtenAt(path: string): number {
	return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -Infinity;
}

/**
 * How long a request waits, at most, for Astro to list an added entry's
 * file (or to stop listing a removed one), in ms: Astro writes the list
 * 500 ms after its last change to the entries (about 0.9 s after a save,
 * counting the read once the save has settled), later on a busy machine; a
 * file it never lists (an entry that fails its schema) holds requests this
 * long once.
 */
const LISTING_MS = 5_000;

/** A file's text, or none while it is missing (Astro renames the list over itself). */
function textOf(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return '';
	}
}

/** Entry files whose listing in Astro's module list is about to change: their names there, whether they are to be listed, and since when. */
type ListingChanges = Map<string, { listed: boolean; since: number }>;

/**
 * Resolves once Astro's module list (`modulesFile`) names every file of
 * `changes` to be listed and none of those not to be, or each has waited
 * `LISTING_MS`; each is forgotten then. A page asked for before fails:
 * "Unexpected error while rendering → <slug>" for a new entry stored but
 * not yet listed, "Failed to load url <file>" for a deleted one still
 * listed (the reload the store's change sends is such a request).
 */
async function listingSettled(changes: ListingChanges, modulesFile: string): Promise<void> {
	while (changes.size > 0) {
		const list = textOf(modulesFile);
		for (const [name, { listed, since }] of changes) if (list.includes(name) === listed || Date.now() - since > LISTING_MS) changes.delete(name);
		if (changes.size > 0) await new Promise((wait) => setTimeout(wait, 50));
	}
}

/** Whether a file is an entry of the content folder. */
const isEntry = (path: string) => path.endsWith('.mdx') && resolve(path).startsWith(contentDir() + sep);

export function devReload(): AstroIntegration {
	const updates = entryUpdates(isEntry);
	return {
		name: 'fanjian:dev-reload',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				if (command === 'dev') updateConfig({ vite: { plugins: [updates.plugin] } });
			},
			'astro:server:setup': ({ server, logger }) => {
				const content = contentDir();
				const glossary = join(content, 'glossary.json');

				const glossaryChanged = (path: string) => {
					if (resolve(path) !== glossary) return;
					logger.info('glossary.json changed: reloading pages.');
					server.ws.send({ type: 'full-reload', path: '*' });
				};
				server.watcher.on('change', glossaryChanged);
				server.watcher.on('add', glossaryChanged);
				server.watcher.on('unlink', glossaryChanged);

				/** Have the texts' loader read an entry file again (and store it, reloading open pages, only if it changed). */
				const readAgain = (path: string) => server.watcher.emit(READ_AGAIN_EVENT, path);
				/** Each entry file's text at its last `change` or `add` event. */
				const atEvent = new Map<string, string>();
				/**
				 * Whether the build would refuse a saved entry; said in the terminal, in the build's words, when `say`
				 * (Astro's loader says it in YAML's or the schema's, once for each read).
				 */
				const refused = (path: string, say: boolean): boolean => {
					const file = shownPath(path);
					try {
						const refusal = savedEntryRefusal(path);
						if (refusal && say) logger.error(`${refusal.message}\nhint: ${refusal.hint}\nUntil it is fixed, its pages show this (a text not published yet has none).`);
						return refusal !== undefined;
					} catch (error) {
						if (say) logger.warn(`${file} could not be checked: ${String(error)}`);
						return false;
					}
				};
				const modulesFile = join(server.config.root, '.astro', 'content-modules.mjs');
				const contentModules = rereadWhenChanged(server, modulesFile);
				/** Entry files added or removed (new, moved or deleted texts) whose listing in Astro's module list may lag. */
				const listing: ListingChanges = new Map();
				/** An entry file's name in Astro's module list. */
				const listedName = (path: string) => JSON.stringify(relative(server.config.root, path).split(sep).join('/'));
				const listingChanges = (listed: boolean) => (path: string) => {
					if (isEntry(path)) listing.set(listedName(path), { listed, since: Date.now() });
				};
				const settling = new Map<string, NodeJS.Timeout[]>();
				/** Read a saved entry again after each of the delays, and check it after the first (a later save starts them over). */
				const saved = (path: string, delays: number[]) => {
					if (!isEntry(path)) return;
					atEvent.set(path, textOf(path));
					// An entry Astro's module list does not name yet (a new text first saved with a mistake, now edited):
					// requests wait for it as for an added file, or they fail until a restart.
					const name = listedName(path);
					if (!listing.has(name) && !textOf(modulesFile).includes(name)) listing.set(name, { listed: true, since: Date.now() });
					for (const timer of settling.get(path) ?? []) clearTimeout(timer);
					const last = Math.max(...delays);
					settling.set(
						path,
						delays.map((delay) =>
							setTimeout(() => {
								if (delay === last) settling.delete(path);
								const seen = atEvent.get(path);
								if (delay === last) atEvent.delete(path);
								if (!existsSync(path)) return;
								// An entry the build would refuse is not read again (the read would fail as the first did, printing its error again),
								// nor waited for in Astro's module list, which never names it; open pages are reloaded if Astro did not reload them for it.
								const first = delay === delays[0];
								const refusedNow = refused(path, first);
								if (first && updates.settled(path, refusedNow)) server.ws.send({ type: 'full-reload', path: '*' });
								if (refusedNow) {
									listing.delete(listedName(path));
									return;
								}
								readAgain(path);
								// A write the watcher did not report: what Vite compiled since the event may be older. Open pages
								// are not reloaded now: the entry read again is stored a moment later, which reloads them (a
								// reload now showed the new body under the old title, and pages still loading missed the next).
								const text = textOf(path);
								if (text !== seen) {
									if (delay !== last) atEvent.set(path, text);
									invalidateFile(server, path);
								}
							}, delay),
						),
					);
				};
				server.watcher.on('change', (path) => saved(path, [SETTLE_MS, RECHECK_MS]));
				server.watcher.on('add', (path) => saved(path, [SETTLE_MS]));

				server.watcher.on('add', listingChanges(true));
				server.watcher.on('unlink', listingChanges(false));
				const dataStore = join(server.config.root, '.astro', 'data-store.json');
				server.middlewares.use((_request, response, next) => {
					const began = Date.now();
					response.once('close', () => {
						if (writtenAt(dataStore) >= began - WRITE_MARGIN_MS) refreshContent(server);
					});
					void listingSettled(listing, modulesFile).then(() => {
						contentModules();
						next();
					});
				});

				// A file added with a text's name takes its slug twice, and one removed frees it: open pages are reloaded to say so.
				server.watcher.on('add', (path) => {
					if (isEntry(path) && namesakes(path).length > 0) server.ws.send({ type: 'full-reload', path: '*' });
				});
				server.watcher.on('unlink', (path) => {
					if (!isEntry(path)) return;
					const moved = namesakes(path);
					for (const file of moved) {
						logger.info(`${relative(content, path)} is gone and ${relative(content, file)} holds its text: reading it again.`);
						readAgain(file);
					}
					if (moved.length > 0) server.ws.send({ type: 'full-reload', path: '*' });
				});
			},
		},
	};
}
