/**
 * Quotation marks as an edition writes them: “ ” ‘ ’ in 简体, 「 」 『 』 in
 * 繁體 and 香港繁體 (src/editions.ts `quotes`). Marks are rewritten by level,
 * not one for one: a text stored with 「『』」 reads “‘’” in 简体 and “‘’”
 * reads 「『』」 in 繁體; a quotation inside a quotation is always a level
 * deeper (“…“…”…” reads 「…『…』…」), and a single mark stays single (‘…’
 * is 『…』). A quotation over several paragraphs opens each of them and
 * closes only in the last (the Chinese convention); it stays one quotation.
 *
 * Left as written: apostrophes (don’t, it’s), quotations in Latin text
 * (`say “yes”.`: no Chinese inside, Latin letters or ASCII punctuation
 * beside), and whatever the caller keeps out (code, passages kept
 * unconverted, text in another language): a kept piece neither holds marks
 * nor ends a paragraph.
 *
 * Every mark becomes one mark of the same length, so offsets in a text are
 * the same in every edition (`?hl=` links, search marks).
 *
 * Shared by the build (texts, titles, summaries) and the browser (citations
 * quote in the page's marks): keep it small and dependency-free.
 */

/** An edition's quotation marks, outermost level first, each as opening and closing mark: `['「」', '『』']`. */
export type QuoteStyle = readonly string[];

/** Opening and closing marks of the two families: double (“ 「) and single (‘ 『). */
const OPENING: Record<string, 1 | 2> = { '“': 1, '「': 1, '‘': 2, '『': 2 };
const CLOSING: Record<string, 1 | 2> = { '”': 1, '」': 1, '’': 2, '』': 2 };
const MARK = /[“”‘’「」『』\u2029]/g;
const ANY_MARK = /[“”‘’「」『』]/;
/** Stands for a piece kept as written, inside a paragraph. */
const KEPT = '\uFFFC';
/** Ends a paragraph. */
const BREAK = '\u2029';

/** Chinese: Han, kana, bopomofo, CJK punctuation (but the corner quotation marks) and full-width forms. */
const CHINESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u300b\u3010-\u303f\uff00-\uffef]/u;
const LETTER = /[\p{L}\p{N}]/u;

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const latinLetter = (char: string | undefined) => char !== undefined && LETTER.test(char) && !CHINESE.test(char);

/** What a character says of the language around it: Chinese; Latin (a letter or digit of another script, ASCII punctuation); or nothing (spaces, marks, — …). */
type Kind = 'chinese' | 'latin' | undefined;
const kindOf = (char: string): Kind => (CHINESE.test(char) ? 'chinese' : LETTER.test(char) || ASCII_PUNCTUATION.test(char) ? 'latin' : undefined);

/** The nearest character of the paragraph that is Chinese or a letter, looking back from `from` (exclusive) or on from it (inclusive). */
function nearest(all: string, from: number, step: -1 | 1): Kind {
	for (let i = step < 0 ? from - 1 : from; i >= 0 && i < all.length; i += step) {
		let char = all[i]!;
		if (char === BREAK) return undefined;
		// Astral characters (Han extension B…) are two code units: read them whole.
		if (step < 0 && /[\udc00-\udfff]/.test(char) && i > 0) char = all[--i]! + char;
		else if (step > 0 && /[\ud800-\udbff]/.test(char)) char += all[++i] ?? '';
		const kind = kindOf(char);
		if (kind) return kind;
	}
	return undefined;
}

interface Quotation {
	family: 1 | 2;
	/** Where its opening marks are: one, or one per paragraph it spans; none for a stray closing mark. */
	opens: number[];
	close?: number;
	parent?: Quotation | undefined;
	/** Its level among the quotations rewritten (1 = the edition's first marks); 0 when left as written. */
	level: number;
}

/**
 * The quotations of a text (paragraphs separated by BREAK), in the order
 * they open, each with its level: one deeper than the quotation around it
 * (`outer` around the whole text), and at least its own family's (2 for ‘ 『).
 */
