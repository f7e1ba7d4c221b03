/**
 * Search as people really type (issue 17), in Chromium on built sites: an
 * input method composing, long pastes with a slip or across paragraphs, a
 * whole article, true counts with more results on request, every
 * occurrence marked, and a query with nothing to search.
 *
 * On the seed, and on a fixture corpus of 26 chapters of the Zuo Zhuan, one
 * a month, where a common word is in far more than 20 paragraphs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapters } from '../../bench/corpus.ts';
import { traditionalOnly } from '../../src/convert/charsets.ts';
import { fold, parseFoldTable } from '../../src/search/fold.ts';
import { chunkOf, PagefindIndex, type IndexResult } from '../../src/search/pagefind-index.ts';
import { KEY_POOL, parseFrequent, searchKeys } from '../../src/search/plan.ts';
import { BUILD_TIMEOUT, fixtureSite } from '../support/fixture-site.ts';
import { indexMeta, unpack } from '../support/pagefind-files.ts';
import { servedInBrowser, type Served } from '../support/served.ts';
import { DIST, SEED_SLUG } from '../support/site.ts';

/** The seed's paragraphs as the zh-Hans page shows them, by id. */
const seedParagraphs = new Map(
	[...readFileSync(join(DIST, 'zh-hans', SEED_SLUG, 'index.html'), 'utf8').matchAll(/<p id="(p\d+)"[^>]*>([\s\S]*?)<\/p>/g)].map(([, id, html]) => [
		id!,
		html!.replace(/<[^>]+>/g, ''),
	]),
);
const seed = (id: string) => seedParagraphs.get(id)!;

/** Searches the UI has answered so far (it leaves a `fanjian:search` measure for each). */
const answered = (page: Page) =>
	page.evaluate(() => performance.getEntriesByName('fanjian:search').map((entry) => ((entry as PerformanceMeasure).detail as { query: string }).query));

/** The popup's status and options once the box's current value is answered. */
async function popupAnswer(page: Page) {
	await page.waitForFunction(() => {
		const input = document.querySelector<HTMLInputElement>('#search-input')!;
		const queries = performance.getEntriesByName('fanjian:search').map((entry) => ((entry as PerformanceMeasure).detail as { query: string }).query);
		return queries.at(-1) === input.value && !document.querySelector('.search-popup')!.hasAttribute('hidden');
	});
	return shownInPopup(page);
}

/** What the popup shows now. */
async function shownInPopup(page: Page) {
	return {
		status: (await page.textContent('.search-popup .search-status')) ?? '',
		open: await page.$eval('.search-popup', (popup) => !(popup as HTMLElement).hidden),
		all: await page.$eval('.search-all', (a) => ((a as HTMLAnchorElement).hidden ? null : { text: a.textContent, href: (a as HTMLAnchorElement).href })),
		options: await page.$$eval('a[role=option]', (links) =>
			links.map((a) => ({
				href: a.getAttribute('href')!,
				where: a.querySelector('.hit-where')!.textContent,
				exact: !!a.querySelector('.hit-exact'),
				marks: [...a.querySelectorAll('mark')].map((mark) => mark.textContent),
			})),
		),
	};
}

/** Type (fill) a query into the header box of a page of the seed. */
async function typeQuery(page: Page, query: string) {
	await page.fill('#search-input', query);
	return popupAnswer(page);
}

/** The search page's answer for a query: its status and every result shown. */
async function searchPage(page: Page, base: string, query: string) {
	await page.goto(`${base}/zh-hans/search/?q=${encodeURIComponent(query)}`);
	await page.waitForFunction(() => document.getElementById('search-page-status')!.textContent !== '');
	return { status: await page.textContent('#search-page-status'), hits: await shownHits(page) };
}

const shownHits = (page: Page) =>
	page.$$eval('.search-results .hit', (hits) =>
		hits.map((hit) => ({
			href: hit.getAttribute('href')!,
			title: hit.querySelector('.hit-title')!.textContent!,
			marks: [...hit.querySelectorAll('mark')].map((mark) => mark.textContent),
		})),
	);

