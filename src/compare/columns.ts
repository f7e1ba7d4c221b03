/**
 * The columns of a text's compare pages (`/<edition>/<slug>/compare/`): the
 * text in every edition, block by block, each piece that differs from the
 * stored text marked, each choice among several candidates flagged with
 * what decided it (src/convert/choices.ts). Computed once per text in a
 * build, from the text's one parsed tree (`parsedText`), right after its
 * edition pages: the conversion runs again, explaining itself, so the marks
 * are what the site's converter did. Build time only.
 */
import type { Element, ElementContent, Properties, Root, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { changesOf, CHOICE_KINDS, type Change, type Choice, type ChoiceKind } from '../convert/choices.ts';
import { editionConverter, editionQuotes, parsedText, TREE_USES, type TextSource } from '../convert/edition-text.ts';
import type { Explanation } from '../convert/explain.ts';
import { convertTree, requoteTree } from '../convert/tree.ts';
import { EDITIONS, type Edition, type StorageScript } from '../editions.ts';
import { topLevelParagraphs } from '../paragraphs/numbered.ts';
import type { Term } from '../schemas/entry.ts';
import { ui, type UiStrings } from '../ui.ts';

/** A row of the compare table: the title, or one top-level block of the text. */
export interface CompareRow {
	/** The paragraph's lasting id (`p8`); none for the title and blocks that are not numbered paragraphs. */
	id?: string;
	/** Retired ids that land on this paragraph (anchor aliases). */
	aliases: string[];
	/** The paragraph's place (第N段); 0 for a block that is not a numbered paragraph; -1 for the title. */
	position: number;
}

/** The id a row is linked by: its paragraph's, or `r<row>` for the title and other blocks. */
export const rowAnchor = (row: CompareRow, index: number) => row.id ?? `r${index}`;

/** A choice, the row it is in, and the words it is in as the edition writes them. */
export interface PlacedChoice {
	row: number;
	change: Change & { choice: Choice };
	/** The phrase or pinned term that decided it; for a default, the characters around it. */
	context: string;
}

export interface CompareColumn {
	edition: Edition;
	/** True for the edition written in the text's stored script. */
	stored: boolean;
	/** Each row's HTML in this edition, marks included. */
	cells: string[];
	/** Characters that differ from the stored text. */
	differences: number;
	/** Choices, by what decided them. */
	choices: Record<ChoiceKind, number>;
	/** Every choice, in the order of the text. */
	placed: PlacedChoice[];
}

export interface ComparedText {
	rows: CompareRow[];
	columns: CompareColumn[];
}

/** What the columns need to know of a text. */
export interface CompareSource {
	id: string;
	title: string;
	script: StorageScript;
	terms: readonly Term[];
}

/** The class of a mark: a difference only, or a choice by what decided it. */
const MARK_CLASS: Record<ChoiceKind, string> = { default: 'risk', pinned: 'pin', phrase: 'ph' };

const text = (value: string): Text => ({ type: 'text', value });
const element = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });

/** What can decide a choice, as a note's slot names it: a letter each. */
const VIA = { d: 'compareByDefault', p: 'compareByPhrase', t: 'compareByTerm', g: 'compareByGlossary' } as const satisfies Record<string, keyof UiStrings>;

/** What decided a choice, as a note's slot names it. */
function viaOf(choice: Choice): keyof typeof VIA {
	if (choice.kind === 'pinned') return choice.rule.origin === 'glossary' ? 'g' : 't';
	return choice.kind === 'default' ? 'd' : 'p';
}

/**
 * A choice's note as a column's cells hold it: a slot (`<small>` with NUL,
 * what decided it, the characters not taken, NUL), filled with the words of
 * the page that shows the cell (`cellHtml`), since a text's columns are made
 * once for its three compare pages, each in its own edition. NUL cannot come
 * from the text: the HTML parser the text went through drops it.
 * (Which phrase decided is left to the words around the mark, and to the
 * lint's `--choices`: naming it in every note would cost the page a tenth of
 * its first paint.)
 */
