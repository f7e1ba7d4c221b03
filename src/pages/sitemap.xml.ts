/** `/sitemap.xml`: the sitemap index, naming every sitemap (src/sitemap.ts). */
import type { APIRoute } from 'astro';
import { siteOrigin, sitemapIndexXml, sitemaps } from '../sitemap.ts';
import { indexedPages } from '../texts/texts.ts';

export const GET: APIRoute = async ({ site }) =>
	new Response(sitemapIndexXml(siteOrigin(site), sitemaps(await indexedPages()).length), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
