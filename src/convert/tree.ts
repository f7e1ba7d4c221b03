/**
 * Script conversion of a HTML syntax tree (hast): text and chosen attributes
 * are converted, everything else is left exactly as it was, and so are the
 * URLs written in the text (src/convert/urls.ts). The same for an edition's
 * quotation marks (`requoteTree`).
 *
 * Phrase context crosses inline markup: the text of one block is converted as
 * one string and cut back at the original node boundaries, so
 * `牽一<b>发</b>而动全身` becomes `牽一<b>髮</b>而動全身`, not `牽一<b>發</b>…`.
 */
import type { Element, Nodes, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Explanation } from './explain.ts';
import type { Convert } from './opencc.ts';
import { requote, requoteParagraphs, type QuoteStyle } from './quotes.ts';
import { isUrl, keepUrls } from './urls.ts';

/** Elements whose content is never converted: code, scripts, maths. */
const NEVER_CONVERT = new Set([
	'code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'template',
	'textarea', 'svg', 'math',
]);

/** Inline elements: phrase context flows through them (and the pinyin aid's readings, src/pinyin/runs.ts). */
export const INLINE = new Set([
	'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'i',
	'ins', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time',
	'u', 'ruby', 'rb', 'rt', 'rp', 'label', 'wbr',
]);

/** Attributes read by people or screen readers, converted like text. */
const TEXT_ATTRIBUTES = ['alt', 'title', 'ariaLabel', 'ariaDescription', 'placeholder'] as const;

/**
 * True when an author marked the element not to be converted:
 * `data-no-convert` or `translate="no"`.
 */
function markedKeep(node: Element): boolean {
	const props = node.properties;
	return props.dataNoConvert !== undefined || props.translate === 'no';
}

/**
 * Told what each text node's conversion did (its explanation, in the node's
 * own offsets), when a conversion is explained (the compare pages).
 */
export type OnExplained = (node: Text, explanation: Explanation) => void;

/** The part of an explanation that falls in [from, to) of its text, in that part's own offsets. */
function explanationPart(explanation: Explanation, from: number, to: number): Explanation {
	const pieces = explanation.pieces
		.filter((piece) => piece.from >= from && piece.from < to)
		.map((piece) => ({ ...piece, from: piece.from - from, to: Math.min(piece.to, to) - from, outFrom: piece.outFrom - from }));
	return { output: explanation.output.slice(from, to), pieces };
}

/** Convert one run of text nodes as a single phrase context (explaining it, if `explained` listens). */
function convertRun(run: Text[], convert: Convert, explained?: OnExplained): void {
	if (run.length === 0) return;
	const alone = (node: Text) => {
		if (!explained) return void (node.value = convert(node.value));
		const explanation = convert.explain!(node.value);
		explained(node, explanation);
		node.value = explanation.output;
	};
	if (run.length === 1) return alone(run[0]!);
	const joined = run.map((node) => node.value).join('');
	const explanation = explained ? convert.explain!(joined) : undefined;
	const converted = explanation ? explanation.output : convert(joined);
	if (converted.length === joined.length) {
		let offset = 0;
		for (const node of run) {
			const end = offset + node.value.length;
			if (explanation) explained!(node, explanationPart(explanation, offset, end));
			node.value = converted.slice(offset, end);
			offset = end;
		}
		return;
	}
	// A conversion that changed the length (possible with vocabulary locales)
	// cannot be cut back reliably: convert node by node instead.
	for (const node of run) alone(node);
}

/**
 * Give passages kept unconverted the language they are written in (the
 * text's stored script), so screen readers read them right in every edition.
 * An author's own `lang` stays.
 */
export function labelKeptPassages(tree: Nodes, lang: string): void {
	const visit = (node: Nodes): void => {
		if (node.type !== 'element' && node.type !== 'root') return;
		if (node.type === 'element' && markedKeep(node)) {
			node.properties.lang ??= lang;
			return;
		}
		for (const child of node.children) visit(child as Nodes);
	};
	visit(tree);
}

/** Puts a converted tree back as it was. */
export type Restore = () => void;

/**
 * Convert a hast tree in place. Returns how to undo it, so one parsed tree
 * can serve every edition without being copied. With `explained`, each
 * text node's explanation is told too (`convert` must explain itself).
 *
 * @example convertTree(fromHtml('<p>牽一<b>发</b>而动全身</p>', { fragment: true }), cn2tw)
 */
