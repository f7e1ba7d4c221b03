/**
 * OpenCC's conversion with one rule changed: a dictionary phrase may not end
 * inside a word. Build time only (the browser never converts: it folds).
 *
 * OpenCC converts by forward maximum matching over raw characters: at each
 * place it takes the longest phrase of its dictionary that starts there. A
 * phrase can then straddle two words and steal the first character of the
 * next one: 动乱发生 becomes 動亂**髮**生 (乱发, "messy hair", wins over 动乱 +
 * 发生), 同日并发布 becomes …**併**發布. Here a real segmenter
 * (`Intl.Segmenter`, ICU's dictionary) finds the words first, and a phrase
 * match is accepted only where it ends on a word boundary or lies inside one
 * word (理发 in 理发店). A phrase covering several whole words (诗云 → 詩云)
 * is kept, and so is a phrase that begins inside a word and ends on a
 * boundary: the segmenter splits numerals, names and classical words finer
 * than OpenCC's phrases do (三十|里 against OpenCC's 十里, 子|游, 不|谷), and
 * on the Zuo Zhuan those phrases were right far more often than not
 * (README, "Conversion"). A few cited phrases that ICU's dictionary lacks
 * are accepted wherever they match (`SEGMENTER_MISSES`).
 *
 * Everything else is OpenCC's, as opencc-js runs it: the same dictionaries,
 * the same chain of dictionary groups, the same segmentation step (each
 * segment converted through the chain on its own) and the same handling of
 * ideographic description sequences.
 */
import type { Trie } from 'opencc-js/core';

/** A node of opencc-js's trie: children by code point, and the replacement if a phrase ends here. */
type TrieNode = Map<number, TrieNode> & { trie_val?: string };

const rootOf = (trie: Trie) => (trie as unknown as { map: TrieNode }).map;

/** One conversion as OpenCC configures it (data/config/*.json). */
export interface Pipeline {
	/** The names of each stage's dictionaries (OpenCC's: `STPhrases`, `STCharacters`), for explanations (src/convert/explain.ts). */
	dictionaries?: readonly (readonly string[])[];
	/** Character tables applied to the whole text first (CJK compatibility ideographs). */
	normalization: readonly Trie[];
	/** The dictionary that cuts the text into segments before conversion, if the config has one. */
	segmentation: Trie | undefined;
	/**
	 * True when the chain's first stage begins with the segmentation's
	 * dictionaries (OpenCC's s2* configs): its phrases are the segmentation's,
	 * so one pass cuts and converts.
	 */
	firstStageCuts: boolean;
	/** The conversion chain: each segment goes through every stage in turn. */
	chain: readonly Trie[];
}

/**
 * What finds the words: `Intl.Segmenter` or anything shaped like it (the
 * segmenter benchmark plugs in jieba this way).
 */
export interface WordSegmenter {
	segment(text: string): Iterable<{ index: number }>;
}

/** One segmenter per process: creating one loads ICU's dictionary. */
let icu: Intl.Segmenter | undefined;
const icuWords = (): WordSegmenter => (icu ??= new Intl.Segmenter('zh', { granularity: 'word' }));

/**
 * OpenCC phrases that are words though ICU's dictionary lacks them and cuts
 * them where they stand: accepted wherever they match, as plain OpenCC
 * accepts them. Each is here because a cited case needs it, and only where
 * the phrase is a word far more often than a chance meeting of two.
 * - 周线 (a weekly line, 周线图 → 週線圖): OpenCC's own test case_065
 *   (tests/fixtures/opencc/testcases.json); ICU reads 周|线图.
 * - 不谷 (不穀, a king's "I"): 16 times in the Zuo Zhuan
 *   (bench/zuozhuan.txt:4181 不谷之过也); ICU reads 不|谷之 there.
 */
const SEGMENTER_MISSES: ReadonlySet<string> = new Set(['周线', '不谷']);

/** UTF-16 units that always separate words (spaces, punctuation), as a table: 1 = separator. */
const SEPARATORS = new Uint8Array(0x10000);
for (let code = 0; code < 0x10000; code++) if (/[\s\p{P}]/u.test(String.fromCharCode(code))) SEPARATORS[code] = 1;
const separates = (text: string, at: number) => SEPARATORS[text.charCodeAt(at)] === 1;

/** Runs whose cuts are kept, per segmenter; past this the oldest is dropped. */
const SEGMENTED_RUNS = 1_024;
const segmented = new WeakMap<WordSegmenter, Map<string, readonly number[]>>();

/**
 * Where the words of a run start, as `segmenter` cuts it. A text is
 * converted four times in a build (two editions, and each explained for the
 * compare page), each time asking about the same runs: they are segmented
 * once and kept while the next texts are converted.
 */
