/**
 * What a reader sees, in Chromium, on the built site.
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

	it("sets the text in its edition's serif (Song/Ming, the region's glyphs) and the interface in sans", async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl(edition.path));
		const region = { 'zh-Hans': 'SC', 'zh-Hant': 'TC', 'zh-HK': 'HK' }[lang];
		const family = (selector: string) => page.$eval(selector, (element) => getComputedStyle(element).fontFamily);
		expect(await family('.text-body > p')).toContain(`Noto Serif CJK ${region}`);
		expect(await family('h1')).toContain(`Noto Sans CJK ${region}`);
		await page.goto(`${textUrl(edition.path)}compare/`);
		for (const other of EDITIONS) {
			const otherRegion = { 'zh-Hans': 'SC', 'zh-Hant': 'TC', 'zh-HK': 'HK' }[other.lang];
			expect(await family(`.compare-table td[lang="${other.lang}"]`)).toContain(`Noto Serif CJK ${otherRegion}`);
			// The marks inside a cell keep its serif.
			expect(await family(`.compare-table td[lang="${other.lang}"] *`)).toContain('Serif');
		}
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

	/** Scroll paragraph `id` to the top of the window. */
	const scrollToParagraph = (page: Page, id: string) => page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start' }), id);
	/** Rest in the text longer than a second (the reader reading there). */
	const restAt = async (page: Page, id: string) => {
		await scrollToParagraph(page, id);
		await page.waitForTimeout(1_500);
	};
	/** Back up to the edition links, as a reader scrolls to them. */
	const backToTop = (page: Page) => page.evaluate(() => scrollTo(0, 0));
	const switchTo = async (page: Page, lang: string, path: RegExp) => {
		await page.click(`[data-edition-link][lang="${lang}"]`);
		await page.waitForURL(path);
		return new URL(page.url());
	};

	it('keeps the paragraph the reader rested on, after scrolling back up to the links', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl('zh-hans'));
		await restAt(page, 'p6');
		await backToTop(page);
		expect((await switchTo(page, 'zh-Hant', /zh-hant/)).hash).toBe('#p6');
		// Landed on as any #pN: 4rem down (scroll-margin-top), at the top of what the reader sees.
		expect(await page.evaluate(() => document.getElementById('p6')!.getBoundingClientRect().top)).toBeCloseTo(64, -1);
		await page.close();
	});

	it('takes the paragraph rested on over a #p8 left behind, and not the ones passed on the way back up', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl('zh-hans', '#p8'));
		await restAt(page, 'p6');
		for (const id of ['p5', 'p4', 'p3', 'p1']) {
			await scrollToParagraph(page, id);
			await page.waitForTimeout(200);
		}
		await backToTop(page);
		expect((await switchTo(page, 'zh-HK', /zh-hk/)).hash).toBe('#p6');
		await page.close();
	});

	it('takes a paragraph the reader went to (its ¶ link) over one rested on before', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl('zh-hant'));
		await restAt(page, 'p9');
		await page.click('.para-tools > a[href="#p3"]');
		await page.waitForURL(/#p3$/);
		expect((await switchTo(page, 'zh-Hans', /zh-hans/)).hash).toBe('#p3');
		await page.close();
	});

	it('leads the compare link to the row of the paragraph rested on', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl('zh-hans'));
		await restAt(page, 'p7');
		await backToTop(page);
		await page.click('a[data-compare-link]');
		await page.waitForURL(/compare/);
		expect(await page.$eval(':target', (row) => `${row.tagName} ${row.id}`)).toBe('TR p7');
		await page.close();
	});

	it("keeps a landing's address whole (its marks count from its paragraph), wherever the reader rested", async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl('zh-hans', '?hl=0-4#p5'));
		await restAt(page, 'p10');
		await backToTop(page);
		const url = await switchTo(page, 'zh-HK', /zh-hk/);
		expect([url.search, url.hash]).toEqual(['?hl=0-4', '#p5']);
		// The marks come with the landing code, loaded after the page.
		await page.waitForSelector('#p5 mark.landing');
		expect(await page.$eval('#p5 mark.landing', (mark) => Array.from(mark.textContent ?? '').length)).toBe(4);
		await page.close();
	});

	it("keeps a landing's marks on their words when the reader goes on to another paragraph, in the address and in the other edition", async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl('zh-hans', '?hl=0-4#p5'));
		await page.waitForSelector('#p5 mark.landing');
		await page.click('.para-tools > a[href="#p3"]');
		await page.waitForURL(/#p3$/);
		// Named by the landing code's hashchange listener, a moment after the address changed.
		await expect.poll(() => new URL(page.url()).search).toBe('?hl=p5:0-4');
		const url = await switchTo(page, 'zh-Hant', /zh-hant/);
		expect([url.search, url.hash]).toEqual(['?hl=p5:0-4', '#p3']);
		await page.waitForSelector('mark.landing');
		expect(await page.$$eval('mark.landing', (marks) => marks.map((mark) => mark.closest('p')?.id))).toEqual(['p5']);
		await page.close();
	});

	it('keeps a paragraph reached after load (hash change) when switching to 香港繁體', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl('zh-hant'));
		await page.click('a[href="#p3"]');
		await page.click('[data-edition-link][lang="zh-HK"]');
		await page.waitForURL(/zh-hk/);
		expect(new URL(page.url()).hash).toBe('#p3');
		await page.close();
	});
});

