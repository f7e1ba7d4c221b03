/**
 * Browsing an archive, on a fixture site built for real: 242 texts over
 * 2012–2014, 230 of them in 2014 so that its listing is split into pages at
 * the real limit of 200 (no smaller page size for the test). Listings by
 * year and month, prev/next through every text, breadcrumbs with structured
 * data, feeds, sitemaps; and the site's quality gates (axe, html-validate,
 * links) on every new kind of page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/editions.ts';
import { axeViolations } from '../support/axe.ts';
import { launch } from '../support/browser.ts';
import { fixtureSite } from '../support/fixture-site.ts';
import { htmlErrors } from '../support/html-validate.ts';
import { wrongScript } from '../support/lang.ts';
import { brokenLinks, SITE } from '../support/links.ts';
import { builtPages, elements, treeOf, type BuiltPage } from '../support/pages.ts';
import { serveStatic, type StaticSite } from '../support/server.ts';
import { childElements, childText, NS, parseXml } from '../support/xml.ts';

interface FixtureText {
	slug: string;
	date: string;
	title: string;
	publisher: string;
	script?: string;
	source?: string;
	summary?: string;
	paragraphs?: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2014: 230 texts, about 19 a month; more than a listing page holds. */
const PER_MONTH_2014 = [20, 20, 19, 19, 19, 19, 19, 19, 19, 19, 19, 19];
const TEXTS: FixtureText[] = [
	{ slug: 'railway-2012-spring', date: '2012-03-08', title: '铁路春运报道', publisher: '新华社' },
	{ slug: 'railway-2012-autumn', date: '2012-11-20', title: '铁路秋季运输报道', publisher: '人民日报' },
	{ slug: 'network-2013-jan', date: '2013-01-15', title: '网络安全年度报告', publisher: '新华社' },
	{ slug: 'network-2013-feb', date: '2013-02-02', title: '信息化发展纲要', publisher: '新华社', summary: '纲要提出信息化发展的总体目标。' },
	{ slug: 'taiwan-railway-2013', date: '2013-05-09', title: '臺灣鐵路局發表新時刻表', publisher: '中央社', script: 'zh-Hant', paragraphs: ['臺灣鐵路局今天發表新時刻表。', '新時刻表下個月起實施。'] },
	{ slug: 'sources-2013', date: '2013-05-20', title: '网络强国建设', publisher: '新华社', source: 'https://example.com/news/2013/05/20' },
	{ slug: 'dialogue-2013', date: '2013-07-01', title: '中美<对话>&合作', publisher: '新华社 & 人民网' },
	// Two texts of one day: the archive orders them by slug.
	{ slug: 'same-day-a', date: '2013-11-05', title: '同日报道甲', publisher: '新华社' },
	{ slug: 'same-day-b', date: '2013-11-05', title: '同日报道乙', publisher: '新华社' },
	{ slug: 'network-2013-dec', date: '2013-12-30', title: '网络治理年终综述', publisher: '新华社' },
	...PER_MONTH_2014.flatMap((count, m) =>
		Array.from({ length: count }, (_, i): FixtureText => ({
			slug: `news-2014-${pad(m + 1)}-${pad(i + 1)}`,
			date: `2014-${pad(m + 1)}-${pad(1 + Math.floor((i * 28) / count))}`,
			title: `网络信息报道${m + 1}月第${i + 1}号`,
			publisher: i % 2 ? '人民日报' : '新华社',
			// One of the newest 50 (so in the feeds) with a summary, and with what XML and HTML must escape.
			...(m === 11 && i === 0 ? { title: '中美<对话>&合作', publisher: '新华社 & 人民网', summary: '纲要提出<目标>。' } : {}),
		})),
	),
];

/** The texts oldest first: the order prev/next walks. */
const CHRONOLOGICAL = [...TEXTS].sort((a, b) => a.date.localeCompare(b.date) || b.slug.localeCompare(a.slug));
/** Newest first, as listings and feeds give them. */
const NEWEST_FIRST = [...TEXTS].sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug));

const site = fixtureSite('archive');
let pages: BuiltPage[] = [];
let byPath = new Map<string, BuiltPage>();
/** What `npm run build` printed. */
let buildOutput = '';