function wordStarts(segmenter: WordSegmenter, run: string): readonly number[] {
	let runs = segmented.get(segmenter);
	if (!runs) segmented.set(segmenter, (runs = new Map()));
	let starts = runs.get(run);
	if (!starts) {
		starts = Array.from(segmenter.segment(run), (word) => word.index);
		// The oldest run goes first (a Map keeps the order it was filled in).
		if (runs.size >= SEGMENTED_RUNS) runs.delete(runs.keys().next().value!);
		runs.set(run, starts);
	}
	return starts;
}

/**
 * The words of one text. The segmenter runs only where a phrase match needs
 * an answer, and only on the run of text between two separators around it
 * (ICU segments Chinese run by run anyway): most of a text is never asked
 * about. Asking ICU about one offset (`Segments.containing`) costs about as
 * much as segmenting the whole run, so each run is segmented once, whole
 * (and kept a while: `wordStarts`).
 */
class Words {
	readonly #text: string;
	readonly #segmenter: WordSegmenter;
	/** 1 where a word starts or ends, in runs already segmented. */
	#boundaries: Uint8Array | undefined;
	/** 1 at every offset of a run already segmented. */
	#known: Uint8Array | undefined;

	constructor(text: string, segmenter: WordSegmenter) {
		this.#text = text;
		this.#segmenter = segmenter;
	}

