/**
 * rereadWhenChanged against a real Vite dev server whose watcher sees nothing
 * (`server.watch: null`), as when Vite misses Astro's rename of
 * `.astro/content-modules.mjs`: a module evaluated by the runner stays as it
 * was read until the check finds its file changed.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, isRunnableDevEnvironment, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rereadWhenChanged } from '../../src/texts/dev-reload.ts';

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