const noteSlot = (choice: Choice) => `<small>\0${viaOf(choice)}${escapeHtml(choice.others.join(''))}\0</small>`;
const NOTE_SLOT = /<small>\0([dptg])([^\0]*)\0<\/small>/g;

/**
 * A cell's HTML as a compare page in `page`'s edition shows it: each choice's
 * note in that edition's words (「（未取髮，词组）」 on the 简体 page, in every
 * column). A word of the page's that the column would write otherwise (词组
 * in a 繁體 column) is marked with the page's language (`<i lang>`, HTML's
 * element for a term in another language); the note, and the characters not
 * taken, stay in the column's. (`lang` on the note and on those characters
 * instead cost the corpus's 简体 compare page 332 bytes gzipped, past its
 * budget.)
 */
export function cellHtml(cell: string, column: Edition, page: Edition): string {
	const words = ui(page);
	const own = ui(column);
	const word = (key: keyof UiStrings) => (words[key] === own[key] ? words[key] : `<i lang="${page.lang}">${words[key]}</i>`);
	const notTaken = word('compareNotTaken');
	const via = Object.fromEntries(Object.entries(VIA).map(([letter, key]) => [letter, word(key)]));
	return cell.replace(NOTE_SLOT, (_, letter: keyof typeof VIA, others: string) => `<small>（${notTaken}${others}，${via[letter]}）</small>`);
}

/** Text as HTML: what a serializer would escape in a text node or a double-quoted attribute. */
const escapeHtml = (value: string) => value.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The mark of a change: the edition's characters after the stored ones
 * (`<s lang>发→</s>髮`), so that its text says 「发→髮」 to a screen reader
 * (a `<mark>` may not be named) while the eye sees the edition's; a
 * choice adds its note and can take focus, which shows the note.
 *
 * Written as HTML, not as elements for hast-util-to-html: a text has
 * hundreds of marks in each edition, and serializing them node by node was
 * half the time of a compare page (profiled on 1,020 texts). Its only
 * variable parts are escaped text.
 */
function markOf(change: Change, storedLang: string): ElementContent {
	const inner = `<s lang="${escapeHtml(storedLang)}">${escapeHtml(change.source)}→</s>${escapeHtml(change.output)}`;
	if (!change.choice) return { type: 'raw', value: `<mark>${inner}</mark>` };
	const note = noteSlot(change.choice);
	return { type: 'raw', value: `<mark class="${MARK_CLASS[change.choice.kind]}" tabindex="0">${inner}${note}</mark>` };
}

/**
 * Split a text node at its changes into text and marks. Plain differences
 * side by side make one mark (网络 → 網絡); a choice is always a mark of its own.
 */
function marked(node: Text, changes: readonly Change[], outputOf: (change: Change) => [number, number], storedLang: string): ElementContent[] {
	const out: ElementContent[] = [];
	let last = 0;
	let run: Change | undefined;
	let runEnd = 0;
	const flush = () => {
		if (run) out.push(markOf(run, storedLang));
		run = undefined;
	};
	for (const change of changes) {
		const [start, end] = outputOf(change);
		if (run && !change.choice && start === runEnd) {
			run = { ...run, source: run.source + change.source, output: run.output + change.output, to: change.to };
			runEnd = last = end;
			continue;
		}
		flush();
		if (start > last) out.push(text(node.value.slice(last, start)));
		if (change.choice) out.push(markOf(change, storedLang));
		else {
			run = change;
			runEnd = end;
		}
		last = end;
	}
	flush();
	if (last < node.value.length) out.push(text(node.value.slice(last)));
	return out;
}

/** Every element of a tree with its parent, in document order. */
function* withParents(node: Root | Element): Generator<[Element | Root, number]> {
	for (let i = 0; i < node.children.length; i++) {
		const child = node.children[i]!;
		yield [node, i];
		if (child.type === 'element') yield* withParents(child);
	}
}

