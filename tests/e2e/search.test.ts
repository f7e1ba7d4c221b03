/**
 * Quote search as a reader uses it, in Chromium, on the built site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PagefindIndex } from '../../src/search/pagefind-index.ts';
import { launch } from '../support/browser.ts';
import { servedInBrowser } from '../support/served.ts';
import { DIST, SEED_SLUG } from '../support/site.ts';

const served = servedInBrowser();

/** A page of the seed with the console and page errors collected. */
async function openText(edition: string): Promise<{ page: Page; errors: string[] }> {
	const page = await served.browser.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
	page.on('dialog', (dialog) => {
		errors.push(`dialog: ${dialog.message()}`);
		void dialog.dismiss();
	});
	await page.goto(`${served.site.url}/${edition}/${SEED_SLUG}/`);
	return { page, errors };
}

/** Type a query into the header box and wait for the answer. */
async function search(page: Page, query: string): Promise<{ status: string; options: { href: string; text: string; exact: boolean }[] }> {
	await page.fill('#search-input', '');
	await page.focus('#search-input');
	await page.fill('#search-input', query);
	await page.waitForFunction(
		(q) => {
			const status = document.querySelector('.search-popup .search-status');
			return status?.textContent && (document.querySelector('#search-input') as HTMLInputElement).value === q && !status.closest('[hidden]');
		},
		query,
	);
	// Let a debounced search for this very query settle.
	await page.waitForTimeout(250);
	return {
		status: (await page.textContent('.search-popup .search-status')) ?? '',
		options: await page.$$eval('a[role=option]', (links) =>
			links.map((a) => ({ href: a.getAttribute('href')!, text: a.textContent!, exact: !!a.querySelector('.hit-exact') })),
		),
	};
}

