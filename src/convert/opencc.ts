/**
 * OpenCC converters, built once per process and shared by every page.
 * Building one costs 150–300 ms and ~40 MB (research/opencc.md), so nothing
 * here may be called per page without the cache.
 */
import * as OpenCC from 'opencc-js';
import type { OpenccLocale } from '../editions.ts';

export type Convert = (text: string) => string;

const converters = new Map<string, Convert>();

/** The opencc-js converter from one locale to another, memoised. */
export function openccConverter(from: OpenccLocale, to: OpenccLocale): Convert {
	const key = `${from}>${to}`;
	let convert = converters.get(key);
	if (!convert) {
		convert = from === to ? (text) => text : OpenCC.Converter({ from, to });
		converters.set(key, convert);
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
}

/**
 * Wrap a converter so that pinned terms convert as given. The text is cut at
 * each pinned term (longest match first) and only the pieces between them
 * go through OpenCC.
 *
 * @example withPinnedTerms(cn2tw, [{ match: '刘云山', output: '劉雲山' }])('刘云山出席') // '劉雲山出席'
 */
export function withPinnedTerms(convert: Convert, terms: readonly PinnedTerm[]): Convert {
	const usable = terms.filter((term) => term.match.length > 0);
	if (usable.length === 0) return convert;
	const outputs = new Map(usable.map((term) => [term.match, term.output]));
	const pattern = new RegExp(
		[...outputs.keys()]
			.sort((a, b) => b.length - a.length)
			.map((match) => match.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
			.join('|'),
		'gu',
	);
	return (text) => {
		let out = '';
		let last = 0;
		for (const found of text.matchAll(pattern)) {
			out += convert(text.slice(last, found.index)) + outputs.get(found[0]);
			last = found.index + found[0].length;
		}
		return last === 0 ? convert(text) : out + convert(text.slice(last));
	};
}
