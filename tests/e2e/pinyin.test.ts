/**
 * The pinyin aid, in Chromium on the built site: a reading over every Han
 * character and nothing else, in every edition; remembered across pages;
 * `?pinyin=1`; nothing loaded before it is asked for; and the page's text,
 * copies, landing highlights and place unchanged by it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { editionLineConverter } from '../../src/convert/edition-text.ts';
import { EDITIONS } from '../../src/editions.ts';
import { launch } from '../support/browser.ts';
import { servedInBrowser } from '../support/served.ts';
import { SEED_SLUG } from '../support/site.ts';

const served = servedInBrowser();
const textUrl = (path: string, rest = '') => `${served.site.url}/${path}/${SEED_SLUG}/${rest}`;
const TOGGLE = 'button[data-pinyin]';

/** A fresh page on a text with the aid as the reader last left it (`on` or `off`). */
async function open(path: string, remembered: 'on' | 'off' = 'off', rest = ''): Promise<Page> {
	const page = await served.browser.newPage();
	// A page of the site without the page script, to set what the reader left.
	await page.goto(`${served.site.url}/robots.txt`);
	await page.evaluate((value) => localStorage.setItem('fanjian:pinyin', value), remembered);
	await page.goto(textUrl(path, rest));
	return page;
}

/** Turn the aid on with the button and wait for the readings. */
async function turnOn(page: Page): Promise<void> {
	await page.click(TOGGLE);
	await page.waitForSelector(`${TOGGLE}[aria-pressed="true"]`);
}

/** Every character of the text (title and body, not the paragraphs' tools) and the reading over it, if any. */
function characters(page: Page) {
	return page.$$eval('article[data-text] h1, .text-body', (roots) =>
		roots.flatMap((root) => {
			const found: { char: string; reading: string | null; shown: string }[] = [];
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				if (node.parentElement?.closest('.para-tools')) continue;
				const rt = node.parentElement?.closest('ruby.pinyin')?.querySelector('rt');
				for (const char of Array.from(node.textContent ?? '')) {
					found.push({ char, reading: rt?.dataset.pinyin ?? null, shown: rt ? getComputedStyle(rt, '::before').content : '' });
				}
			}
			return found;
		}),
	);
}

const HAN = /^[\p{Unified_Ideograph}〇]$/u;

describe.each(EDITIONS.map((edition) => [edition.lang, edition] as const))('in %s', (_lang, edition) => {
	it('the toggle puts a reading over every Han character of the text, and none over punctuation, digits or Latin', async () => {
		const page = await open(edition.path);
		expect(await page.getAttribute(TOGGLE, 'aria-pressed')).toBe('false');
		expect(await page.$$('ruby')).toHaveLength(0);
		await turnOn(page);
		const chars = await characters(page);
		const han = chars.filter((c) => HAN.test(c.char));
		expect(han.length).toBeGreaterThan(1300);
		expect(han.filter((c) => !/^[a-zü\u0300-\u036f]+$/u.test(c.reading?.normalize('NFD') ?? ''))).toEqual([]);
		// The reading is what the page shows over the character.
		expect(han.slice(0, 3).map((c) => c.shown)).toEqual(han.slice(0, 3).map((c) => `"${c.reading}"`));
		expect(chars.filter((c) => !HAN.test(c.char) && c.reading !== null)).toEqual([]);
		expect(chars.filter((c) => /[，。、“”「」《》0-9]/u.test(c.char)).length).toBeGreaterThan(100);
		await page.click(TOGGLE);
		await page.waitForSelector(`${TOGGLE}[aria-pressed="false"]`);
		expect(await page.$$('ruby')).toHaveLength(0);
		await page.close();
	});

	it('reads p5’s 牵一发 as 髮 shows it, fà, and 强调 diào', async () => {
		const page = await open(edition.path, 'on');
		await page.waitForSelector('ruby.pinyin');
		const p5 = await page.$eval('#p5', (p) => [...p.querySelectorAll('ruby.pinyin')].map((r) => `${r.firstChild?.textContent}${r.querySelector('rt')!.dataset.pinyin}`).join(' '));
		expect(p5).toMatch(/牵|牽/);
		expect(p5).toMatch(/一yī (发|髮)fà/);
		expect(p5).toMatch(/(强|強)qiáng (调|調)diào/);
		await page.close();
	});
});

