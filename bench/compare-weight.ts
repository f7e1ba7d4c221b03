/**
 * A compare page's first paint (`/<edition>/<slug>/compare/`, src/compare/)
 * against its budget: at most twice its text page's own text (gzip) + 8 kB.
 * The compare page holds the text in every edition, so its budget grows with
 * the text, as the text page's does.
 */
import { join } from 'node:path';
import { firstPaint } from './page-weight.ts';

/**
 * The compare page of the text whose page is `textPage` (…/<slug>/index.html),
 * and its budget from `ownText`, that page's own text (gzip, as `firstPaint` weighs it).
 */
export function compareWeight(textPage: string, dist: string, ownText: number) {
	// A compare page has no text body of its own (it adds no search records): its budget is its text page's text.
	const { html, css, js, total } = firstPaint(join(textPage, '..', 'compare', 'index.html'), dist);
	const budget = 2 * ownText + 8 * 1024;
	return { html, css, js, total, budget, ok: total <= budget };
}
