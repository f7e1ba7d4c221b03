/**
 * What a reader sees, in Chromium, on the built site.
 */
import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/editions.ts';
import { launch } from '../support/browser.ts';
import { servedInBrowser } from '../support/served.ts';
import { SEED_SLUG } from '../support/site.ts';

const served = servedInBrowser();

const textUrl = (path: string, hash = '') => `${served.site.url}/${path}/${SEED_SLUG}/${hash}`;

describe.each(EDITIONS.map((edition) => [edition.lang, edition] as const))('the seed in %s', (lang, edition) => {
	it('sets <html lang> and has p1…p12', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl(edition.path));
		expect(await page.getAttribute('html', 'lang')).toBe(lang);
		const ids = await page.$$eval('.text-body > p', (ps) => ps.map((p) => p.id));
		expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => `p${i + 1}`));
		await page.close();
	});

	it('lists every edition as alternates and as visible links', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl(edition.path));
		const alternates = await page.$$eval('link[rel=alternate][hreflang]', (links) => links.map((l) => l.getAttribute('hreflang')));
		expect(alternates).toEqual([...EDITIONS.map((e) => e.lang), 'x-default']);
		const visible = await page.$$eval('[data-edition-link]', (links) => links.map((l) => [l.getAttribute('lang'), l.textContent]));
		expect(visible).toEqual(EDITIONS.map((e) => [e.lang, e.label]));
		await page.close();
	});
});

describe('switching edition', () => {
	it('keeps #p8 when switching from 简体 to 繁體', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl('zh-hans', '#p8'));
		await page.click('[data-edition-link][lang="zh-Hant"]');
		await page.waitForURL(/zh-hant/);
		expect(new URL(page.url()).hash).toBe('#p8');
		expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
		expect(await page.$eval('p:target', (p) => p.id)).toBe('p8');
		expect(await page.$eval('#p8', (p) => p.textContent)).toContain('沒有網絡安全就沒有國家安全');
		await page.close();
	});

	it('keeps a paragraph reached after load (hash change) when switching to 香港繁體', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl('zh-hant'));
		await page.click('#p3 .para-link');
		await page.click('[data-edition-link][lang="zh-HK"]');
		await page.waitForURL(/zh-hk/);
		expect(new URL(page.url()).hash).toBe('#p3');
		await page.close();
	});
});

describe('copy link', () => {
	it('copies the absolute URL of the paragraph', async () => {
		await served.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.site.url });
		const page = await served.browser.newPage();
		await page.goto(textUrl('zh-hant'));
		await page.hover('#p5');
		await page.click('#p5 .para-copy');
		await page.waitForFunction(() => document.querySelector('body > p[role=status]')?.textContent);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(textUrl('zh-hant', '#p5'));
		await page.close();
	});
});

describe('without JavaScript', () => {
	it('reads the text, lands on #p8 and offers no control that needs a script', async () => {
		const noJs = await launch({ javaScriptEnabled: false });
		try {
			const page = await noJs.newPage();
			await page.goto(textUrl('zh-hk', '#p8'));
			expect(await page.$eval('p:target', (p) => p.id)).toBe('p8');
			expect(await page.locator('#p1').innerText()).toContain('習近平');
			expect(await page.locator('.para-copy').first().isVisible()).toBe(false);
			await page.click('[data-edition-link][lang="zh-Hans"]');
			await page.waitForURL(/zh-hans/);
			expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
		} finally {
			await noJs.close();
		}
	});
});
