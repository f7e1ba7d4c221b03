/**
 * Which text pages exist: every text in every edition. Routes re-export
 * these `getStaticPaths`, so the list is decided here only.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { PageFamily } from '../alternates.ts';
import { DEFAULT_EDITION, EDITIONS, type Edition } from '../editions.ts';

export type Text = CollectionEntry<'texts'>;

/** Every text, newest first, then by slug. */
export async function allTexts(): Promise<Text[]> {
	const texts = await getCollection('texts');
	return texts.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
}

/**
 * Every text in every edition. Text by text, so that a text's editions are
 * rendered one after another: its parsed HTML is then kept only while they
 * render, and its search record is complete as soon as the last one is done.
 */
export async function textPaths() {
	const texts = await allTexts();
	return texts.flatMap((text) =>
		EDITIONS.map((edition: Edition) => ({ params: { edition: edition.path, slug: text.id }, props: { edition, text } })),
	);
}

export async function editionIndexPaths() {
	const texts = await allTexts();
	return EDITIONS.map((edition: Edition) => ({ params: { edition: edition.path }, props: { edition, texts } }));
}

/** The URL path of a text in an edition. */
export const textPath = (edition: Edition, slug: string) => `/${edition.path}/${slug}/`;

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