const LISTING = /^\/[^/]+\/(\d{4}\/(page\/\d+\/)?)?$/;
const listingPages = () => pages.filter((page) => LISTING.test(page.path) && EDITIONS.some((e) => page.path.startsWith(`/${e.path}/`)));
const pageAt = (path: string) => {
	const page = byPath.get(path);
	if (!page) throw new Error(`no page at ${path}`);
	return page;
};
const all = (page: BuiltPage, selector: (el: ReturnType<typeof elements>[number]) => boolean) => elements(treeOf(page)).filter(selector);
const textOf = (el: { children?: unknown[]; type?: string; value?: string }): string =>
	el.type === 'text' ? (el.value ?? '') : ((el.children ?? []) as { type?: string }[]).map((child) => textOf(child as never)).join('');
const hasClass = (name: string) => (el: ReturnType<typeof elements>[number]) => ((el.properties.className as string[] | undefined) ?? []).includes(name);
/** The texts a listing page lists, as their slugs. */
const listed = (page: BuiltPage) =>
	all(page, hasClass('text-list')).flatMap((list) =>
		elements(list)
			.filter((el) => el.tagName === 'li')
			.map((li) => String(elements(li).find((el) => el.tagName === 'a')!.properties.href).split('/')[2]!),
	);

beforeAll(() => {
	for (const text of TEXTS) {
		const frontmatter = [
			`title: ${JSON.stringify(text.title)}`,
			`date: ${text.date}`,
			`publisher: ${JSON.stringify(text.publisher)}`,
			`script: ${text.script ?? 'zh-Hans'}`,
			...(text.source ? [`source: ${JSON.stringify(text.source)}`] : []),
			...(text.summary ? [`summary: ${JSON.stringify(text.summary)}`] : []),
		].join('\n');
		site.write(text.slug, text.paragraphs ?? [`第一段，网络安全和信息化是一体之两翼。（${text.date}）`, '第二段，没有信息化就没有现代化。'], frontmatter);
	}
	const build = site.build();
	if (build.status !== 0) throw new Error(build.output);
	buildOutput = build.output;
	pages = builtPages(site.dist);
	byPath = new Map(pages.map((page) => [page.path, page]));
});
afterAll(() => site.remove());

describe('the build', () => {
	it('reads every text for the search index while it renders the rest (each as soon as its pages are written)', () => {
		expect(buildOutput).toMatch(new RegExp(`Indexed \\d+ paragraphs of ${TEXTS.length} texts .* \\(${TEXTS.length} of them read while it rendered\\)`));
	});
});

