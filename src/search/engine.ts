/**
 * The quote search as the browser runs it, on Pagefind's JS API. Each text
 * is one Pagefind record whose content is the text folded to one script,
 * one token per character (index-build.ts). A quote is folded the same way;
 * its rarest few characters (plan.ts) are looked up, each on its own, which
 * gives every position of each in every text; where they stand as in the
 * quote is where the quote may be. Each such paragraph is then fetched from
 * the reader's own page (only its bytes, text-fields.ts) and checked against
 * the whole quote. Loaded on first use only.
 */
import { EDITIONS } from '../editions.ts';
import { fold, parseFoldTable, type FoldTable } from './fold.ts';
import { parseFrequent, searchKeys, type FrequencyRank } from './plan.ts';
import { decodeTextFields, paragraphAt, type TextFields } from './text-fields.ts';

/** Longest raw query read at all: a pasted book is cut, not hung on. */
const MAX_INPUT = 2_000;

interface PagefindResult {
	id: string;
	/** Positions in the record's content of the words found. */
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

interface Engine {
	pagefind: PagefindApi;
	table: FoldTable;
	rank: FrequencyRank;
}

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
let engine: Promise<Engine> | undefined;

async function fetchText(path: string): Promise<string> {
	const response = await fetch(`${base}pagefind/${path}`);
	if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
	return response.text();
}

/** Load Pagefind, the fold table and the frequent characters, once. */
export function loadEngine(): Promise<Engine> {
	engine ??= (async () => {
		const [pagefind, table, rank] = await Promise.all([
			import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<PagefindApi>,
			fetchText('fold.txt').then(parseFoldTable),
			fetchText('frequent.txt').then(parseFrequent),
		]);
		await pagefind.options({ noWorker: true, excerptLength: 0 });
		await pagefind.init();
		return { pagefind, table, rank };
	})();
	engine.catch(() => (engine = undefined));
	return engine;
}

/** Every start of `needle` in `haystack` (arrays of characters). */
function runsOf(haystack: readonly string[], needle: readonly string[]): number[] {
	const found: number[] = [];
	outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
		for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
		found.push(i);
	}
	return found;
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

/** A text that may hold a run of characters, and where the run may start in its content. */
interface Found {
	result: PagefindResult;
	starts: number[];
}

/**
 * Every text where the run's rarest characters (plan.ts) stand as they do
 * in the run, with every place the run would start. Each key is looked up
 * on its own: Pagefind then gives all its positions in every text (a quoted
 * search would give only the first place per text). The paragraphs are
 * checked against the whole run afterwards.
 */
async function textsHolding(pagefind: PagefindApi, run: readonly string[], rank: FrequencyRank): Promise<Found[]> {
	const keys = searchKeys(run, rank);
	const answers = await Promise.all(keys.map(async ({ char }) => (await pagefind.search(char))?.results ?? []));
	const [rarest, ...others] = answers.map((results) => new Map(results.map((result) => [result.id, result])));
	const found: Found[] = [];
	for (const [id, result] of rarest!) {
		const places = others.map((results) => results.get(id)?.words);
		if (places.some((words) => words === undefined)) continue;
		const sets = places.map((words) => new Set(words));
		const starts = result.words
			.map((at) => at - keys[0]!.offset)
			.filter((start) => start >= 0 && sets.every((set, k) => set.has(start + keys[k + 1]!.offset)))
			.sort((a, b) => a - b);
		if (starts.length > 0) found.push({ result, starts });
	}
	// Texts holding the run most often first; otherwise in the index's order.
	return found.sort((a, b) => b.starts.length - a.starts.length);
}

const fieldsOf = new Map<string, Promise<Record<string, string[]>>>();

/** A text's fields (its fragment, a few hundred bytes), fetched once. */
function textFields(result: PagefindResult, edition: number): Promise<TextFields> {
	let filters = fieldsOf.get(result.id);
	if (!filters) fieldsOf.set(result.id, (filters = result.data().then((data) => data.filters)));
	return filters.then((fields) => decodeTextFields(fields, edition));
}

const pages = new Map<string, Promise<Document>>();

/** A page fetched whole and parsed, once; `response` is the page already asked for, if it was. */
function wholePage(url: string, response?: Response): Promise<Document> {
	let page = pages.get(url);
	if (!page) {
		page = (response ? Promise.resolve(response) : fetch(url)).then(async (answer) => {
			if (!answer.ok) throw new Error(`${url}: HTTP ${answer.status}`);
			return new DOMParser().parseFromString(await answer.text(), 'text/html');
		});
		pages.set(url, page);
		page.catch(() => pages.delete(url));
	}
	return page;
}

function wordsIn(page: Document, url: string, id: string): string {
	const paragraph = page.getElementById(id);
	if (!paragraph) throw new Error(`${url}: no paragraph #${id}`);
	return paragraph.textContent ?? '';
}

/** Whether the host serves byte ranges, as the first paragraph fetched tells; asked once. */
let servesRanges: Promise<boolean> | undefined;

/**
 * A paragraph's words in the reader's edition, fetched from its page: only
 * the paragraph's own bytes where the host serves ranges (static hosts do),
 * the whole page otherwise, or if the bytes are not the paragraph (a host
 * that rewrites pages).
 */
async function paragraphWords(url: string, id: string, [start, end]: [number, number]): Promise<string> {
	if (servesRanges && !(await servesRanges)) return wordsIn(await wholePage(url), url, id);
	const response = fetch(url, { headers: { range: `bytes=${start}-${end - 1}` } });
	servesRanges ??= response.then(
		(answer) => {
			if (answer.status === 206) return true;
			// The whole page came: keep it (before anyone waiting on this learns it) for every paragraph.
			void wholePage(url, answer);
			return false;
		},
		() => {
			servesRanges = undefined;
			return false;
		},
	);
	const answer = await response;
	if (answer.status !== 206) return wordsIn(await wholePage(url, answer), url, id);
	const html = await answer.text();
	if (html.startsWith(`<p id="${id}"`)) {
		const template = document.createElement('template');
		template.innerHTML = html;
		const paragraph = template.content.firstElementChild;
		if (paragraph) return paragraph.textContent ?? '';
	}
	return wordsIn(await wholePage(url), url, id);
}

/** A paragraph that may hold the quote. */
interface Candidate {
	found: Found;
	fields: TextFields;
	/** Its index among the text's paragraphs. */
	index: number;
}

/**
 * The paragraphs of the texts found, in order, checked a few at a time until
 * `limit` pass `check`: each costs a fetch, so no more are fetched than can
 * still be shown.
 */
async function checkParagraphs(
	found: readonly Found[],
	editionIndex: number,
	limit: number,
	check: (text: string, candidate: Candidate) => Hit | undefined,
): Promise<Hit[]> {
	const edition = EDITIONS[editionIndex]!;
	const hits: Hit[] = [];
	const queue: Candidate[] = [];
	let texts = 0;
	while (hits.length < limit) {
		const wanted = limit - hits.length;
		// A text's fields say which of its paragraphs the run may be in.
		while (queue.length < wanted && texts < found.length) {
			const batch = found.slice(texts, texts + wanted);
			texts += batch.length;
			for (const candidates of await Promise.all(batch.map((text) => candidatesIn(text, editionIndex)))) queue.push(...candidates);
		}
		if (queue.length === 0) break;
		const checked = await Promise.all(
			queue.splice(0, wanted).map(async (candidate) => {
				const { fields, index } = candidate;
				const url = `${base}${edition.path}/${fields.slug}/`;
				return check(await paragraphWords(url, fields.ids[index]!, fields.ranges[index]!), candidate);
			}),
		);
		for (const hit of checked) if (hit) hits.push(hit);
	}
	return hits;
}

/** The paragraphs of a text found where the run may start, in order. */
async function candidatesIn(text: Found, editionIndex: number): Promise<Candidate[]> {
	const fields = await textFields(text.result, editionIndex);
	const indexes = [...new Set(text.starts.map((start) => paragraphAt(fields, start)))];
	return indexes.map((index) => ({ found: text, fields, index }));
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

/**
 * Search for a quote. Paragraphs holding the whole quote (after folding
 * script, punctuation and spaces) are exact matches. When there is none, for
 * a half-remembered quote, looser matches are paragraphs holding at least
 * half of it unbroken.
 */
export async function searchQuote(query: string, editionLang: string, limit = 10): Promise<SearchOutcome> {
	const { pagefind, table, rank } = await loadEngine();
	const all = fold(query.slice(0, MAX_INPUT), table).chars;
	const folded = all.join('');
	if (all.length === 0) return { folded, hits: [] };
	const editionIndex = Math.max(0, EDITIONS.findIndex((edition) => edition.lang === editionLang));
	const edition = EDITIONS[editionIndex]!;

	/** A hit for a paragraph holding every one of `needles` (folded runs), marked where they stand. */
	const hitFor = (text: string, { fields, index }: Candidate, needles: readonly (readonly string[])[], exact: boolean): Hit | undefined => {
		const shown = fold(text, table);
		const marks: [number, number][] = [];
		for (const needle of needles) {
			const starts = runsOf(shown.chars, needle);
			if (starts.length === 0) return undefined;
			for (const at of starts) marks.push([shown.origin[at]!, shown.origin[at + needle.length - 1]! + 1]);
		}
		const merged = mergeRanges(marks);
		const [first] = merged;
		return {
			slug: fields.slug,
			n: index + 1,
			title: fields.title,
			text,
			marks: merged,
			exact,
			url: `${base}${edition.path}/${fields.slug}/?hl=${first![0]}-${first![1]}#${fields.ids[index]}`,
		};
	};

	const hits = await checkParagraphs(await textsHolding(pagefind, all, rank), editionIndex, limit, (text, candidate) =>
		hitFor(text, candidate, [all], true),
	);
	if (hits.length > 0 || all.length < 4) return { folded, hits };

	// Looser matches: paragraphs holding a half of the quote, those holding more of it first.
	const loose = new Map<string, { hit: Hit; needles: number }>();
	for (const half of halves(all)) {
		const found = await textsHolding(pagefind, half, rank);
		for (const hit of await checkParagraphs(found, editionIndex, limit, (text, candidate) => hitFor(text, candidate, [half], false))) {
			const key = `${hit.slug}#${hit.n}`;
			const seen = loose.get(key);
			if (!seen) loose.set(key, { hit, needles: 1 });
			else {
				seen.needles++;
				seen.hit.marks = mergeRanges([...seen.hit.marks, ...hit.marks]);
				seen.hit.url = seen.hit.url.replace(/\?hl=\d+-\d+/, `?hl=${seen.hit.marks[0]![0]}-${seen.hit.marks[0]![1]}`);
			}
		}
	}
	return {
		folded,
		hits: [...loose.values()]
			.sort((a, b) => b.needles - a.needles)
			.slice(0, limit)
			.map(({ hit }) => hit),
	};
}
