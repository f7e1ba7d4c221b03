/**
 * The search index, written after the site is built, from the built pages
 * (HTML → editions → search records): one Pagefind record per text, not per
 * paragraph or edition. Its content is the text folded to one script, one
 * token per character, paragraph after paragraph; its fields
 * (text-fields.ts) say where each paragraph starts and where it lies in each
 * edition's page. What Pagefind loads on a first search (its page list) and
 * the files it writes grow with the number of texts, not of paragraphs.
 *
 * Runs in its own process after `astro build` has exited (scripts/build.ts),
 * so the build's memory and Pagefind's are never held at once, and reads a
 * few texts at a time (keeping only their records).
 */
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { Edition } from '../editions.ts';
import { fold, searchContent, serializeFoldTable, type FoldTable } from './fold.ts';
import { FoldTableBuilder } from './fold-table.ts';
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
/** Pagefind's bundle files the site does not use (it has its own UI and runs without a worker). */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\./;
/** Texts read from disk at once. */
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

/** Pagefind's fragment files: gzip of a signature and the record as JSON. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

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
	for (const name of await readdir(dir)) {
		const file = join(dir, name);
		const raw = gunzipSync(await readFile(file)).toString('utf8');
		if (!raw.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`${file}: not a Pagefind fragment (has Pagefind's format changed?).`);
		const fragment = JSON.parse(raw.slice(FRAGMENT_SIGNATURE.length)) as { content?: string };
		fragment.content = '';
		await writeFile(file, gzipSync(FRAGMENT_SIGNATURE + JSON.stringify(fragment), { level: 9 }));
	}
}

export interface IndexStats {
	texts: number;
	paragraphs: number;
	foldEntries: number;
	/** Whether the fold table changed after records were added, so all were folded again. */
	refolded: boolean;
}

/** Read every built text (a few at a time, in order) and hand each to `use`. */
async function eachText(dist: string, editions: readonly Edition[], slugs: readonly string[], use: (text: TextInEditions) => void): Promise<void> {
	for (let i = 0; i < slugs.length; i += READ_AHEAD) {
		const texts = await Promise.all(slugs.slice(i, i + READ_AHEAD).map((slug) => readText(dist, editions, slug)));
		texts.forEach(use);
	}
}

/**
 * Index the built site in `dist`: Pagefind's bundle, the fold table and the
 * frequent characters into `<dist>/pagefind/`.
 */
export async function writeSearchIndex(dist: string, editions: readonly Edition[]): Promise<IndexStats> {
	const slugs = await builtSlugs(dist, editions);
	const foldTable = new FoldTableBuilder();
	const counts = new Map<string, number>();
	let paragraphs = 0;
	try {
		let index = await openIndex();
		const records: SearchRecord[] = [];
		const adds: Promise<void>[] = [];
		const add = (record: SearchRecord) => index.addCustomRecord(record).then((response) => void check(`index ${record.url}`, response));
		await eachText(dist, editions, slugs, (text) => {
			for (const paragraph of text.paragraphs) foldTable.observe(paragraph.texts);
			foldTable.observe(text.titles);
			const record = textRecord(text, editions, foldTable.table());
			paragraphs += text.paragraphs.length;
			records.push(record);
			// Sent without waiting: the service answers in order.
			adds.push(add(record));
		});
		await Promise.all(adds);
		const refolded = foldTable.mergeLate();
		if (refolded) {
			// A pair the dictionaries missed changes folds already indexed: index the records again,
			// folded again from what they hold (the pages are not read twice).
			await index.deleteIndex();
			index = await openIndex();
			const table = foldTable.table();
			for (const record of records) record.content = refoldContent(record.content, table);
			await Promise.all(records.map(add));
		}
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
		return { texts: slugs.length, paragraphs, foldEntries: shipped.size, refolded };
	} finally {
		await pagefind.close();
	}
}
