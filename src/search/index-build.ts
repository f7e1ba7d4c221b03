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
import * as pagefind from 'pagefind';
import type { Edition } from '../editions.ts';
import { fold, searchContent, serializeFoldTable, type FoldTable } from './fold.ts';
import { FoldTableBuilder, type Observation } from './fold-table.ts';
import { decodeCbor } from './cbor.ts';
import { afterSignature, CONTENTS_FILE, readChunk, readMeta, serializeContents, SIGNATURE, type Meta } from './pagefind-index.ts';
import { builtSlugs, readText, type TextInEditions } from './paragraphs.ts';
import { encodeTextFields, type Filters } from './text-fields.ts';

/** Pagefind's language for our records: any code without a stemmer or word segmenter. */
export const INDEX_LANGUAGE = 'und';
/** Where the fold table is published, beside Pagefind's bundle. */
export const FOLD_TABLE_FILE = 'fold.txt';
/** Where the corpus's most frequent folded characters are published, most frequent first. */
export const FREQUENT_FILE = 'frequent.txt';
/** How many of the most frequent characters are published: the query planner treats every other one as rare. */
const FREQUENT_SHIPPED = 1_000;
/**
 * Pagefind's bundle files the site does not use: it reads the index itself
 * (pagefind-index.ts) and has its own UI. Pagefind's runtime (pagefind.js
 * and its WebAssembly) is left beside the index, unused by the pages: the
 * tests hold the site's reader to its answers.
 */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\./;
/** Texts read from disk at once, after the build. */
const READ_AHEAD = 8;

export interface SearchRecord {
	url: string;
	content: string;
	language: string;
	/** What a result needs to show itself; filters are stored, never searched (meta values would be). */
	filters: Filters;
}

/** The record of one text: its paragraphs' folded characters in order, and its fields. */
export function textRecord(text: TextInEditions, editions: readonly Edition[], table: FoldTable): SearchRecord {
	const folded = text.paragraphs.map(({ texts }) => fold(texts[0]!, table).chars);
	return {
		url: `/${editions[0]!.path}/${text.slug}/`,
		content: searchContent(folded.flat()),
		language: INDEX_LANGUAGE,
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
		const fragment = JSON.parse(Buffer.from(afterSignature(await gunzipAsync(await readFile(file)), `${file} (has Pagefind's format changed?)`)).toString('utf8')) as {
			content?: string;
		};
		fragment.content = '';
		await writeFile(file, await gzipAsync(SIGNATURE + JSON.stringify(fragment), { level: 9 }));
	};
	// Some at once: each file is small, and waits on the disk twice and on zlib's threads.
	const names = await readdir(dir);
	for (let i = 0; i < names.length; i += FRAGMENTS_AT_ONCE) await Promise.all(names.slice(i, i + FRAGMENTS_AT_ONCE).map((name) => drop(join(dir, name))));
}

/**
 * Pagefind's page list, read, and an index chunk read to check it, with the
 * browser's own code (pagefind-index.ts, cbor.ts). A Pagefind whose files
 * are not as 1.6 writes them fails the build here, naming the file, rather
 * than every search on the site.
 */
async function readIndexMeta(outputPath: string): Promise<Meta> {
	const unpack = async (file: string) => decodeCbor(afterSignature(await gunzipAsync(await readFile(file)), file));
	const name = (await readdir(outputPath)).find((file) => file.endsWith('.pf_meta'));
	if (!name) throw new Error(`${outputPath}: Pagefind wrote no page list (*.pf_meta).`);
	const hint = ` (has Pagefind's format changed? This site reads Pagefind 1.6's; see src/search/pagefind-index.ts)`;
	try {
		const meta = readMeta(await unpack(join(outputPath, name)), join(outputPath, name));
		const chunk = meta.chunks[0];
		if (chunk) {
			const file = join(outputPath, 'index', `${chunk.hash}.pf_index`);
			readChunk(await unpack(file), file);
		}
		return meta;
	} catch (error) {
		throw new Error(`${(error as Error).message}${hint}`, { cause: error });
	}
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
	/** The text's date (YYYY-MM-DD): the index numbers texts oldest first. */
	date: string;
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
			date: text.date,
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
	const texts: { record: SearchRecord; date: string }[] = [];
	try {
		// In the order of the slugs, a few read at once.
		for (let i = 0; i < slugs.length; i++) {
			for (const slug of slugs.slice(i + 1, i + READ_AHEAD)) reader.readAhead(slug);
			const text = await reader.text(slugs[i]!);
			foldTable.note(text.observation);
			texts.push(text);
			paragraphs += text.paragraphs;
			reader.forget(slugs[i]!);
		}
		// Pagefind numbers texts in the order they are added: oldest first (the sort is stable: slug order within a day),
		// so that newest first is its order backwards and its page list carries no sort (pagefind-index.ts).
		const records = texts.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)).map((text) => text.record);
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
		await writeFile(join(outputPath, CONTENTS_FILE), serializeContents(await readIndexMeta(outputPath)));
		return { texts: slugs.length, paragraphs, foldEntries: shipped.size, refolded };
	} finally {
		await pagefind.close();
	}
}