/** Land on a result and read what is marked, paragraph by paragraph. */
async function land(page: Page, url: string) {
	await page.goto(url);
	await page.waitForSelector('mark.landing');
	return page.$$eval('mark.landing', (marks) => marks.map((mark) => [mark.closest('p')!.id, mark.textContent]));
}

describe('search while an input method composes', () => {
	const served = servedInBrowser();

	/** Compose pinyin key by key as an input method does, then commit the characters. */
	async function compose(page: Page, pinyin: string, commit: string, between?: () => Promise<void>) {
		const cdp = await page.context().newCDPSession(page);
		for (let i = 1; i <= pinyin.length; i++) {
			await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i });
			// Longer than either box's pause before it searches.
			await page.waitForTimeout(300);
		}
		await between?.();
		await cdp.send('Input.insertText', { text: commit });
		await cdp.detach();
	}

	it('searches nothing in the header box until the characters are committed, then searches them once', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hans/${SEED_SLUG}/`);
		await page.focus('#search-input');
		await compose(page, 'meiyou', '没有', async () => {
			expect(await page.inputValue('#search-input')).toBe('meiyou');
			expect(await answered(page)).toEqual([]);
			expect(await page.$eval('.search-popup', (popup) => (popup as HTMLElement).hidden).catch(() => 'no popup')).not.toBe(false);
		});
		const { options } = await popupAnswer(page);
		expect(await answered(page)).toEqual(['没有']);
		expect(options.length).toBeGreaterThan(0);
		await page.close();
	});

	it('leaves results where they are while arrow keys and Enter pick candidates', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hans/${SEED_SLUG}/`);
		const before = await typeQuery(page, '网络');
		expect(before.options.length).toBeGreaterThan(1);
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Input.imeSetComposition', { text: 'anquan', selectionStart: 6, selectionEnd: 6 });
		for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'Enter']) await page.keyboard.press(key);
		// An input method's own keys reach the page as keyCode 229 ("Process").
		await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'Enter', windowsVirtualKeyCode: 229 });
		await page.waitForTimeout(300);
		expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBeNull();
		expect(page.url()).toBe(`${served.site.url}/zh-hans/${SEED_SLUG}/`);
		expect(await answered(page)).toEqual(['网络']);
		expect(await shownInPopup(page)).toEqual(before);
		await cdp.send('Input.insertText', { text: '安全' });
		await cdp.detach();
		const after = await popupAnswer(page);
		expect(await answered(page)).toEqual(['网络', '网络安全']);
		expect(after.options[0]!.marks[0]).toBe('网络安全');
		await page.close();
	});

	it('keeps the search page’s address while composing, and puts the committed words in it', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hans/search/`);
		await page.focus('#search-page-input');
		await compose(page, 'meiyou', '没有', async () => {
			expect(new URL(page.url()).searchParams.get('q')).toBeNull();
			expect(await answered(page)).toEqual([]);
		});
		await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '没有');
		await page.waitForSelector('.search-results .hit');
		expect(await answered(page)).toEqual(['没有']);
		await page.close();
	});
});

describe('long quotes, slips and passages on the seed', () => {
	const served = servedInBrowser();
	let page: Page;
	beforeAll(async () => {
		page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hans/${SEED_SLUG}/`);
	});

	it('finds a long quote with one wrong character after the 40th (the issue’s own)', async () => {
		const p5 = seed('p5');
		const quote = p5.slice(0, p5.indexOf('因势而谋，') + 5);
		expect(quote.length).toBeGreaterThan(60);
		const slipped = quote.replace('紧迫性', '紧乙性');
		const { status, options } = await typeQuery(page, slipped);
		expect(options[0]!.href).toMatch(/#p5$/);
		expect(options[0]!.exact).toBe(false);
		expect(status).toMatch(/^没有段落包含整句引文/);
		// Everything but the slip is marked.
		expect(options[0]!.marks.join('')).toContain('充分认识做好工作的重要性和紧');
		expect(options[0]!.marks.join('')).not.toContain('乙');
	});

	it.each([
		[10, 0.5, 'p1'],
		[40, 0.3, 'p1'],
		[120, 0.7, 'p4'],
		[300, 0.5, 'p4'],
	])('finds a %i-character quote with a slip at %s of its length, from %s', async (length, at, id) => {
		// From the paragraph on, across the next if it is shorter than the quote.
		const ids = [...seedParagraphs.keys()];
		const quote = Array.from(ids.slice(ids.indexOf(id)).map(seed).join('')).slice(0, length);
		// The slip is a character, not a punctuation mark (which search ignores anyway).
		let slip = Math.floor(length * at);
		while (!/\p{Script=Han}/u.test(quote[slip]!)) slip++;
		quote[slip] = quote[slip] === '乙' ? '丙' : '乙';
		const { options } = await typeQuery(page, quote.join(''));
		expect(options[0]!.href).toMatch(new RegExp(`#${id}$`));
		expect(options[0]!.exact).toBe(false);
	});

	it.each([
		['a 56-character paste', 30, 26],
		['a short quote', 3, 3],
	])('takes %s across the end of ¶1 and the start of ¶2 as one passage, landing on ¶1 with all of it marked', async (_kind, tail, head) => {
		const [p1, p2] = [Array.from(seed('p1')), Array.from(seed('p2'))];
		const end = p1.slice(-tail).join('');
		const start = p2.slice(0, head).join('');
		// Marks hold the quote's characters: the punctuation around them is not searched.
		const [endMark, startMark] = [end, start].map((part) => part.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, ''));
		const { options, status } = await typeQuery(page, `${end}\n${start}`);
		expect(options[0]).toMatchObject({ exact: true, where: '第1至2段', marks: [endMark, startMark] });
		// A passage is one place found, not two paragraphs.
		expect(status).toBe('找到 1 处，按日期从新到旧。');
		expect(options[0]!.href).toMatch(/\?hl=\d+-\d+,p2:\d+-\d+#p1$/);
		expect(await land(page, `${served.site.url}${options[0]!.href}`)).toEqual([
			['p1', endMark],
			['p2', startMark],
		]);
		await page.goto(`${served.site.url}/zh-hans/${SEED_SLUG}/`);
	});

	it('finds the text of a whole pasted article, as a passage from its first paragraph to its last', async () => {
		const article = readFileSync(join('content', `${SEED_SLUG}.mdx`), 'utf8').split(/^---$/m)[2]!.trim();
		const before = served.site.requests.length;
		const { options } = await typeQuery(page, article);
		expect(options[0]).toMatchObject({ exact: true, where: `第1至${seedParagraphs.size}段` });
		expect(options[0]!.href).toMatch(/#p1$/);
		// Its paragraphs' words came in one request, the bytes from the first to the last, not one a paragraph.
		const pageRequests = served.site.requests.slice(before).filter((request) => request.path === `/zh-hans/${SEED_SLUG}/`);
		expect(pageRequests).toHaveLength(1);
		expect(pageRequests[0]!.range).toBeDefined();
	});

	it('marks every occurrence of the quote in a paragraph, in results and on landing', async () => {
		const p1 = seed('p1');
		const count = p1.split('网络安全').length - 1;
		expect(count).toBeGreaterThan(1);
		const { options } = await typeQuery(page, '网络安全');
		const first = options.find((option) => option.href.endsWith('#p1'))!;
		expect(first.marks).toEqual(Array(count).fill('网络安全'));
		const landed = await land(page, `${served.site.url}${first.href}`);
		expect(landed).toEqual(Array(count).fill(['p1', '网络安全']));
		await page.goto(`${served.site.url}/zh-hans/${SEED_SLUG}/`);
	});

	it.each(['，。！', '   ', '“”《》'])('asks for words when the query %j has nothing to search', async (query) => {
		const { status, options } = await typeQuery(page, query.trim() === '' ? `${query}，` : query);
		expect(status).toBe('请输入要查找的文字。');
		expect(options).toEqual([]);
	});

	it('counts every paragraph holding a word in the popup, and offers the search page with as many', async () => {
		const holding = [...seedParagraphs.values()].filter((text) => text.includes('网络')).length;
		expect(holding).toBeGreaterThan(6);
		const { status, options, all } = await typeQuery(page, '网络');
		expect(options).toHaveLength(6);
		expect(status).toBe(`找到 ${holding} 处，按日期从新到旧。`);
		expect(all!.text).toBe(`查看全部 ${holding} 个结果`);
		const onPage = await searchPage(page, served.site.url, '网络');
		expect(new URL(all!.href).search).toBe(`?q=${encodeURIComponent('网络')}`);
		expect(onPage.status).toBe(status);
		expect(onPage.hits).toHaveLength(holding);
		await page.goto(`${served.site.url}/zh-hans/${SEED_SLUG}/`);
	});
});

