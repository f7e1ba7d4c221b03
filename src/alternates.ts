/**
 * A page's alternates: the same page in every edition, plus `x-default` for
 * readers of no edition in particular. The `<link rel="alternate">` tags and
 * the sitemap are both written from this, so they cannot disagree.
 */
import { EDITIONS, type Edition } from './editions.ts';

/** One page as it exists in every edition. */
export interface PageFamily {
	/** The page's path in an edition. */
	pathIn: (edition: Edition) => string;
	/** The page for `hreflang="x-default"`: the edition chooser `/`, or the default edition's page. */
	xDefault: string;
}

export interface Alternate {
	/** BCP-47 tag, or `x-default`. */
	hreflang: string;
	path: string;
}

/**
 * Every alternate of a page, its own edition included (hreflang links must
 * be reciprocal and name the page itself).
 *
 * @example alternates({ pathIn: (e) => `/${e.path}/`, xDefault: '/' })
 * // [{ hreflang: 'zh-Hans', path: '/zh-hans/' }, …, { hreflang: 'x-default', path: '/' }]
 */
export function alternates(family: PageFamily, editions: readonly Edition[] = EDITIONS): Alternate[] {
	return [
		...editions.map((edition) => ({ hreflang: edition.lang, path: family.pathIn(edition) })),
		{ hreflang: 'x-default', path: family.xDefault },
	];
}
