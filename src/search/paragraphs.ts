/**
 * The paragraphs of each text in every edition, read back from the built
 * pages: what the reader sees, pinned terms and all, and where each
 * paragraph's element lies in its page file (the search fetches a result's
 * paragraph from the reader's own page by that byte range).
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Edition } from '../editions.ts';

/** A paragraph as search sees it: its lasting id and its words (its ¶ tools stand beside it, not in it). */
export interface ParagraphText {
	id: string;
	text: string;
}

/** A paragraph of a built page: its words, and the bytes of its `<p>` element in the page file, [start, end). */
export interface BuiltParagraph extends ParagraphText {
	bytes: [number, number];
}

export interface TextInEditions {
	slug: string;
	/** The text's date (YYYY-MM-DD), as its page gives it. */
	date: string;
	/** The title, per edition (same order as the editions). */
	titles: string[];
	/** Each paragraph's id and its text per edition. */
	paragraphs: { id: string; texts: string[] }[];
	/** Per edition, each paragraph's byte range in that edition's page. */
	bytes: [number, number][][];
}

const BODY_START = '<div class="text-body"';
const BODY = /<div class="text-body"[^>]*>([\s\S]*)<\/div><\/article>/;

/** The HTML of a built text page's body (its paragraphs), or undefined if the page has none. */
export const textBodyHtml = (html: string) => BODY.exec(html)?.[1];

const TITLE = /<h1>([\s\S]*?)<\/h1>/;
/** The text's date, in the line under its title. */
const DATE = /<p class="text-meta">[\s\S]*?<time datetime="(\d{4}-\d{2}-\d{2})"/;

/** Text content, leaving out what Pagefind is told to ignore (`data-pagefind-ignore`). */
function textOf(node: Root | RootContent): string {
	if (node.type === 'text') return node.value;
	if (node.type === 'element' && node.properties.dataPagefindIgnore !== undefined) return '';
	if ('children' in node) return node.children.map(textOf).join('');
	return '';
}

const PARAGRAPH_ID = /^p\d+$/;

/** The paragraphs of a text body, in order: `<p>` elements carrying a paragraph id, wherever the page puts them. */
function paragraphElements(tree: Root): Element[] {
	const found: Element[] = [];
	const visit = (node: Root | Element) => {
		for (const child of node.children) {
			if (child.type !== 'element') continue;
			if (child.tagName === 'p' && PARAGRAPH_ID.test(String(child.properties.id ?? ''))) found.push(child);
			else visit(child);
		}
	};
	visit(tree);
	return found;
}

/** The paragraphs of a rendered text's tree, with their words. */
export const paragraphsOf = (tree: Root): ParagraphText[] =>
	paragraphElements(tree).map((p) => ({ id: String(p.properties.id), text: textOf(p) }));

/** A built text page: its title and its paragraphs with their byte ranges. */
export function readTextPage(file: string, page: Buffer): { title: string; date: string; paragraphs: BuiltParagraph[] } {
	const html = page.toString('utf8');
	const title = TITLE.exec(html)?.[1];
	const date = DATE.exec(html)?.[1];
	const bodyAt = page.indexOf(BODY_START);
	const body = bodyAt < 0 ? undefined : textBodyHtml(page.subarray(bodyAt).toString('utf8'));
	if (body === undefined || title === undefined || date === undefined) throw new Error(`${file}: no text body, title or date found; was the page template changed?`);
	// The body's first byte: after the opening tag of the text-body element.
	const bodyStart = bodyAt + page.subarray(bodyAt).indexOf('>') + 1;
	let byteAt = bodyStart;
	let charAt = 0;
	/** Byte offset in the page of a UTF-16 offset in the body (offsets only grow). */
	const byteOf = (offset: number) => {
		byteAt += Buffer.byteLength(body.slice(charAt, offset));
		charAt = offset;
		return byteAt;
	};
	const paragraphs = paragraphElements(fromHtml(body, { fragment: true })).map((p): BuiltParagraph => {
		const start = p.position?.start.offset;
		const end = p.position?.end.offset;
		if (start === undefined || end === undefined) throw new Error(`${file}: paragraph ${String(p.properties.id)} has no position in the page.`);
		return { id: String(p.properties.id), text: textOf(p), bytes: [byteOf(start), byteOf(end)] };
	});
	return { title: textOf(fromHtml(title, { fragment: true })), date, paragraphs };
}

/** One text from its pages in every edition (first edition first); fails if their paragraphs differ. */
export function alignEditions(slug: string, pages: readonly { title: string; date: string; paragraphs: readonly BuiltParagraph[] }[]): TextInEditions {
	const paragraphs = pages[0]!.paragraphs.map((paragraph, i) => ({
		id: paragraph.id,
		texts: pages.map((page) => {
			const same = page.paragraphs[i];
			if (!same || same.id !== paragraph.id) throw new Error(`${slug}: paragraph ${paragraph.id} is missing or out of place in another edition.`);
			return same.text;
		}),
	}));
	return { slug, date: pages[0]!.date, titles: pages.map((page) => page.title), paragraphs, bytes: pages.map((page) => page.paragraphs.map((p) => p.bytes)) };
}

/** The page file of a text in an edition. */
export const textPageFile = (dist: string, edition: Edition, slug: string) => join(dist, edition.path, slug, 'index.html');

/** The slugs of the texts built: folders under `dist/<first edition>/` whose page has a text body. */
export async function builtSlugs(dist: string, editions: readonly Edition[]): Promise<string[]> {
	const [first] = editions;
	const folders = (await readdir(join(dist, first!.path), { withFileTypes: true })).filter((entry) => entry.isDirectory());
	const slugs = await Promise.all(
		folders.map(async ({ name }) => {
			try {
				return (await readFile(textPageFile(dist, first!, name))).includes(BODY_START) ? name : undefined;
			} catch {
				// A folder without a page of its own (a listing's sub-folder).
				return undefined;
			}
		}),
	);
	return slugs.filter((slug): slug is string => slug !== undefined).sort();
}

/** One built text, read in every edition. */
export async function readText(dist: string, editions: readonly Edition[], slug: string): Promise<TextInEditions> {
	const pages = await Promise.all(
		editions.map(async (edition) => {
			const file = textPageFile(dist, edition, slug);
			return readTextPage(file, await readFile(file));
		}),
	);
	return alignEditions(slug, pages);
}

/** Every text built, read in all editions. */
export async function readTexts(dist: string, editions: readonly Edition[]): Promise<TextInEditions[]> {
	const slugs = await builtSlugs(dist, editions);
	return Promise.all(slugs.map((slug) => readText(dist, editions, slug)));
}