describe('listings', () => {
	it('has, per edition, an index, one page per year and a second page for 2014', () => {
		for (const edition of EDITIONS) {
			expect(listingPages().map((page) => page.path).filter((path) => path.startsWith(`/${edition.path}/`))).toEqual(
				['', '2012/', '2013/', '2014/', '2014/page/2/'].map((rest) => `/${edition.path}/${rest}`),
			);
		}
	});

	it('holds no more than 200 texts on any listing page', () => {
		for (const page of listingPages()) expect(listed(page).length, page.path).toBeLessThanOrEqual(200);
		expect(listed(pageAt('/zh-hans/2014/')).length).toBeGreaterThan(150);
	});

	it.each(EDITIONS.map((e) => [e.lang, e.path]))('in %s, lists every text once over the years, newest first, by month', (_lang, path) => {
		const years = ['2014/', '2014/page/2/', '2013/', '2012/'].map((rest) => pageAt(`/${path}/${rest}`));
		expect(years.flatMap(listed)).toEqual(NEWEST_FIRST.map((t) => t.slug));
		const months = (page: BuiltPage) => all(page, (el) => el.tagName === 'h2').map(textOf);
		expect(months(years[0]!)).toEqual(['12月', '11月', '10月', '9月', '8月', '7月', '6月', '5月', '4月', '3月']);
		expect(months(years[1]!)).toEqual(['2月', '1月']);
		expect(months(years[2]!)).toEqual(['12月', '11月', '7月', '5月', '2月', '1月']);
	});

	it('shows the newest 20 texts and every year with its count on the edition index', () => {
		const index = pageAt('/zh-hant/');
		expect(listed(index)).toEqual(NEWEST_FIRST.slice(0, 20).map((t) => t.slug));
		const years = all(index, hasClass('year-list')).flatMap((list) => elements(list).filter((el) => el.tagName === 'li').map(textOf));
		expect(years).toEqual(['2014年 230篇', '2013年 8篇', '2012年 2篇']);
	});

	it('keeps the home page to the newest 10 texts and the editions', () => {
		const home = pageAt('/');
		const texts = all(home, hasClass('text-list-title')).map(textOf);
		expect(texts).toEqual(NEWEST_FIRST.slice(0, 10).map((t) => t.title));
		const editions = all(home, hasClass('edition-list')).flatMap((list) => elements(list).filter((el) => el.tagName === 'a' && !el.properties.type).map((a) => a.properties.href));
		expect(editions).toEqual(EDITIONS.map((e) => `/${e.path}/`));
	});

	it('links the pages of a split year with rel="prev"/"next" and page numbers', () => {
		const [first, second] = [pageAt('/zh-hk/2014/'), pageAt('/zh-hk/2014/page/2/')];
		const rels = (page: BuiltPage, tag: string) => Object.fromEntries(all(page, (el) => el.tagName === tag && ['prev', 'next'].includes(String(el.properties.rel))).map((el) => [String(el.properties.rel), el.properties.href]));
		expect(rels(first, 'link')).toEqual({ next: '/zh-hk/2014/page/2/' });
		expect(rels(first, 'a')).toEqual({ next: '/zh-hk/2014/page/2/' });
		expect(rels(second, 'link')).toEqual({ prev: '/zh-hk/2014/' });
		expect(rels(second, 'a')).toEqual({ prev: '/zh-hk/2014/' });
		const numbers = (page: BuiltPage) => all(page, hasClass('pagination')).flatMap((nav) => elements(nav).filter((el) => el.tagName === 'a' && !el.properties.rel).map((a) => [textOf(a), a.properties.href, a.properties.ariaCurrent ?? null]));
		expect(numbers(second)).toEqual([
			['1', '/zh-hk/2014/', null],
			['2', '/zh-hk/2014/page/2/', 'page'],
		]);
		expect(all(pageAt('/zh-hk/2013/'), hasClass('pagination'))).toEqual([]);
	});

	it('shows publisher and, where given, the original source in listings and on the text page', () => {
		const year = pageAt('/zh-hant/2013/');
		const item = all(year, (el) => el.tagName === 'li' && elements(el).some((a) => a.properties.href === '/zh-hant/sources-2013/'))[0]!;
		expect(textOf(item)).toContain('新華社');
		expect(elements(item).some((a) => a.tagName === 'a' && a.properties.href === 'https://example.com/news/2013/05/20')).toBe(true);
		const text = pageAt('/zh-hant/sources-2013/');
		expect(textOf(all(text, hasClass('text-meta'))[0]!)).toContain('新華社');
		expect(all(text, (el) => el.tagName === 'a' && el.properties.href === 'https://example.com/news/2013/05/20').length).toBe(1);
	});
});

