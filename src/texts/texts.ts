/**
 * Which pages exist: every text in every edition, and the archive's listing
 * pages (an edition's index, the pages of each year). Routes re-export
 * these `getStaticPaths`, so the lists are decided here only.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { PageFamily } from '../alternates.ts';
import { archiveOf } from '../archive/calendar.ts';
import { pageSegment, yearPath, yearSegment } from '../archive/paths.ts';
import { editionConverter } from '../convert/edition-text.ts';
import type { Convert } from '../convert/opencc.ts';
import { DEFAULT_EDITION, EDITIONS, type Edition } from '../editions.ts';
import { sitemaps } from '../sitemap.ts';

export type Text = CollectionEntry<'texts'>;

/** How many of the newest texts an edition's index lists, and the home page. */
export const RECENT_TEXTS = { index: 20, home: 10 };

/** Every text, newest first, then by slug. */
export async function allTexts(): Promise<Text[]> {
	const texts = await getCollection('texts');
	return texts.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
}

/**
 * Every text in every edition, with its place in the archive. Text by text,
 * so that a text's editions are rendered one after another: its parsed HTML
 * is then kept only while they render, and its search record is complete as
 * soon as the last one is done.
 */
export async function textPaths() {
	const texts = await allTexts();
	const { places } = archiveOf(texts);
	return texts.flatMap((text) =>
		EDITIONS.map((edition: Edition) => ({ params: { edition: edition.path, slug: text.id }, props: { edition, text, place: places.get(text.id)! } })),
	);
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

/** A text's converter into an edition, its own pinned terms included: for its title, publisher and summary. */
export const converterFor = (text: Text, edition: Edition): Convert => editionConverter(text.data.script, edition, text.data.terms, text.id);

/** The URL path of a text in an edition. */
export const textPath = (edition: Edition, slug: string) => `/${edition.path}/${slug}/`;

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
