/**
 * URLs written in a text are addresses, not words: no conversion may touch
 * them (`https://zh.wikipedia.org/wiki/网络` must not become …/網絡 in 繁體,
 * a page that may not exist). A URL here starts with a scheme (`https://`,
 * `http://`, `ftp://`, `mailto:`) or `www.`, and runs to the first space,
 * CJK punctuation or quotation mark; ASCII punctuation that ends a sentence
 * after it (`.` `,` `)` …) is not part of it, as in GitHub's autolinks.
 */
import { cutting } from './explain.ts';
import type { Convert } from './opencc.ts';

/** How a URL starts. */
const START = /\b(?:(?:https?|ftp):\/\/|mailto:|www\.)/i;
/** A URL and what may follow it up to the first character that surely ends it. */
const URL_RUN = new RegExp(`${START.source}[^\\s<>"'\`“”‘’「」『』（）《》〈〉【】〔〕，。、；：？！…]+`, 'giu');

/** Trailing characters that end a sentence rather than a URL (a `)` only when unbalanced). */
const TRAILING = /[.,:;!?*_~'"]$/;

/**
 * The URLs in a text, as [start, end) UTF-16 offsets, in order.
 *
 * @example urlSpans('见https://zh.wikipedia.org/wiki/网络。') // [[1, 33]]
 */
export function urlSpans(text: string): [number, number][] {
	const spans: [number, number][] = [];
	for (const match of text.matchAll(URL_RUN)) {
		let url = match[0];
		for (;;) {
			if (TRAILING.test(url)) url = url.slice(0, -1);
			else if (url.endsWith(')') && url.split('(').length < url.split(')').length) url = url.slice(0, -1);
			else break;
		}
		// A scheme with nothing after it is not a URL.
		if (url.length > START.exec(url)![0].length) spans.push([match.index, match.index + url.length]);
	}
	return spans;
}

/** True when the text, spaces aside, is one URL. */
export function isUrl(text: string): boolean {
	const trimmed = text.trim();
	const [first, ...more] = urlSpans(trimmed);
	return first !== undefined && more.length === 0 && first[0] === 0 && first[1] === trimmed.length;
}

/**
 * A converter that leaves every URL in its input as written and converts
 * the text between them (and explains it so, if the converter explains).
 *
 * @example keepUrls(cn2tw)('网络：https://zh.wikipedia.org/wiki/网络') // '網絡：https://zh.wikipedia.org/wiki/网络'
 */
export function keepUrls(convert: Convert): Convert {
	return cutting(convert, (text) => urlSpans(text).map(([from, to]) => ({ from, to, output: text.slice(from, to) })));
}
