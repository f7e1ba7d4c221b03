/**
 * Which text pages exist: every text in every edition. Routes re-export
 * these `getStaticPaths`, so the list is decided here only.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { PageFamily } from '../alternates.ts';
import { contentDir } from '../content-dir.ts';
import { DEFAULT_EDITION, EDITIONS, type Edition } from '../editions.ts';
import { indexRecords, type RecordIndex, type StoredRecord } from '../paragraphs/anchor-record.ts';
import { reportRecords } from '../paragraphs/summary.ts';

export type Text = CollectionEntry<'texts'>;

/** Every text, newest first, then by slug. */
export async function allTexts(): Promise<Text[]> {
	const texts = await getCollection('texts');
	return texts.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
}

let builtIndex: Promise<RecordIndex> | undefined;

/**
 * Every text's anchor record, wherever it is in the content folder (see
 * src/paragraphs/anchor-record.ts): found once in a build, and afresh for
 * each page in dev, where entries change under the server.
 */
export function recordIndex(building: boolean): Promise<RecordIndex> {
	if (building && builtIndex) return builtIndex;
	const found = allTexts().then((texts) => {
		const index = indexRecords(
			texts.map((text) => ({ slug: text.id, entry: text.filePath ?? `${text.id}.mdx`, body: text.body ?? '' })),
			contentDir(),
		);
		if (building) {
			const redirects = [...index.texts.values()].flatMap((text) => text.formerSlugs.map((former): [string, string] => [former, text.slug]));
			reportRecords(index.texts.keys(), redirects, index.stale);
		}
		return index;
	});
	if (building) builtIndex = found;
	return found;
}

/**
 * Every id an old address of a text published, and the paragraph (1-based)
 * it lands on: for the redirect page, which keeps `#pN` without JavaScript.
 */
export function publishedIds(record: StoredRecord | undefined): { id: string; position: number }[] {
	if (!record) return [];
	const position = new Map(record.paragraphs.map((paragraph, i) => [paragraph.id, i + 1]));
	const aliases = Object.entries(record.aliases).flatMap(([alias, target]) => (position.has(target) ? [{ id: alias, position: position.get(target)! }] : []));
	return [...record.paragraphs.map((paragraph, i) => ({ id: paragraph.id, position: i + 1 })), ...aliases];
}

/**
 * Every text in every edition, and its compare pages (`/<edition>/<slug>/compare/`).
 * Text by text, so that a text's pages are rendered one after another: its
 * parsed HTML is then kept only while they render, and its search record is
 * complete as soon as its last edition is done. Then, for a renamed text, a
 * redirect page at each old address in every edition.
 */
export async function textPaths(building: boolean) {
	const texts = await allTexts();
	const records = (await recordIndex(building)).texts;
	const pages = texts.flatMap((text) => [
		...EDITIONS.map((edition: Edition) => ({ params: { edition: edition.path, slug: text.id, view: undefined }, props: { edition, text } })),
		...EDITIONS.map((edition: Edition) => ({ params: { edition: edition.path, slug: text.id, view: 'compare' }, props: { edition, text, compare: true } })),
	]);
	const redirects = texts.flatMap((text) => {
		const anchors = records.get(text.id);
		const ids = publishedIds(anchors?.record);
		return (anchors?.formerSlugs ?? []).flatMap((former) =>
			EDITIONS.map((edition: Edition) => ({ params: { edition: edition.path, slug: former, view: undefined }, props: { edition, movedTo: text, ids } })),
		);
	});
	return [...pages, ...redirects];
}

export async function editionIndexPaths() {
	const texts = await allTexts();
	return EDITIONS.map((edition: Edition) => ({ params: { edition: edition.path }, props: { edition, texts } }));
}

/** The URL path of a text in an edition. */
export const textPath = (edition: Edition, slug: string) => `/${edition.path}/${slug}/`;

/** The URL path of a text's compare page in an edition (its editions side by side, src/compare/). */
export const comparePath = (edition: Edition, slug: string) => `${textPath(edition, slug)}compare/`;

/** The edition indexes `/<edition>/`; the edition chooser `/` is their `x-default`. */
export const editionIndexes: PageFamily = { pathIn: (edition) => `/${edition.path}/`, xDefault: '/' };

/** A text in every edition; the default edition's page is its `x-default`. */
export const textPages = (slug: string): PageFamily => ({
	pathIn: (edition) => textPath(edition, slug),
	xDefault: textPath(DEFAULT_EDITION, slug),
});

/** Every page meant for search engines (the sitemap): the indexes and every text, in every edition. */
export async function indexedPages(): Promise<PageFamily[]> {
	return [editionIndexes, ...(await allTexts()).map((text) => textPages(text.id))];
}
