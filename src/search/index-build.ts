/**
 * The search index: one Pagefind record per paragraph of each text (not per
 * edition), its content folded to one script, one token per character, its
 * fields enough to link to `/<edition>/<slug>/#pN` and to show the paragraph
 * in any edition. Records are added as the pages render; the index is
 * written at the end of the build.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Edition } from '../editions.ts';
import type { PageCollector } from './collector.ts';
import { diffEdition } from './edition-diff.ts';
import { fold, searchContent, serializeFoldTable, type FoldTable } from './fold.ts';
import { FoldTableBuilder } from './fold-table.ts';
import { alignEditions, type ParagraphText, type TextInEditions } from './paragraphs.ts';

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
	return text.paragraphs.flatMap(({ id, texts }, index) => {
		const { chars } = fold(texts[0]!, table);
		if (chars.length === 0) return [];
		// `i` is the lasting id the link needs; `n` the paragraph's place, which readers are shown.
		const filters: Record<string, [string]> = { ...titleFields, i: [id], n: [String(index + 1)], x: [texts[0]!] };
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

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

async function openIndex(): Promise<PagefindIndex> {
	const { index } = check('start', await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE }));
	if (!index) throw new Error('Pagefind failed to start: no index was returned.');
	return index;
}

export interface IndexStats {
	texts: number;
	records: number;
	foldEntries: number;
	/** Whether the fold table changed after records were added, so all were folded again. */
	refolded: boolean;
}

/**
 * The index of one build. Pages hand over their paragraphs edition by
 * edition (`addPage`); once a text's editions are all in, its records go to
 * Pagefind at once, while the site goes on rendering.
 */
export class SearchIndex implements PageCollector {
	readonly #editions: readonly Edition[];
	readonly #fold = new FoldTableBuilder();
	readonly #pending = new Map<string, Map<string, { title: string; paragraphs: ParagraphText[] }>>();
	readonly #texts: TextInEditions[] = [];
	#index: Promise<PagefindIndex>;
	#adds: Promise<void>[] = [];
	#records = 0;

	constructor(editions: readonly Edition[]) {
		this.#editions = editions;
		this.#index = openIndex();
		// A failure surfaces in write(); don't let it go unhandled meanwhile.
		this.#index.catch(() => {});
	}

	addPage({ slug, lang, title, paragraphs }: { slug: string; lang: string; title: string; paragraphs: ParagraphText[] }): void {
		const pages = this.#pending.get(slug) ?? new Map();
		pages.set(lang, { title, paragraphs });
		this.#pending.set(slug, pages);
		if (pages.size < this.#editions.length) return;
		this.#pending.delete(slug);
		this.addText(alignEditions(slug, this.#editions.map((edition) => pages.get(edition.lang)!)));
	}

	addText(text: TextInEditions): void {
		this.#texts.push(text);
		for (const paragraph of text.paragraphs) this.#fold.observe(paragraph.texts);
		this.#fold.observe(text.titles);
		this.#send(text, this.#index);
	}

	#send(text: TextInEditions, index: Promise<PagefindIndex>): void {
		const records = textRecords(text, this.#editions, this.#fold.table());
		this.#records += records.length;
		// Sent without waiting: the service answers in order, and waiting for
		// each reply in turn would cost a round trip per paragraph.
		this.#adds.push(
			index.then(async (open) => {
				const added = await Promise.all(records.map((record) => open.addCustomRecord(record)));
				added.forEach((response, i) => check(`index ${records[i]!.url}`, response));
			}),
		);
	}

	/** Write the index and the fold table into `<dist>/pagefind/`. */
	async write(dist: string): Promise<IndexStats> {
		if (this.#pending.size > 0) throw new Error(`Search index: texts missing an edition: ${[...this.#pending.keys()].join(', ')}.`);
		try {
			await Promise.all(this.#adds);
			const refolded = this.#fold.mergeLate();
			if (refolded) {
				// Rare: a pair the dictionaries missed changes folds already indexed. Start again.
				await (await this.#index).deleteIndex();
				this.#index = openIndex();
				this.#adds = [];
				this.#records = 0;
				for (const text of this.#texts) this.#send(text, this.#index);
				await Promise.all(this.#adds);
			}
			const outputPath = join(dist, 'pagefind');
			await rm(outputPath, { recursive: true, force: true });
			check('write its files', await (await this.#index).writeFiles({ outputPath }));
			for (const file of await readdir(outputPath)) if (UNUSED.test(file)) await rm(join(outputPath, file));
			const shipped = this.#fold.shipped();
			await writeFile(join(outputPath, FOLD_TABLE_FILE), serializeFoldTable(shipped));
			return { texts: this.#texts.length, records: this.#records, foldEntries: shipped.size, refolded };
		} finally {
			await pagefind.close();
		}
	}
}