describe('turning it on', () => {
	it('loads nothing of the aid before the reader asks: no script, no readings', async () => {
		const before = served.site.requests.length;
		const page = await open('zh-hans');
		await page.waitForLoadState('networkidle');
		expect(served.site.requests.slice(before).map((r) => r.path).filter((path) => /pinyin/i.test(path))).toEqual([]);
		await turnOn(page);
		const loaded = served.site.requests.slice(before).filter((r) => /pinyin/i.test(r.path));
		const file = loaded.find((r) => r.path.startsWith('/pinyin/'));
		expect(file?.path).toMatch(new RegExp(`^/pinyin/${SEED_SLUG}\\.[0-9a-f]{10}\\.txt$`));
		// One file per text: every edition asks for the same one.
		expect(await page.getAttribute(TOGGLE, 'data-pinyin')).toBe(file?.path);
		await page.close();
	});

	it('says so when the readings cannot be had, and stays off', async () => {
		const page = await open('zh-hans');
		await page.route('**/pinyin/*.txt', (route) => route.abort());
		await page.click(TOGGLE);
		await page.waitForFunction(() => document.querySelector('body > p[role=status]')?.textContent);
		expect(await page.textContent('body > p[role=status]')).toBe(await page.getAttribute(TOGGLE, 'data-failed'));
		expect(await page.getAttribute(TOGGLE, 'aria-pressed')).toBe('false');
		expect(await page.$$('ruby')).toHaveLength(0);
		await page.close();
	});

	it('is a real button: Tab reaches it, Space and Enter toggle it', async () => {
		const page = await open('zh-hant');
		for (let tabs = 0; tabs < 20 && !(await page.evaluate(() => document.activeElement?.matches('button[data-pinyin]'))); tabs++) await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.matches('button[data-pinyin]'))).toBe(true);
		expect(await page.evaluate(() => (document.activeElement as HTMLElement).textContent)).toBe('拼音');
		await page.keyboard.press('Space');
		await page.waitForSelector(`${TOGGLE}[aria-pressed="true"]`);
		await page.keyboard.press('Enter');
		await page.waitForSelector(`${TOGGLE}[aria-pressed="false"]`);
		await page.close();
	});

	const top = (page: Page) => page.$eval('#p8', (p) => p.getBoundingClientRect().top);

	it('keeps the paragraph the reader is on in view (#p8), the toggle within reach there', async () => {
		const page = await open('zh-hans', 'off', '#p8');
		const before = await top(page);
		expect(await page.$eval(TOGGLE, (button) => button.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
		await turnOn(page);
		expect(Math.abs((await top(page)) - before)).toBeLessThan(2);
		await page.click(TOGGLE);
		await page.waitForSelector(`${TOGGLE}[aria-pressed="false"]`);
		expect(Math.abs((await top(page)) - before)).toBeLessThan(2);
		await page.close();
	});

	it('keeps a #p8 link’s paragraph where the browser put it when the readings arrive after load', async () => {
		const page = await open('zh-hk', 'off', '#p8');
		const landed = await top(page);
		await page.close();
		const on = await open('zh-hk', 'on', '#p8');
		await on.waitForSelector(`${TOGGLE}[aria-pressed="true"]`);
		expect(Math.abs((await top(on)) - landed)).toBeLessThan(2);
		await on.close();
	});
});

describe('remembered', () => {
	it('stays on across pages and editions, and off once turned off', async () => {
		const page = await open('zh-hans');
		await turnOn(page);
		await page.click('[data-edition-link][lang="zh-HK"]');
		await page.waitForURL(/zh-hk/);
		await page.waitForSelector(`${TOGGLE}[aria-pressed="true"]`);
		expect((await page.$$('ruby.pinyin')).length).toBeGreaterThan(1300);
		await page.click(TOGGLE);
		await page.waitForSelector(`${TOGGLE}[aria-pressed="false"]`);
		await page.click('[data-edition-link][lang="zh-Hant"]');
		await page.waitForURL(/zh-hant/);
		await page.waitForLoadState('networkidle');
		expect(await page.getAttribute(TOGGLE, 'aria-pressed')).toBe('false');
		expect(await page.$$('ruby')).toHaveLength(0);
		await page.close();
	});

	it('?pinyin=1 opens a page with it on, in a browser that never used it', async () => {
		const fresh = await launch();
		try {
			const page = await fresh.newPage();
			await page.goto(textUrl('zh-hk', '?pinyin=1#p3'));
			await page.waitForSelector(`${TOGGLE}[aria-pressed="true"]`);
			expect((await page.$$('#p3 ruby.pinyin')).length).toBeGreaterThan(20);
		} finally {
			await fresh.close();
		}
	});
});