describe('true counts, order and more results on a corpus of 26 texts', () => {
	const site = fixtureSite('search-typing');
	const stray = traditionalOnly();
	const texts = chapters(readFileSync('bench/zuozhuan.txt', 'utf8').replace(/./gu, (char) => stray.get(char) ?? char))
		.slice(0, 26)
		.map((chapter, i) => ({
			slug: `chapter-${String(i + 1).padStart(2, '0')}`,
			title: chapter.title,
			// One a month from January 2001: the last is the newest.
			date: new Date(Date.UTC(2001, i, 1)).toISOString().slice(0, 10),
			paragraphs: chapter.lines,
		}));
	/** Every paragraph holding a word, in the order promised: newest text first, then paragraph order. */
	const holding = (word: string) =>
		texts
			.toReversed()
			.flatMap((text) => text.paragraphs.flatMap((paragraph, i) => (paragraph.includes(word) ? [{ slug: text.slug, id: `p${i + 1}`, title: text.title, count: paragraph.split(word).length - 1 }] : [])));
	const WORD = '郑伯';

	beforeAll(() => {
		for (const text of texts) site.write(text.slug, text.paragraphs, `title: ${text.title}\ndate: ${text.date}\npublisher: 左丘明\nscript: zh-Hans`);
		const { status, output } = site.build();
		expect(status, output).toBe(0);
	}, BUILD_TIMEOUT);
	const served: Served = servedInBrowser(site.dist);

	it('has a common word in more than 20 paragraphs to count', () => {
		expect(holding(WORD).length).toBeGreaterThan(20);
	});

	it('states the true count, shows the first 20 newest first, and the rest on request without a new search', async () => {
		const page = await served.browser.newPage();
		const expected = holding(WORD);
		const first = await searchPage(page, served.site.url, WORD);
		expect(first.status).toBe(`找到 ${expected.length} 处，按日期从新到旧。`);
		expect(first.hits).toHaveLength(20);
		const address = page.url();
		while (await page.isVisible('.search-more')) {
			const shown = (await shownHits(page)).length;
			await page.click('.search-more');
			await page.waitForFunction((n) => document.querySelectorAll('.search-results .hit').length > n, shown);
		}
		const all = await shownHits(page);
		expect(all.map((hit) => hit.href.replace(/\?hl=[^#]*/, ''))).toEqual(expected.map((hit) => `/zh-hans/${hit.slug}/#${hit.id}`));
		expect(all.map((hit) => hit.marks)).toEqual(expected.map((hit) => Array(hit.count).fill(WORD)));
		expect(page.url()).toBe(address);
		expect(await answered(page)).toEqual([WORD]);
		await page.close();
	});

	it('comes back from a result to the same results and place: Back reloads the page, which shows as many and scrolls to where it was', async () => {
		const page = await served.browser.newPage();
		await searchPage(page, served.site.url, WORD);
		await page.click('.search-more');
		await page.waitForFunction(() => document.querySelectorAll('.search-results .hit').length > 20);
		const shown = (await shownHits(page)).length;
		const thirtieth = page.locator('.search-results .hit').nth(29);
		await thirtieth.scrollIntoViewIfNeeded();
		const [href, scrolled] = [await thirtieth.getAttribute('href'), await page.evaluate(() => scrollY)];
		expect(scrolled).toBeGreaterThan(0);
		await thirtieth.click();
		await page.waitForURL((url) => url.pathname !== '/zh-hans/search/');
		await page.goBack();
		await page.waitForFunction((n) => document.querySelectorAll('.search-results .hit').length >= n, shown);
		// A page loaded again, not kept whole by the browser (which would prove nothing).
		expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type)).toBe('back_forward');
		expect((await shownHits(page)).length).toBe(shown);
		await expect.poll(() => page.evaluate(() => scrollY)).toBe(scrolled);
		expect(await page.locator('.search-results .hit').nth(29).getAttribute('href')).toBe(href);
		await page.close();
	});

	it('counts the same in the header’s popup, offering them all on the search page', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hans/${texts[0]!.slug}/`);
		const popup = await typeQuery(page, WORD);
		expect(popup.status).toBe(`找到 ${holding(WORD).length} 处，按日期从新到旧。`);
		expect(popup.options.map((option) => option.href.replace(/\?hl=[^#]*/, ''))).toEqual(
			holding(WORD)
				.slice(0, 6)
				.map((hit) => `/zh-hans/${hit.slug}/#${hit.id}`),
		);
		await page.click('.search-all');
		await page.waitForSelector('.search-results .hit');
		expect(await page.textContent('#search-page-status')).toBe(popup.status);
		await page.close();
	});

	it.each([
		// In 9 texts, once in each: the popup shows 6, the other 3 are counted without fetching them.
		['十有二月', 6],
		// In 11 paragraphs of 7 texts: a text's places after its first are still fetched to check them.
		['公会齐侯', undefined],
	])('counts %s in more places than it shows, by a phrase search once its rarest characters are looked up', async (quote, fetched) => {
		const expected = holding(quote);
		expect(expected.length).toBeGreaterThan(6);
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hans/${texts[0]!.slug}/`);
		const before = served.site.requests.length;
		const popup = await typeQuery(page, quote);
		expect(popup.status).toBe(`找到 ${expected.length} 处，按日期从新到旧。`);
		expect(popup.options.map((option) => option.href.replace(/\?hl=[^#]*/, ''))).toEqual(expected.slice(0, 6).map((hit) => `/zh-hans/${hit.slug}/#${hit.id}`));
		expect(popup.options.map((option) => option.marks)).toEqual(expected.slice(0, 6).map((hit) => Array(hit.count).fill(quote)));
		if (fetched !== undefined) expect(served.site.requests.slice(before).filter((request) => request.range)).toHaveLength(fetched);
		await page.close();
	});

	it('looks a quote up by a character whose index chunk the page holds, when one of its four rarest will do, and finds it all the same', async () => {
		const read = (file: string) => readFileSync(join(site.dist, 'pagefind', file), 'utf8');
		const [table, rank, { chunks }] = [parseFoldTable(read('fold.txt')), parseFrequent(read('frequent.txt')), indexMeta(join(site.dist, 'pagefind'))];
		expect(chunks.length).toBeGreaterThan(2);
		// A run of 12 characters found once: its three rarest lie in two chunks, the rarest sharing one; its fourth rarest (KEY_POOL) in a third.
		const found = texts.flatMap((text) =>
			text.paragraphs.flatMap((paragraph, i) => {
				const chars = Array.from(paragraph);
				return chars.slice(0, -12).flatMap((_, at) => {
					const quote = chars.slice(at, at + 12).join('');
					if (holding(quote).length !== 1) return [];
					const order = searchKeys(fold(quote, table).chars, rank).map((key) => ({ ...key, chunk: chunkOf(key.char, chunks) }));
					if (order.length < KEY_POOL || order.some((key) => key.chunk === undefined)) return [];
					const [first, second, third, fourth] = order;
					const rarest = new Set([first!.chunk, second!.chunk, third!.chunk]);
					const shared = first!.chunk === second!.chunk || first!.chunk === third!.chunk;
					return rarest.size === 2 && shared && !rarest.has(fourth!.chunk) ? [{ quote, held: fourth!.char, slug: text.slug, id: `p${i + 1}` }] : [];
				});
			}),
		)[0];
		expect(found).toBeDefined();
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hans/${texts[0]!.slug}/`);
		const chunksLoaded = async (query: string) => {
			const before = served.site.requests.length;
			const { options } = await typeQuery(page, query);
			return { options, loaded: served.site.requests.slice(before).filter((request) => request.path.startsWith('/pagefind/index/')).length };
		};
		// The character searched for alone loads its chunk.
		expect((await chunksLoaded(found!.held)).loaded).toBe(1);
		// Its three rarest would load two chunks; the held character stands in for the one in the other chunk.
		const { options, loaded } = await chunksLoaded(found!.quote);
		expect(loaded).toBe(1);
		expect(options.map((option) => option.href.replace(/\?hl=[^#]*/, ''))).toEqual([`/zh-hans/${found!.slug}/#${found!.id}`]);
		await page.close();
	});

	it("reads Pagefind's index as Pagefind's own runtime does: the same texts, in the same order, with the same places and fields", async () => {
		const table = parseFoldTable(readFileSync(join(site.dist, 'pagefind', 'fold.txt'), 'utf8'));
		const folded = texts.flatMap((text) => text.paragraphs.map((paragraph) => fold(paragraph, table).chars));
		const distinct = [...new Set(folded.flat())].sort();
		// Characters spread over the code points, a few no text holds; runs of 2–4 characters apart and together; phrases that stand and some that do not.
		const singles = [...distinct.filter((_, i) => i % 9 === 0), 'ж', 'q', '𠮷', '鿐'].map((char) => [char]);
		const apart = folded.slice(0, 40).map((chars, i) => [chars[i % chars.length]!, chars[(i * 7 + 5) % chars.length]!, ...(i % 2 ? [chars[(i * 3 + 11) % chars.length]!] : [])]);
		const phrases = folded.slice(0, 60).map((chars, i) => {
			const run = chars.slice(i % 20, (i % 20) + 2 + (i % 7));
			return i % 5 === 4 ? run.toReversed() : run;
		});
		const queries = [
			...singles.map((terms) => ({ terms, kind: 'newest' })),
			...apart.map((terms) => ({ terms, kind: 'newest' })),
			...apart.map((terms) => ({ terms, kind: 'any' })),
			...phrases.map((terms) => ({ terms, kind: 'phrase' })),
		];
		type Answer = [string, number[]][];
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hans/${texts[0]!.slug}/`);
		// Pagefind's runtime, as its API is used (a string, not a function: Vitest would rewrite the function's import()).
		const theirs = await page.evaluate<{ answers: Answer[]; fields: [string, Record<string, string[]>][] }>(
			`(async (queries) => {
				const pagefind = await import('/pagefind/pagefind.js');
				await pagefind.options({ noWorker: true, excerptLength: 0 });
				const answers = [];
				const fields = [];
				for (const { terms, kind } of queries) {
					const term = kind === 'phrase' ? '"' + terms.join(' ') + '"' : terms.join(' ');
					const { results } = await pagefind.search(term);
					answers.push(results.map((result) => [result.id, [...result.words].sort((a, b) => a - b)]));
					if (results.length > 0 && fields.length < 10) fields.push([results[0].id, (await results[0].data()).filters]);
				}
				return { answers, fields };
			})(${JSON.stringify(queries)})`,
		);
		await page.close();
		const index = await PagefindIndex.open(`${served.site.url}/pagefind/`);
		const answers: Answer[] = [];
		const found = new Map<string, IndexResult>();
		for (const { terms, kind } of queries) {
			const results = kind === 'phrase' ? await index.phrase(terms) : await index.search(terms, { newestFirst: kind === 'newest' });
			// Pagefind reports a phrase's whole run; the site reads only where it starts.
			answers.push(results.map((result) => [result.id, kind === 'phrase' ? result.words.slice(0, 1) : result.words]));
			for (const result of results) found.set(result.id, result);
		}
		const fields = await Promise.all(theirs.fields.map(async ([id]) => [id, (await found.get(id)!.data()).filters]));
		// Pagefind ranks an answer by its own score; the site reads it as a set, in page order (below).
		const comparable = (answer: Answer, kind: string) =>
			answer.map(([id, words]): [string, number[]] => [id, kind === 'phrase' ? words.slice(0, 1) : words]).sort(([a], [b]) => (a < b ? -1 : 1));
		const mismatches = queries.flatMap(({ terms, kind }, i) => {
			const [ours, pagefinds] = [comparable(answers[i]!, kind), comparable(theirs.answers[i]!, kind)];
			return JSON.stringify(ours) === JSON.stringify(pagefinds) ? [] : [{ terms, kind, ours, pagefinds }];
		});
		expect(mismatches).toEqual([]);
		expect(fields).toEqual(theirs.fields);
		expect(new Set(fields.map(([id]) => id)).size).toBeGreaterThan(3);
		// The index numbers the texts oldest first, with no sort in its page list; the reader gives them newest first, or in its order.
		const { pages } = indexMeta(join(site.dist, 'pagefind'));
		const slugOf = (id: string) => (JSON.parse(unpack(join(site.dist, 'pagefind', 'fragment', `${id}.pf_fragment`)).toString('utf8')) as { filters: { s: string[] } }).filters.s[0];
		expect(pages.map(slugOf)).toEqual(texts.map((text) => text.slug));
		const pageNumber = (id: string) => pages.indexOf(id);
		queries.forEach(({ kind }, i) => {
			const order = answers[i]!.map(([id]) => pageNumber(id));
			expect(order).toEqual(order.toSorted((a, b) => (kind === 'any' ? a - b : b - a)));
		});
		// Not an empty comparison: most queries find texts, some find none.
		const answered = answers.filter((answer) => answer.length > 0).length;
		expect(answered).toBeGreaterThan(queries.length * 0.6);
		expect(answered).toBeLessThan(queries.length);
		expect(new Set(answers.map((answer) => answer.length)).size).toBeGreaterThan(5);
	});

	it('finds a whole pasted chapter among its neighbours, first', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hans/${texts[0]!.slug}/`);
		const text = texts[12]!;
		const { options } = await typeQuery(page, text.paragraphs.join('\n'));
		expect(options[0]!.href).toMatch(new RegExp(`^/zh-hans/${text.slug}/\\?hl=.*#p1$`));
		expect(options[0]!.exact).toBe(true);
		await page.close();
	});
});

