/**
 * Debian's Chromium driven by playwright-core. Browsers are never downloaded:
 * CHROMIUM_PATH or /usr/bin/chromium must exist (.ci/run installs it).
 *
 * Each launch gets a fresh profile that Playwright itself creates and removes
 * once the browser process has exited (retrying, and never throwing). A
 * profile removed by our own code on the context's `close` event raced
 * Chromium still writing to it, and the ENOTEMPTY it threw failed a run whose
 * tests had all passed (issue 12).
 */
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless Chromium on a machine with a closed network (see README). */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/**
 * A fresh browser with one context (a phone's, say, with `options`). Closing the context closes its browser
 * (and waits for it to exit), so callers have one thing to close.
 */
export async function launch(options: BrowserContextOptions = {}): Promise<BrowserContext> {
	const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
	const context = await browser.newContext({ javaScriptEnabled: true, ...options });
	const closeContext = context.close.bind(context);
	context.close = async (closeOptions) => {
		try {
			await closeContext(closeOptions);
		} finally {
			await browser.close();
		}
	};
	return context;
}