export function convertTree(tree: Nodes, convert: Convert, explained?: OnExplained): Restore {
	if (explained && !convert.explain) throw new Error('convertTree: this converter cannot explain itself.');
	const convertText = keepUrls(convert);
	const undo: (() => void)[] = [];
	let run: Text[] = [];
	const flush = () => {
		if (run.length === 0) return;
		const originals = run.map((node) => node.value);
		const nodes = run;
		undo.push(() => nodes.forEach((node, i) => (node.value = originals[i]!)));
		convertRun(run, convertText, explained);
		run = [];
	};
	const setProperty = (node: Element, name: string, value: string) => {
		const original = node.properties[name];
		undo.push(() => (node.properties[name] = original));
		node.properties[name] = value;
	};
	const visit = (node: Nodes): void => {
		if (node.type === 'text') {
			run.push(node);
			return;
		}
		if (node.type === 'element') {
			// A link whose words are its URL is an address too, and ends where the link ends.
			if (NEVER_CONVERT.has(node.tagName) || markedKeep(node) || (node.tagName === 'a' && isUrl(toString(node)))) {
				flush();
				return;
			}
			for (const name of TEXT_ATTRIBUTES) {
				const value = node.properties[name];
				if (typeof value === 'string') setProperty(node, name, convertText(value));
			}
			if (node.tagName === 'meta' && typeof node.properties.content === 'string') {
				const name = String(node.properties.name ?? node.properties.property ?? '');
				if (/^(description|og:title|og:description|twitter:title|twitter:description)$/.test(name)) {
					setProperty(node, 'content', convertText(node.properties.content));
				}
			}
			const inline = INLINE.has(node.tagName);
			if (!inline) flush();
			for (const child of node.children) visit(child as Nodes);
			if (!inline) flush();
			return;
		}
		if (node.type === 'root') {
			for (const child of node.children) visit(child as Nodes);
			flush();
		}
	};
	visit(tree);
	flush();
	return () => {
		for (const step of undo) step();
	};
}

/** Text in a language other than Chinese (`lang="en"`): its quotation marks are its own. */
function otherLanguage(node: Element): boolean {
	const { lang } = node.properties;
	return typeof lang === 'string' && lang !== '' && !/^zh(-|$)/i.test(lang);
}

/**
 * Give a hast tree an edition's quotation marks, in place (see quotes.ts),
 * and return how to undo it. Pairs are matched across inline markup and
 * across paragraphs; code, scripts, passages kept unconverted and text in
 * another language keep their marks, and a quotation reaches over them.
 *
 * @example requoteTree(fromHtml('<p>与“两个一百年”</p>', { fragment: true }), ['「」', '『』']) // <p>与「两个一百年」</p>
 */
export function requoteTree(tree: Nodes, style: QuoteStyle): Restore {
	const undo: (() => void)[] = [];
	const paragraphs: (Text | null)[][] = [];
	let pieces: (Text | null)[] = [];
	const end = () => {
		// Blank lines between blocks neither hold marks nor end a quotation.
		if (pieces.some((piece) => piece === null || piece.value.trim() !== '')) paragraphs.push(pieces);
		pieces = [];
	};
	const visit = (node: Nodes): void => {
		if (node.type === 'text') {
			pieces.push(node);
			return;
		}
		if (node.type !== 'element' && node.type !== 'root') return;
		const inline = node.type === 'element' && INLINE.has(node.tagName);
		if (node.type === 'element') {
			if (NEVER_CONVERT.has(node.tagName) || markedKeep(node) || otherLanguage(node)) {
				// Kept inline, it is a piece of its paragraph; kept as a block, it is passed over.
				if (inline) pieces.push(null);
				return;
			}
			for (const name of TEXT_ATTRIBUTES) {
				const value = node.properties[name];
				if (typeof value !== 'string') continue;
				const rewritten = requote(value, style);
				if (rewritten === value) continue;
				undo.push(() => (node.properties[name] = value));
				node.properties[name] = rewritten;
			}
		}
		// An empty element (<br>, <img>) holds no text to end a paragraph with.
		if (node.children.length === 0) return;
		if (!inline) end();
		for (const child of node.children) visit(child as Nodes);
		if (!inline) end();
	};
	visit(tree);
	end();
	const rewritten = requoteParagraphs(paragraphs.map((nodes) => nodes.map((node) => node?.value ?? null)), style);
	paragraphs.forEach((nodes, i) =>
		nodes.forEach((node, j) => {
			const value = rewritten[i]![j];
			if (!node || value === node.value || typeof value !== 'string') return;
			const original = node.value;
			undo.push(() => (node.value = original));
			node.value = value;
		}),
	);
	return () => {
		for (const step of undo) step();
	};
}
