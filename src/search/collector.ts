/**
 * The hand-over from page rendering to the search index during a build.
 *
 * The integration (src/search/integration.ts) opens the index when the build
 * starts; each text page hands over its converted paragraphs as it renders,
 * so records are indexed while the rest of the site renders, and no page is
 * read back or parsed again (see src/build-hand-over.ts for how the two
 * sides meet). In `astro dev` there is none.
 */
import { handOver } from '../build-hand-over.ts';
import type { ParagraphText } from './paragraphs.ts';

export interface PageCollector {
	/** One edition of one text, as rendered. */
	addPage(page: { slug: string; lang: string; title: string; paragraphs: ParagraphText[] }): void;
}

const collector = handOver<PageCollector>('search-collector');

export const activeCollector = collector.active;
export const setActiveCollector = collector.set;
