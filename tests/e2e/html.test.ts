/**
 * Valid HTML: every built page, and the pages as the search scripts leave
 * them, checked by html-validate (offline, no Java) with its recommended and
 * document rules: 0 errors.
 */
import { describe, expect, it } from 'vitest';
import { domValidator, htmlErrors as errors } from '../support/html-validate.ts';
import { builtPages } from '../support/pages.ts';
import { servedInBrowser } from '../support/served.ts';
import { SEED_SLUG } from '../support/site.ts';

describe('every built page is valid HTML', () => {
	it.each(builtPages().map((page) => [page.path, page.html]))('%s', async (path, html) => {
		expect(await errors(html, path)).toEqual([]);
	});
});

describe('pages as the scripts leave them are valid HTML', () => {
	const served = servedInBrowser();

	it('a text page with the search combobox open on results', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hant/${SEED_SLUG}/`);
		await page.focus('#search-input');
		await page.fill('#search-input', '千军易得');
		await page.waitForSelector('.search-popup:not([hidden]) [role=option]');
		await page.keyboard.press('ArrowDown');
		expect(await errors(await page.content(), 'combobox', domValidator)).toEqual([]);
		await page.close();
	});

	it('the search page with results', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hk/search/?q=${encodeURIComponent('千军易得')}`);
		await page.waitForSelector('.search-results li');
		expect(await errors(await page.content(), 'search page', domValidator)).toEqual([]);
		await page.close();
	});
});
