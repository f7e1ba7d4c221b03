/**
 * The words the browser's search shows (counts, "no results", "more"…), in
 * each edition's wording (src/ui.ts), bundled with the search code as the
 * module `virtual:fanjian/search-words`: loaded with the search on its
 * first use, not written into every page, whose first paint has no need of
 * them. The module maps each edition's `lang` to its words.
 */
import type { AstroIntegration } from 'astro';
import { EDITIONS } from '../editions.ts';
import { ui, type UiStrings } from '../ui.ts';

const KEYS = ['exact', 'noResults', 'searchFailed', 'searchUnsupported', 'paragraph', 'paragraphRange', 'resultsCount', 'looseCount', 'needsWords', 'moreResults', 'allResults'] as const;

export type SearchWords = Pick<UiStrings, (typeof KEYS)[number]>;

const MODULE = 'virtual:fanjian/search-words';
const RESOLVED = `\0${MODULE}`;

/** Every edition's search words, by its `lang`. */
const searchWordsByLang = (): Record<string, SearchWords> =>
	Object.fromEntries(EDITIONS.map((edition) => [edition.lang, Object.fromEntries(KEYS.map((key) => [key, ui(edition)[key]])) as SearchWords]));

export function searchWords(): AstroIntegration {
	return {
		name: 'fanjian:search-words',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'fanjian:search-words',
								resolveId: (id: string) => (id === MODULE ? RESOLVED : undefined),
								load: (id: string) => (id === RESOLVED ? `export default ${JSON.stringify(searchWordsByLang())};` : undefined),
							},
						],
					},
				});
			},
		},
	};
}
