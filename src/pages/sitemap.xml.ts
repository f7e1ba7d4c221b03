/** `/sitemap.xml`: every page of every edition meant for search engines (src/sitemap.ts). */
import type { APIRoute } from 'astro';
import { siteOrigin, sitemapXml } from '../sitemap.ts';
import { indexedPages } from '../texts/texts.ts';

export const GET: APIRoute = async ({ site }) =>
	new Response(sitemapXml(siteOrigin(site), await indexedPages()), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
