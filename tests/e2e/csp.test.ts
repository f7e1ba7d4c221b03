/**
 * Security headers: public/_headers holds a strict Content-Security-Policy
 * (no inline code or styles, no eval, no WebAssembly), and
 * the whole site, search included, works when served with exactly those
 * headers, with no violation reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/editions.ts';
import { launch } from '../support/browser.ts';
import { parseCsp, siteHeaders } from '../support/headers.ts';
import { builtPages, elements, treeOf } from '../support/pages.ts';
import { serveStatic, type StaticSite } from '../support/server.ts';
import { DIST, SEED_SLUG } from '../support/site.ts';

const headers = siteHeaders();
const csp = parseCsp(headers['Content-Security-Policy'] ?? '');

describe('public/_headers', () => {
	it('is copied into the build as it is', () => {
		expect(readFileSync(join(DIST, '_headers'), 'utf8')).toBe(readFileSync('public/_headers', 'utf8'));
	});

	it.each([
		['default-src', ["'self'"]],
		['script-src', ["'self'"]],
		['style-src', ["'self'"]],
		['img-src', ["'self'"]],
		['connect-src', ["'self'"]],
		['object-src', ["'none'"]],
		['base-uri', ["'self'"]],
		['form-action', ["'self'"]],
		['frame-ancestors', ["'none'"]],
	])('the policy sets %s to %j', (directive, sources) => {
		expect(csp.get(directive)).toEqual(sources);
	});

	it('allows nothing inline, no eval and no other origin', () => {
		const all = [...csp.values()].flat();
		for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'http:', 'https:']) expect(all).not.toContain(loose);
	});

	it('stops MIME sniffing and keeps addresses (and search queries) from other sites', () => {
		expect(headers['X-Content-Type-Options']).toBe('nosniff');
		expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
	});
});

describe.each(builtPages().map((page) => [page.path, page] as const))('%s has nothing the policy would block', (_path, page) => {
	const all = elements(treeOf(page));
	it('no inline script (but JSON-LD data blocks, which never run) or style element; every script and stylesheet a file of the site', () => {
		const inline = all.filter((el) => el.tagName === 'script' && !el.properties.src);
		expect(inline.map((el) => el.properties.type)).toEqual(inline.length > 0 ? ['application/ld+json'] : []);
		expect(all.filter((el) => el.tagName === 'style').length).toBe(0);
		for (const el of all.filter((el) => (el.tagName === 'script' && el.properties.src) || (el.tagName === 'link' && String(el.properties.rel) === 'stylesheet'))) {
			expect(String(el.properties.src ?? el.properties.href)).toMatch(/^\/[^/]/);
		}
	});

	it('no style attribute, event handler attribute or javascript: URL', () => {
		const offending = all.flatMap((el) =>
			Object.entries(el.properties)
				.filter(([name, value]) => name === 'style' || /^on/.test(name) || /^\s*javascript:/i.test(String(value)))
				.map(([name]) => `<${el.tagName} ${name}>`),
		);
		expect(offending).toEqual([]);
	});
});

/** A page that records CSP violations, uncaught errors and console errors. */
async function watchedPage(browser: BrowserContext): Promise<{ page: Page; problems: () => Promise<string[]> }> {
	const page = await browser.newPage();
	const problems: string[] = [];
	page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
	page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __violations: string[] }).__violations = seen;
		document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`));
	});
	return {
		page,
		problems: async () => [...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)), ...problems],
	};
}

describe('the site served with its _headers', () => {
	let site: StaticSite;
	let browser: BrowserContext;
	beforeAll(async () => {
		site = await serveStatic(DIST, headers);
		browser = await launch();
	});
	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});

	it.each([
		['/', 'the home page'],
		// Served directly: at a missing address the 404 status itself is logged as a console error.
		['/404.html', 'the 404 page'],
		...EDITIONS.flatMap((e) => [
			[`/${e.path}/`, `the ${e.lang} index`],
			[`/${e.path}/2014/`, `the ${e.lang} year 2014`],
			[`/${e.path}/${SEED_SLUG}/`, `the ${e.lang} text`],
		]),
	])('%s (%s) loads its stylesheet and script under the policy, with no violation', async (path) => {
		const { page, problems } = await watchedPage(browser);
		const response = await page.goto(site.url + path);
		expect(response!.headers()['content-security-policy']).toBe(headers['Content-Security-Policy']);
		// The stylesheet applied (body margin 0) and the page script ran (it adds a status region).
		expect(await page.$eval('body', (body) => getComputedStyle(body).margin)).toBe('0px');
		await page.waitForSelector('body > p[role=status].visually-hidden', { state: 'attached' });
		expect(await problems()).toEqual([]);
		await page.close();
	});

	it.each(EDITIONS.map((e) => [e.lang, e.path]))('in %s, quote search works from the header box to the highlighted paragraph', async (_lang, path) => {
		const { page, problems } = await watchedPage(browser);
		await page.goto(`${site.url}/${path}/${SEED_SLUG}/`);
		await page.focus('#search-input');
		await page.fill('#search-input', '千军易得');
		await page.waitForSelector('a[role=option][href*="#p10"]');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await page.waitForURL(/#p10$/);
		await page.waitForSelector('#p10 mark.landing');
		expect(await problems()).toEqual([]);
		await page.close();
	});

	it.each(EDITIONS.map((e) => [e.lang, e.path]))('in %s, the search page lists results', async (_lang, path) => {
		const { page, problems } = await watchedPage(browser);
		await page.goto(`${site.url}/${path}/search/?q=${encodeURIComponent('没有网络安全就没有国家安全')}`);
		await page.waitForSelector('.search-results a[href*="#p8"]');
		expect(await problems()).toEqual([]);
		await page.close();
	});

	it('reports a violation when the policy lacks what the search needs (so the checks above can fail)', async () => {
		const strict = headers['Content-Security-Policy']!.replace("connect-src 'self'", "connect-src 'none'");
		const stricter = await serveStatic(DIST, { ...headers, 'Content-Security-Policy': strict });
		const { page, problems } = await watchedPage(browser);
		await page.goto(`${stricter.url}/zh-hans/search/?q=${encodeURIComponent('千军易得')}`);
		await page.waitForFunction(() => document.getElementById('search-page-status')?.textContent);
		expect((await problems()).join('\n')).toMatch(/connect-src/);
		await page.close();
		await stricter.close();
	});
});
