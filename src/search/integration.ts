/**
 * The Astro integration that builds the search index with every build
 * (`astro build`), so `dist/` is always complete. The index opens when the
 * build starts and text pages hand their paragraphs over as they render
 * (see collector.ts); it is written when the build is done.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { CONVERT_MEASURE } from '../convert/edition-text.ts';
import { EDITIONS } from '../editions.ts';
import { setActiveCollector } from './collector.ts';
import { SearchIndex } from './index-build.ts';

export function searchIndex(): AstroIntegration {
	let index: SearchIndex | undefined;
	return {
		name: 'fanjian:search-index',
		hooks: {
			'astro:build:start': () => {
				index = new SearchIndex(EDITIONS);
				setActiveCollector(index);
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (!index) throw new Error('The search index was not opened at the start of the build.');
				setActiveCollector(undefined);
				const conversions = performance.getEntriesByName(CONVERT_MEASURE);
				const converting = conversions.reduce((sum, entry) => sum + entry.duration, 0);
				performance.clearMeasures(CONVERT_MEASURE);
				logger.info(`Converted ${conversions.length} pages in ${Math.round(converting)} ms.`);
				const started = performance.now();
				const stats = await index.write(fileURLToPath(dir));
				logger.info(
					`Indexed ${stats.records} paragraphs of ${stats.texts} texts (fold table: ${stats.foldEntries} characters${stats.refolded ? ', folded twice' : ''}); writing took ${Math.round(performance.now() - started)} ms.`,
				);
			},
		},
	};
}
