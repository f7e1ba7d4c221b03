/**
 * The search index: one Pagefind record per paragraph of each text (not per
 * edition), its content folded to one script, one token per character, its
 * fields enough to link to `/<edition>/<slug>/#pN` and to show the
 * paragraph in any edition. Written at the end of the build.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Edition } from '../editions.ts';
import { diffEdition } from './edition-diff.ts';
import { fold, searchContent, serializeFoldTable, type FoldTable } from './fold.ts';
import { buildFoldTable } from './fold-table.ts';
import type { TextInEditions } from './paragraphs.ts';

/** Pagefind's language for our records: any code without a stemmer or word segmenter. */
export const INDEX_LANGUAGE = 'und';
/** Where the fold table is published, beside Pagefind's bundle. */
export const FOLD_TABLE_FILE = 'fold.txt';
/** Pagefind's bundle files the site does not use (it has its own UI and runs without a worker). */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\./;

export interface SearchRecord {
	url: string;
	content: string;
	language: string;
	/**
	 * What a result needs to link and show itself. Kept as Pagefind filters,
	 * not meta: Pagefind indexes every meta value as a searchable word (a
	 * paragraph's text would almost double the index, and a slug would match
	 * a one-letter query), while filter values are only stored, in the
	 * record's fragment and in filter files that searches without filters
	 * never load.
	 */
	filters: Record<string, [string]>;
}

/** Records for one text; paragraphs with nothing searchable (only punctuation) get none. */
export function textRecords(text: TextInEditions, editions: readonly Edition[], table: FoldTable): SearchRecord[] {
	const [first] = editions;
	const titleFields: Record<string, [string]> = { s: [text.slug], t: [text.titles[0]!] };
	text.titles.slice(1).forEach((title, i) => {
		const diff = diffEdition(text.titles[0]!, title);
		if (diff) titleFields[`t${i + 1}`] = [diff];
	});
	return text.paragraphs.flatMap(({ id, texts }) => {
		const { chars } = fold(texts[0]!, table);
		if (chars.length === 0) return [];
		const filters: Record<string, [string]> = { ...titleFields, n: [id.slice(1)], x: [texts[0]!] };
		texts.slice(1).forEach((other, i) => {
			const diff = diffEdition(texts[0]!, other);
			if (diff) filters[`x${i + 1}`] = [diff];
		});
		return [{ url: `/${first!.path}/${text.slug}/#${id}`, content: searchContent(chars), language: INDEX_LANGUAGE, filters }];
	});
}

/** Fail the build on any error Pagefind reports. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
	if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}: ${response.errors.join('; ')}`);
	return response;
}

export interface IndexStats {
	texts: number;
	records: number;
	foldEntries: number;
}

/** Build and write the index and the fold table into `<dist>/pagefind/`. */
export async function writeSearchIndex(dist: string, texts: TextInEditions[], editions: readonly Edition[]): Promise<IndexStats> {
	const table = buildFoldTable(texts.flatMap((text) => [text.titles, ...text.paragraphs.map((p) => p.texts)]));
	const records = texts.flatMap((text) => textRecords(text, editions, table));
	const outputPath = join(dist, 'pagefind');
	await rm(outputPath, { recursive: true, force: true });
	const { index } = check('start', await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE }));
	if (!index) throw new Error('Pagefind failed to start: no index was returned.');
	try {
		// Sent all at once: the service answers in order, and waiting for each
		// reply in turn costs a round trip per paragraph.
		const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
		added.forEach((response, i) => check(`index ${records[i]!.url}`, response));
		check('write its files', await index.writeFiles({ outputPath }));
	} finally {
		await pagefind.close();
	}
	for (const file of await readdir(outputPath)) if (UNUSED.test(file)) await rm(join(outputPath, file));
	await writeFile(join(outputPath, FOLD_TABLE_FILE), serializeFoldTable(table));
	return { texts: texts.length, records: records.length, foldEntries: table.size };
}