describe('in Chromium, without JavaScript', () => {
	let browser: BrowserContext;
	let server: StaticSite;
	beforeAll(async () => {
		server = await serveStatic(site.dist);
		browser = await launch({ javaScriptEnabled: false });
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});

	it('reaches every listing page from the home page by following links', async () => {
		const page = await browser.newPage();
		const seen = new Set<string>(['/']);
		const queue = ['/'];
		while (queue.length > 0) {
			await page.goto(server.url + queue.shift()!);
			const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
			for (const path of hrefs) {
				if (!LISTING.test(path) || seen.has(path)) continue;
				seen.add(path);
				queue.push(path);
			}
		}
		await page.close();
		expect([...seen].filter((path) => path !== '/').sort()).toEqual(listingPages().map((p) => p.path).sort());
	});

	it.each(EDITIONS.map((e) => [e.lang, e.path]))('in %s, a reader clicks “next” from the oldest text across the years and a day of two texts, each link titled as its page', async (_lang, path) => {
		const page = await browser.newPage();
		await page.goto(`${server.url}/${path}/${CHRONOLOGICAL[0]!.slug}/`);
		const visited = [CHRONOLOGICAL[0]!.slug];
		while (visited.length < 15) {
			const next = page.locator('.text-neighbours a[rel=next]');
			const promised = await next.textContent();
			await next.click();
			await page.waitForURL((url) => url.pathname.split('/')[2] !== visited.at(-1));
			expect(await page.textContent('h1')).toBe(promised);
			visited.push(new URL(page.url()).pathname.split('/')[2]!);
		}
		expect(visited).toEqual(CHRONOLOGICAL.slice(0, 15).map((t) => t.slug));
		await page.close();
	});

	it('names the neighbours in the reader’s edition, converted as their own pages are', async () => {
		const page = await browser.newPage();
		await page.goto(`${server.url}/zh-hans/network-2013-feb/`);
		expect(await page.textContent('.text-neighbours a[rel=next]')).toBe('台湾铁路局发表新时刻表');
		await page.goto(`${server.url}/zh-hant/dialogue-2013/`);
		expect(await page.textContent('.text-neighbours a[rel=prev]')).toBe('網絡強國建設');
		await page.close();
	});

	it('gives a text a breadcrumb to its edition, year and month, the month link landing on its month', async () => {
		const page = await browser.newPage();
		await page.goto(`${server.url}/zh-hant/news-2014-01-05/`);
		const crumbs = await page.$$eval('nav.breadcrumb li', (items) => items.map((li) => [li.textContent, li.querySelector('a')?.getAttribute('href') ?? null]));
		expect(crumbs).toEqual([
			['繁體', '/zh-hant/'],
			['2014年', '/zh-hant/2014/'],
			['1月', '/zh-hant/2014/page/2/#month-1'],
			['網絡信息報道1月第5號', null],
		]);
		expect(await page.getAttribute('nav.breadcrumb [aria-current]', 'aria-current')).toBe('page');
		await page.click('nav.breadcrumb a[href$="#month-1"]');
		await page.waitForURL(/page\/2\/#month-1$/);
		expect(await page.$eval(':target', (el) => [el.tagName, el.textContent])).toEqual(['H2', '1月']);
		expect(await page.$$eval('section:has(> h2:target) a', (links) => links.map((a) => a.getAttribute('href')))).toContain('/zh-hant/news-2014-01-05/');
		await page.close();
	});

	it('describes the same trail as BreadcrumbList structured data, with absolute URLs', async () => {
		const page = await browser.newPage();
		await page.goto(`${server.url}/zh-hk/news-2014-01-05/`);
		const data = JSON.parse((await page.textContent('script[type="application/ld+json"]'))!);
		expect(data).toEqual({
			'@context': 'https://schema.org',
			'@type': 'BreadcrumbList',
			itemListElement: [
				['香港繁體', '/zh-hk/'],
				['2014年', '/zh-hk/2014/'],
				['1月', '/zh-hk/2014/page/2/#month-1'],
				['網絡信息報道1月第5號', '/zh-hk/news-2014-01-05/'],
			].map(([name, path], i) => ({ '@type': 'ListItem', position: i + 1, name, item: new URL(path!, SITE).href })),
		});
		await page.close();
	});
});

describe('previous and next', () => {
	/** The `rel` link of a text's neighbours nav: the slug it leads to and the title it shows. */
	const neighbour = (page: BuiltPage, rel: 'prev' | 'next') => {
		const links = all(page, hasClass('text-neighbours')).flatMap((nav) => elements(nav).filter((el) => el.tagName === 'a' && String(el.properties.rel) === rel));
		if (links.length > 1) throw new Error(`${page.path} has ${links.length} ${rel} links`);
		return links[0] && { slug: String(links[0].properties.href).split('/')[2]!, title: textOf(links[0]) };
	};
	const h1 = (page: BuiltPage) => textOf(all(page, (el) => el.tagName === 'h1')[0]!);

	it.each(EDITIONS.map((e) => [e.lang, e.path]))('in %s, “next” leads from the oldest text through every text once in date order, and “previous” all the way back', (_lang, path) => {
		for (const [rel, start, expected] of [
			['next', CHRONOLOGICAL[0]!, CHRONOLOGICAL],
			['prev', CHRONOLOGICAL.at(-1)!, [...CHRONOLOGICAL].reverse()],
		] as const) {
			const visited: string[] = [];
			for (let slug: string | undefined = start.slug; slug && visited.length <= TEXTS.length; ) {
				visited.push(slug);
				const link = neighbour(pageAt(`/${path}/${slug}/`), rel);
				if (link) expect(link.title, `${rel} of ${slug}`).toBe(h1(pageAt(`/${path}/${link.slug}/`)));
				slug = link?.slug;
			}
			expect(visited, rel).toEqual(expected.map((t) => t.slug));
		}
	});
});

describe('structured data on every text page', () => {
	it('is one BreadcrumbList whose month page lists the text', () => {
		for (const page of pages.filter((p) => /^\/[^/]+\/[a-z][^/]*\/$/.test(p.path) && !p.path.endsWith('/search/'))) {
			const blocks = all(page, (el) => el.tagName === 'script' && el.properties.type === 'application/ld+json');
			expect(blocks.length, page.path).toBe(1);
			const trail = JSON.parse(textOf(blocks[0]!)).itemListElement as { item: string }[];
			expect(new URL(trail.at(-1)!.item).pathname).toBe(page.path);
			const month = new URL(trail[2]!.item);
			expect(listed(pageAt(month.pathname)), page.path).toContain(page.path.split('/')[2]);
		}
	});
});

describe('feeds', () => {
	const feed = (path: string) => parseXml(readFileSync(join(site.dist, path, 'feed.xml'), 'utf8'), `${path}/feed.xml`).documentElement!;

	it.each(EDITIONS.map((e) => [e.lang, e.path]))('%s: an RSS 2.0 channel with the elements the spec requires, and a self link', (lang, path) => {
		const rss = feed(path);
		expect([rss.localName, rss.namespaceURI, rss.getAttribute('version')]).toEqual(['rss', null, '2.0']);
		const [channel, ...more] = childElements(rss, NS.none, 'channel');
		expect(more).toEqual([]);
		expect(childText(channel!, NS.none, 'title')).toBe(`${lang === 'zh-Hans' ? '繁简' : '繁簡'} · ${EDITIONS.find((e) => e.lang === lang)!.label}`);
		expect(childText(channel!, NS.none, 'link')).toBe(new URL(`/${path}/`, SITE).href);
		expect(childText(channel!, NS.none, 'description')).toBeTruthy();
		expect(childText(channel!, NS.none, 'language')).toBe(lang);
		const [self] = childElements(channel!, NS.atom, 'link');
		expect([self?.getAttribute('rel'), self?.getAttribute('href'), self?.getAttribute('type')]).toEqual(['self', new URL(`/${path}/feed.xml`, SITE).href, 'application/rss+xml']);
	});

	it.each(EDITIONS.map((e) => [e.lang, e.path]))('%s: the newest 50 texts, newest first, each as its page shows it', (_lang, path) => {
		const items = childElements(childElements(feed(path), NS.none, 'channel')[0]!, NS.none, 'item');
		expect(items.length).toBe(50);
		items.forEach((item, i) => {
			const expected = NEWEST_FIRST[i]!;
			const link = new URL(childText(item, NS.none, 'link')!);
			expect(link.pathname).toBe(`/${path}/${expected.slug}/`);
			expect(childText(item, NS.none, 'guid')).toBe(link.href);
			const page = treeOf(pageAt(link.pathname));
			const h1 = elements(page).find((el) => el.tagName === 'h1')!;
			expect(childText(item, NS.none, 'title')).toBe(textOf(h1));
			const pubDate = childText(item, NS.none, 'pubDate')!;
			expect(pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
			expect(new Date(pubDate).toISOString().slice(0, 10)).toBe(expected.date);
			const meta = textOf(elements(page).find((el) => String(el.properties.className) === 'text-meta')!);
			expect(meta).toContain(childText(item, NS.dc, 'creator'));
			// The summary, as the page's description gives it; or the first paragraph as the page shows it, without its tools.
			const description = elements(page).find((el) => el.tagName === 'meta' && el.properties.name === 'description')!.properties.content;
			const p1 = elements(page).find((el) => el.tagName === 'p' && el.properties.id === 'p1')!;
			const tools = elements(p1).filter(hasClass('para-tools')).map(textOf).join('');
			expect(childText(item, NS.none, 'description')).toBe(expected.summary ? description : textOf(p1).replace(tools, ''));
		});
	});

	it('in 繁體, gives the summary or first paragraph, title and publisher in traditional characters, escaped', () => {
		const xml = readFileSync(join(site.dist, 'zh-hant', 'feed.xml'), 'utf8');
		expect(xml).toContain('網絡信息報道12月第');
		expect(xml).not.toContain('网络信息报道');
		expect(xml).toContain('第一段，網絡安全和信息化是一體之兩翼。');
	});

	it('escapes what XML must, and a reader gets the words back', () => {
		const xml = readFileSync(join(site.dist, 'zh-hk', 'feed.xml'), 'utf8');
		expect(xml).toContain('<title>中美&lt;對話&gt;&amp;合作</title>');
		const items = childElements(childElements(feed('zh-hk'), NS.none, 'channel')[0]!, NS.none, 'item');
		const item = items.find((i) => childText(i, NS.none, 'link')!.endsWith('/news-2014-12-01/'))!;
		expect([childText(item, NS.none, 'title'), childText(item, NS.none, 'description'), childText(item, NS.dc, 'creator')]).toEqual(['中美<對話>&合作', '綱要提出<目標>。', '新華社 & 人民網']);
	});

	it.each(EDITIONS.map((e) => [e.lang, e.path]))('%s: every page of the edition names its feed with <link rel="alternate">', (_lang, path) => {
		for (const page of pages.filter((p) => p.path.startsWith(`/${path}/`))) {
			const feeds = all(page, (el) => el.tagName === 'link' && String(el.properties.rel) === 'alternate' && el.properties.type === 'application/rss+xml');
			expect(feeds.map((el) => new URL(String(el.properties.href)).pathname), page.path).toEqual([`/${path}/feed.xml`]);
			expect(feeds[0]!.properties.hrefLang, 'a feed is no language alternate of the page').toBeUndefined();
		}
		const home = all(pageAt('/'), (el) => el.tagName === 'link' && el.properties.type === 'application/rss+xml');
		expect(home.map((el) => new URL(String(el.properties.href)).pathname)).toEqual(EDITIONS.map((e) => `/${e.path}/feed.xml`));
	});
});

describe('sitemaps', () => {
	it('list every listing page and every text in every edition, with their alternates', () => {
		const index = parseXml(readFileSync(join(site.dist, 'sitemap.xml'), 'utf8'), 'sitemap.xml').documentElement!;
		const locs = childElements(index, NS.sitemap, 'sitemap').flatMap((sitemap) => {
			const path = new URL(childText(sitemap, NS.sitemap, 'loc')!).pathname;
			const urlset = parseXml(readFileSync(join(site.dist, path), 'utf8'), path).documentElement!;
			return childElements(urlset, NS.sitemap, 'url').map((url) => {
				expect(childElements(url, NS.xhtml, 'link').length).toBe(EDITIONS.length + 1);
				return new URL(childText(url, NS.sitemap, 'loc')!).pathname;
			});
		});
		const expected = ['/', ...listingPages().map((p) => p.path), ...EDITIONS.flatMap((e) => TEXTS.map((t) => `/${e.path}/${t.slug}/`))];
		expect(locs.sort()).toEqual(expected.sort());
	});
});

describe('quality gates on every new kind of page', () => {
	const KINDS = (path: string) => [
		['the edition index', `/${path}/`],
		['a year', `/${path}/2013/`],
		['a split year, page 1', `/${path}/2014/`],
		['a split year, page 2', `/${path}/2014/page/2/`],
		['a text with breadcrumb and neighbours', `/${path}/news-2014-01-05/`],
	];
	const views = [['the home page', '/'], ['the 404 page', '/404.html'], ...EDITIONS.flatMap((e) => KINDS(e.path).map(([kind, url]) => [`${e.lang}: ${kind}`, url!]))];

	describe('axe-core, WCAG 2.2 A and AA', () => {
		let browser: BrowserContext;
		let server: StaticSite;
		let page: Page;
		beforeAll(async () => {
			server = await serveStatic(site.dist);
			browser = await launch();
			page = await browser.newPage();
		});
		afterAll(async () => {
			await browser?.close();
			await server?.close();
		});

		it.each(views)('%s (%s) has no violations', async (_name, path) => {
			await page.goto(server.url + path);
			expect(await axeViolations(page)).toEqual([]);
		});
	});

	it('every listing page, and every text page with something of its own, is valid HTML (html-validate)', async () => {
		// Text pages differ only in their words: those at the ends of the chain, of years and of months, and the texts with a source, a summary or markup to escape stand for them.
		const special = new Set(TEXTS.filter((t, i) => t.source || t.summary || t.script || /[<&]/.test(t.title) || i % 19 === 0).map((t) => t.slug));
		const checked = pages.filter((page) => !/^\/[^/]+\/[a-z][^/]*\/$/.test(page.path) || special.has(page.path.split('/')[2]!) || page.path.endsWith('/search/'));
		expect(checked.length).toBeGreaterThan(60);
		const invalid: string[] = [];
		for (const page of checked) invalid.push(...(await htmlErrors(page.html, page.path)).map((error) => `${page.path} ${error}`));
		expect(invalid).toEqual([]);
	});

	it('every page is in its edition’s script, or marks the fragment that is not with its lang', () => {
		expect(pages.flatMap((page) => wrongScript(treeOf(page)).map((wrong) => `${page.path}: ${wrong}`))).toEqual([]);
	});

	it('every internal link of every page resolves, fragments included', () => {
		expect(pages.flatMap((page) => brokenLinks(page, site.dist, byPath).map((broken) => `${page.path}: ${broken}`))).toEqual([]);
	});
});
