/** `/robots.txt`: crawl everything, and find the pages in the sitemap. */
import type { APIRoute } from 'astro';
import { robotsTxt, siteOrigin } from '../sitemap.ts';

export const GET: APIRoute = ({ site }) =>
	new Response(robotsTxt(siteOrigin(site)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
