/**
 * The archive's listing pages and the home page as a static host with gzip
 * sends them: they must stay small however large the archive grows (issue 13).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Edition } from '../src/editions.ts';
import { firstPaint } from './page-weight.ts';

export interface PageWeight {
	/** The page's address. */
	path: string;
	/** The texts it lists. */
	texts: number;
	/** Its HTML, gzipped. */
	html: number;
	/** With the CSS and JS it links (shared by every page), gzipped. */
	total: number;
}

/** The texts a built listing page lists: the items of its text lists. */
const listedTexts = (html: string) => [...html.matchAll(/<ol class="text-list">([\s\S]*?)<\/ol>/g)].reduce((sum, [, list]) => sum + (list!.match(/<li>/g)?.length ?? 0), 0);

function weigh(dist: string, path: string): PageWeight {
	const file = join(dist, path, 'index.html');
	const paint = firstPaint(file, dist);
	return { path, texts: listedTexts(readFileSync(file, 'utf8')), html: paint.html, total: paint.total };
}

/** Every listing page of every edition: `/<edition>/`, `/<edition>/<year>/`, `/<edition>/<year>/page/<n>/`. */
function listingPaths(dist: string, editions: readonly Edition[]): string[] {
	return editions.flatMap((edition) => {
		const root = join(dist, edition.path);
		const years = readdirSync(root).filter((name) => /^\d{4}$/.test(name));
		return [
			`/${edition.path}/`,
			...years.flatMap((year) => {
				const pages = join(root, year, 'page');
				const later = existsSync(pages) ? readdirSync(pages).map((n) => `/${edition.path}/${year}/page/${n}/`) : [];
				return [`/${edition.path}/${year}/`, ...later];
			}),
		];
	});
}

/** The heaviest listing page (by gzipped HTML), how many there are, and the home page. */
export function listingWeights(dist: string, editions: readonly Edition[]): { largest: PageWeight; listings: number; home: PageWeight } {
	const listings = listingPaths(dist, editions).map((path) => weigh(dist, path));
	const largest = listings.reduce((a, b) => (b.html > a.html ? b : a));
	return { largest, listings: listings.length, home: weigh(dist, '/') };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** A table row: `14.2 kB (with CSS and JS 19.0 kB), /zh-hk/2014/page/2/, 200 texts`. */
export const describeWeight = (page: PageWeight) => `${kb(page.html)} (with CSS and JS ${kb(page.total)}), ${page.path}, ${page.texts} texts`;
