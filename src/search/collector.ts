/**
 * The hand-over from page rendering to the search index during a build.
 *
 * The integration (src/search/integration.ts) opens the index when the build
 * starts; each text page hands over its converted paragraphs as it renders,
 * so records are indexed while the rest of the site renders, and no page is
 * read back or parsed again. Astro bundles the pages apart from the config,
 * so each side has its own copy of this module: the registry is keyed on a
 * global symbol to reach the same object. In `astro dev` there is none.
 */
import type { ParagraphText } from './paragraphs.ts';

export interface PageCollector {
	/** One edition of one text, as rendered. */
	addPage(page: { slug: string; lang: string; title: string; paragraphs: ParagraphText[] }): void;
}

const KEY = Symbol.for('fanjian.search-collector');
type Registry = { [KEY]?: PageCollector | undefined };

export function activeCollector(): PageCollector | undefined {
	return (globalThis as Registry)[KEY];
}

export function setActiveCollector(collector: PageCollector | undefined): void {
	(globalThis as Registry)[KEY] = collector;
}
