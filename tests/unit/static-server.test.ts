/**
 * The static server the browser tests and the quote benchmark use: whatever
 * a request asks for, it answers, and nothing it meets fails the test run
 * that uses it (an uncaught error in a helper fails a run whose tests passed).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticSite } from '../support/server.ts';

/** The status of a raw request: the path is sent as given, not re-encoded by a URL parser. */
const statusOf = (site: StaticSite, path: string) =>
	new Promise<number>((resolve, reject) => {
		const { port } = new URL(site.url);
		const asked = request({ host: '127.0.0.1', port, path }, (response) => {
			response.resume();
			resolve(response.statusCode!);
		});
		asked.setTimeout(10_000, () => asked.destroy(new Error(`no answer to ${path}`)));
		asked.on('error', reject).end();
	});

describe('the static server', () => {
	const root = mkdtempSync(join(tmpdir(), 'fanjian-server-'));
	let site: StaticSite;
	beforeAll(async () => {
		writeFileSync(join(root, 'index.html'), '<p>网络</p>');
		site = await serveStatic(root);
	});
	afterAll(async () => {
		await site.close();
		rmSync(root, { recursive: true, force: true });
	});

	it.each([
		['a file', '/', 200],
		['a path that is not percent-encoded UTF-8', '/%E0%A4%A', 400],
		['a missing file, on a site without 404.html', '/missing/', 404],
		['a path outside the site', '/../../etc/passwd', 404],
	])('answers %s (%s) with %i', async (_case, path, status) => {
		expect(await statusOf(site, path)).toBe(status);
	});

	it('can be closed twice', async () => {
		const other = await serveStatic(root);
		await other.close();
		await expect(other.close()).resolves.toBeUndefined();
	});
});