describe('quote search', () => {
	it.each([
		['zh-hans', '没有网络安全就没有国家安全', 'p8', '没有网络安全就没有国家安全'],
		['zh-hans', '沒有網絡安全就沒有國家安全', 'p8', '没有网络安全就没有国家安全'],
		['zh-hant', '没有网络安全就没有国家安全', 'p8', '沒有網絡安全就沒有國家安全'],
		['zh-hk', '沒有網絡安全就沒有國家安全', 'p8', '沒有網絡安全就沒有國家安全'],
		['zh-hant', '千军易得', 'p10', '千軍易得'],
		['zh-hans', '人均帶寬', 'p4', '人均带宽'],
	])('on %s, %s lands on %s, highlighted in the reader’s script', async (edition, query, id, shown) => {
		const { page, errors } = await openText(edition);
		const { options } = await search(page, query);
		expect(options[0]!.exact).toBe(true);
		expect(options[0]!.href).toMatch(new RegExp(`^/${edition}/${SEED_SLUG}/\\?hl=\\d+-\\d+#${id}$`));
		expect(await page.textContent('[role=option] mark')).toBe(shown);
		await page.keyboard.press('ArrowDown');
		expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBe('search-input-listbox-0');
		await page.keyboard.press('Enter');
		await page.waitForURL(new RegExp(`#${id}$`));
		await page.waitForSelector('mark.landing');
		expect(await page.$eval('mark.landing', (mark) => [mark.closest('p')!.id, mark.textContent])).toEqual([id, shown]);
		expect(await page.$eval('p:target', (p) => p.id)).toBe(id);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('gives the same results for full-width and ASCII commas, and for none', async () => {
		const { page } = await openText('zh-hans');
		const full = await search(page, '要有自己的技术，有过硬的技术');
		const ascii = await search(page, '要有自己的技术,有过硬的技术');
		const none = await search(page, '要有自己的技术 有过硬的技术');
		expect(full.options.length).toBeGreaterThan(0);
		expect(ascii.options).toEqual(full.options);
		expect(none.options).toEqual(full.options);
		await page.close();
	});

	it.each([
		['zh-hans', '“千军易得，一将难求”'],
		['zh-hant', '「千軍易得，一將難求」'],
		['zh-hk', '「千軍易得，一將難求」'],
	])('on %s, a quote typed with “ ”, with 「 」 or with no marks finds the same paragraph, shown in the page’s marks (%s)', async (edition, shown) => {
		const { page } = await openText(edition);
		const curly = await search(page, '“千军易得，一将难求”');
		const corner = await search(page, '「千軍易得，一將難求」');
		const bare = await search(page, '千军易得一将难求');
		expect(curly.options[0]!.href).toMatch(/#p10$/);
		expect(curly.options[0]!.exact).toBe(true);
		expect(corner.options).toEqual(curly.options);
		expect(bare.options).toEqual(curly.options);
		expect(curly.options[0]!.text).toContain(shown);
		await page.close();
	});

	it('finds a half-remembered quote (one character wrong) as a looser match, not an exact one, marking all of it but the slip', async () => {
		const { page } = await openText('zh-hans');
		const { options } = await search(page, '千军易得，一将难球');
		expect(options[0]!.exact).toBe(false);
		expect(options[0]!.href).toContain('#p10');
		expect(await page.textContent('[role=option] mark')).toBe('千军易得，一将难');
		await page.close();
	});

	it('says so when nothing matches, rather than showing a stray one-character hit', async () => {
		const { page } = await openText('zh-hans');
		const { status, options } = await search(page, '完全不存在的句子');
		expect(options).toEqual([]);
		expect(status).toBe('没有找到包含这句话的段落。');
		await page.close();
	});

	it('treats HTML in a query as text and survives a 10,000-character query', async () => {
		const { page, errors } = await openText('zh-hans');
		const html = await search(page, '<img src=x onerror=alert(1)>');
		expect(html.options).toEqual([]);
		expect(await page.$$('img')).toHaveLength(0);
		const long = await search(page, '网络'.repeat(5_000));
		expect(long.options).toEqual([]);
		const after = await search(page, '千军易得');
		expect(after.options[0]!.href).toContain('#p10');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('asks again for what failed to load: a search after a dropped connection finds the quote', async () => {
		const { page } = await openText('zh-hans');
		let dropped = 0;
		await page.route('**/pagefind/fragment/**', (route) => (dropped++ === 0 ? route.abort() : route.continue()));
		const failed = await search(page, '千军易得');
		expect(dropped).toBeGreaterThan(0);
		expect(failed.status).toBe('搜索出错了，请稍后再试。');
		const again = await search(page, '千军易得，一将难求');
		expect(again.options[0]!.href).toContain('#p10');
		expect(again.options[0]!.exact).toBe(true);
		await page.close();
	});

	it.each([
		['zh-hans', '这个浏览器不支持站内搜索，请更新浏览器。全文和段落链接照常可用。'],
		['zh-hant', '這個瀏覽器不支援站內搜尋，請更新瀏覽器。全文和段落連結照常可用。'],
	])('in %s, says a browser that cannot read the index should be updated, not tried again later', async (edition, words) => {
		const page = await served.browser.newPage();
		// As a browser before Safari 16.4 or Firefox 113.
		await page.addInitScript(() => Reflect.deleteProperty(globalThis, 'DecompressionStream'));
		await page.goto(`${served.site.url}/${edition}/${SEED_SLUG}/`);
		const { status, options } = await search(page, '千军易得');
		expect(status).toBe(words);
		expect(options).toEqual([]);
		await page.close();
	});

	it('closes the popup on Escape keeping the quote, clears the box on a second, and shows nothing stale once the box is empty', async () => {
		const { page, errors } = await openText('zh-hant');
		/** What the header box and its popup show now. */
		const shown = () =>
			page.evaluate(() => {
				const input = document.querySelector<HTMLInputElement>('#search-input')!;
				const popup = document.querySelector<HTMLElement>('.search-popup')!;
				return {
					value: input.value,
					focused: document.activeElement === input,
					open: popup.checkVisibility(),
					expanded: input.getAttribute('aria-expanded'),
					active: input.getAttribute('aria-activedescendant'),
					status: popup.querySelector('.search-status')!.textContent,
					all: popup.querySelector<HTMLElement>('.search-all')!.checkVisibility(),
					options: popup.querySelectorAll('[role=option]').length,
				};
			});
		const away = async () => {
			await page.keyboard.press('Shift+Tab');
			await page.keyboard.press('Tab');
		};
		const { status } = await search(page, '网络');
		await page.keyboard.press('ArrowDown');
		expect(await shown()).toMatchObject({ open: true, active: 'search-input-listbox-0', all: true, options: 6 });
		// The first Escape closes the popup and nothing else (Chromium would clear a search box).
		await page.keyboard.press('Escape');
		expect(await shown()).toEqual({ value: '网络', focused: true, open: false, expanded: 'false', active: null, status, all: false, options: 6 });
		await page.waitForTimeout(300);
		expect(await shown()).toMatchObject({ value: '网络', open: false });
		// Back in the box, its results are there again, none of them active.
		await away();
		expect(await shown()).toMatchObject({ value: '网络', focused: true, open: true, expanded: 'true', active: null, status, all: true, options: 6 });
		// A second Escape, the popup closed, clears the box as the browser does; an empty box shows nothing, not even coming back to it.
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		const empty = { value: '', focused: true, open: false, expanded: 'false', active: null, status: '', all: false, options: 0 };
		expect(await shown()).toEqual(empty);
		await page.waitForTimeout(300);
		await away();
		expect(await shown()).toEqual(empty);
		// Emptied otherwise: select all and delete, at once and after any search still under way.
		await page.keyboard.type('网络安全');
		await page.waitForFunction(() => document.querySelectorAll('.search-popup [role=option]').length > 0);
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.press('Delete');
		expect(await shown()).toEqual(empty);
		await page.waitForTimeout(300);
		await away();
		expect(await shown()).toEqual(empty);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('loads no search code before the reader touches search', async () => {
		const before = served.site.requests.length;
		const { page } = await openText('zh-hant');
		await page.waitForLoadState('networkidle');
		const loaded = served.site.requests.slice(before).map((request) => request.path);
		expect(loaded.filter((path) => /pagefind|search-ui/.test(path))).toEqual([]);
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
		await page.close();
	});

	it('has a search page whose URL can be shared', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hk/search/?q=${encodeURIComponent('千军易得')}`);
		await page.waitForSelector('.search-results .hit');
		expect(await page.getAttribute('.search-results .hit', 'href')).toMatch(/^\/zh-hk\/.*#p10$/);
		expect(await page.inputValue('#search-page-input')).toBe('千军易得');
		await page.fill('#search-page-input', '人均带宽');
		await page.waitForFunction(() => location.search.includes(encodeURIComponent('人均带宽')));
		await page.waitForSelector('.search-results .hit[href*="#p4"]');
		await page.close();
	});

	it('without JavaScript, the search page says search needs it', async () => {
		const noJs = await launch({ javaScriptEnabled: false });
		try {
			const page = await noJs.newPage();
			await page.goto(`${served.site.url}/zh-hans/${SEED_SLUG}/`);
			await page.fill('#search-input', '千军易得');
			await page.press('#search-input', 'Enter');
			await page.waitForURL(/\/zh-hans\/search\/\?q=/);
			expect(await page.locator('.search-nojs').innerText()).toContain('搜索需要启用 JavaScript');
		} finally {
			await noJs.close();
		}
	});
});

describe('quote search, one record per text', () => {
	it('shows every paragraph holding a word, several from one text, each fetched by its own bytes from the reader’s page', async () => {
		const { page, errors } = await openText('zh-hant');
		const seed = readFileSync(join(DIST, 'zh-hant', SEED_SLUG, 'index.html'), 'utf8');
		const holding = [...seed.matchAll(/<p id="(p\d+)"[^>]*>([\s\S]*?)<\/p>/g)].filter(([, , html]) => html!.includes('網絡')).map(([, id]) => id);
		expect(holding.length).toBeGreaterThan(6);
		const before = served.site.requests.length;
		const { options } = await search(page, '网络');
		expect(options).toHaveLength(6);
		expect(options.every((option) => option.exact)).toBe(true);
		const ids = options.map((option) => option.href.split('#')[1]);
		expect(new Set(ids).size).toBe(6);
		expect(holding).toEqual(expect.arrayContaining(ids));
		const pageRequests = served.site.requests.slice(before).filter((request) => request.path === `/zh-hant/${SEED_SLUG}/`);
		expect(pageRequests).toHaveLength(6);
		expect(pageRequests.every((request) => request.range && request.bytes < 1024)).toBe(true);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('rests on the index answering a query of several characters with the texts holding them all, and where any of them stands', async () => {
		const index = await PagefindIndex.open(`${served.site.url}/pagefind/`);
		const words = async (terms: string[]) => (await index.search(terms)).map((result) => result.words);
		const [together, absent, ...each] = await Promise.all([words(['网', '络', '安']), words(['网', '鄀']), ...['网', '络', '安'].map((char) => words([char]))]);
		expect(together).toHaveLength(1);
		expect(together[0]).toEqual(each.flatMap((found) => found[0]!).sort((a, b) => a - b));
		// A character no text holds is left out of the query, as Pagefind leaves it out: it has no places, so no quote with it is found whole.
		expect(absent).toEqual(each[0]);
	});

	it('has one search form on the search page, which / focuses', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hant/search/`);
		expect(await page.locator('[role=search]').count()).toBe(1);
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-page-input');
		await page.close();
	});

	it('lists them all on the search page', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hans/search/?q=${encodeURIComponent('網絡')}`);
		await page.waitForSelector('.search-results .hit');
		const seed = readFileSync(join(DIST, 'zh-hans', SEED_SLUG, 'index.html'), 'utf8');
		const holding = [...seed.matchAll(/<p id="(p\d+)"[^>]*>([\s\S]*?)<\/p>/g)].filter(([, , html]) => html!.includes('网络')).map(([, id]) => id);
		const shown = await page.$$eval('.search-results .hit', (hits) => hits.map((hit) => hit.getAttribute('href')!.split('#')[1]));
		expect(shown.sort()).toEqual(holding.sort());
		await page.close();
	});
});

describe('quote search on a host that ignores byte ranges', () => {
	const plain = servedInBrowser(DIST, {}, { ranges: false });

	it('fetches the whole page once instead, and finds the same paragraphs', async () => {
		const page = await plain.browser.newPage();
		await page.goto(`${plain.site.url}/zh-hk/search/?q=${encodeURIComponent('网络安全')}`);
		await page.waitForSelector('.search-results .hit');
		const shown = await page.$$eval('.search-results .hit', (hits) => hits.map((hit) => [hit.getAttribute('href'), hit.querySelector('mark')?.textContent]));
		expect(shown.length).toBeGreaterThan(1);
		expect(shown.every(([, mark]) => mark === '網絡安全')).toBe(true);
		const pageRequests = plain.site.requests.filter((request) => request.path === `/zh-hk/${SEED_SLUG}/`);
		// One whole page for all the text's paragraphs.
		expect(pageRequests).toHaveLength(1);
		expect(pageRequests[0]!.range).toBeUndefined();
		await page.close();
	});
});
