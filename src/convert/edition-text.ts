/**
 * Converting a text into an edition: the converter for (stored script,
 * edition, pinned terms), and the conversion of a text's rendered HTML and
 * of its title and summary: characters, then the edition's quotation marks.
 */
import { AstroError } from 'astro/errors';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { EDITIONS, STORAGE_SCRIPTS, type Edition, type StorageScript } from '../editions.ts';
import type { Term } from '../schemas/entry.ts';
import { simplifiedOnly, traditionalOnly } from './charsets.ts';
import { glossary } from './glossary.ts';
import { rewriting } from './explain.ts';
import { openccConverter, withPinnedTerms, type Convert, type PinnedTerm } from './opencc.ts';
import { requote, type QuoteStyle } from './quotes.ts';
import { convertTree, labelKeptPassages, requoteTree } from './tree.ts';
import { memoryAnchorStore, type AnchorStore } from '../paragraphs/anchor-record.ts';
import { assignParagraphIds } from '../paragraphs/ids.ts';
import { addParagraphTools } from '../paragraphs/tools.ts';
import { rejectUnsafeMarkup } from '../texts/safety.ts';
import { ui } from '../ui.ts';

/** The terms pinned for one text: its own, then the site's glossary. */
function pinnedTerms(script: StorageScript, edition: Edition, terms: readonly Term[]): PinnedTerm[] {
	const base = openccConverter(STORAGE_SCRIPTS[script], edition.opencc);
	const pinned: PinnedTerm[] = [];
	const seen = new Set<string>();
	const own = terms.length;
	[...terms, ...glossary()].forEach((term, i) => {
		const match = term[script];
		if (!match || seen.has(match)) return;
		seen.add(match);
		pinned.push({ match, output: term[edition.lang] ?? base(match), origin: i < own ? 'text' : 'glossary' });
	});
	return pinned;
}

/**
 * Characters of the other script that stray into a text (an editor's paste:
 * 牽一发 in a simplified text, 頭发 in a traditional one) are first brought
 * into the text's own script, with the phrase they stand in: the text goes
 * into the other script and back with OpenCC, whose phrases then decide
 * (頭发 → 头发 → 頭髮, 发展 → 發展; 牽一发而动全身 → 牵一发而动全身), and
 * only the stray characters take the result. Characters both scripts use are
 * never touched.
 */
function withStrayCharactersFolded(convert: Convert, script: StorageScript): Convert {
	const own = STORAGE_SCRIPTS[script];
	const other = own === 'cn' ? 't' : 'cn';
	const stray = own === 'cn' ? traditionalOnly() : simplifiedOnly();
	const pattern = new RegExp(`[${[...stray.keys()].join('')}]`, 'gu');
	// Most text holds no stray character: a table of their first UTF-16 units says so
	// ~8 × faster than the pattern's test (a class of ~3,000 characters).
	const firstUnits = new Uint8Array(0x10000);
	for (const char of stray.keys()) firstUnits[char.charCodeAt(0)] = 1;
	const mayHoldStray = (text: string) => {
		for (let i = 0; i < text.length; i++) if (firstUnits[text.charCodeAt(i)] === 1) return true;
		return false;
	};
	const there = openccConverter(own, other);
	const back = openccConverter(other, own);
	const fold = (text: string) => {
		if (!mayHoldStray(text)) return text;
		pattern.lastIndex = 0;
		if (!pattern.test(text)) return text;
		const inContext = back(there(text));
		// A phrase that changed length would misplace the rest: then each character is folded alone.
		const foldOne = inContext.length === text.length ? (char: string, at: number) => inContext.slice(at, at + char.length) : (char: string) => stray.get(char) ?? char;
		return text.replace(pattern, foldOne);
	};
	return rewriting(convert, fold, 'stray');
}

/** Converters made, each with the glossary and the text's terms it was made with. */
const converters = new Map<string, { glossary: Term[]; terms: string; convert: Convert }>();

/**
 * The converter from a text's stored script into an edition, pinned terms
 * included. Texts without terms of their own share one converter. It is made
 * again when the glossary or the text's terms changed (an editor's edit in
 * `npm run dev`, where this module outlives the edit).
 */
export function editionConverter(script: StorageScript, edition: Edition, terms: readonly Term[] = [], textId = ''): Convert {
	const key = `${script}>${edition.lang}>${terms.length > 0 ? textId : ''}`;
	const made = converters.get(key);
	const version = { glossary: glossary(), terms: JSON.stringify(terms) };
	if (made?.glossary === version.glossary && made.terms === version.terms) return made.convert;
	const opencc = withStrayCharactersFolded(openccConverter(STORAGE_SCRIPTS[script], edition.opencc), script);
	const convert = withPinnedTerms(opencc, pinnedTerms(script, edition, terms));
	converters.set(key, { ...version, convert });
	return convert;
}

/**
 * The quotation marks a text takes in an edition, or none to change: a text
 * reads as published in the editions that quote as its own script does (a
 * simplified text's “…“…”…” stays in 简体), and takes the edition's marks in
 * the others.
 */
export function editionQuotes(script: string | undefined, edition: Edition): QuoteStyle | undefined {
	const own = EDITIONS.find((e) => e.lang === script)?.quotes;
	return own?.join('') === edition.quotes.join('') ? undefined : edition.quotes;
}

