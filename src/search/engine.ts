/**
 * The quote search as the browser runs it, on the index Pagefind wrote
 * (read by pagefind-index.ts, without Pagefind's runtime). Each text
 * is one Pagefind record whose content is the text folded to one script,
 * one token per character, paragraph after paragraph (index-build.ts). A
 * quote is folded the same way; its rarest characters (plan.ts: among the
 * rarest, those whose index chunk the page holds first) are looked up,
 * which gives the texts holding them all, newest first, and every place
 * each stands in them; where they stand as in the quote (matching.ts), the
 * quote may be. A result is the paragraph holding it, or the paragraphs it
 * runs across; its words come from the reader's own page (only their bytes:
 * text-fields.ts). Loaded on first use only.
 *
 * Counts are true counts: every paragraph holding the quote is counted,
 * however many are shown. When the characters looked up cannot tell alone,
 * the places are checked against the whole quote by fetching them, or, if
 * there are many, more of its characters are looked up. When there are more
 * places than are shown and the page has looked up all but a few of the
 * quote's characters, a phrase search tells which texts hold it and
 * where first, so only the places shown (and a text's later places) are
 * fetched.
 */
import { EDITIONS } from '../editions.ts';
import { fold, parseFoldTable, type FoldTable } from './fold.ts';
import { keyQueries, looseStartsIn, paragraphsCovering, positionsFrom, runsOf, sharedRuns, startsIn, type Positions } from './matching.ts';
import { PagefindIndex, type IndexResult } from './pagefind-index.ts';
import { KEYS, parseFrequent, searchKeys, type FrequencyRank, type Key } from './plan.ts';
import { decodeTextFields, type TextFields } from './text-fields.ts';

/** Longest raw query read at all: a pasted book is cut, not hung on. */
const MAX_INPUT = 2_000;
/** Places checked by fetching them; beyond this, more of the quote's characters are looked up instead. */
const CHECK_LIMIT = 24;
/**
 * Characters of a quote whose index chunk the page does not hold yet, at
 * most, for its places to be confirmed by a phrase search (an index chunk
 * for each, ~3.5 kB at 4,080 texts, though neighbours share one, and later
 * quotes find them held) rather than fetched one by one (~0.65 kB and two
 * requests each) when there are more places than are shown. On the
 * 4,080-text bench, 12 rather than 5 took later quotes from 9.6 to 5.6 kB
 * and 14 to 12 requests (median), 7 ms faster, and a first quote from 142.6
 * to 146.8 kB; with no limit a first quote took 209 kB (bench/HISTORY.md).
 */
const PHRASE_UNLOADED = 12;
/** Places a quote with a slip is looked for at most. */
const LOOSE_LIMIT = 30;

/** A paragraph of a result, in the reader's edition, with what to mark. */
export interface HitParagraph {
	/** Its place in the text (1-based), as readers count. */
	n: number;
	id: string;
	text: string;
	/** Code-point ranges of `text` to mark, [start, end). */
	marks: [number, number][];
}

export interface Hit {
	slug: string;
	title: string;
	/** The paragraph holding the quote, or the paragraphs it runs across, in order. */
	paragraphs: HitParagraph[];
	exact: boolean;
	/** `/<edition>/<slug>/?hl=…#pN`: lands on the first paragraph with every mark shown. */
	url: string;
}

export interface SearchOutcome {
	/** The query folded: what was searched for. Empty when nothing searchable was typed. */
	folded: string;
	/** Whether the results hold the whole quote; otherwise they are the closest (a quote with a slip). */
	exact: boolean;
	/** How many results there are in all. */
	total: number;
	/** The first results. */
	hits: Hit[];
	/** The results after those already given, `count` of them: no new search. */
	more: (count: number) => Promise<Hit[]>;
}

interface Engine {
	index: PagefindIndex;
	table: FoldTable;
	rank: FrequencyRank;
}

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
let engine: Promise<Engine> | undefined;

/** One of the files the build writes beside the index, asked of the host afresh: it must be the same build's as the index. */
async function fetchText(path: string): Promise<string> {
	const response = await fetch(`${base}pagefind/${path}`, { cache: 'no-cache' });
	if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
	return response.text();
}

