/**
 * Links in the built site, as a static host serves it: every internal
 * `href`, `src` and form `action` reaches a file and every `#fragment` an
 * element with that id; hreflang alternates are reciprocal; `sitemap.xml`
 * lists every page meant for search engines, `robots.txt` points to it.
 */
import type { Element } from 'hast';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/editions.ts';
import { builtPages, elements, treeOf, type BuiltPage } from '../support/pages.ts';
import { DIST } from '../support/site.ts';

/** The site's origin, as astro.config.mjs sets it. */
const SITE = new URL(process.env.FANJIAN_SITE ?? 'http://localhost:4321');
const pages = builtPages();
const byPath = new Map(pages.map((page) => [page.path, page]));

/** The file a static host serves for a path on the site, if any. */
function fileFor(pathname: string): string | undefined {
	const file = join(DIST, decodeURIComponent(pathname));
	if (!existsSync(file)) return undefined;
	if (statSync(file).isDirectory()) return pathname.endsWith('/') && existsSync(join(file, 'index.html')) ? join(file, 'index.html') : undefined;
	return file;
}

const ids = (page: BuiltPage) => new Set(elements(treeOf(page)).map((el) => el.properties.id).filter((id) => typeof id === 'string'));

/** Attributes that hold a URL the browser follows or loads. */
const URL_ATTRIBUTES = ['href', 'src', 'action'] as const;

/** Every same-origin URL a page links to or loads, with the element it is on. */
function internalUrls(page: BuiltPage): { url: URL; on: string }[] {
	const base = new URL(page.path, SITE);
	return elements(treeOf(page)).flatMap((element: Element) =>
		URL_ATTRIBUTES.flatMap((name) => {
			const value = element.properties[name];
			if (typeof value !== 'string') return [];
			const url = new URL(value, base);
			const on = `<${element.tagName} ${name}="${value}">`;
			return url.origin === SITE.origin ? [{ url, on }] : [];
		}),
	);
}

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
		const broken: string[] = [];
		for (const { url, on } of internalUrls(page)) {
			const file = fileFor(url.pathname);
			if (!file) {
				broken.push(`${on}: no file for ${url.pathname}`);
				continue;
			}
			if (!url.hash) continue;
			const target = byPath.get(url.pathname);
			const id = decodeURIComponent(url.hash.slice(1));
			if (!target || !ids(target).has(id)) broken.push(`${on}: no element with id "${id}" on ${url.pathname}`);
		}
		expect(broken).toEqual([]);
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

describe('sitemap.xml and robots.txt', () => {
	const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
	const entries = [...sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, body]) => ({
		loc: new URL(/<loc>([^<]+)<\/loc>/.exec(body!)![1]!),
		alternates: Object.fromEntries(
			[...body!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map(([, lang, href]) => [lang, new URL(href!).pathname]),
		),
	}));

	it('is a sitemap with the xhtml namespace for its alternates', () => {
		expect(sitemap).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml">/);
		expect(sitemap.trim()).toMatch(/<\/urlset>$/);
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
