/**
 * The script fold shared by the index (at build) and the query (in the
 * browser): both sides must use the very same function, not a perfect one
 * (research/search.md). Folding drops punctuation and spaces, applies NFKC
 * (full-width → ASCII), lower-cases, and maps each character through a table
 * that sends every traditional or variant form to one representative.
 *
 * This module is shipped to the browser: keep it small and dependency-free.
 */

/** Character → representative. Characters absent from the table fold to themselves. */
export type FoldTable = ReadonlyMap<string, string>;

/** A folded text and, for each folded character, its index among the original's code points. */
export interface Folded {
	chars: string[];
	/** `origin[i]` is the code-point index in the original text of `chars[i]`. */
	origin: number[];
}

const KEEP = /[\p{L}\p{N}]/u;

/** CJK Unified Ideographs and Extension A: letters that NFKC and lower-casing leave alone. */
const isPlainHan = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);

export function fold(text: string, table: FoldTable): Folded {
	const chars: string[] = [];
	const origin: number[] = [];
	let index = 0;
	for (const char of text) {
		if (isPlainHan(char.codePointAt(0)!)) {
			chars.push(table.get(char) ?? char);
			origin.push(index++);
			continue;
		}
		for (const part of char.normalize('NFKC').toLowerCase()) {
			if (KEEP.test(part)) {
				chars.push(table.get(part) ?? part);
				origin.push(index);
			}
		}
		index++;
	}
	return { chars, origin };
}

/**
 * The search content of a folded text: its characters, one token each, so a
 * quote is found by a quoted (exact, consecutive) Pagefind search for its
 * folded characters. Single-character tokens pass through Pagefind's query
 * handling (and the browser's word segmenter) unchanged, whatever the page's
 * language.
 *
 * @example searchContent(['网', '络']) // '网 络'
 */
export const searchContent = (chars: readonly string[]) => chars.join(' ');

/** Parse the compact table shipped to the browser: a string of key/value code-point pairs. */
export function parseFoldTable(pairs: string): FoldTable {
	const table = new Map<string, string>();
	const points = Array.from(pairs);
	for (let i = 0; i + 1 < points.length; i += 2) table.set(points[i]!, points[i + 1]!);
	return table;
}

/** The inverse of `parseFoldTable`. */
export const serializeFoldTable = (table: FoldTable) => [...table].map(([key, value]) => key + value).join('');