/** Open the index and load the fold table and the frequent characters, once. */
export function loadEngine(): Promise<Engine> {
	engine ??= (async () => {
		const [index, table, rank] = await Promise.all([
			PagefindIndex.open(`${base}pagefind/`),
			fetchText('fold.txt').then(parseFoldTable),
			fetchText('frequent.txt').then(parseFrequent),
		]);
		return { index, table, rank };
	})();
	engine.catch(() => (engine = undefined));
	return engine;
}

/** What `load` gives for `key`, loaded once and kept in `cache`; loaded again next time if it failed. */
function kept<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
	let found = cache.get(key);
	if (!found) {
		found = load();
		cache.set(key, found);
		found.catch(() => cache.delete(key));
	}
	return found;
}

/** Every position of each character in every text, the texts newest first (for the looser search). Kept for later searches. */
const looked = new Map<string, Promise<IndexResult[]>>();
const lookUp = (index: PagefindIndex, char: string): Promise<IndexResult[]> => kept(looked, char, () => index.search([char], { newestFirst: true }));

/**
 * The texts holding the whole quote, each with where the quote first stands
 * in it: a phrase search (as Pagefind's `exact_term`), exact on content of
 * one token per character, but it needs every character's index chunk and
 * tells only the first place in a text.
 */
async function firstPlaces(index: PagefindIndex, quote: readonly string[]): Promise<Map<string, number>> {
	return new Map((await index.phrase(quote)).map((result) => [result.id, result.words[0]!]));
}

/**
 * Where each of some characters (rarest first) stands in each text holding
 * them all, the texts in order (newest first): a few searches of several
 * characters at once (matching.ts, keyQueries), each answered with the
 * texts holding all it asks for. Looking each character up on its own
 * costs a result for every text holding it, and at 4,080 texts even a
 * quote's rarest characters stand in hundreds (bench/HISTORY.md).
 */
async function positionsOf(index: PagefindIndex, chars: readonly string[]): Promise<{ positions: Positions; results: Map<string, IndexResult> }> {
	// The texts come in the first answer's order (positionsFrom): only it is newest first, the others in the index's order.
	const answers = await Promise.all(keyQueries(chars).map((query, i) => index.search(query, { newestFirst: i === 0 })));
	const { positions, texts } = positionsFrom(chars, answers);
	return { positions, results: new Map(texts.map((result) => [result.id, result])) };
}

/** A text's fields (its fragment, a few hundred bytes, fetched once by the index). */
const textFields = async (result: IndexResult, edition: number): Promise<TextFields> => decodeTextFields((await result.data()).filters, edition);

const pages = new Map<string, Promise<Document>>();

/** A page fetched whole and parsed, once; `response` is the page already asked for, if it was. */
const wholePage = (url: string, response?: Response): Promise<Document> =>
	kept(pages, url, async () => {
		const answer = await (response ?? fetch(url));
		if (!answer.ok) throw new Error(`${url}: HTTP ${answer.status}`);
		return new DOMParser().parseFromString(await answer.text(), 'text/html');
	});

function wordsIn(page: Document, url: string, id: string): string {
	const paragraph = page.getElementById(id);
	if (!paragraph) throw new Error(`${url}: no paragraph #${id}`);
	return paragraph.textContent ?? '';
}

/** Whether the host serves byte ranges, as the first paragraph fetched tells; asked once. */
let servesRanges: Promise<boolean> | undefined;

/**
 * The words of consecutive paragraphs of a page, in the reader's edition,
 * in order: only the bytes [start, end) from the first paragraph to the
 * last where the host serves ranges (static hosts do; what lies between
 * paragraphs, their tools, comes along), the whole page otherwise, or if the
 * bytes are not those paragraphs (a host that rewrites pages).
 */
async function fetchWords(url: string, ids: readonly string[], [start, end]: [number, number]): Promise<string[]> {
	const fromPage = async (response?: Response) => {
		const page = await wholePage(url, response);
		return ids.map((id) => wordsIn(page, url, id));
	};
	if (servesRanges && !(await servesRanges)) return fromPage();
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
	if (answer.status !== 206) return fromPage(answer);
	const html = await answer.text();
	if (html.startsWith(`<p id="${ids[0]}"`)) {
		const template = document.createElement('template');
		template.innerHTML = html;
		const paragraphs = ids.map((id) => template.content.getElementById(id));
		if (paragraphs.every((paragraph) => paragraph !== null)) return paragraphs.map((paragraph) => paragraph.textContent ?? '');
	}
	return fromPage();
}

const words = new Map<string, Promise<string>>();