function quotations(all: string, outer = 0): Quotation[] {
	const found: Quotation[] = [];
	let stack: Quotation[] = [];
	/** Quotations still open when the previous paragraph ended, and where this paragraph's leading marks end. */
	let carried: Quotation[] = [];
	let leadingFrom = 0;
	for (const match of all.matchAll(MARK)) {
		const at = match.index;
		const mark = match[0];
		if (mark === BREAK) {
			carried = stack;
			stack = [];
			leadingFrom = at + 1;
			continue;
		}
		const family = OPENING[mark];
		if (family) {
			// A paragraph opening with the mark of a quotation left open goes on with it.
			const goesOn = carried[stack.length];
			if (leadingFrom >= 0 && /^\s*$/.test(all.slice(leadingFrom, at)) && goesOn?.family === family) {
				goesOn.opens.push(at);
				stack.push(goesOn);
				leadingFrom = at + 1;
				continue;
			}
			leadingFrom = -1;
			const quotation: Quotation = { family, opens: [at], parent: stack.at(-1), level: 0 };
			found.push(quotation);
			stack.push(quotation);
			continue;
		}
		leadingFrom = -1;
		const closing = CLOSING[mark]!;
		const open = stack.findLastIndex((quotation) => quotation.family === closing);
		if (mark === '’') {
			// don’t, it’s, rock’n’roll; or students’ and ’90s when no single quotation is open.
			const apostrophe = latinLetter(all[at - 1]) && latinLetter(all[at + 1]);
			if (apostrophe || open < 0) continue;
		}
		if (open >= 0) {
			stack[open]!.close = at;
			stack.length = open;
		} else {
			found.push({ family: closing, opens: [], close: at, parent: stack.at(-1), level: 0 });
		}
	}
	for (const quotation of found) {
		const first = quotation.opens[0];
		const { close } = quotation;
		// What is inside: the quoted text; for a stray mark, the character on its inner side.
		const inside =
			first !== undefined && close !== undefined
				? CHINESE.test(all.slice(first + 1, close)) ? 'chinese' : 'latin'
				: first !== undefined ? nearest(all, first + 1, 1) : nearest(all, close!, -1);
		const before = first !== undefined ? nearest(all, first, -1) : undefined;
		const after = close !== undefined ? nearest(all, close + 1, 1) : undefined;
		const latin = inside !== 'chinese' && before !== 'chinese' && after !== 'chinese' && (before === 'latin' || after === 'latin');
		// Parents come first in `found`, so their level is known.
		let parent = quotation.parent;
		while (parent && parent.level === 0) parent = parent.parent;
		quotation.level = latin ? 0 : Math.max((parent?.level ?? outer) + 1, quotation.family);
	}
	return found;
}

/**
 * Rewrite the quotation marks of consecutive paragraphs, each given as its
 * pieces of text (the text nodes of a paragraph), `null` for a piece kept as
 * written. Returns the pieces, rewritten, in the same shape. `outer` is the
 * level of a quotation the text stands in (1 inside a citation's marks).
 *
 * @example requoteParagraphs([['他说：“第一段'], ['“第二段', null, '。”']], ['「」', '『』'])
 * // [['他说：「第一段'], ['「第二段', null, '。」']]
 */
export function requoteParagraphs(paragraphs: readonly (readonly (string | null)[])[], style: QuoteStyle, outer = 0): (string | null)[][] {
	const all = paragraphs.map((pieces) => pieces.map((piece) => piece ?? KEPT).join('')).join(BREAK);
	if (!ANY_MARK.test(all)) return paragraphs.map((pieces) => [...pieces]);
	// The marks to rewrite, by place in `all`; each piece is then cut once around those it holds.
	const marks: [number, string][] = [];
	for (const quotation of quotations(all, outer)) {
		if (quotation.level === 0) continue;
		const [open, close] = style[(quotation.level - 1) % style.length]!;
		for (const at of quotation.opens) marks.push([at, open!]);
		if (quotation.close !== undefined) marks.push([quotation.close, close!]);
	}
	marks.sort((a, b) => a[0] - b[0]);
	let next = 0;
	let at = 0;
	return paragraphs.map((pieces, index) => {
		if (index > 0) at++;
		return pieces.map((piece) => {
			const from = at;
			at += piece === null ? 1 : piece.length;
			// No mark stands in a piece kept as written or between paragraphs (KEPT and BREAK are not marks).
			if (piece === null) return null;
			let rewritten = '';
			let kept = from;
			for (; next < marks.length && marks[next]![0] < at; next++) {
				const [place, mark] = marks[next]!;
				rewritten += piece.slice(kept - from, place - from) + mark;
				kept = place + 1;
			}
			return kept === from ? piece : rewritten + piece.slice(kept - from);
		});
	});
}

/**
 * One line of text (a title, a summary) in an edition's quotation marks.
 *
 * @example requote('“两个一百年”奋斗目标', ['「」', '『』']) // '「两个一百年」奋斗目标'
 */
export const requote = (text: string, style: QuoteStyle): string => requoteParagraphs([[text]], style)[0]![0]!;

/**
 * A quote as a citation gives it: in the edition's outer marks, its own
 * quotations one level deeper. A quote that is one whole quotation already
 * is not quoted twice, and a mark left without its partner at either end (a
 * selection that cut a quotation) is dropped.
 *
 * @example quoted('建设一支强大队伍。“千军易得，一将难求”', ['“”', '‘’']) // '“建设一支强大队伍。‘千军易得，一将难求’”'
 */
export function quoted(text: string, style: QuoteStyle): string {
	let quote = text.trim();
	const found = quotations(quote);
	const last = quote.length - 1;
	if (found.some((quotation) => quotation.level > 0 && quotation.opens.length === 1 && quotation.opens[0] === 0 && quotation.close === last)) {
		return requote(quote, style);
	}
	const unmatched = (at: number) =>
		found.some((quotation) => quotation.level > 0 && (quotation.opens.length === 0 || quotation.close === undefined) && (quotation.opens.includes(at) || quotation.close === at));
	quote = quote.slice(unmatched(0) ? 1 : 0, unmatched(last) && last > 0 ? last : undefined).trim();
	const [open, close] = style[0]!;
	// Inside the citation's marks, the quote's own quotations are a level deeper.
	return open + requoteParagraphs([[quote]], style, 1)[0]![0]! + close;
}
