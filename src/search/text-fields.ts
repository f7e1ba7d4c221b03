/**
 * What a search result needs to show itself, stored with the text's one
 * Pagefind record (as filters: stored, never searched): its slug, its title
 * in every edition, its paragraphs' ids, where each paragraph starts in the
 * record's folded content, and where each paragraph's element lies in each
 * edition's page, so that the browser fetches only that paragraph (an HTTP
 * range request) in the reader's edition.
 *
 * Written at build (index-build.ts), read in the browser (engine.ts): keep
 * it small and dependency-free.
 */
import { applyEditionDiff, diffEdition } from './edition-diff.ts';

/** A text's display fields as the build knows them. */
export interface TextFieldsSource {
	slug: string;
	/** The title per edition, the default edition first. */
	titles: readonly string[];
	/** Paragraph ids, in order (`p1`…). */
	ids: readonly string[];
	/** Each paragraph's length in folded characters (its share of the record's content). */
	foldedLengths: readonly number[];
	/** Per edition, each paragraph's byte range [start, end) in that edition's page. */
	bytes: readonly (readonly (readonly [number, number])[])[];
}

export type Filters = Record<string, [string]>;

/** `1-5,9,6-8` for p1…p5, p9, p6…p8: ids run in order but for edits. */
function encodeIds(ids: readonly string[]): string {
	const numbers = ids.map((id) => Number(id.slice(1)));
	const runs: string[] = [];
	for (let i = 0; i < numbers.length; ) {
		let j = i;
		while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
		runs.push(j > i ? `${numbers[i]}-${numbers[j]}` : String(numbers[i]));
		i = j + 1;
	}
	return runs.join(',');
}

function decodeIds(encoded: string): string[] {
	return encoded.split(',').flatMap((run) => {
		const [from, to = from] = run.split('-').map(Number) as [number, number?];
		return Array.from({ length: to! - from + 1 }, (_, k) => `p${from + k}`);
	});
}

/** Byte ranges as the first start, then each paragraph's length and the gap to the next. */
function encodeRanges(ranges: readonly (readonly [number, number])[]): string {
	const numbers: number[] = [ranges[0]?.[0] ?? 0];
	ranges.forEach(([start, end], i) => {
		numbers.push(end - start);
		const next = ranges[i + 1];
		if (next) numbers.push(next[0] - end);
	});
	return numbers.join(',');
}

function decodeRanges(encoded: string): [number, number][] {
	const [first = 0, ...rest] = encoded.split(',').map(Number);
	const ranges: [number, number][] = [];
	let at = first;
	for (let i = 0; i < rest.length; i += 2) {
		ranges.push([at, at + rest[i]!]);
		at += rest[i]! + (rest[i + 1] ?? 0);
	}
	return ranges;
}

/** The filters of a text's record. Another edition's ranges are kept as its start alone when its lengths and gaps are the default edition's. */
export function encodeTextFields(text: TextFieldsSource): Filters {
	const [title, ...otherTitles] = text.titles;
	const fields: Filters = { s: [text.slug], t: [title!], i: [encodeIds(text.ids)], b: [text.foldedLengths.join(',')] };
	otherTitles.forEach((other, i) => {
		const diff = diffEdition(title!, other);
		if (diff) fields[`t${i + 1}`] = [diff];
	});
	const [base, ...others] = text.bytes.map(encodeRanges);
	fields.r = [base!];
	others.forEach((ranges, i) => {
		const [start, ...shape] = ranges.split(',');
		fields[`r${i + 1}`] = [shape.join(',') === base!.split(',').slice(1).join(',') ? start! : ranges];
	});
	return fields;
}

/** A text's fields as a result shows it in one edition. */
export interface TextFields {
	slug: string;
	title: string;
	ids: string[];
	/** Where each paragraph starts in the record's folded content; one more entry for the end. */
	starts: number[];
	/** Each paragraph's byte range in this edition's page. */
	ranges: [number, number][];
}

/** Read a record's filters in edition `edition` (its index among the editions). */
export function decodeTextFields(filters: Record<string, string[]>, edition: number): TextFields {
	const field = (key: string) => filters[key]?.[0] ?? '';
	const title = edition === 0 || !filters[`t${edition}`] ? field('t') : applyEditionDiff(field('t'), field(`t${edition}`));
	const starts = [0];
	for (const length of field('b').split(',')) starts.push(starts.at(-1)! + Number(length));
	const base = field('r');
	const own = edition === 0 ? base : field(`r${edition}`) || base;
	const ranges = decodeRanges(own.includes(',') ? own : [own, ...base.split(',').slice(1)].join(','));
	return { slug: field('s'), title, ids: decodeIds(field('i')), starts, ranges };
}

/** The paragraph (its index) holding a position of the folded content. */
export function paragraphAt(fields: Pick<TextFields, 'starts'>, position: number): number {
	let low = 0;
	let high = fields.starts.length - 2;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if (fields.starts[mid]! <= position) low = mid;
		else high = mid - 1;
	}
	return low;
}
