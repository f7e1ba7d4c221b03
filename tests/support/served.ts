/**
 * The built site served on 127.0.0.1 and a Chromium to look at it, opened
 * before the tests of a file (or describe block) and closed after them.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.ts';
import { serveStatic, type StaticSite } from './server.ts';
import { DIST } from './site.ts';

export interface Served {
	readonly site: StaticSite;
	readonly browser: BrowserContext;
}

export function servedInBrowser(root = DIST, headers: Record<string, string> = {}): Served {
	const served = {} as { site: StaticSite; browser: BrowserContext };
	beforeAll(async () => {
		served.site = await serveStatic(root, headers);
		served.browser = await launch();
	});
	afterAll(async () => {
		try {
			await served.browser?.close();
		} finally {
			await served.site?.close();
		}
	});
	return served;
}
