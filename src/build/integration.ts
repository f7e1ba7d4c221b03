/**
 * What pages need to know of the build running them, and what it reports.
 *
 * `astro build` marks itself as a build when it starts, so that a text's
 * rendering keeps its anchor record up to date and reuses its parsed tree
 * across editions; `astro dev` does neither. (Not import.meta.env.DEV, which
 * a DEV variable in the environment can set.) The pages see the mark
 * through src/build-hand-over.ts.
 *
 * The search index is written after the build, from the built pages
 * (scripts/build.ts, src/search/index-build.ts).
 */
import type { AstroIntegration } from 'astro';
import { handOver } from '../build-hand-over.ts';
import { CONVERT_MEASURE } from '../convert/edition-text.ts';

const building = handOver<boolean>('building');

/** True while `astro build` renders pages. */
export const isBuilding = () => building.active() === true;

export function buildMode(): AstroIntegration {
	return {
		name: 'fanjian:build-mode',
		hooks: {
			'astro:build:start': () => {
				building.set(true);
			},
			'astro:build:done': ({ logger }) => {
				building.set(false);
				const conversions = performance.getEntriesByName(CONVERT_MEASURE);
				const converting = conversions.reduce((sum, entry) => sum + entry.duration, 0);
				performance.clearMeasures(CONVERT_MEASURE);
				logger.info(`Converted ${conversions.length} pages in ${Math.round(converting)} ms.`);
			},
		},
	};
}