	#separatesAt(offset: number): boolean {
		return offset <= 0 || offset >= this.#text.length || separates(this.#text, offset) || separates(this.#text, offset - 1);
	}

	/** True when a word starts or ends at `offset`. */
	#isBoundary(offset: number): boolean {
		if (this.#separatesAt(offset)) return true;
		if (!this.#known?.[offset]) this.#segmentRunAt(offset);
		return this.#boundaries![offset] === 1;
	}

	/** Segment the run of non-separators around `offset`. */
	#segmentRunAt(offset: number): void {
		const text = this.#text;
		this.#boundaries ??= new Uint8Array(text.length + 1);
		this.#known ??= new Uint8Array(text.length + 1);
		let start = offset;
		while (start > 0 && !separates(text, start - 1)) start--;
		let end = offset;
		while (end < text.length && !separates(text, end)) end++;
		for (const index of wordStarts(this.#segmenter, text.slice(start, end))) this.#boundaries[start + index] = 1;
		this.#known.fill(1, start, end + 1);
	}

	/**
	 * May a phrase cover [start, end)? Yes if it ends on a word boundary, if
	 * it lies inside one word, or if it is a word the segmenter misses.
	 */
	allows(start: number, end: number): boolean {
		if (this.#isBoundary(end) || SEGMENTER_MISSES.has(this.#text.slice(start, end))) return true;
		for (let k = end - 1; k > start; k--) if (this.#isBoundary(k)) return false;
		return true;
	}
}

/** Reused between calls: the candidate phrases found at one place. */
const candidateEnds: number[] = [];
const candidateValues: string[] = [];
/** The replacement of the last `longestMatch`. */
let matched = '';

/**
 * Told of every dictionary entry a stage of the chain applies, as it is
 * applied: [from, to) of the stage's `input` became `value`, at `outFrom` of
 * the stage's output. Only an explanation listens (src/convert/explain.ts);
 * the site's conversion passes none, and the matching is the same either way.
 */
export type OnMatch = (stage: number, input: string, from: number, to: number, value: string, outFrom: number) => void;

/**
 * Where the longest acceptable phrase starting at `at` ends (0 if none); its
 * replacement is left in `matched`. Single characters are always
 * acceptable. `words` (absent: accept every phrase) is asked in its own
 * offsets, `shift` more than this text's. `whole`: [at, to) is itself one
 * accepted match, so the phrase covering all of it needs no second look.
 * `reading`: the trie whose single characters say how the text reads
 * without the phrase (see `refusalChangesNothing`).
 */
function longestMatch(root: TrieNode, reading: TrieNode | undefined, text: string, at: number, to: number, words: Words | undefined, shift: number, whole: boolean): number {
	let node: TrieNode | undefined = root;
	let count = 0;
	for (let j = at; j < to; ) {
		const code = text.codePointAt(j)!;
		j += code > 0xffff ? 2 : 1;
		node = node.get(code);
		if (!node) break;
		if (node.trie_val !== undefined) {
			candidateEnds[count] = j;
			candidateValues[count++] = node.trie_val;
		}
	}
	const single = at + widthAt(text, at);
	for (let k = count - 1; k >= 0; k--) {
		const end = candidateEnds[k]!;
		const value = candidateValues[k]!;
		if (
			end === single ||
			!words ||
			(whole && end === to) ||
			(reading && refusalChangesNothing(root, reading, text, at, end, value, k)) ||
			words.allows(at + shift, end + shift)
		) {
			matched = value;
			return end;
		}
	}
	return 0;
}

/**
 * True when refusing the phrase [at, end) (candidate `index` at `at`, the
 * longer ones refused already) could not change the conversion: the phrase
 * reads as its characters do one by one in `reading`, and no other phrase of
 * `root` starts inside it, so without it the same characters come out and
 * matching goes on from `end` as before. Most phrases are such (公子 → 公子), and the
 * segmenter, which costs more than the matching, is not asked about them.
 * (Where the pass also cuts segments, a phrase kept this way keeps its
 * segment's edges, which only a regional variant phrase of the next stage
 * could notice: on the corpus and the test sets the output is the same.)
 */
function refusalChangesNothing(root: TrieNode, reading: TrieNode, text: string, at: number, end: number, value: string, index: number): boolean {
	// A shorter phrase at `at` would be taken instead.
	for (let k = 0; k < index; k++) if (candidateEnds[k]! - at > widthAt(text, at)) return false;
	let read = 0;
	for (let i = at; i < end; ) {
		const code = text.codePointAt(i)!;
		const one = reading.get(code)?.trie_val ?? String.fromCodePoint(code);
		if (!value.startsWith(one, read)) return false;
		read += one.length;
		i += code > 0xffff ? 2 : 1;
		// A phrase starting inside this one could be taken instead.
		if (i < end && startsPhrase(root, text, i)) return false;
	}
	return read === value.length;
}

/** True when a phrase of two or more characters of `root` matches at `at`. */
function startsPhrase(root: TrieNode, text: string, at: number): boolean {
	let node: TrieNode | undefined = root;
	let length = 0;
	for (let j = at; j < text.length; ) {
		const code = text.codePointAt(j)!;
		j += code > 0xffff ? 2 : 1;
		node = node.get(code);
		if (!node) return false;
		if (++length >= 2 && node.trie_val !== undefined) return true;
	}
	return false;
}

/** Ideographic description characters and how many components each takes (⿰ 2, ⿲ 3). */
function idsArity(code: number): number {
	if (code >= 0x2ff0 && code <= 0x2ff1) return 2;
	if (code >= 0x2ff2 && code <= 0x2ff3) return 3;
	if (code >= 0x2ff4 && code <= 0x2fff) return 2;
	return 0;
}

/** The width in UTF-16 units of the code point at `at`. */
const widthAt = (text: string, at: number) => (text.codePointAt(at)! > 0xffff ? 2 : 1);

/** Where the ideographic description sequence starting at `at` ends, 0 if none starts there. */
function sequenceEnd(text: string, at: number): number {
	const arity = idsArity(text.codePointAt(at)!);
	if (arity === 0) return 0;
	let end = at + widthAt(text, at);
	for (let n = 0; n < arity; n++) {
		if (end >= text.length) return 0;
		end = sequenceEnd(text, end) || end + widthAt(text, end);
	}
	return end;
}

/**
 * How far to step over text no phrase matches: one code point, or a whole
 * ideographic description sequence (⿰氵可), which opencc-js keeps intact.
 */
function unmatchedLength(text: string, at: number): number {
	const code = text.charCodeAt(at);
	if (code < 0x2ff0 || code > 0x2fff) return widthAt(text, at);
	const end = sequenceEnd(text, at);
	return end > at ? end - at : 1;
}

/** Segments of a text. OpenCC converts each on its own: no phrase crosses an edge. */
interface Segments {
	/** Where each segment starts in the current text, and the text's length last. */
	edges: number[];
	/** The same places in the text the segmenter saw (they differ once a stage changed a length). */
	origins: number[];
	/** For each segment: it is one accepted phrase. */
	phrases: boolean[];
}

/**
 * Cut `text` as OpenCC's segmentation does (each accepted phrase of `root`
 * a segment, each run of text between two of them another) and convert it
 * with `root` in the same pass. `reading`: see `longestMatch`.
 */
function cutAndConvert(root: TrieNode, reading: TrieNode | undefined, text: string, words: Words, onMatch?: OnMatch): { text: string; segments: Segments } {
	const edges = [0];
	const origins = [0];
	const phrases: boolean[] = [];
	let out = '';
	/** Start of text kept as it is and not yet copied to `out`. */
	let kept = -1;
	let inRun = false;
	for (let i = 0; i < text.length; ) {
		const end = longestMatch(root, reading, text, i, text.length, words, 0, false);
		if (end > 0 && kept >= 0) {
			out += text.slice(kept, i);
			kept = -1;
		}
		if (end > 0 && end > i + widthAt(text, i)) {
			// A phrase: close the run before it, and make it a segment.
			if (inRun) {
				edges.push(out.length);
				origins.push(i);
				phrases.push(false);
				inRun = false;
			}
			out += matched;
			onMatch?.(0, text, i, end, matched, out.length - matched.length);
			edges.push(out.length);
			origins.push(end);
			phrases.push(true);
			i = end;
			continue;
		}
		inRun = true;
		if (end > 0) {
			out += matched;
			onMatch?.(0, text, i, end, matched, out.length - matched.length);
			i = end;
		} else {
			if (kept < 0) kept = i;
			i += unmatchedLength(text, i);
		}
	}
	if (kept >= 0) out += text.slice(kept);
	if (inRun) {
		edges.push(out.length);
		origins.push(text.length);
		phrases.push(false);
	}
	return { text: out, segments: { edges, origins, phrases } };
}

/**
 * Convert each segment of `text` with one stage of the chain. Offsets in a
 * segment map to the segmenter's text as long as the segment kept its
 * length (one-to-one characters); a segment that did not counts as one word.
 */
function convertSegments(root: TrieNode, text: string, words: Words, segments: Segments, stage: number, onMatch?: OnMatch): { text: string; segments: Segments } {
	const { edges, origins, phrases } = segments;
	const next = [0];
	let out = '';
	for (let s = 0; s < phrases.length; s++) {
		const start = edges[s]!;
		const end = edges[s + 1]!;
		const aligned = end - start === origins[s + 1]! - origins[s]!;
		let kept = -1;
		for (let i = start; i < end; ) {
			const to = longestMatch(root, root, text, i, end, aligned ? words : undefined, origins[s]! - start, phrases[s]! && i === start);
			if (to > 0) {
				if (kept >= 0) out += text.slice(kept, i);
				kept = -1;
				out += matched;
				onMatch?.(stage, text, i, to, matched, out.length - matched.length);
				i = to;
			} else {
				if (kept < 0) kept = i;
				i += unmatchedLength(text, i);
			}
		}
		if (kept >= 0) out += text.slice(kept, end);
		next.push(out.length);
	}
	return { text: out, segments: { edges: next, origins, phrases } };
}

/**
 * Convert `input` through a pipeline, telling `onMatch` (if any) of every
 * entry applied. The one implementation of the conversion: the site's
 * converter and its explanation both run it.
 */
function run(pipeline: Pipeline, roots: readonly TrieNode[], segmenter: WordSegmenter, input: string, onMatch?: OnMatch): string {
	const { normalization, segmentation, firstStageCuts } = pipeline;
	const later = firstStageCuts ? 1 : 0;
	let text = input;
	for (const trie of normalization) text = trie.convert(text);
	const words = new Words(text, segmenter);
	let segments: Segments;
	if (firstStageCuts) {
		({ text, segments } = cutAndConvert(roots[0]!, roots[0], text, words, onMatch));
	} else if (segmentation) {
		// Only the cut is kept; the chain converts the text as it was.
		const { origins, phrases } = cutAndConvert(rootOf(segmentation), undefined, text, words).segments;
		segments = { edges: origins, origins, phrases };
	} else {
		segments = { edges: [0, text.length], origins: [0, text.length], phrases: text ? [false] : [] };
	}
	for (let stage = later; stage < roots.length; stage++) ({ text, segments } = convertSegments(roots[stage]!, text, words, segments, stage, onMatch));
	return text;
}

/**
 * The converter for one pipeline. Each call segments its text afresh, so
 * convert a whole block at once (a paragraph), never word by word.
 */
export function wordBoundedConverter(pipeline: Pipeline, segmenter: WordSegmenter = icuWords()): (text: string) => string {
	const roots = pipeline.chain.map(rootOf);
	return (input) => run(pipeline, roots, segmenter, input);
}

/**
 * The same converter, telling `onMatch` of every entry it applies. The text
 * it is given is first normalised (`normalize`, CJK compatibility
 * ideographs), and the matches are places in the normalised text.
 */
export function tracingConverter(pipeline: Pipeline, segmenter: WordSegmenter = icuWords()): { normalize: (text: string) => string; convert: (text: string, onMatch: OnMatch) => string } {
	const roots = pipeline.chain.map(rootOf);
	const unnormalized: Pipeline = { ...pipeline, normalization: [] };
	return {
		normalize: (text) => pipeline.normalization.reduce((out, trie) => trie.convert(out), text),
		convert: (text, onMatch) => run(unnormalized, roots, segmenter, text, onMatch),
	};
}
