/**
 * Which pages exist: every text in every edition, and the archive's listing
 * pages (an edition's index, the pages of each year). Routes re-export
 * these `getStaticPaths`, so the lists are decided here only.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { PageFamily } from '../alternates.ts';
import { archiveOf } from '../archive/calendar.ts';
import { pageSegment, yearPath, yearSegment } from '../archive/paths.ts';
import { contentDir } from '../content-dir.ts';
import { editionLineConverter } from '../convert/edition-text.ts';
import type { Convert } from '../convert/opencc.ts';
import { DEFAULT_EDITION, EDITIONS, type Edition } from '../editions.ts';
import { indexRecords, refuseLostRecords, type RecordIndex, type StoredRecord } from '../paragraphs/anchor-record.ts';
import { reportRecords } from '../paragraphs/summary.ts';
import { sitemaps } from '../sitemap.ts';

export type Text = CollectionEntry<'texts'>;

/** How many of the newest texts an edition's index lists, and the home page. */
export const RECENT_TEXTS = { index: 20, home: 10 };

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
			refuseLostRecords(index, contentDir());
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
 * Every text in every edition, with its place in the archive, and its
 * compare pages (`/<edition>/<slug>/compare/`). Text by text, so that a
 * text's pages are rendered one after another: its parsed HTML is then kept
 * only while they render. Then, for a renamed text, a redirect page at each
 * old address in every edition.
 */
export async function textPaths(building: boolean) {
	const texts = await allTexts();
	const { places } = archiveOf(texts);
	const records = (await recordIndex(building)).texts;
	const pages = texts.flatMap((text) => [
		...EDITIONS.map((edition: Edition) => ({ params: { edition: edition.path, slug: text.id, view: undefined }, props: { edition, text, place: places.get(text.id)! } })),
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

/** Each edition's index: the newest texts and the years. */
export async function editionIndexPaths() {
	const texts = await allTexts();
	const { years } = archiveOf(texts);
	const recent = texts.slice(0, RECENT_TEXTS.index);
	return EDITIONS.map((edition: Edition) => ({ params: { edition: edition.path }, props: { edition, recent, years } }));
}

/** Every page of every year in every edition (`page` is undefined on a year's first page). */
export async function yearPagePaths() {
	const { years } = archiveOf(await allTexts());
	return years.flatMap((year) =>
		year.pages.flatMap((page) =>
			EDITIONS.map((edition: Edition) => ({
				params: { edition: edition.path, year: yearSegment(year.year), page: pageSegment(page.page) },
				props: { edition, year, page, years: years.map((y) => y.year) },
			})),
		),
	);
}

/** A line of a text's own (its title, publisher or summary) in an edition: converted like the text, in the edition's quotation marks. */
export const lineConverterFor = (text: Text, edition: Edition): Convert => editionLineConverter(text.data.script, edition, text.data.terms, text.id);

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

/** A page of a year's listing in every edition. */
export const yearPages = (year: number, page = 1): PageFamily => ({
	pathIn: (edition) => yearPath(edition, year, page),
	xDefault: yearPath(DEFAULT_EDITION, year, page),
});

/** Every page meant for search engines (the sitemap): the indexes, every page of every year, and every text, in every edition. */
export async function indexedPages(): Promise<PageFamily[]> {
	const texts = await allTexts();
	const { years } = archiveOf(texts);
	return [
		editionIndexes,
		...years.flatMap((year) => year.pages.map((page) => yearPages(year.year, page.page))),
		...texts.map((text) => textPages(text.id)),
	];
}

/** The sitemaps `/sitemap-<n>.xml`, each with its entries. */
export async function sitemapPaths() {
	return sitemaps(await indexedPages()).map((entries, i) => ({ params: { n: String(i + 1) }, props: { entries } }));
}
