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
	words: number[];
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

/** Runs of consecutive token positions, longest first. */
function runs(positions: readonly number[]): [number, number][] {
	const sorted = [...new Set(positions)].sort((a, b) => a - b);
	const found: [number, number][] = [];
	for (const position of sorted) {
		const last = found.at(-1);
		if (last && position === last[1] + 1) last[1] = position;
		else found.push([position, position]);
	}
	return found.sort((a, b) => b[1] - b[0] - (a[1] - a[0]));
}

/**
 * Search for a quote. Exact matches (after folding script, punctuation and
 * spaces) come first; looser ones, which share at least half of the query's
 * character pairs, after.
 */
export async function searchQuote(query: string, editionLang: string, limit = 10): Promise<SearchOutcome> {
	const { pagefind, table } = await loadEngine();
	const all = fold(query.slice(0, MAX_INPUT), table).chars;
	const folded = all.join('');
	if (all.length === 0) return { folded, hits: [] };
	const searched = searchContent(all.slice(0, MAX_QUERY_CHARS));
	const exact = (await pagefind.search(`"${searched}"`))?.results ?? [];
	const exactIds = new Set(exact.map((result) => result.id));
	let loose: PagefindResult[] = [];
	if (all.length > 2) {
		// A looser match holds at least half the query as one unbroken run.
		const needed = Math.max(2, Math.ceil(Math.min(all.length, MAX_QUERY_CHARS) / 2));
		loose = ((await pagefind.search(searched))?.results ?? [])
			.map((result) => ({ result, run: runs(result.words)[0] }))
			.filter(({ result, run }) => !exactIds.has(result.id) && run !== undefined && run[1] - run[0] + 1 >= needed)
			.sort((a, b) => b.run![1] - b.run![0] - (a.run![1] - a.run![0]) || b.result.score - a.result.score)
			.map(({ result }) => result);
	}

	const editionIndex = Math.max(0, EDITIONS.findIndex((edition) => edition.lang === editionLang));
	const edition = EDITIONS[editionIndex]!;
	const hits: Hit[] = [];
	for (const [results, isExact] of [[exact, true], [loose, false]] as const) {
		for (const result of results) {
			if (hits.length >= limit) break;
			// The record's fields are kept as filters (see src/search/index-build.ts).
			const fields = (await result.data()).filters;
			const field = (key: string) => fields[key]?.[0] ?? '';
			const inEdition = (key: string) => (editionIndex === 0 ? field(key) : applyEditionDiff(field(key), field(`${key}${editionIndex}`)));
			const text = inEdition('x');
			const shown = fold(text, table);
			let marks: [number, number][];
			if (isExact) {
				const at = indexOfRun(shown.chars, all);
				// A query longer than the searched prefix must still occur whole.
				if (at < 0) continue;
				marks = [[shown.origin[at]!, shown.origin[at + all.length - 1]! + 1]];
			} else {
				marks = runs(result.words)
					.filter(([start, end]) => end - start >= 1 && end < shown.origin.length)
					.map(([start, end]): [number, number] => [shown.origin[start]!, shown.origin[end]! + 1]);
			}
			const [first] = marks;
			const hl = first ? `?hl=${first[0]}-${first[1]}` : '';
			const slug = field('s');
			hits.push({
				slug,
				n: Number(field('n')),
				title: inEdition('t'),
				text,
				marks: marks.sort((a, b) => a[0] - b[0]),
				exact: isExact,
				url: `${base}${edition.path}/${slug}/${hl}#${field('i')}`,
			});
		}
	}
	return { folded, hits };
}
