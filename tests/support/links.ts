/**
 * Internal links of a built site, checked as a static host serves it: every
 * same-origin `href`, `src` and form `action` reaches a file, and every
 * `#fragment` an element with that id on the page it names.
 */
import type { Element } from 'hast';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { elements, treeOf, type BuiltPage } from './pages.ts';

/** The site's origin, as astro.config.mjs sets it. */
export const SITE = new URL(process.env.FANJIAN_SITE ?? 'http://localhost:4321');

/** The file a static host serves for a path on the site, if any. */
export function fileFor(root: string, pathname: string): string | undefined {
	const file = join(root, decodeURIComponent(pathname));
	if (!existsSync(file)) return undefined;
	if (statSync(file).isDirectory()) return pathname.endsWith('/') && existsSync(join(file, 'index.html')) ? join(file, 'index.html') : undefined;
	return file;
}

const ids = (page: BuiltPage) => new Set(elements(treeOf(page)).map((el) => el.properties.id).filter((id) => typeof id === 'string'));

/** Attributes that hold a URL the browser follows or loads. */
const URL_ATTRIBUTES = ['href', 'src', 'action'] as const;

/** Every same-origin URL a page links to or loads, with the element it is on. */
export function internalUrls(page: BuiltPage): { url: URL; on: string }[] {
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

/** A page's internal links that reach no file, or no element with their `#fragment`; each as a line. */
export function brokenLinks(page: BuiltPage, root: string, byPath: ReadonlyMap<string, BuiltPage>): string[] {
	const broken: string[] = [];
	for (const { url, on } of internalUrls(page)) {
		if (!fileFor(root, url.pathname)) {
			broken.push(`${on}: no file for ${url.pathname}`);
			continue;
		}
		if (!url.hash) continue;
		const target = byPath.get(url.pathname);
		const id = decodeURIComponent(url.hash.slice(1));
		if (!target || !ids(target).has(id)) broken.push(`${on}: no element with id "${id}" on ${url.pathname}`);
	}
	return broken;
}
