/**
 * The compare pages (`/<edition>/<slug>/compare/`), in Chromium on the
 * built seed site and on a fixture site built for real: the editions side
 * by side by paragraph id, every difference marked (not by colour alone,
 * with its stored characters read out), the summary's counts and links,
 * noindex and no search records, and the layout on a phone and on paper.
 * (axe-core and html-validate check these pages with every other page:
 * a11y.test.ts, html.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHOICE_KINDS } from '../../src/convert/choices.ts';
import { EDITIONS, type Edition } from '../../src/editions.ts';
import { entryChoices } from '../../src/lint/choices.ts';
import { readEntry } from '../../src/lint/entries.ts';
import { fixtureSite } from '../support/fixture-site.ts';
import { builtPages, elements, treeOf, type BuiltPage } from '../support/pages.ts';
import { servedInBrowser } from '../support/served.ts';
import { serveStatic } from '../support/server.ts';
import { DIST, SEED_SLUG } from '../support/site.ts';

const served = servedInBrowser();
const comparePath = (edition: Edition, slug: string) => `/${edition.path}/${slug}/compare/`;
const STORED = EDITIONS.find((edition) => edition.lang === 'zh-Hans')!;
const CONVERTED = EDITIONS.filter((edition) => edition !== STORED);
const pages = builtPages();
const pageAt = (path: string) => pages.find((page) => page.path === path) as BuiltPage;
const hasClass = (el: Element, name: string) => ((el.properties.className as string[] | undefined) ?? []).includes(name);

async function open(path: string, width = 1280, root = served.site.url): Promise<Page> {
	const page = await served.browser.newPage();
	await page.setViewportSize({ width, height: 900 });
	await page.goto(`${root}${path}`);
	return page;
}

interface SeenMark {
	/** What the eye sees (the edition's characters), with up to three characters either side. */
	context: string;
	visible: string;
	/** What a screen reader reads: the mark's whole text, stored characters and note included. */
	name: string;
	className: string;
}

/** Every mark in an edition's column, as the reader sees and hears it. */
function marksIn(page: Page, lang: string, row = ''): Promise<SeenMark[]> {
	return page.$$eval(`.compare-table ${row} td[lang="${lang}"] mark`, (marks) => {
		const visibleText = (node: Node): string => {
			if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
			if (node instanceof HTMLElement && node.parentElement?.tagName === 'MARK' && node.tagName !== 'MARK') return '';
			return [...node.childNodes].map(visibleText).join('');
		};
		return marks.map((mark) => {
			const cell = mark.closest('td')!;
			const before = document.createRange();
			before.setStart(cell, 0);
			before.setEndBefore(mark);
			const after = document.createRange();
			after.setStartAfter(mark);
			after.setEnd(cell, cell.childNodes.length);
			const visible = visibleText(mark);
			const text = (range: Range) => visibleText(range.cloneContents());
			return { context: `${text(before).slice(-3)}${visible}${text(after).slice(0, 3)}`, visible, name: mark.textContent ?? '', className: mark.className };
		});
	});
}