describe('the compare link', () => {
	it('leads to the row of the paragraph the reader is on, with nothing else of the address', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl('zh-hant', '?hl=0-2#p8'));
		await page.click('a[data-compare-link]');
		await page.waitForURL(/compare/);
		expect(new URL(page.url()).search).toBe('');
		expect(new URL(page.url()).hash).toBe('#p8');
		expect(await page.$eval(':target', (row) => `${row.tagName} ${row.id}`)).toBe('TR p8');
		await page.close();
	});
});

describe('the breadcrumb', () => {
	it('ends each item but the last with its separator, so a trail that wraps starts no line with one', async () => {
		const page = await served.browser.newPage();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(textUrl('zh-hk'));
		const items = await page.$$eval('.breadcrumb li', (lis) => lis.map((li) => [getComputedStyle(li, '::before').content, getComputedStyle(li, '::after').content]));
		expect(items).toEqual([...items.slice(1).map(() => ['none', '"›"']), ['none', 'none']]);
		await page.close();
	});
});

describe('switching edition keeps the address', () => {
	it('the quote typed on the search page, searched again in the other edition', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hant/search/`);
		await page.fill('#search-page-input', '牽一髮');
		await page.waitForURL(/\?q=/);
		await page.waitForSelector('.search-results .hit');
		// Opened in another tab or copied, the link has the query too.
		expect(new URL((await page.getAttribute('[data-edition-link][lang="zh-HK"]', 'href'))!, page.url()).searchParams.get('q')).toBe('牽一髮');
		await page.click('[data-edition-link][lang="zh-Hans"]');
		await page.waitForURL(/\/zh-hans\/search\//);
		expect(new URL(page.url()).searchParams.get('q')).toBe('牽一髮');
		expect(await page.inputValue('#search-page-input')).toBe('牽一髮');
		await page.waitForSelector('.search-results .hit');
		expect(await page.textContent('.search-results .hit mark')).toBe('牵一发');
		await page.close();
	});

	it("a landing's marks (?hl=) and paragraph, marked again in the other edition", async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl('zh-hans', '?hl=25-30#p5'));
		const marked = () => page.$$eval('#p5 mark', (marks) => marks.map((mark) => mark.textContent).join(''));
		await expect.poll(marked).toBe('牵一发而动');
		await page.click('[data-edition-link][lang="zh-HK"]');
		await page.waitForURL(/\/zh-hk\//);
		expect(new URL(page.url()).search).toBe('?hl=25-30');
		expect(new URL(page.url()).hash).toBe('#p5');
		await expect.poll(marked).toBe('牽一髮而動');
		await page.close();
	});
});

describe('copy link', () => {
	it('copies the absolute URL of the paragraph', async () => {
		await served.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.site.url });
		const page = await served.browser.newPage();
		await page.goto(textUrl('zh-hant'));
		await page.hover('#p5');
		await page.click('[data-copy="p5"]');
		await page.waitForFunction(() => document.querySelector('body > p[role=status]')?.textContent);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(textUrl('zh-hant', '#p5'));
		await page.close();
	});
});

describe('on a touch phone', () => {
	it('an unseen copy button takes no tap; a tap on ¶ brings the buttons, and the copy button then copies', async () => {
		const phone = await launch({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
		try {
			await phone.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.site.url });
			const page = await phone.newPage();
			await page.goto(textUrl('zh-hant'));
			expect(await page.evaluate(() => matchMedia('(hover: none)').matches)).toBe(true);
			const button = page.locator('[data-copy="p5"]');
			await button.scrollIntoViewIfNeeded();
			const tap = async (selector: string) => {
				const box = (await page.locator(selector).boundingBox())!;
				await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
			};
			const status = () => page.evaluate(() => document.querySelector('body > p[role=status]')?.textContent ?? '');
			await tap('[data-copy="p5"]');
			await page.waitForTimeout(300);
			expect(await status()).toBe('');
			expect(await button.isVisible()).toBe(false);
			await tap('.para-tools > a[href="#p5"]');
			await page.waitForURL(/#p5$/);
			await expect.poll(() => button.isVisible()).toBe(true);
			await tap('[data-copy="p5"]');
			await expect.poll(status).not.toBe('');
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(textUrl('zh-hant', '#p5'));
		} finally {
			await phone.close();
		}
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
			expect(await page.locator('[data-copy]').first().isVisible()).toBe(false);
			await page.click('[data-edition-link][lang="zh-Hans"]');
			await page.waitForURL(/zh-hans/);
			expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
		} finally {
			await noJs.close();
		}
	});
});

/** The seed's paragraphs as stored: every non-empty line of its body. */
const STORED = (() => {
	const mdx = readFileSync(`content/${SEED_SLUG}.mdx`, 'utf8');
	return mdx.slice(mdx.indexOf('---', 3) + 3).split('\n').filter((line) => line.trim() !== '');
})();

/** What the clipboard holds after the page or the reader copied. */
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

describe.each(EDITIONS.map((edition) => [edition.lang, edition] as const))('a paragraph is its words, in %s', (_lang, edition) => {
	/** Each paragraph's words in this edition, converted here from the stored text. */
	const words = STORED.map(editionLineConverter('zh-Hans', edition));
	beforeAll(async () => {
		await served.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.site.url });
	});

	it('p.textContent of every paragraph is exactly its words: no ¶, no button labels', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl(edition.path));
		expect(await page.$$eval('.text-body > p', (ps) => ps.map((p) => p.textContent))).toEqual(words);
		await page.close();
	});

	it('a triple-click copy of p2 gives its words and the paragraph break after them, nothing else', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl(edition.path));
		await page.click('#p2', { clickCount: 3 });
		await page.keyboard.press('Control+C');
		expect(await clipboard(page)).toMatch(/\S\n+$/);
		expect((await clipboard(page)).trimEnd()).toBe(words[1]);
		await page.close();
	});

	it('a copy of p2 to p4 gives their words with the line breaks between them', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl(edition.path));
		await page.hover('#p3');
		await page.evaluate(() => {
			const range = document.createRange();
			range.setStart(document.getElementById('p2')!, 0);
			range.setEnd(document.getElementById('p4')!.firstChild!, 4);
			getSelection()!.removeAllRanges();
			getSelection()!.addRange(range);
		});
		await page.keyboard.press('Control+C');
		expect(await clipboard(page)).toBe(`${words[1]}\n\n${words[2]}\n\n${Array.from(words[3]!).slice(0, 4).join('')}`);
		await page.close();
	});

	it('the selection citation of a triple-clicked paragraph quotes its words, in the edition’s marks', async () => {
		const page = await served.browser.newPage();
		await page.goto(textUrl(edition.path));
		await page.click('#p10', { clickCount: 3 });
		await page.waitForSelector('[data-cite-selection]:not([hidden])');
		await page.click('[data-cite-selection]');
		await page.waitForFunction(() => document.querySelector('body > p[role=status]')?.textContent);
		const cited = await clipboard(page);
		// p10 holds one quotation (千军易得，一将难求); inside the citation's marks it takes the edition's second marks.
		const [open, close, innerOpen, innerClose] = [...edition.quotes.join('')] as [string, string, string, string];
		const quote = words[9]!.replace(open, innerOpen).replace(close, innerClose);
		expect(cited.startsWith(`${open}${quote}${close}——`), cited).toBe(true);
		expect(cited).toMatch(new RegExp(`第10段。${served.site.url}/${edition.path}/${SEED_SLUG}/\\?hl=0-${Array.from(words[9]!).length}#p10$`));
		await page.close();
	});
});