/** Attributes holding id references, given the column's suffix like the ids they name. */
const IDREF_PROPERTIES = ['ariaDescribedBy', 'ariaLabelledBy', 'ariaControls', 'ariaOwns', 'htmlFor'] as const;

/**
 * Make the ids inside a column's copy of the text its own (footnotes:
 * `fn-1` → `fn-1-zh-hant`), and the links and references to them, so that
 * the editions side by side repeat no id. Paragraph ids and their aliases
 * are the rows', and are taken out of the cells.
 */
function scopeIds(tree: Root, suffix: string, rowIds: ReadonlySet<string>): void {
	const own = new Set<string>();
	for (const [parent, i] of withParents(tree)) {
		const node = parent.children[i]!;
		if (node.type === 'element' && typeof node.properties.id === 'string' && !rowIds.has(node.properties.id)) own.add(node.properties.id);
	}
	const scoped = (id: string) => (own.has(id) ? `${id}-${suffix}` : id);
	for (const [parent, i] of withParents(tree)) {
		const node = parent.children[i]!;
		if (node.type !== 'element') continue;
		const { properties } = node;
		if (typeof properties.id === 'string') properties.id = rowIds.has(properties.id) ? undefined : scoped(properties.id);
		if (typeof properties.href === 'string' && properties.href.startsWith('#')) properties.href = `#${scoped(decodeURIComponent(properties.href.slice(1)))}`;
		for (const name of IDREF_PROPERTIES) {
			const value: unknown = properties[name];
			if (Array.isArray(value)) properties[name] = value.map((id) => scoped(String(id)));
			else if (typeof value === 'string') properties[name] = value.split(/\s+/).map(scoped);
		}
	}
}

/** An anchor alias: a retired id kept as an empty span in its paragraph (its row's, in the table). */
const isAlias = (node: ElementContent): node is Element =>
	node.type === 'element' && ((node.properties.className as string[] | undefined)?.includes('anchor-alias') ?? false);

/** The rows of a text: its title, then its top-level blocks (numbered paragraphs and the rest). */
function rowsOf(tree: Root): { rows: CompareRow[]; blocks: Element[] } {
	const paragraphs = topLevelParagraphs(tree);
	const blocks = tree.children.filter((node): node is Element => node.type === 'element');
	const rows: CompareRow[] = [{ aliases: [], position: -1 }];
	for (const block of blocks) {
		const position = paragraphs.indexOf(block) + 1;
		const id = position > 0 && typeof block.properties.id === 'string' ? block.properties.id : undefined;
		const aliases = block.children.flatMap((child) => (isAlias(child) && typeof child.properties.id === 'string' ? [child.properties.id] : []));
		rows.push({ ...(id ? { id } : {}), aliases, position });
	}
	return { rows, blocks };
}

/**
 * A copy of a block for a column to change: its elements, their properties
 * and its text. Source positions are left out (nothing after the parse reads
 * them); structuredClone, positions and all, took ten times as long, a
 * tenth of the compare pages' work.
 */
function copyOf<T extends ElementContent>(node: T): T {
	if (node.type === 'text' || node.type === 'comment' || node.type === 'raw') return { type: node.type, value: node.value } as T;
	// Nothing else comes from parsing HTML but elements (a template's content is rare: copied whole).
	if (node.type !== 'element') return structuredClone(node);
	const properties: Properties = {};
	for (const [name, value] of Object.entries(node.properties)) properties[name] = Array.isArray(value) ? [...value] : value;
	const copy: Element = { type: 'element', tagName: node.tagName, properties, children: node.children.map(copyOf) };
	if (node.content) copy.content = structuredClone(node.content);
	return copy as T;
}