/**
 * The words of consecutive paragraphs of a page (see fetchWords), each
 * fetched once: those not fetched yet come in one request, whatever their
 * number (a passage pasted whole is one request, not one a paragraph).
 */
function passageWords(url: string, ids: readonly string[], ranges: readonly [number, number][]): Promise<string[]> {
	const key = (id: string) => `${url}#${id}`;
	const missing = ids.flatMap((id, k) => (words.has(key(id)) ? [] : [k]));
	if (missing.length > 0) {
		const [first, last] = [missing[0]!, missing.at(-1)!];
		const span = ids.slice(first, last + 1);
		const fetched = fetchWords(url, span, [ranges[first]![0], ranges[last]![1]]);
		span.forEach((id, k) => void kept(words, key(id), () => fetched.then((texts) => texts[k]!)));
	}
	return Promise.all(ids.map((id) => words.get(key(id))!));
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
 * The landing address's marks: `START-END` ranges of the paragraph landed on,
 * then `pN:START-END` for the paragraphs after it that a passage runs across
 * (read by src/client/landing.ts).
 */
function highlight(paragraphs: readonly HitParagraph[]): string {
	return paragraphs
		.flatMap((paragraph, i) => paragraph.marks.map(([start, end]) => `${i === 0 ? '' : `${paragraph.id}:`}${start}-${end}`))
		.join(',');
}

/** One result, before it is shown: a text, the paragraphs it covers, and where the quote starts in its content. */
interface Result {
	result: IndexResult;
	fields: TextFields;
	paragraphs: [number, number];
	/** Where the quote (or its closest place) starts in the text's content. */
	start: number;
}

/** What the search needs to make a result into a hit. */
interface Context {
	quote: readonly string[];
	table: FoldTable;
	edition: number;
}

const pageOf = (fields: TextFields, edition: number) => `${base}${EDITIONS[edition]!.path}/${fields.slug}/`;

/** The words of a result's paragraphs, folded, one after another: what the text holds there. */
async function wordsOf({ fields, paragraphs: [first, last] }: Result, { table, edition }: Context) {
	const texts = await passageWords(pageOf(fields, edition), fields.ids.slice(first, last + 1), fields.ranges.slice(first, last + 1));
	const folds = texts.map((text) => fold(text, table));
	return { texts, folds, chars: folds.flatMap((folded) => folded.chars) };
}

/** Whether a result's paragraphs hold the whole quote where it should start. */
async function holdsQuote(result: Result, context: Context): Promise<boolean> {
	const { chars } = await wordsOf(result, context);
	const at = result.start - result.fields.starts[result.paragraphs[0]]!;
	return context.quote.every((char, i) => chars[at + i] === char);
}

/** A result as shown: its paragraphs in the reader's edition, the quote (or what of it they hold) marked. */
async function hitOf(result: Result, context: Context, exact: boolean): Promise<Hit> {
	const { fields } = result;
	const { texts, folds, chars } = await wordsOf(result, context);
	const [first] = result.paragraphs;
	// Where each paragraph's folded characters begin in `chars`.
	const offsets = folds.map((_, k) => folds.slice(0, k).reduce((sum, folded) => sum + folded.chars.length, 0));
	/** Marks a run of `chars` [from, to) as ranges of each paragraph's own words. */
	const marks = texts.map((): [number, number][] => []);
	const mark = (from: number, to: number) => {
		folds.forEach((folded, k) => {
			const a = Math.max(from - offsets[k]!, 0);
			const b = Math.min(to - offsets[k]!, folded.chars.length);
			if (a < b) marks[k]!.push([folded.origin[a]!, folded.origin[b - 1]! + 1]);
		});
	};
	if (exact) {
		if (texts.length === 1) for (const at of runsOf(chars, context.quote)) mark(at, at + context.quote.length);
		else {
			const at = result.start - fields.starts[first]!;
			mark(at, at + context.quote.length);
		}
	} else for (const [, at, length] of sharedRuns(context.quote, chars)) mark(at, at + length);
	const paragraphs = texts
		.map((text, k) => ({ n: first + k + 1, id: fields.ids[first + k]!, text, marks: mergeRanges(marks[k]!) }))
		// A passage found loosely may reach into a paragraph it holds nothing of.
		.filter((paragraph, k, all) => paragraph.marks.length > 0 || (k > 0 && k < all.length - 1));
	return {
		slug: fields.slug,
		title: fields.title,
		paragraphs,
		exact,
		url: `${pageOf(fields, context.edition)}?hl=${highlight(paragraphs)}#${paragraphs[0]!.id}`,
	};
}

/** The results of a text: where the quote starts, as paragraphs (a start inside a paragraph already found adds nothing). */
function resultsIn(result: IndexResult, fields: TextFields, starts: readonly number[], length: number): Result[] {
	const found: Result[] = [];
	for (const start of starts) {
		const paragraphs = paragraphsCovering(fields.starts, start, start + length);
		const last = found.at(-1);
		if (last && last.paragraphs[0] === paragraphs[0] && last.paragraphs[1] === paragraphs[1]) continue;
		found.push({ result, fields, paragraphs, start });
	}
	return found;
}

/** The result at one place of a text: its fields fetched (once) to tell which paragraphs the quote covers there. */
const resultAt = async (result: IndexResult, start: number, context: Context): Promise<Result> =>
	resultsIn(result, await textFields(result, context.edition), [start], context.quote.length)[0]!;

/** Fetch a place's fields and words ahead of showing it (both are kept); a failure is left to the showing. */
async function prefetch(result: IndexResult, start: number, context: Context): Promise<void> {
	try {
		await wordsOf(await resultAt(result, start, context), context);
	} catch {
		// Shown later, the place is fetched again and its error reported then.
	}
}

/**
 * The results in order, some not yet resolved: a text holding the quote at
 * one place only is one result, whatever paragraphs it covers, so it needs
 * its fields (a fetch) only when shown.
 */
type Entry = Result | { result: IndexResult; start: number };

const resolved = (entry: Entry): entry is Result => 'fields' in entry;

/** Paged results: the first `count`, then `more(count)`. */
function pager(entries: readonly Entry[], context: Context, exact: boolean) {
	let shown = 0;
	return async (count: number): Promise<Hit[]> => {
		const next = entries.slice(shown, shown + count);
		shown += next.length;
		return Promise.all(
			next.map(async (entry) => hitOf(resolved(entry) ? entry : await resultAt(entry.result, entry.start, context), context, exact)),
		);
	};
}

/**
 * A text's results from the places where the quote may start, in order: the
 * first `sure` of them hold it, the others are checked by fetching them. A
 * text whose one place surely holds it needs its fields only when shown; a
 * text is fetched as soon as its own fields come, not once every text's have.
 */
async function heldIn(result: IndexResult, starts: readonly number[], sure: number, context: Context): Promise<Entry[]> {
	if (starts.length === 1 && sure > 0) return [{ result, start: starts[0]! }];
	// Several places in one text: its fields tell which share a paragraph (the first result is the first place's).
	const candidates = resultsIn(result, await textFields(result, context.edition), starts, context.quote.length);
	const holds = await Promise.all(candidates.map((candidate, i) => i < sure || holdsQuote(candidate, context)));
	return candidates.filter((_, i) => holds[i]);
}

/** Every paragraph (or passage) holding the whole quote, newest text first, in text order within a text. */
async function exactResults(index: PagefindIndex, context: Context, rank: FrequencyRank, shown: number): Promise<{ entries: Entry[]; keyOrder: Key[] }> {
	const { quote } = context;
	const keyOrder = searchKeys(quote, rank, (char) => index.loads(char));
	let count = Math.min(KEYS, keyOrder.length);
	for (;;) {
		const keys = keyOrder.slice(0, count);
		const { positions, results } = await positionsOf(
			index,
			keys.map((key) => key.char),
		);
		const complete = count === keyOrder.length;
		const texts = [...results.values()].map((result) => ({ result, starts: startsIn(quote, positions, keys[0]!, result.id) })).filter((text) => text.starts.length > 0);
		const places = texts.reduce((sum, text) => sum + text.starts.length, 0);
		// Too many places to check one by one: look more of the quote up instead (an index chunk costs less).
		if (!complete && places > CHECK_LIMIT) {
			count = Math.min(keyOrder.length, count + 2);
			continue;
		}
		let checked = texts;
		// How many of a text's first places surely hold the quote; the others are fetched to check them.
		let sure = 0;
		if (complete) {
			// Every character was looked up: each place holds the quote.
			sure = Number.POSITIVE_INFINITY;
		} else if (places > shown && new Set(quote.filter((char) => index.loads(char) !== undefined)).size <= PHRASE_UNLOADED) {
			// While the phrase search loads, the places shown first are fetched: they nearly always hold the quote.
			for (const { result, starts } of texts.slice(0, shown)) void prefetch(result, starts[0]!, context);
			// A text without the quote has none of its places; the first place in a text with it holds it.
			const first = await firstPlaces(index, quote);
			checked = texts.flatMap(({ result, starts }) => {
				const at = first.get(result.id);
				return at === undefined ? [] : [{ result, starts: [at, ...starts.filter((start) => start > at)] }];
			});
			sure = 1;
		}
		const entries = await Promise.all(checked.map(({ result, starts }) => heldIn(result, starts, sure, context)));
		return { entries: entries.flat(), keyOrder };
	}
}

/** Characters looked up at most to find the keys of a quote with a slip. */
const LOOSE_LOOKUPS = KEYS + 3;

/**
 * For a quote no paragraph holds whole: the places where at least two of its
 * keys stand as in it, fetched and scored by the longest run of the quote
 * they hold; those holding at least half of it (less its slip) are kept,
 * closest first. The keys are the first characters in the exact search's
 * order (the rarest, held chunks first) that some text holds: the slip
 * itself is often the rarest character of all, and in no text.
 */
async function looseResults(keyOrder: readonly Key[], context: Context, index: PagefindIndex): Promise<Result[]> {
	const { quote, edition } = context;
	const keys: Key[] = [];
	for (const key of keyOrder.slice(0, LOOSE_LOOKUPS)) {
		if ((await lookUp(index, key.char)).length > 0) keys.push(key);
		if (keys.length === KEYS) break;
	}
	if (keys.length < 2) return [];
	const answers = await Promise.all(keys.map((key) => lookUp(index, key.char)));
	const positions: Positions = new Map(keys.map((key, i) => [key.char, new Map(answers[i]!.map((result) => [result.id, new Set(result.words)]))]));
	// Any text holding two of the keys may hold the quote but its slip.
	const results = new Map(answers.flat().map((result) => [result.id, result]));
	const places: { result: IndexResult; start: number; agree: number }[] = [];
	for (const result of results.values()) {
		for (const [start, agree] of looseStartsIn(keys, positions, result.id)) places.push({ result, start, agree });
	}
	places.sort((a, b) => b.agree - a.agree);
	const checked = await Promise.all(
		places.slice(0, LOOSE_LIMIT).map(async ({ result, start }) => {
			const fields = await textFields(result, edition);
			// A missing or extra character may shift the quote by one either way.
			const paragraphs = paragraphsCovering(fields.starts, Math.max(0, start - 1), start + quote.length + 1);
			const found: Result = { result, fields, paragraphs, start };
			const { chars } = await wordsOf(found, context);
			const longest = Math.max(0, ...sharedRuns(quote, chars).map(([, , length]) => length));
			return { found, longest };
		}),
	);
	const enough = Math.max(2, Math.floor((quote.length - 1) / 2));
	const kept = new Map<string, { found: Result; longest: number }>();
	for (const place of checked) {
		if (place.longest < enough) continue;
		const key = `${place.found.result.id}:${place.found.paragraphs.join('-')}`;
		if ((kept.get(key)?.longest ?? -1) < place.longest) kept.set(key, place);
	}
	return [...kept.values()].sort((a, b) => b.longest - a.longest).map(({ found }) => found);
}

/**
 * Search for a quote. Results are the paragraphs holding the whole quote
 * (after folding script, punctuation and spaces), or the paragraphs a quote
 * runs across; when none does, the paragraphs holding the most of it (a
 * quote with a slip).
 */
export async function searchQuote(query: string, editionLang: string, limit = 10): Promise<SearchOutcome> {
	const { index, table, rank } = await loadEngine();
	const quote = fold(query.slice(0, MAX_INPUT), table).chars;
	const folded = quote.join('');
	const edition = Math.max(0, EDITIONS.findIndex((e) => e.lang === editionLang));
	const context: Context = { quote, table, edition };
	if (quote.length === 0) return { folded, exact: true, total: 0, hits: [], more: async () => [] };
	const exact = await exactResults(index, context, rank, limit);
	let entries: Entry[] = exact.entries;
	const isExact = entries.length > 0 || quote.length < 4;
	if (!isExact) entries = await looseResults(exact.keyOrder, context, index);
	const page = pager(entries, context, isExact);
	return { folded, exact: isExact, total: entries.length, hits: await page(limit), more: page };
}
