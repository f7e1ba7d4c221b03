/** `/sitemap-<n>.xml`: up to 50,000 pages meant for search engines, with their alternates (src/sitemap.ts). */
import type { APIRoute } from 'astro';
import { siteOrigin, sitemapXml, type SitemapEntry } from '../sitemap.ts';
export { sitemapPaths as getStaticPaths } from '../texts/texts.ts';

export const GET: APIRoute<{ entries: SitemapEntry[] }> = ({ site, props }) =>
	new Response(sitemapXml(siteOrigin(site), props.entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
