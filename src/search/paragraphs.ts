/**
 * The paragraphs of each text in every edition, as the pages show them,
 * pinned terms and all: taken from each page's converted tree while the
 * site renders, or read back from built pages (the quote benchmark).
 */
import type { Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Edition } from '../editions.ts';
import { topLevelParagraphs } from '../paragraphs/numbered.ts';

export interface TextInEditions {
	slug: string;
	/** The title, per edition (same order as the editions). */
	titles: string[];
	/** Each paragraph's id and its text per edition. */
	paragraphs: { id: string; texts: string[] }[];
}

const BODY = /<div class="text-body"[^>]*>([\s\S]*)<\/div><\/article>/;

/** The HTML of a built text page's body (its paragraphs), or undefined if the page has none. */
export const textBodyHtml = (html: string) => BODY.exec(html)?.[1];

const TITLE = /<h1>([\s\S]*?)<\/h1>/;

/** Text content, leaving out what Pagefind is told to ignore (`data-pagefind-ignore`). */
function textOf(node: Root | RootContent): string {
	if (node.type === 'text') return node.value;
	if (node.type === 'element' && node.properties.dataPagefindIgnore !== undefined) return '';
	if ('children' in node) return node.children.map(textOf).join('');
	return '';
}

/** A paragraph as search sees it: its id and its words (its ¶ tools stand beside it, not in it). */
export interface ParagraphText {
	id: string;
	text: string;
}

/** The top-level paragraphs (those with ids) of a text's rendered tree. */
export function paragraphsOf(tree: Root): ParagraphText[] {
	return topLevelParagraphs(tree)
		.filter((p) => typeof p.properties.id === 'string')
		.map((p) => ({ id: String(p.properties.id), text: textOf(p) }));
}

function readPage(html: string, file: string): { title: string; paragraphs: ParagraphText[] } {
	const body = textBodyHtml(html);
	const title = TITLE.exec(html)?.[1];
	if (body === undefined || title === undefined) throw new Error(`${file}: no text body or title found; was the page template changed?`);
	return { title: textOf(fromHtml(title, { fragment: true })), paragraphs: paragraphsOf(fromHtml(body, { fragment: true })) };
}

/** One text from its pages in every edition (first edition first); fails if their paragraphs differ. */
export function alignEditions(slug: string, pages: readonly { title: string; paragraphs: readonly ParagraphText[] }[]): TextInEditions {
	const paragraphs = pages[0]!.paragraphs.map((paragraph, i) => ({
		id: paragraph.id,
		texts: pages.map((page) => {
			const same = page.paragraphs[i];
			if (!same || same.id !== paragraph.id) throw new Error(`${slug}: paragraph ${paragraph.id} is missing or out of place in another edition.`);
			return same.text;
		}),
	}));
	return { slug, titles: pages.map((page) => page.title), paragraphs };
}

/**
 * Every text built: the folders under `dist/<first edition>/` that hold a
 * text page, each read in all editions.
 */
export async function readTexts(dist: string, editions: readonly Edition[]): Promise<TextInEditions[]> {
	const [first] = editions;
	const folders = (await readdir(join(dist, first!.path), { withFileTypes: true })).filter((entry) => entry.isDirectory());
	const texts = await Promise.all(
		folders.map(async ({ name: slug }): Promise<TextInEditions | undefined> => {
			const read = async (edition: Edition) => {
				const file = join(dist, edition.path, slug, 'index.html');
				return { file, html: await readFile(file, 'utf8') };
			};
			const firstPage = await read(first!);
			if (!firstPage.html.includes('class="text-body"')) return undefined;
			const pages = [readPage(firstPage.html, firstPage.file)];
			for (const edition of editions.slice(1)) {
				const { file, html } = await read(edition);
				pages.push(readPage(html, file));
			}
			return alignEditions(slug, pages);
		}),
	);
	return texts.filter((text): text is TextInEditions => text !== undefined);
}
