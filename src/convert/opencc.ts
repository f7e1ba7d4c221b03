/**
 * OpenCC converters, built once per process and shared by every page.
 * Building one costs 150–300 ms and ~40 MB (research/opencc.md), so nothing
 * here may be called per page without the cache. Build time only.
 *
 * `openccConverter` is the one converter of the site: the build, the import,
 * the lint and the search all use it, so what the lint says, what a page
 * shows and what search finds agree. It runs OpenCC's own dictionaries and
 * chain (as opencc-js ships them), with phrases that may not end inside a
 * word (`phrase-matching.ts`). `plainOpenccConverter` is opencc-js exactly,
 * kept only to compare against (`npm run convert:diff`, the tests).
 */
import { ConverterBuilder, Trie, type DictGroup, type DictLike } from 'opencc-js/core';
import * as preset from 'opencc-js/preset';
import type { OpenccLocale } from '../editions.ts';
import { dictionaryName } from './dictionaries.ts';
import { cutting, pipelineExplainer, unchanged, type Explainer, type Given } from './explain.ts';
import { wordBoundedConverter, type Pipeline } from './phrase-matching.ts';

/**
 * A converter. The site's converters can also say what they did
 * (`explain`, src/convert/explain.ts): the same conversion, piece by piece.
 */
export type Convert = ((text: string) => string) & { explain?: Explainer };

/** An OpenCC config as opencc-js's preset has it (its types leave out the normalisation). */
interface PresetConfig {
	normalizationChain?: readonly DictGroup[];
	segmentation?: DictLike | DictGroup;
	conversionChain: readonly DictGroup[];
}

/** OpenCC's config name for a pair of locales, as opencc-js names them (`cn`→`tw` is `s2tw`). */
function configName(from: OpenccLocale, to: OpenccLocale): string {
	if (from === 'cn') return `s2${to}`;
	if (to === 'cn') return from === 'hkp' ? 'hk2sp' : from === 'twp' ? 'tw2sp' : `${from}2s`;
	return `${from}2${to}`;
}

/** Dictionaries by content → a small number, so that tries can be shared by name. */
const dictionaryIds = new Map<DictLike, number>();
const tries = new Map<string, Trie>();

/** The dictionaries of a group: one dictionary (a string, or [source, replacement] pairs), or several. */
function dictionariesOf(group: DictLike | DictGroup): DictLike[] {
	const isPair = (entry: unknown) => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string';
	return (typeof group === 'string' || group.every(isPair) ? [group] : group) as DictLike[];
}

/** A group's dictionaries as small numbers: `1,2,3`. */
function groupKey(group: DictLike | DictGroup): string {
	return dictionariesOf(group)
		.map((dict) => {
			let id = dictionaryIds.get(dict);
			if (id === undefined) dictionaryIds.set(dict, (id = dictionaryIds.size));
			return id;
		})
		.join(',');
}

/**
 * The trie of a dictionary group, shared by every converter using the same
 * group (`cn`→`tw` and `cn`→`hk` share STPhrases + STCharacters: ~40 MB once).
 */
function trieOf(group: DictLike | DictGroup): Trie {
	const key = groupKey(group);
	let trie = tries.get(key);
	if (!trie) {
		trie = new Trie();
		trie.loadDictGroup(dictionariesOf(group));
		tries.set(key, trie);
	}
	return trie;
}

/** The pipeline opencc-js runs for a pair of locales: its config, or the locales' dictionary groups chained. */
export function openccPipeline(from: OpenccLocale, to: OpenccLocale): Pipeline {
	const config = (preset.configs as Record<string, PresetConfig | undefined>)[configName(from, to)];
	if (config) {
		const { segmentation, conversionChain } = config;
		const first = conversionChain[0];
		// s2tw: segmentation STPhrases, …; first stage STPhrases, …, STCharacters.
		const firstStageCuts = Boolean(segmentation && first && `${groupKey(first)},`.startsWith(`${groupKey(segmentation)},`));
		return {
			normalization: (config.normalizationChain ?? []).map(trieOf),
			segmentation: segmentation && !firstStageCuts ? trieOf(segmentation) : undefined,
			firstStageCuts,
			chain: conversionChain.map(trieOf),
			dictionaries: conversionChain.map(namesOf),
		};
	}
	const groups = [...(from === 't' ? [] : preset.from[from]!), ...(to === 't' ? [] : preset.to[to]!)];
	return { normalization: [], segmentation: undefined, firstStageCuts: false, chain: groups.map(trieOf), dictionaries: groups.map(namesOf) };
}

/** OpenCC's names of a group's dictionaries, in the order they load. */
const namesOf = (group: DictLike | DictGroup) => dictionariesOf(group).map(dictionaryName);

const converters = new Map<string, Convert>();

/** The site's converter from one locale to another, memoised. */
export function openccConverter(from: OpenccLocale, to: OpenccLocale): Convert {
	const key = `${from}>${to}`;
	let convert = converters.get(key);
	if (!convert) {
		if (from === to) convert = Object.assign((text: string) => text, { explain: unchanged });
		else {
			const pipeline = openccPipeline(from, to);
			convert = Object.assign(wordBoundedConverter(pipeline), { explain: pipelineExplainer(pipeline) });
		}
		converters.set(key, convert);
	}
	return convert;
}

const plainConverters = new Map<string, Convert>();

/**
 * opencc-js's own converter, unchanged: forward maximum matching over raw
 * characters. Only for comparison; never used to publish.
 */
export function plainOpenccConverter(from: OpenccLocale, to: OpenccLocale): Convert {
	const key = `${from}>${to}`;
	let convert = plainConverters.get(key);
	if (!convert) {
		convert = from === to ? (text) => text : ConverterBuilder(preset)({ from, to });
		plainConverters.set(key, convert);
	}
	return convert;
}

/**
 * A pinned conversion: wherever `match` occurs in the source text it becomes
 * `output`, whatever OpenCC would do (MediaWiki's `-{ }-` in spirit).
 */
export interface PinnedTerm {
	match: string;
	output: string;
	/** Where it is pinned, for explanations: the text's own `terms`, or the glossary. */
	origin?: 'text' | 'glossary';
}

/**
 * Wrap a converter so that pinned terms convert as given. The text is cut at
 * each pinned term (longest match first) and only the pieces between them
 * go through OpenCC. If the converter can explain itself, so can the result.
 *
 * @example withPinnedTerms(cn2tw, [{ match: '刘云山', output: '劉雲山' }])('刘云山出席') // '劉雲山出席'
 */
export function withPinnedTerms(convert: Convert, terms: readonly PinnedTerm[]): Convert {
	const usable = terms.filter((term) => term.match.length > 0);
	if (usable.length === 0) return convert;
	const byMatch = new Map(usable.map((term) => [term.match, term]));
	const pattern = new RegExp(
		[...byMatch.keys()]
			.sort((a, b) => b.length - a.length)
			.map((match) => match.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
			.join('|'),
		'gu',
	);
	/** The pinned terms in a text, each given as pinned. */
	const cut = (text: string): Given[] =>
		Array.from(text.matchAll(pattern), (found) => {
			const term = byMatch.get(found[0])!;
			const rule = { kind: 'pinned' as const, key: term.match, value: term.output, ...(term.origin ? { origin: term.origin } : {}) };
			return { from: found.index, to: found.index + found[0].length, output: term.output, rule };
		});
	return cutting(convert, cut);
}
