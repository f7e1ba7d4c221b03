/**
 * Debian's Chromium driven by playwright-core. Browsers are never downloaded:
 * CHROMIUM_PATH or /usr/bin/chromium must exist (.ci/run installs it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A fresh persistent context in a new profile directory. */
export async function launch(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
	const profile = mkdtempSync(join(tmpdir(), 'fanjian-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	context.on('close', () => rmSync(profile, { recursive: true, force: true }));
	return context;
}
