import { describe, expect, it } from 'vitest';
import type { PageFamily } from '../../src/alternates.ts';
import { EDITIONS } from '../../src/editions.ts';
import { SITEMAP_LIMIT, sitemapIndexXml, sitemaps, sitemapXml } from '../../src/sitemap.ts';
import { childElements, childText, NS, parseXml } from '../support/xml.ts';

const SITE = new URL('https://example.org');
const text = (slug: string): PageFamily => ({ pathIn: (e) => `/${e.path}/${slug}/`, xDefault: `/zh-hans/${slug}/` });
const home: PageFamily = { pathIn: (e) => `/${e.path}/`, xDefault: '/' };

describe('sitemaps', () => {
	it('hold at most 50,000 URLs each, the protocol’s limit', () => {
		expect(SITEMAP_LIMIT).toBe(50_000);
	});

	it.each([
		[1, 3, [3]],
		[2, 3, [3, 3]],
		[3, 4, [4, 4, 1]],
	])('cut the 3 editions of %i texts into sitemaps of at most %i URLs: %j', (texts, limit, sizes) => {
		const families = Array.from({ length: texts }, (_, i) => text(`t${i}`));
		expect(sitemaps(families, limit).map((chunk) => chunk.length)).toEqual(sizes);
		expect(sitemaps(families, limit).flat().length).toBe(texts * EDITIONS.length);
	});

	it('give the home page an entry of its own, as the x-default of the edition indexes', () => {
		const [entries] = sitemaps([home]);
		expect(entries!.map((entry) => entry.path)).toEqual([...EDITIONS.map((e) => `/${e.path}/`), '/']);
	});

	it('write each URL with every alternate, on the site’s origin, escaped', () => {
		const [entries] = sitemaps([text('a-b')]);
		const urlset = parseXml(sitemapXml(new URL('https://example.org/?a&b'), entries!), 'sitemap').documentElement!;
		const [first] = childElements(urlset, NS.sitemap, 'url');
		expect(childText(first!, NS.sitemap, 'loc')).toBe('https://example.org/zh-hans/a-b/');
		expect(childElements(first!, NS.xhtml, 'link').map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')])).toEqual([
			...EDITIONS.map((e) => [e.lang, `https://example.org/${e.path}/a-b/`]),
			['x-default', 'https://example.org/zh-hans/a-b/'],
		]);
	});

	it('are named by a sitemap index', () => {
		const index = parseXml(sitemapIndexXml(SITE, 3), 'index').documentElement!;
		expect([index.namespaceURI, index.localName]).toEqual([NS.sitemap, 'sitemapindex']);
		expect(childElements(index, NS.sitemap, 'sitemap').map((s) => childText(s, NS.sitemap, 'loc'))).toEqual([1, 2, 3].map((n) => `https://example.org/sitemap-${n}.xml`));
	});
});
