/**
 * What pages need to know of the build running them, and what it reports.
 *
 * `astro build` marks itself as a build when it starts, so that a text's
 * rendering keeps its anchor record up to date and reuses its parsed tree
 * across editions; `astro dev` does neither. (Not import.meta.env.DEV, which
 * a DEV variable in the environment can set.) Astro bundles the pages apart
 * from the config, so each side has its own copy of this module: the mark is
 * kept on a global symbol both reach.
 *
 * The search index is written after the build, from the built pages
 * (scripts/build.ts, src/search/index-build.ts).
 */
import type { AstroIntegration } from 'astro';
import { CONVERT_MEASURE } from '../convert/edition-text.ts';

const KEY = Symbol.for('fanjian.building');
type Registry = { [KEY]?: boolean };

/** True while `astro build` renders pages. */
export const isBuilding = () => (globalThis as Registry)[KEY] === true;

export function buildMode(): AstroIntegration {
	return {
		name: 'fanjian:build-mode',
		hooks: {
			'astro:build:start': () => {
				(globalThis as Registry)[KEY] = true;
			},
			'astro:build:done': ({ logger }) => {
				(globalThis as Registry)[KEY] = false;
				const conversions = performance.getEntriesByName(CONVERT_MEASURE);
				const converting = conversions.reduce((sum, entry) => sum + entry.duration, 0);
				performance.clearMeasures(CONVERT_MEASURE);
				logger.info(`Converted ${conversions.length} pages in ${Math.round(converting)} ms.`);
			},
		},
	};
}
