/**
 * src/texts/dev-reload.ts against real Vite dev servers whose watcher sees
 * nothing (`server.watch: null`):
 * - rereadWhenChanged, as when Vite misses Astro's rename of
 *   `.astro/content-modules.mjs`: a module evaluated by the runner stays as
 *   it was read until the check finds its file changed;
 * - refreshContent, after Astro's refresh of its data store was undone by a
 *   request under way: a page that imports the store (through a module that
 *   keeps it, as Astro's `globalDataStore` does) gets the store as written.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, isRunnableDevEnvironment, type Plugin, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshContent, rereadWhenChanged } from '../../src/texts/dev-reload.ts';

let root: string;
let server: ViteDevServer;
let file: string;

/** Write the module as Astro does: a temporary file renamed over the old one. */
const write = (value: string) => {
	writeFileSync(`${file}.tmp`, `export default ${JSON.stringify(value)};\n`);
	renameSync(`${file}.tmp`, file);
};

/** The module's value as the page renderer would import it now. */
async function imported(): Promise<string> {
	const environment = server.environments.ssr!;
	if (!isRunnableDevEnvironment(environment)) throw new Error('Vite has no module runner for ssr');
	return ((await environment.runner.import(file)) as { default: string }).default;
}

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'fanjian-dev-reload-'));
	file = join(root, 'content-modules.mjs');
	write('before');
	server = await createServer({ root, configFile: false, logLevel: 'silent', server: { middlewareMode: true, watch: null } });
});

afterAll(async () => {
	await server?.close();
	rmSync(root, { recursive: true, force: true });
});

it('reads a module again once its file was renamed over, unseen by the watcher', async () => {
	const check = rereadWhenChanged(server, file);
	expect(await imported()).toBe('before');
	check();
	expect(await imported(), 'nothing changed: the module as evaluated').toBe('before');

	write('after');
	expect(await imported(), 'the watcher saw nothing: Vite still has the old module').toBe('before');
	check();
	expect(await imported()).toBe('after');

	write('again');
	check();
	expect(await imported()).toBe('again');
});

describe('refreshContent', () => {
	let site: string;
	let store: ViteDevServer;
	let storeFile: string;
	/** Resolves the store's next load, which has read the file and waits to finish. */
	let loadStarted: (() => void) | undefined;
	/** Held while a load is made to wait, as a busy machine may make it. */
	let holdLoad: Promise<void> | undefined;
	let cleared = 0;

	/** `astro:data-layer-content` as Astro serves it in dev: made from its file, on each load. */
	const dataStore = (): Plugin => ({
		name: 'data-store',
		resolveId: (id) => (id === 'astro:data-layer-content' ? '\0astro:data-layer-content' : undefined),
		async load(id) {
			if (id !== '\0astro:data-layer-content') return;
			const value = readFileSync(storeFile, 'utf8');
			loadStarted?.();
			await holdLoad;
			return `export default ${JSON.stringify(value)};`;
		},
	});

	/** Astro's refresh on a write: a hot invalidation of the store, the runner's copy dropped. */
	const astroRefresh = () => {
		const environment = store.environments.ssr!;
		const module = environment.moduleGraph.getModuleById('\0astro:data-layer-content')!;
		environment.moduleGraph.invalidateModule(module, undefined, Date.now(), true);
		if (isRunnableDevEnvironment(environment)) {
			const evaluated = environment.runner.evaluatedModules.getModuleById('\0astro:data-layer-content');
			if (evaluated) environment.runner.evaluatedModules.invalidateModule(evaluated);
		}
	};

	/** What the page reads from the store now, as a request would. */
	async function page(): Promise<string> {
		const environment = store.environments.ssr!;
		if (!isRunnableDevEnvironment(environment)) throw new Error('Vite has no module runner for ssr');
		return ((await environment.runner.import(join(site, 'page.mjs'))) as { read: () => Promise<string> }).read();
	}

	beforeAll(async () => {
		site = mkdtempSync(join(tmpdir(), 'fanjian-dev-store-'));
		storeFile = join(site, 'data-store.json');
		writeFileSync(storeFile, 'first');
		// As Astro's data-store.js: the store imported once and kept.
		writeFileSync(join(site, 'store.mjs'), "let kept;\nexport const get = () => (kept ??= import('astro:data-layer-content').then((module) => module.default));\n");
		writeFileSync(
			join(site, 'page.mjs'),
			"import { get } from './store.mjs';\nif (import.meta.hot) import.meta.hot.on('astro:content-changed', () => globalThis.routeCacheCleared?.());\nexport const read = () => get();\n",
		);
		(globalThis as { routeCacheCleared?: () => void }).routeCacheCleared = () => cleared++;
		store = await createServer({ root: site, configFile: false, logLevel: 'silent', plugins: [dataStore()], server: { middlewareMode: true, watch: null } });
	});

	afterAll(async () => {
		await store?.close();
		rmSync(site, { recursive: true, force: true });
	});

	it('a page reads the store as last written, after a request under way undid Astro\'s refresh', async () => {
		expect(await page()).toBe('first');

		// A write, then a request that loads the store again, held after reading the file...
		writeFileSync(storeFile, 'second');
		astroRefresh();
		let release!: () => void;
		holdLoad = new Promise((resolve) => (release = resolve));
		const read = new Promise<void>((resolve) => (loadStarted = resolve));
		const underWay = page();
		await read;
		// ...while the store is written again, and Astro refreshes the content.
		writeFileSync(storeFile, 'third');
		astroRefresh();
		release();
		holdLoad = undefined;
		loadStarted = undefined;
		expect(await underWay, 'the request under way read the store as it was').toBe('second');
		expect(await page(), "Vite kept what that request compiled: Astro's refresh is undone").toBe('second');

		const before = cleared;
		refreshContent(store);
		expect(await page()).toBe('third');
		expect(cleared, 'the route cache is emptied').toBe(before + 1);
	});
});
