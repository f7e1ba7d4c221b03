/**
 * Where a quote stands in a text, from the positions of a few of its
 * characters, and how closely a paragraph holds it: the pure part of the
 * search the browser runs (engine.ts). Shipped to the browser: keep it small
 * and dependency-free.
 *
 * Positions are places in a text's record: its paragraphs' folded
 * characters one after another (index-build.ts), so a quote running across
 * paragraphs still stands in a row.
 */
import type { Key } from './plan.ts';

/** Where each character looked up stands in each text: character → text → positions. */
export type Positions = ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<number>>>;

/**
 * Every place in text `id` where `quote` may start: where each of its
 * characters that was looked up stands where the quote has it (all of them
 * looked up: where the quote stands). `anchor` is a looked-up character of
 * the quote, the rarest, whose positions are walked.
 */
export function startsIn(quote: readonly string[], positions: Positions, anchor: Key, id: string): number[] {
	const checks: [number, ReadonlySet<number>][] = [];
	quote.forEach((char, offset) => {
		const set = positions.get(char)?.get(id);
		if (positions.has(char)) checks.push([offset, set ?? new Set()]);
	});
	const starts: number[] = [];
	for (const at of positions.get(anchor.char)?.get(id) ?? []) {
		const start = at - anchor.offset;
		if (start >= 0 && checks.every(([offset, set]) => set.has(start + offset))) starts.push(start);
	}
	return starts.sort((a, b) => a - b);
}

/** A text as the index answers a query: its id, and where the words asked for stand in it. */
export interface Answer {
	id: string;
	words: readonly number[];
}

/**
 * The code of each of `count` characters: the queries it is asked in (bit b
 * set: in query b). The first (the rarest) is in every query, so each
 * answer is no longer than the texts holding it; every other has a code of
 * its own.
 */
function codes(count: number): number[] {
	const every = 2 ** queryCount(count) - 1;
	return Array.from({ length: count }, (_, i) => (i === 0 ? every : i));
}

/** How many queries tell `count` characters apart. */
const queryCount = (count: number) => Math.max(1, Math.ceil(Math.log2(count + 1)));

/**
 * The queries that tell where each of some characters (rarest first) stands:
 * about log₂ of their number, each asking for several at once. The index
 * answers a query of several characters with the texts holding them all and
 * where any of them stands, not which; a place holds one character, and the
 * queries whose answers hold a place tell which (positionsFrom).
 *
 * @example keyQueries(['郑', '伯', '克']) // [['郑', '伯'], ['郑', '克']]
 */
export function keyQueries(chars: readonly string[]): string[][] {
	const code = codes(chars.length);
	return Array.from({ length: queryCount(chars.length) }, (_, bit) => chars.filter((_, i) => code[i]! & (1 << bit)));
}

/**
 * Where each of some characters stands in each text holding them all, from
 * the index's answers to keyQueries(chars), in order; and those texts as the
 * first answer gives them, in its order. Pagefind leaves a character no text
 * holds out of a query: it then has no places, and no text holds the quote
 * whole.
 */
export function positionsFrom<T extends Answer>(chars: readonly string[], answers: readonly (readonly T[])[]): { positions: Positions; texts: T[] } {
	// A text in every answer holds every character: each is in some query.
	const inEvery = answers.slice(1).map((answer) => new Set(answer.map(({ id }) => id)));
	const texts = (answers[0] ?? []).filter(({ id }) => inEvery.every((ids) => ids.has(id)));
	/** Per text, each place's code: the queries whose answers hold it. */
	const codeAt = new Map(texts.map(({ id }) => [id, new Map<number, number>()]));
	answers.forEach((answer, bit) => {
		for (const { id, words } of answer) {
			const places = codeAt.get(id);
			if (places) for (const word of words) places.set(word, (places.get(word) ?? 0) | (1 << bit));
		}
	});
	const code = codes(chars.length);
	const byCode = new Map(code.map((c, i) => [c, chars[i]!]));
	const positions = new Map(chars.map((char) => [char, new Map(texts.map(({ id }) => [id, new Set<number>()]))]));
	for (const [id, places] of codeAt) {
		for (const [word, c] of places) {
			const char = byCode.get(c);
			// Every place is one of a character asked for, so it has a character's code.
			if (char !== undefined) positions.get(char)!.get(id)!.add(word);
		}
	}
	return { positions, texts };
}

