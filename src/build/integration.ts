/**
 * What pages need to know of the build running them, and what it reports.
 *
 * `astro build` marks itself as a build when it starts, so that a text's
 * rendering keeps its anchor record up to date and reuses its parsed tree
 * across editions; `astro dev` does neither. (Not import.meta.env.DEV, which
 * a DEV variable in the environment can set.) The pages see the mark
 * through src/build-hand-over.ts.
 *
 * The search index is written from the built pages (scripts/build.ts,
 * src/search/index-build.ts). Astro renders a build's pages in order, two at
 * a time (astro.config.mjs), and a text's pages one after another, its
 * edition pages before its compare pages (texts.ts): so when a page of
 * another text begins, the edition pages of the text before, the ones the
 * index reads, are on disk, and the build says so to the process that
 * started it, if that one listens (an IPC channel), which reads them while
 * the build goes on. Should a page still be being written, it does not
 * parse (src/search/paragraphs.ts takes a text body only with its closing
 * tags) and the text is read again with the next text announced; the last
 * is announced when the build is done, every page written, and says so.
 */
import type { AstroIntegration } from 'astro';
import { handOver } from '../build-hand-over.ts';
import { CONVERT_MEASURE } from '../convert/edition-text.ts';

const building = handOver<boolean>('building');

/** True while `astro build` renders pages. */
export const isBuilding = () => building.active() === true;

/** What the build tells the process that started it: a text's edition pages are written. */
export interface TextWritten {
	written: string;
	/** The build is done: every page is written. */
	done?: true;
}

/** In a build whose starter listens: the text whose pages are rendering. */
const rendering = handOver<{ slug?: string }>('rendering-text');

const announce = (slug: string, done?: true) => process.send?.({ written: slug, ...(done ? { done } : {}) } satisfies TextWritten);

/** A page of text `slug` begins to render. */
export function textRendering(slug: string): void {
	const now = rendering.active();
	if (!now || now.slug === slug) return;
	if (now.slug) announce(now.slug);
	now.slug = slug;
}

export function buildMode(): AstroIntegration {
	/** Whether someone listens. */
	let announcing = false;
	return {
		name: 'fanjian:build-mode',
		hooks: {
			'astro:config:done': () => {
				announcing = process.send !== undefined;
			},
			'astro:build:start': () => {
				building.set(true);
				rendering.set(announcing ? {} : undefined);
			},
			'astro:build:done': ({ logger }) => {
				building.set(false);
				const last = rendering.active()?.slug;
				if (last) announce(last, true);
				rendering.set(undefined);
				const conversions = performance.getEntriesByName(CONVERT_MEASURE);
				const converting = conversions.reduce((sum, entry) => sum + entry.duration, 0);
				performance.clearMeasures(CONVERT_MEASURE);
				logger.info(`Converted ${conversions.length} pages in ${Math.round(converting)} ms.`);
			},
		},
	};
}
