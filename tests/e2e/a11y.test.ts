/**
 * Accessibility, in Chromium on the built site: axe-core's WCAG 2.2 A/AA
 * rules on every page type in every edition (0 violations), the whole path
 * by keyboard alone, and `lang` right wherever the script changes.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { DEFAULT_EDITION, EDITIONS } from '../../src/editions.ts';
import { axeViolations as violations } from '../support/axe.ts';
import { wrongScript } from '../support/lang.ts';
import { builtPages, elements, treeOf } from '../support/pages.ts';
import { servedInBrowser } from '../support/served.ts';
import { SEED_SLUG } from '../support/site.ts';

const QUOTE = '千军易得';

const served = servedInBrowser();

/** Open the header search on a quote and move to the first result. */
async function openCombobox(page: Page): Promise<void> {
	await page.focus('#search-input');
	await page.fill('#search-input', QUOTE);
	await page.waitForSelector('.search-popup:not([hidden]) [role=option]');
	await page.keyboard.press('ArrowDown');
}

type View = [name: string, path: string, prepare: (page: Page) => Promise<unknown>];
const loaded = async () => undefined;

/** The pinyin aid shown (by `?pinyin=1`), then forgotten, so the views after this one open without it. */
async function pinyinOn(page: Page): Promise<void> {
	await page.waitForSelector('button[data-pinyin][aria-pressed="true"]');
	await page.waitForSelector('mark.landing');
	await page.evaluate(() => localStorage.removeItem('fanjian:pinyin'));
}

const views: View[] = [
	['the home page', '/', loaded],
	['the 404 page', '/no-such-page/', loaded],
	...EDITIONS.flatMap((edition): View[] => {
		const text = `/${edition.path}/${SEED_SLUG}/`;
		return [
			[`${edition.lang}: the edition index`, `/${edition.path}/`, loaded],
			[`${edition.lang}: the seed's year`, `/${edition.path}/2014/`, loaded],
			[`${edition.lang}: a text`, text, loaded],
			[`${edition.lang}: a text with a paragraph's tools shown by focus`, text, (page) => page.focus('.para-tools > a[href="#p3"]')],
			[`${edition.lang}: a text landed on from a search result`, `${text}?hl=0-4#p10`, (page) => page.waitForSelector('mark.landing')],
			[`${edition.lang}: a text with pinyin on, landed on from a search result`, `${text}?pinyin=1&hl=0-4#p10`, pinyinOn],
			[`${edition.lang}: a text with the header search open on results`, text, openCombobox],
			[`${edition.lang}: the search page with results`, `/${edition.path}/search/?q=${encodeURIComponent(QUOTE)}`, (page) => page.waitForSelector('.search-results li')],
			[`${edition.lang}: the compare page`, `${text}compare/`, loaded],
			[`${edition.lang}: the compare page with a choice's note shown by focus, the phrases' list open`, `${text}compare/#p5`, async (page) => {
				await page.click('.compare-summary details > summary');
				await page.focus('.compare-table mark.risk');
			}],
		];
	}),
];

describe('axe-core, WCAG 2.2 A and AA', () => {
	it.each(views)('%s has no violations', async (_name, path, prepare) => {
		const page = await served.browser.newPage();
		await page.goto(served.site.url + path);
		await prepare(page);
		expect(await violations(page)).toEqual([]);
		await page.close();
	});
});

/** What has focus, and whether a sighted keyboard user can see it. */
async function focused(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const style = getComputedStyle(el);
		const box = el.getBoundingClientRect();
		let opacity = 1;
		for (let node: Element | null = el; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
		return {
			what: el.matches('.para-tools > a')
				? `link ${el.getAttribute('href')}`
				: el.matches('[data-copy]')
					? `copy ${el.dataset.copy}`
					: el.closest('.para-tools')
						? `tool ${el.dataset.cite ?? el.outerHTML}`
						: el.id || `${el.className || el.tagName} ${el.getAttribute('href') ?? ''}`.trim(),
			opacity,
			outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
			inView: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
		};
	});
}

describe('by keyboard alone', () => {
	it.each(EDITIONS.map((e) => [e.lang, e.path]))('in %s: Tab reaches the search box, the arrows and Enter open a result', async (_lang, path) => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/${path}/${SEED_SLUG}/`);
		await page.keyboard.press('Tab');
		expect(await focused(page)).toMatchObject({ what: 'skip #main', opacity: 1, outline: true, inView: true });
		for (let tabs = 0; tabs < 10 && (await focused(page)).what !== 'search-input'; tabs++) await page.keyboard.press('Tab');
		expect(await focused(page)).toMatchObject({ what: 'search-input', outline: true, inView: true });
		await page.keyboard.type(QUOTE);
		await page.waitForSelector('.search-popup:not([hidden]) [role=option]');
		await page.keyboard.press('ArrowDown');
		expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBe('search-input-listbox-0');
		expect(await page.$eval('#search-input-listbox-0', (option) => getComputedStyle(option).outlineStyle)).not.toBe('none');
		await page.keyboard.press('Enter');
		await page.waitForURL(/#p10$/);
		await page.waitForSelector('mark.landing');
		await page.close();
	});

	it.each(EDITIONS.map((e) => [e.lang, e.path]))('in %s: Tab reaches every paragraph’s ¶ link and copy buttons right after its words, shown with a visible focus ring', async (_lang, path) => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/${path}/${SEED_SLUG}/`);
		const ids = await page.$$eval('.text-body > p[id]', (ps) => ps.map((p) => p.id));
		expect(ids.length).toBeGreaterThan(10);
		const stops: Awaited<ReturnType<typeof focused>>[] = [];
		for (let tabs = 0; tabs < 100; tabs++) {
			await page.keyboard.press('Tab');
			const stop = await focused(page);
			if (stops.some((s) => s.what === stop.what)) break;
			stops.push(stop);
		}
		// After each paragraph: its ¶ link, then its buttons, in that order.
		const tools = stops.filter((stop) => /^(link #|copy |tool )/.test(stop.what));
		expect(tools.map((stop) => stop.what)).toEqual(ids.flatMap((id) => [`link #${id}`, `copy ${id}`, `tool ${id}`]));
		// Every paragraph tool (the ¶ link, copy and any other) shows itself when it has focus.
		for (const stop of tools) {
			expect(stop, stop.what).toMatchObject({ opacity: 1, outline: true, inView: true });
		}
		await page.close();
	});
});

describe('lang', () => {
	const pages = builtPages();
	const expected = (path: string) => EDITIONS.find((e) => path.startsWith(`/${e.path}/`))?.lang ?? DEFAULT_EDITION.lang;

	it.each(pages.map((page) => [page.path, page] as const))('%s: <html lang> is its edition’s, and every fragment in another script has its own lang', (path, page) => {
		expect(elements(treeOf(page)).find((el) => el.tagName === 'html')?.properties.lang).toBe(expected(path));
		expect(wrongScript(treeOf(page))).toEqual([]);
	});

	it.each(EDITIONS.map((e) => [e.lang, e.path]))('in %s, search results are in the reader’s script', async (_lang, path) => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/${path}/${SEED_SLUG}/`);
		await openCombobox(page);
		expect(wrongScript(fromHtml(await page.content()))).toEqual([]);
		await page.goto(`${served.site.url}/${path}/search/?q=${encodeURIComponent('没有网络安全')}`);
		await page.waitForSelector('.search-results li');
		expect(wrongScript(fromHtml(await page.content()))).toEqual([]);
		await page.close();
	});
});