/**
 * For a quote with a slip (a wrong, missing or extra character): places in
 * text `id` where at least two of the keys stand as they do in the quote,
 * with how many do. One slip leaves two of three keys on one side of it,
 * still in place relative to each other; the start may be off by one there.
 */
export function looseStartsIn(keys: readonly Key[], positions: Positions, id: string): Map<number, number> {
	const found = new Map<number, number>();
	keys.forEach((a, i) => {
		for (const b of keys.slice(i + 1)) {
			const bAt = positions.get(b.char)?.get(id);
			if (!bAt) continue;
			for (const at of positions.get(a.char)?.get(id) ?? []) {
				for (const shift of [0, -1, 1]) {
					if (!bAt.has(at + b.offset - a.offset + shift)) continue;
					const start = Math.max(0, at - a.offset);
					found.set(start, Math.max(found.get(start) ?? 0, 2));
				}
			}
		}
	});
	// Where all keys stand as in the quote, three agree.
	if (keys.length >= 3) {
		for (const start of found.keys()) {
			if (keys.every((key) => positions.get(key.char)?.get(id)?.has(start + key.offset))) found.set(start, keys.length);
		}
	}
	return found;
}

/** The paragraphs (first and last index) covering [start, end) of a text's content; `starts` as in text-fields.ts. */
export function paragraphsCovering(starts: readonly number[], start: number, end: number): [number, number] {
	const at = (position: number) => {
		let low = 0;
		let high = starts.length - 2;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (starts[mid]! <= position) low = mid;
			else high = mid - 1;
		}
		return low;
	};
	return [at(start), at(Math.max(start, end - 1))];
}

/** The longest run `a` and `b` share: [start in a, start in b, length]. */
function longestShared(a: readonly string[], b: readonly string[], [aFrom, aTo]: [number, number], [bFrom, bTo]: [number, number]): [number, number, number] {
	let best: [number, number, number] = [aFrom, bFrom, 0];
	let previous = new Uint16Array(bTo - bFrom + 1);
	let row = new Uint16Array(bTo - bFrom + 1);
	for (let i = aFrom; i < aTo; i++) {
		for (let j = bFrom; j < bTo; j++) {
			const k = j - bFrom + 1;
			row[k] = a[i] === b[j] ? previous[k - 1]! + 1 : 0;
			if (row[k]! > best[2]) best = [i - row[k]! + 1, j - row[k]! + 1, row[k]!];
		}
		[previous, row] = [row, previous];
		row.fill(0);
	}
	return best;
}

/**
 * The runs `a` and `b` share, in order in both, found longest first
 * (Ratcliff–Obershelp): what of a quote a paragraph holds, around its slips.
 * Runs shorter than `min` are left out. Each is [start in a, start in b, length].
 *
 * @example sharedRuns([...'千军易得一将难球'], [...'千军易得一将难求']) // [[0, 0, 7]]
 */
export function sharedRuns(a: readonly string[], b: readonly string[], min = 2): [number, number, number][] {
	const runs: [number, number, number][] = [];
	const visit = (aRange: [number, number], bRange: [number, number]) => {
		if (aRange[1] - aRange[0] < min || bRange[1] - bRange[0] < min) return;
		const [i, j, length] = longestShared(a, b, aRange, bRange);
		if (length < min) return;
		visit([aRange[0], i], [bRange[0], j]);
		runs.push([i, j, length]);
		visit([i + length, aRange[1]], [j + length, bRange[1]]);
	};
	visit([0, a.length], [0, b.length]);
	return runs;
}

/** Every start of `needle` in `haystack` (arrays of characters). */
export function runsOf(haystack: readonly string[], needle: readonly string[]): number[] {
	const found: number[] = [];
	outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
		for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
		found.push(i);
	}
	return found;
}
