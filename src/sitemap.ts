/**
 * `sitemap.xml`: every page meant for search engines, each with its
 * alternates in the other editions (`xhtml:link`, as Google reads them).
 * Search pages and the 404 page are `noindex` and left out.
 */
import { AstroError } from 'astro/errors';
import { alternates, type PageFamily } from './alternates.ts';
import { EDITIONS, type Edition } from './editions.ts';

const escapeXml = (text: string) =>
	text.replace(/[&<>"']/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`);

/**
 * The sitemap of the given page families, with absolute URLs on `site`. A
 * family's `x-default` page gets its own entry when it is not one of the
 * editions' pages (the home page `/`).
 */
export function sitemapXml(site: URL, families: readonly PageFamily[], editions: readonly Edition[] = EDITIONS): string {
	const absolute = (path: string) => escapeXml(new URL(path, site).href);
	const urls: string[] = [];
	for (const family of families) {
		const links = alternates(family, editions);
		const paths = [...new Set(links.map((link) => link.path))];
		for (const path of paths) {
			urls.push(
				[
					'<url>',
					`<loc>${absolute(path)}</loc>`,
					...links.map((link) => `<xhtml:link rel="alternate" hreflang="${link.hreflang}" href="${absolute(link.path)}"/>`),
					'</url>',
				].join(''),
			);
		}
	}
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
		...urls,
		'</urlset>',
		'',
	].join('\n');
}

/** `robots.txt`: everything may be crawled; the sitemap says what there is. */
export function robotsTxt(site: URL): string {
	return `User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', site).href}\n`;
}

/** The site's origin (`Astro.site`), which absolute URLs need. */
export function siteOrigin(site: URL | undefined): URL {
	if (site) return site;
	throw new AstroError(
		'The sitemap and robots.txt need the site\'s address, and astro.config.mjs sets none.',
		'Build with `FANJIAN_SITE=https://your.domain npm run build`, or set `site` in astro.config.mjs.',
	);
}
