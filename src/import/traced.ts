/**
 * Text that remembers where each of its characters came from, so a place
 * found after cleaning (an unsure pinyin, a mixed-script character) is
 * reported at its line and column in the file the editor has open.
 */

/** A text and, per UTF-16 unit, its offset in the received text. */
export interface Traced {
	/** The received text itself. */
	source: string;
	/** The text after the steps so far. */
	text: string;
	/** `origin[i]` is the offset in the received text of `text[i]`; one more entry marks the end. */
	origin: number[];
}

/** The received text, tracing to itself. */
export function trace(raw: string): Traced {
	const origin = new Array<number>(raw.length + 1);
	for (let i = 0; i <= raw.length; i++) origin[i] = i;
	return { source: raw, text: raw, origin };
}

/** One change to a traced text: `text.slice(start, end)` becomes `replacement`. */
export interface Edit {
	/** Offset in the current text where the change starts. */
	start: number;
	/** Offset where it ends (exclusive). */
	end: number;
	/** What the span becomes. */
	replacement: string;
}

/**
 * Apply edits, in order and not overlapping, keeping the trace. A
 * replacement as long as its span keeps the span's origins one by one; any
 * other takes the origin of the span's start.
 *
 * @returns the edited text, and the offset in the received text of each edit
 */
export function editTraced(traced: Traced, edits: readonly Edit[]): { traced: Traced; replaced: number[] } {
	if (edits.length === 0) return { traced, replaced: [] };
	const { text, origin } = traced;
	const out: string[] = [];
	const outOrigin: number[] = [];
	const replaced: number[] = [];
	let last = 0;
	const keep = (from: number, to: number) => {
		out.push(text.slice(from, to));
		for (let i = from; i < to; i++) outOrigin.push(origin[i]!);
	};
	for (const { start, end, replacement } of edits) {
		keep(last, start);
		out.push(replacement);
		for (let i = 0; i < replacement.length; i++) outOrigin.push(replacement.length === end - start ? origin[start + i]! : origin[start]!);
		replaced.push(origin[start]!);
		last = end;
	}
	keep(last, text.length);
	outOrigin.push(origin[text.length]!);
	return { traced: { source: traced.source, text: out.join(''), origin: outOrigin }, replaced };
}

/**
 * `String.replace` with a global pattern, keeping the trace (see
 * `editTraced`). Returning `undefined` keeps the match.
 *
 * @example replaceTraced(trace('a  b'), / +/g, () => ' ').traced.text // 'a b'
 */
export function replaceTraced(
	traced: Traced,
	pattern: RegExp,
	replace: (found: RegExpExecArray, whole: string) => string | undefined,
): { traced: Traced; replaced: number[] } {
	const edits: Edit[] = [];
	for (const found of traced.text.matchAll(pattern) as IterableIterator<RegExpExecArray>) {
		const replacement = replace(found, traced.text);
		if (replacement !== undefined && replacement !== found[0]) edits.push({ start: found.index, end: found.index + found[0].length, replacement });
	}
	return editTraced(traced, edits);
}

/** Line and column (1-based, column in code points) of an offset in a text. */
export interface Place {
	/** 1-based line. */
	line: number;
	/** 1-based column, counted in code points. */
	column: number;
}

/**
 * A function from offsets in `text` to lines and columns, quick for many
 * lookups in a large file.
 */
export function locator(text: string): (offset: number) => Place {
	const starts = [0];
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
	return (offset) => {
		let low = 0;
		let high = starts.length - 1;
		while (low < high) {
			const middle = (low + high + 1) >> 1;
			if (starts[middle]! <= offset) low = middle;
			else high = middle - 1;
		}
		const start = starts[low]!;
		const column = [...text.slice(start, offset)].length + 1;
		return { line: low + 1, column };
	};
}
