/**
 * The search index, written after the site is built, from the built pages
 * (HTML → editions → search records): one Pagefind record per text, not per
 * paragraph or edition. Its content is the text folded to one script, one
 * token per character, paragraph after paragraph; its fields
 * (text-fields.ts) say where each paragraph starts and where it lies in each
 * edition's page. What Pagefind loads on a first search (its page list) and
 * the files it writes grow with the number of texts, not of paragraphs.
 *
 * Runs in the process that started `astro build` (scripts/build.ts), which
 * reads each text as soon as its pages are written (TextReader), while the
 * build renders the rest on the other core; Pagefind starts only once the
 * build has exited, so the build's memory and Pagefind's are never held at
 * once. Only the texts' records are kept, not their pages.
 */
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { decode } from 'cborg';
import * as pagefind from 'pagefind';
import type { Edition } from '../editions.ts';
import { fold, searchContent, serializeFoldTable, type FoldTable } from './fold.ts';
import { FoldTableBuilder, type Observation } from './fold-table.ts';
import { builtSlugs, readText, type TextInEditions } from './paragraphs.ts';
import { encodeTextFields, type Filters } from './text-fields.ts';

/** Pagefind's language for our records: any code without a stemmer or word segmenter. */
export const INDEX_LANGUAGE = 'und';
/** Where the fold table is published, beside Pagefind's bundle. */
export const FOLD_TABLE_FILE = 'fold.txt';
/** Where the corpus's most frequent folded characters are published, most frequent first. */
export const FREQUENT_FILE = 'frequent.txt';
/** Where the first word of each of Pagefind's index chunks is published, one a line: what a lookup loads (plan.ts). */
export const CHUNKS_FILE = 'chunks.txt';
/** How many of the most frequent characters are published: the query planner treats every other one as rare. */
const FREQUENT_SHIPPED = 1_000;
/** Pagefind's bundle files the site does not use (it has its own UI and runs without a worker). */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\./;
/** Texts read from disk at once, after the build. */
const READ_AHEAD = 8;

export interface SearchRecord {
	url: string;
	content: string;
	language: string;
	/** What a result needs to show itself; filters are stored, never searched (meta values would be). */
	filters: Filters;
	/** Results come newest first: the browser asks for them sorted by date. */
	sort: { date: string };
}

/** The record of one text: its paragraphs' folded characters in order, and its fields. */
export function textRecord(text: TextInEditions, editions: readonly Edition[], table: FoldTable): SearchRecord {
	const folded = text.paragraphs.map(({ texts }) => fold(texts[0]!, table).chars);
	return {
		url: `/${editions[0]!.path}/${text.slug}/`,
		content: searchContent(folded.flat()),
		language: INDEX_LANGUAGE,
		sort: { date: text.date },
		filters: encodeTextFields({
			slug: text.slug,
			titles: text.titles,
			ids: text.paragraphs.map((p) => p.id),
			foldedLengths: folded.map((chars) => chars.length),
			bytes: text.bytes,
		}),
	};
}

/**
 * A record's content folded again after the fold table merged some classes
 * (FoldTableBuilder.mergeLate): each folded character is its class's
 * representative as it was, and the table sends it to the merged class's.
 * The same as folding the text again with the new table, without the text.
 */
export const refoldContent = (content: string, table: FoldTable) =>
	content
		.split(' ')
		.map((char) => table.get(char) ?? char)
		.join(' ');

/** Fail on any error Pagefind reports. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
	if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}: ${response.errors.join('; ')}`);
	return response;
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

async function openIndex(): Promise<PagefindIndex> {
	const { index } = check('start', await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE }));
	if (!index) throw new Error('Pagefind failed to start: no index was returned.');
	return index;
}

const gunzipAsync = promisify(gunzip);
const gzipAsync = promisify(gzip);
/** Fragments rewritten at once. */
const FRAGMENTS_AT_ONCE = 32;

/** What Pagefind's files start with, gunzipped: a fragment is the signature and the record as JSON, its page list the signature and CBOR. */
const SIGNATURE = 'pagefind_dcd';

/**
 * Take the folded content out of every fragment Pagefind wrote. A fragment
 * is what the browser fetches for each result; it carries the content only
 * for Pagefind's excerpts, which this site does not use (a result shows its
 * paragraph from the reader's page). A text's fragment then costs a few
 * hundred bytes instead of the whole text. Its file name (a hash of the
 * record, content and fields) is kept.
 */
async function dropFragmentContent(outputPath: string): Promise<void> {
	const dir = join(outputPath, 'fragment');
	const drop = async (file: string) => {
		const raw = (await gunzipAsync(await readFile(file))).toString('utf8');
		if (!raw.startsWith(SIGNATURE)) throw new Error(`${file}: not a Pagefind fragment (has Pagefind's format changed?).`);
		const fragment = JSON.parse(raw.slice(SIGNATURE.length)) as { content?: string };
		fragment.content = '';
		await writeFile(file, await gzipAsync(SIGNATURE + JSON.stringify(fragment), { level: 9 }));
	};
	// Some at once: each file is small, and waits on the disk twice and on zlib's threads.
	const names = await readdir(dir);
	for (let i = 0; i < names.length; i += FRAGMENTS_AT_ONCE) await Promise.all(names.slice(i, i + FRAGMENTS_AT_ONCE).map((name) => drop(join(dir, name))));
}

/**
 * The first word of each of Pagefind's index chunks, in order, from
 * its page list (`pf_meta`): CBOR whose third item lists the chunks as
 * [from, to, file] (`MetaIndex.index_chunks` in Pagefind 1.x,
 * pagefind/src/index/index_metadata.rs). The browser's planner reads them to
 * know what a lookup costs.
 */