/**
 * A line of a text's own (its title, summary or publisher) in an edition:
 * converted like the text, in the edition's quotation marks. (The body is
 * converted as a tree, paragraph by paragraph: `editionHtml`.)
 */
export function editionLineConverter(script: StorageScript, edition: Edition, terms: readonly Term[] = [], textId = ''): Convert {
	const convert = editionConverter(script, edition, terms, textId);
	const quotes = editionQuotes(script, edition);
	return quotes ? (line) => requote(convert(line), quotes) : convert;
}

/** One edition of a text: the edition, and the converter of the text into it (`editionConverter`). */
export interface EditionTarget {
	edition: Edition;
	convert: Convert;
}

/**
 * Parsed HTML of each text, kept so that a text rendered for its first
 * edition is not rendered and parsed again for the others. Off in dev, where
 * entries change under the server.
 */
const parsed = new Map<string, { tree: Root; uses: number }>();

/**
 * How many times a build asks for a text's parsed tree: once per edition
 * (its pages), and once for the columns of its compare pages
 * (src/compare/columns.ts), which follow them.
 */
export const TREE_USES = EDITIONS.length + 1;

/** What `editionHtml` needs to know of a text. */
export interface TextSource {
	id: string;
	/** The entry's file, named in errors. */
	file: string;
	/** The BCP-47 tag of the script the text is stored in, for passages kept unconverted and its quotation marks. */
	lang?: string | undefined;
	/** Renders the text's HTML in its stored script. */
	render: () => Promise<string>;
	/** Where the text's anchor record is kept (a text rendered from memory keeps it in memory). */
	anchors?: AnchorStore | undefined;
}

/** Texts the build refused (unsafe markup, a paragraph changed beyond a small edit): said once, with the fix. */
const refused = new Set<string>();

/**
 * The error of a refused text's other pages: one line, no trace. Astro goes
 * on rendering the site's other pages after one fails, and printed the
 * refusal with its trace for each page of the text (13 times for a text's
 * six pages), burying the message an editor needs.
 */
function refusedAbove(file: string): AstroError {
	const error = new AstroError(`${file} was refused: see its first error above.`, 'Fix it as that error says.');
	error.stack = error.message;
	return error;
}

/**
 * A text's HTML in its stored script, parsed and given its paragraph ids:
 * rendered and parsed once in a build, and kept for `uses` uses. Each use
 * may change the tree if it puts it back after, except the `last`.
 */
export async function parsedText(
	text: TextSource,
	uses: number,
	/** True in a build: the parsed tree is kept for the text's other uses. Not in dev, where entries change under the server. */
	building: boolean,
): Promise<{ tree: Root; last: boolean }> {
	let cached = building ? parsed.get(text.id) : undefined;
	if (!cached) {
		if (building && refused.has(text.id)) throw refusedAbove(text.file);
		const tree = fromHtml(await text.render(), { fragment: true });
		try {
			rejectUnsafeMarkup(tree, text.file);
			assignParagraphIds(tree, text.file, text.anchors ?? memoryAnchorStore());
		} catch (error) {
			if (building) refused.add(text.id);
			throw error;
		}
		if (text.lang) labelKeptPassages(tree, text.lang);
		cached = { tree, uses: 0 };
		if (building) parsed.set(text.id, cached);
	}
	const last = ++cached.uses >= uses;
	if (last) parsed.delete(text.id);
	return { tree: cached.tree, last };
}

/**
 * The HTML of a text in an edition. The text is rendered, parsed and given
 * its paragraph ids once, however many editions there are; each edition
 * converts its characters and quotation marks and adds the paragraphs' tools
 * in its interface words.
 */
export async function editionHtml(
	text: TextSource,
	{ edition, convert }: EditionTarget,
	/** How many times the build uses the text's tree (`TREE_USES`). */
	uses: number,
	/** True in a build: the parsed tree is kept for the text's other editions. Not in dev, where entries change under the server. */
	building = true,
	/** Called with the tree once converted into the edition (before the paragraphs' tools are added). */
	onConverted?: (tree: Root) => void,
): Promise<string> {
	// Each edition converts the one tree in place and puts it back after.
	const { tree, last } = await parsedText(text, uses, building);
	const started = performance.now();
	const quotes = editionQuotes(text.lang, edition);
	const restore = [convertTree(tree, convert), ...(quotes ? [requoteTree(tree, quotes)] : [])];
	const handing = performance.now();
	onConverted?.(tree);
	// What the pages are handed over for (the pinyin files, the feeds) is not conversion.
	const handedOver = performance.now() - handing;
	const removeTools = addParagraphTools(tree, ui(edition));
	// The paragraphs' tools are raw HTML (src/paragraphs/tools.ts); nothing else in the tree is.
	const html = toHtml(tree, { allowDangerousHtml: true });
	removeTools();
	if (!last) for (const step of restore.reverse()) step();
	// Read by the build's summary (src/build/integration.ts) and the benchmark.
	performance.measure(CONVERT_MEASURE, { start: started, duration: performance.now() - started - handedOver });
	return html;
}

/** The User Timing measure left by each page's conversion. */
export const CONVERT_MEASURE = 'fanjian:convert';
