/**
 * The Astro integration that indexes the built site for search, at the end
 * of every build (`astro build`), so `dist/` is always complete.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { EDITIONS } from '../editions.ts';
import { writeSearchIndex } from './index-build.ts';
import { readTexts } from './paragraphs.ts';

export function searchIndex(): AstroIntegration {
	return {
		name: 'fanjian:search-index',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const dist = fileURLToPath(dir);
				const started = performance.now();
				const texts = await readTexts(dist, EDITIONS);
				const stats = await writeSearchIndex(dist, texts, EDITIONS);
				logger.info(
					`Indexed ${stats.records} paragraphs of ${stats.texts} texts (fold table: ${stats.foldEntries} characters) in ${Math.round(performance.now() - started)} ms.`,
				);
			},
		},
	};
}