async function indexChunks(outputPath: string): Promise<string> {
	const name = (await readdir(outputPath)).find((file) => file.endsWith('.pf_meta'));
	const wrong = (why: string) => new Error(`${join(outputPath, name ?? '*.pf_meta')}: ${why} (has Pagefind's format changed?).`);
	if (!name) throw wrong('no page list was written');
	const raw = await gunzipAsync(await readFile(join(outputPath, name)));
	if (raw.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw wrong('not a Pagefind page list');
	const chunks = (decode(raw.subarray(SIGNATURE.length)) as unknown[])[2];
	const isRange = (chunk: unknown): chunk is [string, string, string] =>
		Array.isArray(chunk) && chunk.length === 3 && chunk.every((word) => typeof word === 'string' && word !== '' && !/\s/.test(word));
	if (!Array.isArray(chunks) || !chunks.every(isRange)) throw wrong('its third item is not the index chunks as [from, to, file]');
	return chunks.map(([from]) => `${from}\n`).join('');
}

export interface IndexStats {
	texts: number;
	paragraphs: number;
	foldEntries: number;
	/** Whether the fold table's late pairs changed how texts fold, so every record was folded again. */
	refolded: boolean;
}

/** A built text ready for the index: its record, and what it tells the fold table. */
interface ReadText {
	record: SearchRecord;
	observation: Observation;
	paragraphs: number;
}

/**
 * The built texts, read for the index: each as soon as it is known to be
 * written (readAhead), or when the index asks for it. Until the fold table
 * merges its late pairs it is the dictionaries' alone, so a text's record
 * and what it tells the table do not depend on which texts were read before.
 */
export class TextReader {
	readonly foldTable = new FoldTableBuilder();
	/** Texts read or being read; one whose reading failed (a page not whole yet) is read again when asked for. */
	readonly #texts = new Map<string, Promise<ReadText | undefined>>();

	readonly #dist: string;
	readonly #editions: readonly Edition[];

	constructor(dist: string, editions: readonly Edition[]) {
		this.#dist = dist;
		this.#editions = editions;
	}

	/**
	 * Start reading a text whose pages should be written by now; whether they
	 * were (read whole). A text caught mid-write is forgotten, to be read again
	 * when next asked for.
	 */
	readAhead(slug: string): Promise<boolean> {
		let reading = this.#texts.get(slug);
		if (!reading) {
			const started = this.#read(slug).catch(() => {
				if (this.#texts.get(slug) === started) this.#texts.delete(slug);
				return undefined;
			});
			reading = started;
			this.#texts.set(slug, reading);
		}
		return reading.then((text) => text !== undefined);
	}

	/** A text, read ahead or now. */
	async text(slug: string): Promise<ReadText> {
		return (await this.#texts.get(slug)) ?? this.#read(slug);
	}

	async #read(slug: string): Promise<ReadText> {
		const text = await readText(this.#dist, this.#editions, slug);
		return {
			record: textRecord(text, this.#editions, this.foldTable.table()),
			observation: this.foldTable.read([...text.paragraphs.map((paragraph) => paragraph.texts), text.titles]),
			paragraphs: text.paragraphs.length,
		};
	}

	/** Forget a text once the index holds its record. */
	forget(slug: string): void {
		this.#texts.delete(slug);
	}
}

/**
 * Index the built site in `dist`: Pagefind's bundle, the fold table, the
 * frequent characters and where the index chunks begin into `<dist>/pagefind/`.
 */
export async function writeSearchIndex(dist: string, editions: readonly Edition[], reader = new TextReader(dist, editions)): Promise<IndexStats> {
	const slugs = await builtSlugs(dist, editions);
	const { foldTable } = reader;
	let paragraphs = 0;
	const records: SearchRecord[] = [];
	try {
		// In the order of the slugs (the order Pagefind numbers its pages in), a few read at once.
		for (let i = 0; i < slugs.length; i++) {
			for (const slug of slugs.slice(i + 1, i + READ_AHEAD)) reader.readAhead(slug);
			const text = await reader.text(slugs[i]!);
			foldTable.note(text.observation);
			records.push(text.record);
			paragraphs += text.paragraphs;
			reader.forget(slugs[i]!);
		}
		const refolded = foldTable.mergeLate();
		if (refolded) {
			// A pair the dictionaries missed changes folds: fold the records again from what they hold.
			const table = foldTable.table();
			for (const record of records) record.content = refoldContent(record.content, table);
		}
		const index = await openIndex();
		// Sent without waiting: the service answers in order.
		await Promise.all(records.map((record) => index.addCustomRecord(record).then((response) => void check(`index ${record.url}`, response))));
		const counts = new Map<string, number>();
		for (const record of records) for (const char of record.content) if (char !== ' ') counts.set(char, (counts.get(char) ?? 0) + 1);
		const outputPath = join(dist, 'pagefind');
		await rm(outputPath, { recursive: true, force: true });
		check('write its files', await index.writeFiles({ outputPath }));
		for (const file of await readdir(outputPath)) if (UNUSED.test(file)) await rm(join(outputPath, file));
		await dropFragmentContent(outputPath);
		const shipped = foldTable.shipped();
		await writeFile(join(outputPath, FOLD_TABLE_FILE), serializeFoldTable(shipped));
		const frequent = [...counts].sort((a, b) => b[1] - a[1]).slice(0, FREQUENT_SHIPPED).map(([char]) => char);
		await writeFile(join(outputPath, FREQUENT_FILE), frequent.join(''));
		await writeFile(join(outputPath, CHUNKS_FILE), await indexChunks(outputPath));
		return { texts: slugs.length, paragraphs, foldEntries: shipped.size, refolded };
	} finally {
		await pagefind.close();
	}
}