describe('long paragraphs in the header’s popup', () => {
	const site = fixtureSite('search-long');
	const stray = traditionalOnly();
	const source = chapters(readFileSync('bench/zuozhuan.txt', 'utf8').replace(/./gu, (char) => stray.get(char) ?? char));
	/** A year-chapter as one paragraph (a chapter runs to 800 characters and more), in code points. */
	const chapter = (title: string) => Array.from(source.find((found) => found.title === title)!.lines.join(''));
	const SAYING = '满招损，谦受益';
	const first = chapter('桓公十八年');
	// A saying at the start of ¶1 and again 700 characters on, with nothing like it between.
	const p1 = [...first.slice(0, 10), ...SAYING, '。', ...first.slice(10, 700), ...SAYING, '。', ...first.slice(700)];
	const p2 = chapter('桓公十七年');
	const url = () => `${served.site.url}/zh-hans/long-paragraphs/`;
	/** Each option's paragraphs as shown, and whether its marks lie within the popup's visible box. */
	const cuts = (page: Page) =>
		page.$$eval('a[role=option]', (links) =>
			links.map((a) => {
				const box = a.closest('.search-popup')!.getBoundingClientRect();
				return {
					texts: [...a.querySelectorAll('.hit-text')].map((text) => text.textContent!),
					inSight: [...a.querySelectorAll('mark')].every((mark) => {
						const rect = mark.getBoundingClientRect();
						return rect.top >= box.top && rect.bottom <= box.bottom;
					}),
				};
			}),
		);
	/** Whether a paragraph shown cut is the paragraph's own words, in order, with … where some are left out. */
	const cutFrom = (shown: string, paragraph: string[]) => {
		const whole = paragraph.join('');
		let at = 0;
		return shown.split('…').every((piece) => piece === '' || (at = whole.indexOf(piece, at)) >= 0);
	};
	/** A mark as the quote's characters: the punctuation around them is not searched. */
	const bare = (quote: string) => quote.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '');

	beforeAll(() => {
		site.write('long-paragraphs', [p1.join(''), p2.join(''), '公会齐侯于泺。'], 'title: 桓公十八年\ndate: 2001-01-01\npublisher: 左丘明\nscript: zh-Hans');
		const { status, output } = site.build();
		expect(status, output).toBe(0);
	}, BUILD_TIMEOUT);
	const served: Served = servedInBrowser(site.dist);
	afterAll(() => site.remove());

	it('shows a quote 620 characters into an 890-character paragraph in sight on a phone, with words either side and … where cut', async () => {
		expect(p1.length).toBeGreaterThan(860);
		const quote = p1.slice(620, 632).join('');
		const mark = bare(quote);
		const page = await served.browser.newPage();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(url());
		const { options } = await typeQuery(page, quote);
		expect(options).toHaveLength(1);
		expect(options[0]).toMatchObject({ exact: true, where: '第1段', marks: [mark] });
		// The result still lands where it did, on all of the quote: in code points (the chapter has characters beyond U+FFFF before it).
		const start = Array.from(p1.join('').split(mark)[0]!).length;
		expect(p1.join('').length).toBeGreaterThan(p1.length);
		expect(options[0]!.href).toBe(`/zh-hans/long-paragraphs/?hl=${start}-${start + Array.from(mark).length}#p1`);
		const { texts, inSight } = (await cuts(page))[0]!;
		expect(inSight).toBe(true);
		expect(texts).toHaveLength(1);
		expect(texts[0]).toMatch(/^…[^…]+…$/);
		expect(cutFrom(texts[0]!, p1)).toBe(true);
		const before = Array.from(texts[0]!.slice(1, texts[0]!.indexOf(mark)));
		expect(before.length).toBeGreaterThanOrEqual(30);
		expect(before.length).toBeLessThanOrEqual(40);
		expect(Array.from(texts[0]!).length).toBeLessThan(150);
		expect(await land(page, `${served.site.url}${options[0]!.href}`)).toEqual([['p1', mark]]);
		await page.close();
	});

	it('shows a passage from the end of one long paragraph into the next by its two ends, each in sight', async () => {
		const [end, start] = [p1.slice(-16).join(''), p2.slice(0, 14).join('')];
		const page = await served.browser.newPage();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(url());
		const { options } = await typeQuery(page, `${end}${start}`);
		expect(options[0]).toMatchObject({ exact: true, where: '第1至2段', marks: [bare(end), bare(start)] });
		expect(options[0]!.href).toMatch(/\?hl=\d+-\d+,p2:\d+-\d+#p1$/);
		const { texts, inSight } = (await cuts(page))[0]!;
		expect(inSight).toBe(true);
		// Where it begins, up to the end of ¶1; where it ends, from the start of ¶2.
		expect(texts[0]).toMatch(/^…[^…]+$/);
		expect(texts[0]!.endsWith(end)).toBe(true);
		expect(texts[1]).toMatch(/^[^…]+…$/);
		expect(texts[1]!.startsWith(start)).toBe(true);
		expect(cutFrom(texts[0]!, p1) && cutFrom(texts[1]!, p2)).toBe(true);
		await page.close();
	});

	it('marks every occurrence however far apart, leaving out the words between them', async () => {
		const page = await served.browser.newPage();
		await page.goto(url());
		const { options } = await typeQuery(page, SAYING);
		expect(options[0]).toMatchObject({ where: '第1段', marks: [SAYING, SAYING] });
		const { texts } = (await cuts(page))[0]!;
		expect(texts[0]).toMatch(new RegExp(`^[^…]*${SAYING}[^…]*…[^…]*${SAYING}[^…]*…$`));
		expect(cutFrom(texts[0]!, p1)).toBe(true);
		await page.close();
	});

	it('shows whole paragraphs on the search page, which has the room', async () => {
		const page = await served.browser.newPage();
		await searchPage(page, served.site.url, p1.slice(620, 632).join(''));
		expect(await page.$$eval('.search-results .hit-text', (texts) => texts.map((text) => text.textContent))).toEqual([p1.join('')]);
		await page.close();
	});
});