/** One edition's column: the title and the blocks converted, requoted and marked; `rowIds` are the ids the rows hold. */
function column(blocks: readonly Element[], rowIds: ReadonlySet<string>, source: CompareSource, edition: Edition): CompareColumn {
	const convert = editionConverter(source.script, edition, source.terms, source.id);
	const quotes = editionQuotes(source.script, edition);
	// The column's own copy: the title as a block of its own, then the text's blocks.
	const cellBlocks: Element[] = [element('span', {}, [text(source.title)]), ...blocks.map(copyOf)];
	const copy: Root = { type: 'root', children: cellBlocks };
	const explained = new Map<Text, { original: string; explanation: Explanation }>();
	convertTree(copy, convert, (node, explanation) => explained.set(node, { original: node.value, explanation }));
	if (quotes) requoteTree(copy, quotes);
	scopeIds(copy, edition.path, rowIds);

	const placed: PlacedChoice[] = [];
	const choices = Object.fromEntries(CHOICE_KINDS.map((kind) => [kind, 0])) as Record<ChoiceKind, number>;
	let differences = 0;
	cellBlocks.forEach((block, row) => {
		// Aliases are the row's: out of the cell.
		block.children = block.children.filter((child) => !isAlias(child));
		for (const [parent, i] of [...withParents(block)].reverse()) {
			const node = parent.children[i]!;
			const found = node.type === 'text' ? explained.get(node) : undefined;
			if (!found) continue;
			const changes = changesOf(found.original, found.explanation, convert.explain!.dictionaries);
			if (changes.length === 0) continue;
			const outputs = new Map(found.explanation.pieces.map((piece) => [piece.from, [piece.outFrom, piece.outFrom + piece.output.length] as [number, number]]));
			const { value } = node as Text;
			for (const change of changes) {
				differences += change.differences;
				if (!change.choice) continue;
				choices[change.choice.kind]++;
				const [start, end] = outputs.get(change.from)!;
				const context = change.choice.kind === 'default' ? value.slice(Math.max(0, start - 2), end + 2) : change.choice.rule.value;
				placed.push({ row, change: change as PlacedChoice['change'], context });
			}
			parent.children.splice(i, 1, ...marked(node as Text, changes, (change) => outputs.get(change.from)!, source.script));
		}
	});
	// Marks were made last to first within each block; the list reads in the order of the text.
	placed.sort((a, b) => a.row - b.row || a.change.from - b.change.from);
	const serialize = { allowDangerousHtml: true };
	// The title's cell is its words, without the span that made it a block.
	const cells = cellBlocks.map((block, row) => toHtml(row === 0 ? block.children : block, serialize));
	return { edition, stored: edition.lang === source.script, cells, differences, choices, placed };
}

/**
 * The compare table of a text: its rows, and a column per edition (the
 * stored script's first). `tree` is the text's parsed tree with its ids
 * (`parsedText`); it is read, not changed.
 */
export function compareColumns(tree: Root, source: CompareSource): ComparedText {
	const { rows, blocks } = rowsOf(tree);
	const rowIds = new Set(rows.flatMap((row) => [...(row.id ? [row.id] : []), ...row.aliases]));
	const editions = [...EDITIONS].sort((a, b) => Number(b.lang === source.script) - Number(a.lang === source.script));
	return { rows, columns: editions.map((edition) => column(blocks, rowIds, source, edition)) };
}

/** Compare tables made in a build, each kept for its text's compare pages (one per edition). */
const made = new Map<string, { compared: ComparedText; uses: number }>();

/**
 * The compare table of a text, made once for its compare pages in a build
 * (`building`: from the tree its edition pages used, which comes to this as
 * its last use), afresh for each page in dev.
 */
export async function comparedText(text: TextSource, source: CompareSource, building: boolean): Promise<ComparedText> {
	let cached = building ? made.get(source.id) : undefined;
	if (!cached) {
		const { tree } = await parsedText(text, TREE_USES, building);
		cached = { compared: compareColumns(tree, source), uses: 0 };
		if (building) made.set(source.id, cached);
	}
	if (++cached.uses >= EDITIONS.length) made.delete(source.id);
	return cached.compared;
}
