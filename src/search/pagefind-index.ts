/**
 * Pagefind's index as the browser reads it, without Pagefind's runtime.
 *
 * The search asks the index only which texts hold some characters and where
 * each stands (engine.ts); Pagefind's runtime (pagefind.js and its
 * WebAssembly, 13 + 55 kB gzipped, fetched and compiled before a first
 * query could start) ranks, excerpts and filters, which this site does not
 * use. This module reads the files Pagefind writes — index chunks
 * (`pf_index`) and fragments (`pf_fragment`), each gzipped after the
 * signature `pagefind_dcd` — with the browser's own gunzip and a small
 * CBOR decoder (cbor.ts), finds them through what the build publishes of
 * Pagefind's page list (CONTENTS_FILE), and answers a query as Pagefind 1.6
 * does (pagefind_web `search_term`, `exact_term`), which a test holds it to
 * against Pagefind's own runtime on a built site. The build reads the page
 * list (readMeta) and a chunk with this module and fails, naming the file,
 * if Pagefind changed their format (index-build.ts).
 */
import { decodeCbor } from './cbor.ts';

/** What every file Pagefind writes starts with, once gunzipped. */
export const SIGNATURE = 'pagefind_dcd';
/**
 * Where the build publishes what the browser needs of Pagefind's page list
 * (index-build.ts): each index chunk's range and file, and each page's
 * fragment by number. Pagefind's own list also holds each page's word
 * count, its filters and sorts, and is found through its entry file: a
 * first query would wait on one request more and load ~1.4 × the bytes
 * (32.9 kB against 24.1 kB gzipped at 4,080 texts).
 */
export const CONTENTS_FILE = 'contents.txt';

/** A text the index holds some words in: its id (the name of its fragment), where they stand, and its fragment. */
export interface IndexResult {
	id: string;
	/** Positions in the record's content of the words found, in order. */
	words: number[];
	/** The record's fragment: the fields it was given (`filters`), fetched once. */
	data: () => Promise<{ filters: Record<string, string[]> }>;
}

/** One entry of a chunk: a word and, for each page holding it, the page's number and the word's positions there. */
type Postings = Map<number, number[]>;

/** What the search reads of Pagefind's page list. */
export interface Meta {
	/** Each page's fragment name, by page number. */
	pages: string[];
	/** Where each chunk begins and ends (shortest distinguishing prefixes) and its file name. */
	chunks: { from: string; to: string; hash: string }[];
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';

/** One of Pagefind's files, gunzipped: the bytes after its signature, which is checked (`name` names the file if it is wrong). */
export function afterSignature(bytes: Uint8Array, name: string): Uint8Array {
	const signature = new TextDecoder().decode(bytes.subarray(0, SIGNATURE.length));
	if (signature !== SIGNATURE) throw new Error(`${name}: not one of Pagefind's files (it starts "${signature}")`);
	return bytes.subarray(SIGNATURE.length);
}

/** Fetch one of Pagefind's files and gunzip it: the bytes after its signature. */
async function unpacked(url: string): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
	return afterSignature(new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()), url);
}

/**
 * The page list: [version, [[hash, word count, …]…], [[from, to, hash]…],
 * [[filter, hash]…], [[sort, [page…]]…], …]. The site sorts no records (the
 * build numbers texts oldest first), so it reads no sort.
 */
export function readMeta(value: unknown, url: string): Meta {
	const wrong = (what: string): never => {
		throw new Error(`${url}: ${what} is not as Pagefind 1.6 writes it`);
	};
	if (!Array.isArray(value) || value.length < 5) return wrong('the page list');
	const [, pages, chunks] = value as unknown[];
	if (!Array.isArray(pages) || !pages.every((page) => Array.isArray(page) && isString(page[0]))) return wrong('its pages');
	if (!Array.isArray(chunks) || !chunks.every((chunk) => Array.isArray(chunk) && chunk.length === 3 && chunk.every(isString))) return wrong('its chunks');
	return {
		pages: pages.map((page: string[]) => page[0]!),
		chunks: chunks.map(([from, to, hash]: string[]) => ({ from: from!, to: to!, hash: hash! })),
	};
}

/**
 * An index chunk (Pagefind 1.6): [[[word, [[page, [position…], […]]…], […]]…]].
 * Numbers are kept as distances: a word's pages, each from the page before
 * (the first from page 0), and a page's positions, each from the position
 * before (the first from 0). A negative number among them sets the weight of the words
 * after it (`data-pagefind-weight`), which this site does not use: it is
 * skipped. What the third item of a word and of a page holds is not read:
 * this site's records leave it empty.
 */
