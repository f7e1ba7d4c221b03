/**
 * The quote search as the browser runs it, on Pagefind's JS API: fold the
 * query like the index, find the paragraphs holding it exactly (a quoted
 * Pagefind search: its characters at consecutive positions), then looser
 * matches. Loaded on first use only.
 */
import { EDITIONS } from '../editions.ts';
import { applyEditionDiff } from './edition-diff.ts';
import { fold, parseFoldTable, searchContent, type FoldTable } from './fold.ts';

/** Longest folded query searched; a longer one is checked against the paragraph text. */
const MAX_QUERY_CHARS = 40;
/** Longest raw query read at all: a pasted book is cut, not hung on. */
const MAX_INPUT = 2_000;

interface PagefindResult {
	id: string;
	score: number;
	data: () => Promise<{ filters: Record<string, string[]> }>;
}
interface PagefindApi {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(term: string): Promise<{ results: PagefindResult[] } | null>;
}

export interface Hit {
	slug: string;
	/** The paragraph's place in the text (1-based), as readers count. */
	n: number;
	title: string;
	/** The paragraph in the reader's edition. */
	text: string;
	/** Code-point ranges of `text` to highlight, [start, end). */
	marks: [number, number][];
	exact: boolean;
	/** `/<edition>/<slug>/?hl=…#pN` */
	url: string;
}

export interface SearchOutcome {
	/** The query folded: what was searched for. Empty when nothing searchable was typed. */
	folded: string;
	hits: Hit[];
}

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
let engine: Promise<{ pagefind: PagefindApi; table: FoldTable }> | undefined;

/** Load Pagefind and the fold table, once. */
export function loadEngine() {
	engine ??= (async () => {
		const [pagefind, table] = await Promise.all([
			import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<PagefindApi>,
			fetch(`${base}pagefind/fold.txt`).then(async (response) => {
				if (!response.ok) throw new Error(`fold table: HTTP ${response.status}`);
				return parseFoldTable(await response.text());
			}),
		]);
		await pagefind.options({ noWorker: true, excerptLength: 0 });
		await pagefind.init();
		return { pagefind, table };
	})();
	engine.catch(() => (engine = undefined));
	return engine;
}

/** Where `needle` first occurs in `haystack` (arrays of characters), or -1. */
function indexOfRun(haystack: readonly string[], needle: readonly string[]): number {
	outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
		for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
		return i;
	}
	return -1;
}

/** Ranges sorted, with overlapping and touching ones joined. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
	const merged: [number, number][] = [];
	for (const range of [...ranges].sort((a, b) => a[0] - b[0])) {
		const last = merged.at(-1);
		if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
		else merged.push([...range]);
	}
	return merged;
}

/**
 * Windows of half the query (rounded up) at its start, a quarter in, and its
 * end: a quote with one wrong or missing character still has one window
 * free of it.
 */
function halves(chars: readonly string[]): string[][] {
	const size = Math.ceil(chars.length / 2);
	const starts = [...new Set([0, Math.floor(chars.length / 4), chars.length - size])];
	return starts.map((start) => chars.slice(start, start + size));
}

interface Candidate {
	result: PagefindResult;
	/** The folded runs of characters found in the paragraph, to mark. */
	needles: (readonly string[])[];
	exact: boolean;
}

/**
 * Search for a quote. Paragraphs holding the whole quote (after folding
 * script, punctuation and spaces) are exact matches. When there is none, for
 * a half-remembered quote, looser matches are paragraphs holding at least
 * half of it unbroken (a quoted search for each half).
 */
export async function searchQuote(query: string, editionLang: string, limit = 10): Promise<SearchOutcome> {
	const { pagefind, table } = await loadEngine();
	const all = fold(query.slice(0, MAX_INPUT), table).chars;
	const folded = all.join('');
	if (all.length === 0) return { folded, hits: [] };
	const searched = all.slice(0, MAX_QUERY_CHARS);
	let candidates: Candidate[] = ((await pagefind.search(`"${searchContent(searched)}"`))?.results ?? []).map((result) => ({
		result,
		needles: [all],
		exact: true,
	}));
	if (candidates.length === 0 && searched.length >= 4) {
		const byId = new Map<string, Candidate>();
		for (const half of halves(searched)) {
			for (const result of (await pagefind.search(`"${searchContent(half)}"`))?.results ?? []) {
				const found = byId.get(result.id);
				if (found) found.needles.push(half);
				else byId.set(result.id, { result, needles: [half], exact: false });
			}
		}
		// Paragraphs holding more of the quote first.
		candidates = [...byId.values()].sort((a, b) => b.needles.length - a.needles.length);
	}
	candidates = candidates.slice(0, limit);

	const editionIndex = Math.max(0, EDITIONS.findIndex((edition) => edition.lang === editionLang));
	const edition = EDITIONS[editionIndex]!;
	// Each result's fields come in its own small file: fetch them side by side.
	const fetched = await Promise.all(candidates.map(async (candidate) => ({ ...candidate, fields: (await candidate.result.data()).filters })));
	const hits: Hit[] = [];
	for (const { fields, needles, exact } of fetched) {
		// The record's fields are kept as filters (see src/search/index-build.ts).
		const field = (key: string) => fields[key]?.[0] ?? '';
		const inEdition = (key: string) => (editionIndex === 0 ? field(key) : applyEditionDiff(field(key), field(`${key}${editionIndex}`)));
		const text = inEdition('x');
		const shown = fold(text, table);
		const marks = mergeRanges(
			needles.flatMap((needle): [number, number][] => {
				const at = indexOfRun(shown.chars, needle);
				return at < 0 ? [] : [[shown.origin[at]!, shown.origin[at + needle.length - 1]! + 1]];
			}),
		);
		// A query longer than the searched prefix must still occur whole.
		const [first] = marks;
		if (!first) continue;
		const slug = field('s');
		hits.push({
			slug,
			n: Number(field('n')),
			title: inEdition('t'),
			text,
			marks,
			exact,
			url: `${base}${edition.path}/${slug}/?hl=${first[0]}-${first[1]}#${field('i')}`,
		});
	}
	return { folded, hits };
}
