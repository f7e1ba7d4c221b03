/**
 * The sitemaps: every page meant for search engines, each with its
 * alternates in the other editions (`xhtml:link`, as Google reads them), in
 * sitemaps of at most 50,000 URLs (the protocol's limit) listed by a sitemap
 * index at `/sitemap.xml`. The sitemaps are `/sitemap-1.xml`, `/sitemap-2.xml`…
 * at the root, since a sitemap may only list URLs under its own folder.
 * Search pages and the 404 page are `noindex` and left out.
 */
import { AstroError } from 'astro/errors';
import { alternates, type Alternate, type PageFamily } from './alternates.ts';
import { EDITIONS, type Edition } from './editions.ts';
import { escapeXml } from './xml.ts';

/**
 * The most URLs one sitemap may list (sitemaps.org). Each entry here is well
 * under 1 kB, so a full sitemap also stays under the protocol's 50 MB.
 */
export const SITEMAP_LIMIT = 50_000;

/** One URL of a sitemap, with the page's alternates. */
export interface SitemapEntry {
	path: string;
	alternates: Alternate[];
}

/**
 * The entries of the given page families, cut into sitemaps of at most
 * `limit` URLs. A family's `x-default` page gets its own entry when it is not
 * one of the editions' pages (the home page `/`).
 */
export function sitemaps(families: readonly PageFamily[], limit = SITEMAP_LIMIT, editions: readonly Edition[] = EDITIONS): SitemapEntry[][] {
	const entries = families.flatMap((family) => {
		const links = alternates(family, editions);
		return [...new Set(links.map((link) => link.path))].map((path) => ({ path, alternates: links }));
	});
	const chunks: SitemapEntry[][] = [];
	for (let start = 0; start < entries.length; start += limit) chunks.push(entries.slice(start, start + limit));
	return chunks.length > 0 ? chunks : [[]];
}

/** The address of the `n`th sitemap (from 1). */
export const sitemapPath = (n: number) => `/sitemap-${n}.xml`;

const absoluteIn = (site: URL) => (path: string) => escapeXml(new URL(path, site).href);

/** One sitemap, with absolute URLs on `site`. */
export function sitemapXml(site: URL, entries: readonly SitemapEntry[]): string {
	const absolute = absoluteIn(site);
	const urls = entries.map(({ path, alternates }) =>
		[
			'<url>',
			`<loc>${absolute(path)}</loc>`,
			...alternates.map((link) => `<xhtml:link rel="alternate" hreflang="${link.hreflang}" href="${absolute(link.path)}"/>`),
			'</url>',
		].join(''),
	);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
		...urls,
		'</urlset>',
		'',
	].join('\n');
}

/** The sitemap index of `count` sitemaps. */
export function sitemapIndexXml(site: URL, count: number): string {
	const absolute = absoluteIn(site);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		...Array.from({ length: count }, (_, i) => `<sitemap><loc>${absolute(sitemapPath(i + 1))}</loc></sitemap>`),
		'</sitemapindex>',
		'',
	].join('\n');
}

/** `robots.txt`: everything may be crawled; the sitemap index says what there is. */
export function robotsTxt(site: URL): string {
	return `User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', site).href}\n`;
}

/** The site's origin (`Astro.site`), which absolute URLs need. */
export function siteOrigin(site: URL | undefined): URL {
	if (site) return site;
	throw new AstroError(
		'The sitemap, robots.txt and the feeds need the site\'s address, and astro.config.mjs sets none.',
		'Build with `FANJIAN_SITE=https://your.domain npm run build`, or set `site` in astro.config.mjs.',
	);
}