export function readChunk(value: unknown, url: string): Map<string, Postings> {
	const wrong = (what: string): never => {
		throw new Error(`${url}: ${what} is not as Pagefind 1.6 writes it`);
	};
	const words = Array.isArray(value) ? (value[0] as unknown) : undefined;
	if (!Array.isArray(words)) return wrong('the index chunk');
	const chunk = new Map<string, Postings>();
	for (const entry of words) {
		if (!Array.isArray(entry) || !isString(entry[0]) || !Array.isArray(entry[1])) return wrong('a word of the chunk');
		const postings: Postings = new Map();
		let number = 0;
		for (const page of entry[1] as unknown[]) {
			if (!Array.isArray(page) || !isNumber(page[0]) || !Array.isArray(page[1]) || !page[1].every(isNumber)) return wrong(`a page of the word ${entry[0]}`);
			let at = 0;
			const positions: number[] = [];
			for (const step of page[1] as number[]) if (step >= 0) positions.push((at += step));
			postings.set((number += page[0]), positions);
		}
		chunk.set(entry[0], postings);
	}
	return chunk;
}

/** Strings in code-point order (Rust's `str` order), not UTF-16's. */
function compare(a: string, b: string): number {
	const [x, y] = [Array.from(a), Array.from(b)];
	for (let i = 0; i < Math.min(x.length, y.length); i++) {
		const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
		if (d !== 0) return d;
	}
	return x.length - y.length;
}

/**
 * The index chunk a term's words are in, if any: the first whose range
 * holds it (its bounds are the shortest prefixes that tell chunks apart),
 * the one chunk Pagefind loads for a term. A term between two chunks'
 * ranges is in none: the index has no word for it.
 */
export function chunkOf(term: string, chunks: Meta['chunks']): number | undefined {
	// The last chunk that begins at or before the term (they are in order, and do not overlap)…
	let [low, high] = [0, chunks.length - 1];
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (compare(term, chunks[middle]!.from) < 0) high = middle - 1;
		else low = middle + 1;
	}
	// …if it does not end before it.
	const to = chunks[high]?.to;
	return to !== undefined && (compare(term, to) <= 0 || term.startsWith(to)) ? high : undefined;
}

/**
 * The contents as published: the number of chunks; each chunk's first word,
 * last word and file, tab-separated; then each page's fragment, one a line.
 */
export function serializeContents({ pages, chunks }: Meta): string {
	const bad = chunks.find(({ from, to }) => /\s/.test(from + to));
	if (bad) throw new Error(`Pagefind's index has a word with a space in it (chunk ${bad.from}…${bad.to}): the search's records are one character a word.`);
	return [String(chunks.length), ...chunks.map(({ from, to, hash }) => `${from}\t${to}\t${hash}`), ...pages].join('\n') + '\n';
}

/** The contents read back (serializeContents). */
export function parseContents(text: string, url: string): Meta {
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	const count = Number(lines[0]);
	const chunks = lines.slice(1, 1 + count).map((line) => line.split('\t'));
	if (!Number.isInteger(count) || chunks.length !== count || !chunks.every((chunk) => chunk.length === 3 && chunk.every((part) => part !== '')))
		throw new Error(`${url}: not the index's contents as the build writes them (src/search/pagefind-index.ts)`);
	return { chunks: chunks.map(([from, to, hash]) => ({ from: from!, to: to!, hash: hash! })), pages: lines.slice(1 + count) };
}

/** The browser cannot read the index: it lacks DecompressionStream (before Chrome 80, Firefox 113, Safari 16.4). */
export class UnsupportedBrowser extends Error {
	constructor() {
		super('This browser has no DecompressionStream, which the search needs to read the index.');
		this.name = 'UnsupportedBrowser';
	}
}

export class PagefindIndex {
	readonly #base: string;
	readonly #meta: Meta;
	readonly #chunks = new Map<number, Promise<Map<string, Postings>>>();
	readonly #fragments = new Map<string, Promise<{ filters: Record<string, string[]> }>>();

	private constructor(base: string, meta: Meta) {
		this.#base = base;
		this.#meta = meta;
	}