describe('the seed text, compared', () => {
	it.each(EDITIONS.map((edition) => [edition.lang, edition] as const))('the %s text page links to its compare page', (_lang, edition) => {
		const links = elements(treeOf(pageAt(`/${edition.path}/${SEED_SLUG}/`))).filter((el) => el.tagName === 'a' && el.properties.href === comparePath(edition, SEED_SLUG));
		expect(links).toHaveLength(1);
	});

	it('each compare page asks search engines not to index it, and is not in the sitemap', () => {
		for (const edition of EDITIONS) {
			expect(pageAt(comparePath(edition, SEED_SLUG)).html).toContain('<meta name="robots" content="noindex">');
		}
		expect(readFileSync(join(DIST, 'sitemap.xml'), 'utf8')).not.toContain('/compare/');
	});

	it('adds no search records: a quote is found on the text pages only', async () => {
		const page = await open(`/zh-hant/search/?q=${encodeURIComponent('千军易得')}`);
		await page.waitForSelector('.search-results li');
		const links = await page.$$eval('.search-results a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
		expect(links.length).toBeGreaterThan(0);
		expect(links.filter((href) => href.includes('/compare/'))).toEqual([]);
		await page.close();
	});

	it('needs no script: the page loads none', () => {
		for (const edition of EDITIONS) expect(pageAt(comparePath(edition, SEED_SLUG)).html).not.toMatch(/<script/);
	});

	it.each(EDITIONS.map((edition) => [edition.lang, edition] as const))('in %s, …/compare/#p8 lands on the pair: each column holds its edition of paragraph 8', async (_lang, edition) => {
		const page = await open(`${comparePath(edition, SEED_SLUG)}#p8`);
		expect(await page.$eval(':target', (el) => `${el.tagName} ${el.id}`)).toBe('TR p8');
		for (const column of EDITIONS) {
			const cell = await page.$eval(`tr#p8 td[lang="${column.lang}"]`, (td) => {
				const copy = td.cloneNode(true) as HTMLElement;
				for (const hidden of copy.querySelectorAll('mark > s, mark > small')) hidden.remove();
				return copy.textContent;
			});
			const paragraph = elements(treeOf(pageAt(`/${column.path}/${SEED_SLUG}/`))).find((el) => el.properties.id === 'p8')!;
			expect(cell, column.lang).toBe(toString(paragraph));
		}
		await page.close();
	});

	// The 简体 page: every column's notes in 简体's words (词组, 单字默认), the characters not taken in the column's.
	it.each([
		['zh-Hant', '牽一髮', '发→髮（未取發，词组）'],
		['zh-HK', '牽一髮', '发→髮（未取發，词组）'],
		['zh-Hant', '劉雲山', '云→雲（未取云，词组）'],
		['zh-HK', '劉雲山', '云→雲（未取云，词组）'],
		['zh-HK', '體佈局', '布→佈（未取布，词组）'],
		['zh-Hant', '係', '系→係'],
		['zh-Hant', '事關廣大', '广→廣（未取广，单字默认）'],
	])('in the %s column, %s is marked, read as 「%s」', async (lang, words, name) => {
		const page = await open(comparePath(STORED, SEED_SLUG));
		const marks = await marksIn(page, lang);
		expect(marks.filter((mark) => mark.context.includes(words) && mark.name.startsWith(name)).length, JSON.stringify(marks.filter((m) => m.context.includes(words)))).toBeGreaterThan(0);
		await page.close();
	});

	it('marks each kind by its own line or outline, not by colour alone', async () => {
		const page = await open(comparePath(STORED, SEED_SLUG));
		const looks = await page.$$eval('.compare-legend mark', (marks) =>
			marks.map((mark) => {
				const style = getComputedStyle(mark);
				return `${mark.className || 'difference'}: ${style.textDecorationLine} ${style.textDecorationStyle} outline ${style.outlineStyle}`;
			}),
		);
		expect(looks).toHaveLength(4);
		const shapes = looks.map((look) => look.replace(/^\w+: /, ''));
		expect(new Set(shapes).size, looks.join('\n')).toBe(4);
		for (const shape of shapes) expect(shape).not.toBe('none solid outline none');
		await page.close();
	});

	it('keeps a mark’s stored characters and note for screen readers (clipped, not hidden), and shows the note on focus', async () => {
		const page = await open(comparePath(STORED, SEED_SLUG));
		const hidden = await page.$$eval('.compare-table mark > *', (parts) =>
			parts.filter((part) => {
				const style = getComputedStyle(part);
				return style.display === 'none' || style.visibility === 'hidden' || part.closest('[aria-hidden="true"]');
			}).length,
		);
		expect(hidden).toBe(0);
		const note = page.locator('.compare-table mark.risk').first();
		expect((await note.locator('small').boundingBox())!.width).toBeLessThanOrEqual(1);
		await note.focus();
		await page.waitForFunction(() => document.querySelector('.compare-table mark.risk:focus > small')!.getBoundingClientRect().width > 20);
		await page.close();
	});

	it('Tab reaches a risky choice’s mark, which shows the focus ring over its own outline, and its note', async () => {
		const page = await open(comparePath(STORED, SEED_SLUG));
		let reached = false;
		for (let tabs = 0; tabs < 400 && !reached; tabs++) {
			await page.keyboard.press('Tab');
			reached = await page.evaluate(() => document.activeElement?.matches('.compare-table mark.risk') ?? false);
		}
		expect(reached).toBe(true);
		const focused = await page.evaluate(() => {
			const mark = document.activeElement!;
			const style = getComputedStyle(mark);
			return { outline: `${style.outlineStyle} ${parseFloat(style.outlineWidth) >= 2}`, note: mark.querySelector('small')!.getBoundingClientRect().width > 20 };
		});
		expect(focused).toEqual({ outline: 'solid true', note: true });
		await page.close();
	});

	it.each(CONVERTED.map((edition) => [edition.lang, edition] as const))('the %s counts of the summary match the editions, recomputed from the text pages', (lang, edition) => {
		// Differences: characters that differ, place by place, between the stored text page and the edition's (title and
		// paragraphs; quotation marks, which an edition restyles, aside).
		const textOf = (e: Edition) => {
			const tree = treeOf(pageAt(`/${e.path}/${SEED_SLUG}/`));
			const title = elements(tree).find((el) => el.tagName === 'h1')!;
			return [title, ...elements(tree).filter((el) => el.tagName === 'p' && /^p\d+$/.test(String(el.properties.id)))].map((el) => toString(el));
		};
		const stored = textOf(STORED);
		const converted = textOf(edition);
		let differences = 0;
		stored.forEach((text, i) => {
			const a = [...text];
			const b = [...converted[i]!];
			expect(b.length).toBe(a.length);
			a.forEach((char, k) => {
				if (char !== b[k] && !/\p{P}/u.test(char)) differences++;
			});
		});
		const compare = treeOf(pageAt(comparePath(STORED, SEED_SLUG)));
		const table = elements(compare).find((el) => el.tagName === 'table' && hasClass(el, 'compare-counts'))!;
		const row = elements(table).find((el) => el.tagName === 'tr' && elements(el).some((child) => child.tagName === 'span' && child.properties.lang === lang))!;
		const counts = elements(row).filter((el) => el.tagName === 'td').map((td) => Number(toString(td)));
		expect(counts[0]).toBe(differences);
		// Choices: as many of each kind (default, pinned, phrase) as the column has marks, and as the lint's
		// `--choices` finds converting the entry's source line by line (not the page's tree), in this edition.
		const marks = elements(compare).filter((el) => el.tagName === 'td' && el.properties.lang === lang).flatMap((td) => elements(td).filter((el) => el.tagName === 'mark'));
		expect(counts.slice(1)).toEqual(['risk', 'pin', 'ph'].map((kind) => marks.filter((mark) => hasClass(mark, kind)).length));
		const file = join('content', `${SEED_SLUG}.mdx`);
		const source = readFileSync(file, 'utf8');
		const linted = entryChoices(readEntry(file, source), source, SEED_SLUG).filter((choice) => choice.editions.includes(edition));
		expect(counts.slice(1)).toEqual(CHOICE_KINDS.map((kind) => linted.filter((choice) => choice.kind === kind).length));
		expect(counts[1]).toBeGreaterThan(0);
	});

	it('lists the risky choices first, and each summary link lands on a row holding that choice', async () => {
		const page = await open(comparePath(STORED, SEED_SLUG));
		const headings = await page.$$eval('.compare-summary h3', (hs) => hs.map((h) => h.textContent));
		expect(headings[0]).toContain('单字默认');
		const entries = await page.$$eval('.choice-list li', (lis) =>
			lis.map((li) => ({ output: li.querySelector('.choice-chars > span:last-child')!.textContent!, targets: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')!) })),
		);
		expect(entries.length).toBeGreaterThan(0);
		for (const { output, targets } of entries) {
			for (const target of targets) {
				const held = await page.$$eval(`.compare-table tr${target} mark[tabindex]`, (marks) => marks.map((m) => m.lastChild!.previousSibling!.textContent));
				expect(held, `${output} at ${target}`).toContain(output);
			}
		}
		await page.click('.choice-list li a');
		expect(await page.$eval(':target', (el) => el.querySelectorAll('mark.risk').length)).toBeGreaterThan(0);
		await page.close();
	});
});

describe('layout', () => {
	/** Where each edition's cell of paragraph 1 is. */
	const cells = (page: Page) => page.$$eval('tr#p1 td', (tds) => tds.map((td) => ({ lang: td.getAttribute('lang'), ...td.getBoundingClientRect().toJSON(), label: getComputedStyle(td, '::before').content })));

	it('on a desktop, the editions stand side by side', async () => {
		const page = await open(comparePath(STORED, SEED_SLUG), 1280);
		const boxes = await cells(page);
		expect(boxes.map((box) => box.lang)).toEqual(['zh-Hans', 'zh-Hant', 'zh-HK']);
		expect(new Set(boxes.map((box) => box.top)).size).toBe(1);
		expect(boxes[0]!.left).toBeLessThan(boxes[1]!.left);
		expect(boxes[1]!.left).toBeLessThan(boxes[2]!.left);
		await page.close();
	});

	it('on a desktop, the site header, the columns and the footer start at one edge', async () => {
		const page = await open(comparePath(STORED, SEED_SLUG), 1280);
		const left = (selector: string) => page.$eval(selector, (element) => Math.round(element.getBoundingClientRect().left + parseFloat(getComputedStyle(element).paddingLeft)));
		expect(await left('.site-header')).toBe(await left('main'));
		expect(await left('.site-footer')).toBe(await left('main'));
		await page.close();
	});

	it('on a phone, they stack one under the other, paragraph by paragraph, each named, none wider than the screen', async () => {
		const page = await open(comparePath(STORED, SEED_SLUG), 390);
		const boxes = await cells(page);
		expect(boxes[0]!.bottom).toBeLessThanOrEqual(boxes[1]!.top);
		expect(boxes[1]!.bottom).toBeLessThanOrEqual(boxes[2]!.top);
		// The stored edition says so, as its column's head does on a wide screen.
		expect(boxes.map((box) => box.label)).toEqual(['"简体（原文）"', '"繁體"', '"香港繁體"']);
		const next = await page.$eval('tr#p2 td', (td) => td.getBoundingClientRect().top);
		expect(next).toBeGreaterThanOrEqual(boxes[2]!.bottom);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await page.close();
	});

	it('on a phone, a focused choice’s note stays on the screen, whichever end of the line its mark is at', async () => {
		const page = await open(comparePath(STORED, SEED_SLUG), 390);
		const marks = page.locator('.compare-table td[lang="zh-Hant"] mark[tabindex]');
		const count = await marks.count();
		expect(count).toBeGreaterThan(20);
		for (let i = 0; i < count; i += 7) {
			await marks.nth(i).focus();
			const box = await marks.nth(i).evaluate((mark) => mark.querySelector('small')!.getBoundingClientRect().toJSON());
			expect(box.width, `mark ${i}`).toBeGreaterThan(20);
			expect(box.left, `mark ${i}`).toBeGreaterThanOrEqual(0);
			expect(box.right, `mark ${i}`).toBeLessThanOrEqual(390);
		}
		await page.close();
	});

	it('on paper, even from a phone, every column is printed side by side', async () => {
		const page = await open(comparePath(STORED, SEED_SLUG), 390);
		await page.emulateMedia({ media: 'print' });
		const boxes = await cells(page);
		expect(new Set(boxes.map((box) => box.top)).size).toBe(1);
		expect(boxes.every((box) => box.width > 50)).toBe(true);
		await page.close();
	});
});

describe('a text with 头发 / 发展 / 理发 / 发现, and then a paragraph inserted at its top', () => {
	const site = fixtureSite('compare');
	const paragraphs = ['她剪了头发，又去理发店理发。', '经济发展很快，我们发现了问题。', '他要发。刘云山出席会议。'];
	const frontmatter = 'title: 头发\ndate: 2014-02-27\npublisher: 新华社\nscript: zh-Hans\nterms: [{ zh-Hans: 刘云山, zh-Hant: 劉雲山, zh-HK: 劉雲山 }]';
	let root = '';
	let close = async () => {};
	beforeAll(async () => {
		site.write('hair', paragraphs, frontmatter);
		const first = site.build({ astroOnly: true });
		if (first.status !== 0) throw new Error(first.output);
		site.write('hair', ['新的一段：后来他们发了财。', ...paragraphs], frontmatter);
		const second = site.build({ astroOnly: true });
		if (second.status !== 0) throw new Error(second.output);
		const server = await serveStatic(site.dist);
		root = server.url;
		close = () => server.close();
	});
	afterAll(async () => {
		await close();
		site.remove();
	});

	it('keeps each paragraph’s row by its id: the new one is p4, at the top', async () => {
		const page = await open('/zh-hant/hair/compare/', 1280, root);
		expect(await page.$$eval('.compare-table tbody tr', (trs) => trs.map((tr) => tr.id))).toEqual(['r0', 'p4', 'p1', 'p2', 'p3']);
		await page.close();
	});

	it('…/compare/#p1 still lands on the first paragraph written, in every column', async () => {
		const page = await open('/zh-hk/hair/compare/#p1', 1280, root);
		const cells = await page.$$eval(':target td', (tds) =>
			tds.map((td) => {
				const copy = td.cloneNode(true) as HTMLElement;
				for (const hidden of copy.querySelectorAll('mark > s, mark > small')) hidden.remove();
				return copy.textContent;
			}),
		);
		expect(cells).toEqual(['她剪了头发，又去理发店理发。', '她剪了頭髮，又去理髮店理髮。', '她剪了頭髮，又去理髮店理髮。']);
		await page.close();
	});

	it.each([
		['p1', '剪了頭髮', '发→髮（未取發，詞組）'],
		['p1', '去理髮店', '发→髮（未取發，詞組）'],
		['p1', '店理髮。', '发→髮（未取發，詞組）'],
		['p2', '濟發展', '发→發（未取髮，詞組）'],
		['p2', '們發現', '发→發（未取髮，詞組）'],
		['p3', '他要發。', '发→發（未取髮，單字預設）'],
		['p3', '劉雲山', '云→雲（未取云，本文固定詞）'],
	])('in #%s, the 发 or 云 of %s is read as 「%s」', async (row, words, name) => {
		const page = await open('/zh-hant/hair/compare/', 1280, root);
		const marks = await marksIn(page, 'zh-Hant', `tr#${row}`);
		expect(marks.filter((mark) => mark.context.includes(words) && mark.name === name).length, JSON.stringify(marks)).toBe(1);
		await page.close();
	});

	it('lists the default 发 among the risky choices of the summary, linking to #p3', async () => {
		const page = await open('/zh-hant/hair/compare/', 1280, root);
		const risky = await page.$$eval('.compare-summary h3 + .choice-list li', (lis) => lis.map((li) => ({ text: li.textContent!, links: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')) })));
		expect(risky.find((li) => li.text.startsWith('发→發'))?.links).toEqual(['#p3']);
		await page.close();
	});
});
