/**
 * Links in the built site, as a static host serves it: every internal
 * `href`, `src` and form `action` reaches a file and every `#fragment` an
 * element with that id; hreflang alternates are reciprocal; the sitemaps
 * that `sitemap.xml` (an index) names list every page meant for search
 * engines, `robots.txt` points to it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/editions.ts';
import { brokenLinks, SITE } from '../support/links.ts';
import { builtPages, elements, treeOf, type BuiltPage } from '../support/pages.ts';
import { DIST } from '../support/site.ts';
import { childElements, childText, NS, parseXml } from '../support/xml.ts';

const pages = builtPages();
const byPath = new Map(pages.map((page) => [page.path, page]));

/** A page's `<link rel="alternate" hreflang>` as hreflang → path. */
function alternatesOf(page: BuiltPage): Record<string, string> {
	const links = elements(treeOf(page)).filter(
		(el) => el.tagName === 'link' && String(el.properties.rel) === 'alternate' && typeof el.properties.hrefLang === 'string',
	);
	return Object.fromEntries(links.map((el) => [el.properties.hrefLang as string, new URL(String(el.properties.href)).pathname]));
}

const htmlLang = (page: BuiltPage) => elements(treeOf(page)).find((el) => el.tagName === 'html')?.properties.lang;
const isNoindex = (page: BuiltPage) =>
	elements(treeOf(page)).some((el) => el.tagName === 'meta' && el.properties.name === 'robots' && String(el.properties.content).includes('noindex'));

describe.each(pages.map((page) => [page.path, page] as const))('%s', (_path, page) => {
	it('links only to files that exist, and to ids that exist on them', () => {
		expect(brokenLinks(page, DIST, byPath)).toEqual([]);
	});

	it.skipIf(Object.keys(alternatesOf(page)).length === 0)('names itself among its alternates, and each alternate names the same set back', () => {
		const own = alternatesOf(page);
		expect(Object.keys(own).sort()).toEqual([...EDITIONS.map((e) => e.lang), 'x-default'].sort());
		expect(Object.values(own)).toContain(page.path);
		for (const [hreflang, path] of Object.entries(own)) {
			const target = byPath.get(path);
			expect(target, `${hreflang} → ${path}`).toBeDefined();
			expect(alternatesOf(target!), `alternates of ${path}`).toEqual(own);
			if (hreflang !== 'x-default') expect(htmlLang(target!), `<html lang> of ${path}`).toBe(hreflang);
		}
	});

	it('has visible edition links to the same pages as its alternates', () => {
		const visible = elements(treeOf(page))
			.filter((el) => el.tagName === 'a' && el.properties.dataEditionLink !== undefined)
			.map((el) => [el.properties.hrefLang, el.properties.href]);
		const own = alternatesOf(page);
		if (Object.keys(own).length === 0) return;
		expect(Object.fromEntries(visible)).toEqual(Object.fromEntries(EDITIONS.map((e) => [e.lang, own[e.lang]])));
	});
});

describe('the sitemap index, its sitemaps, and robots.txt', () => {
	const index = parseXml(readFileSync(join(DIST, 'sitemap.xml'), 'utf8'), 'sitemap.xml').documentElement!;
	const sitemapUrls = childElements(index, NS.sitemap, 'sitemap').map((sitemap) => new URL(childText(sitemap, NS.sitemap, 'loc')!));
	const sitemaps = sitemapUrls.map((url) => ({ url, root: parseXml(readFileSync(join(DIST, url.pathname), 'utf8'), url.pathname).documentElement! }));
	const entries = sitemaps.flatMap(({ root }) =>
		childElements(root, NS.sitemap, 'url').map((url) => ({
			loc: new URL(childText(url, NS.sitemap, 'loc')!),
			alternates: Object.fromEntries(
				childElements(url, NS.xhtml, 'link').map((link) => {
					expect(link.getAttribute('rel')).toBe('alternate');
					return [link.getAttribute('hreflang'), new URL(link.getAttribute('href')!).pathname];
				}),
			),
		})),
	);

	it('/sitemap.xml is a sitemap index naming sitemaps on the site, at its root', () => {
		expect(index.namespaceURI).toBe(NS.sitemap);
		expect(index.localName).toBe('sitemapindex');
		expect(sitemapUrls.length).toBeGreaterThan(0);
		for (const url of sitemapUrls) {
			expect(url.origin).toBe(SITE.origin);
			expect(url.pathname).toMatch(/^\/sitemap-\d+\.xml$/);
		}
	});

	it('each sitemap is a urlset of at most 50,000 URLs', () => {
		for (const { url, root } of sitemaps) {
			expect([root.namespaceURI, root.localName], url.pathname).toEqual([NS.sitemap, 'urlset']);
			expect(childElements(root, NS.sitemap, 'url').length).toBeLessThanOrEqual(50_000);
		}
	});

	it('lists every page of every edition meant for search engines, once, and no noindex page', () => {
		const listed = entries.map((entry) => entry.loc.pathname).sort();
		const indexable = pages.filter((page) => !isNoindex(page) && page.path !== '/404.html').map((page) => page.path);
		expect(listed).toEqual(indexable.sort());
		expect(new Set(listed).size).toBe(listed.length);
		for (const edition of EDITIONS) expect(listed.filter((path) => path.startsWith(`/${edition.path}/`)).length).toBeGreaterThan(1);
	});

	it('gives each page on the site’s origin, with the same alternates as the page itself', () => {
		for (const entry of entries) {
			expect(entry.loc.origin).toBe(SITE.origin);
			expect(entry.alternates, entry.loc.pathname).toEqual(alternatesOf(byPath.get(entry.loc.pathname)!));
		}
	});

	it('is named in robots.txt, which lets crawlers in', () => {
		const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
		expect(robots).toContain(`Sitemap: ${new URL('/sitemap.xml', SITE).href}`);
		expect(robots).toMatch(/^User-agent: \*$/m);
		expect(robots).not.toMatch(/^Disallow: \/$/m);
	});
});