	/**
	 * Open the index Pagefind wrote under `base` (…/pagefind/): its contents
	 * (CONTENTS_FILE), asked of the host afresh each time (a stale copy would
	 * name files the next build removed; an unchanged one costs a 304).
	 */
	static async open(base: string): Promise<PagefindIndex> {
		if (typeof DecompressionStream === 'undefined') throw new UnsupportedBrowser();
		const url = `${base}${CONTENTS_FILE}`;
		const response = await fetch(url, { cache: 'no-cache' });
		if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
		return new PagefindIndex(base, parseContents(await response.text(), url));
	}

	/** The index chunk a term's words are in (chunkOf). */
	chunkOf(term: string): number | undefined {
		return chunkOf(term, this.#meta.chunks);
	}

	/** The chunk a lookup of `term` would fetch: undefined if fetched or being fetched already, or if the term is in none. */
	loads(term: string): number | undefined {
		const chunk = this.chunkOf(term);
		return chunk === undefined || this.#chunks.has(chunk) ? undefined : chunk;
	}

	/** An index chunk, fetched once (again if that failed). */
	#chunk(index: number): Promise<Map<string, Postings>> {
		let chunk = this.#chunks.get(index);
		if (!chunk) {
			const url = `${this.#base}index/${this.#meta.chunks[index]!.hash}.pf_index`;
			chunk = unpacked(url).then((bytes) => readChunk(decodeCbor(bytes), url));
			this.#chunks.set(index, chunk);
			chunk.catch(() => this.#chunks.delete(index));
		}
		return chunk;
	}

	/** The words of the chunk a term is in (chunkOf), fetched; none if it is in none. */
	async #wordsOf(term: string): Promise<Map<string, Postings>> {
		const chunk = this.chunkOf(term);
		return chunk === undefined ? new Map() : this.#chunk(chunk);
	}

	#result(page: number, words: number[]): IndexResult {
		const id = this.#meta.pages[page]!;
		const data = () => {
			let fragment = this.#fragments.get(id);
			if (!fragment) {
				const url = `${this.#base}fragment/${id}.pf_fragment`;
				fragment = unpacked(url).then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as { filters: Record<string, string[]> });
				this.#fragments.set(id, fragment);
				fragment.catch(() => this.#fragments.delete(id));
			}
			return fragment;
		};
		return { id, words, data };
	}

	/**
	 * The pages holding every term (words beginning with it; a term the index
	 * has no word for is left out of the query, as Pagefind leaves it out, and
	 * a term asked twice counts once), each with where all the words found
	 * stand, in order. They come in page order, oldest text first
	 * (index-build.ts numbers them so), or newest first if `newestFirst`.
	 */
	async search(terms: readonly string[], { newestFirst = false } = {}): Promise<IndexResult[]> {
		const found = await Promise.all(
			[...new Set(terms)].map(async (term) => {
				const words = await this.#wordsOf(term);
				return [...words].filter(([word]) => word.startsWith(term)).map(([, postings]) => postings);
			}),
		);
		const asked = found.filter((postings) => postings.length > 0);
		if (asked.length === 0) return [];
		let pages = [...new Set(asked[0]!.flatMap((postings) => [...postings.keys()]))];
		for (const postings of asked.slice(1)) pages = pages.filter((page) => postings.some((p) => p.has(page)));
		pages.sort(newestFirst ? (a, b) => b - a : (a, b) => a - b);
		return pages.map((page) => this.#result(page, asked.flat().flatMap((postings) => postings.get(page) ?? []).sort((a, b) => a - b)));
	}

	/**
	 * The pages holding the terms one after another (each a whole word), each
	 * with where they first stand so: Pagefind's phrase search, which reports
	 * only the first place in a page. Newest first.
	 */
	async phrase(terms: readonly string[]): Promise<IndexResult[]> {
		const postings = await Promise.all(terms.map(async (term) => (await this.#wordsOf(term)).get(term)));
		if (postings.length === 0 || postings.some((p) => p === undefined)) return [];
		const [head, ...rest] = postings as Postings[];
		const found: IndexResult[] = [];
		for (const page of [...head!.keys()].sort((a, b) => b - a)) {
			if (!rest.every((p) => p.has(page))) continue;
			const follows = rest.map((p) => new Set(p.get(page)));
			const at = head!.get(page)!.find((start) => follows.every((set, k) => set.has(start + k + 1)));
			if (at !== undefined) found.push(this.#result(page, terms.map((_, k) => at + k)));
		}
		return found;
	}
}