describe('it does not get in the way', () => {
	it('on a wide window the toggle, within reach down the text, covers no character of it', async () => {
		const page = await open('zh-hans');
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.$eval('#p8', (p) => p.scrollIntoView());
		const toggle = await page.$eval(TOGGLE, (button) => button.getBoundingClientRect().toJSON() as DOMRect);
		const text = await page.$eval('.text-body', (body) => body.getBoundingClientRect().toJSON() as DOMRect);
		expect(toggle.top, 'within reach at the top of the window').toBeGreaterThanOrEqual(0);
		expect(toggle.left, 'beside the text, not over its line ends').toBeGreaterThanOrEqual(text.right);
		await page.close();
	});

	const mdx = readFileSync(`content/${SEED_SLUG}.mdx`, 'utf8');
	const stored = mdx.slice(mdx.indexOf('---', 3) + 3).split('\n').filter((line) => line.trim() !== '');
	beforeAll(async () => {
		await served.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.site.url });
	});

	it.each(EDITIONS.map((edition) => [edition.lang, edition] as const))('in %s, every paragraph’s text and a copied paragraph are its characters alone', async (_lang, edition) => {
		const words = stored.map(editionLineConverter('zh-Hans', edition));
		const page = await open(edition.path, 'on');
		await page.waitForSelector('ruby.pinyin');
		expect(await page.$$eval('.text-body > p', (ps) => ps.map((p) => p.textContent))).toEqual(words);
		await page.click('#p2', { clickCount: 3 });
		await page.keyboard.press('Control+C');
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).not.toMatch(/[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/iu);
		expect(copied.trimEnd()).toBe(words[1]);
		await page.close();
	});

	it('a landing highlight marks the same words with it on (?hl=0-4#p10: 習近平強)', async () => {
		const page = await open('zh-hant', 'on', '?hl=0-4#p10');
		await page.waitForSelector(`${TOGGLE}[aria-pressed="true"]`);
		await page.waitForSelector('mark.landing');
		const marked = () => page.$$eval('#p10 mark.landing', (marks) => marks.map((m) => m.textContent).join(''));
		expect(await marked()).toBe('習近平強');
		await page.click(TOGGLE);
		await page.waitForSelector(`${TOGGLE}[aria-pressed="false"]`);
		expect(await marked()).toBe('習近平強');
		expect(await page.$eval('#p10', (p) => p.textContent)).toMatch(/^習近平強調/u);
		await page.close();
	});

	it('a selection citation quotes the characters and counts them as without it', async () => {
		const page = await open('zh-hans', 'on');
		await page.waitForSelector('ruby.pinyin');
		await page.click('#p10', { clickCount: 3 });
		await page.waitForSelector('[data-cite-selection]:not([hidden])');
		await page.click('[data-cite-selection]');
		await page.waitForFunction(() => document.querySelector('body > p[role=status]')?.textContent);
		const cited = await page.evaluate(() => navigator.clipboard.readText());
		const quote = cited.slice(0, cited.indexOf('——'));
		expect(quote).not.toMatch(/[a-z]/iu);
		expect(cited).toMatch(new RegExp(`\\?hl=0-${Array.from(stored[9]!).length}#p10$`));
		await page.close();
	});

	it('prints the readings when it is on', async () => {
		const page = await open('zh-hans', 'on');
		await page.waitForSelector('ruby.pinyin');
		await page.emulateMedia({ media: 'print' });
		expect(await page.$eval('ruby.pinyin rt', (rt) => getComputedStyle(rt).display)).not.toBe('none');
		expect(await page.$eval('ruby.pinyin rt', (rt) => getComputedStyle(rt, '::before').content)).toMatch(/^"\p{L}+"$/u);
		expect(await page.$eval(TOGGLE, (button) => getComputedStyle(button).display)).toBe('none');
		await page.close();
	});
});
