/**
 * Cleaning of raw texts as editors receive them (DESIGN.md §1), shared by the
 * import CLI and its tests. Every step is a pure function that also reports
 * what it changed, so the CLI can print a report and nothing is silent.
 */

import { editTraced, locator, replaceTraced, trace, type Edit, type Traced } from './traced.ts';

/** One place in the raw text the cleaner changed or is unsure of. */
export interface Finding {
	/** 1-based line in the raw text. */
	line: number;
	/** 1-based column (in code points) in that line. */
	column: number;
	/** What was seen, with a little context. */
	text: string;
	/** Why it was reported. */
	reason: string;
}

/** A place a step is unsure of, before it is located in the raw text. */
interface Unsure {
	/** Offset of the place in the raw text. */
	offset: number;
	/** Offset in the raw text where the place ends. */
	end: number;
	/** Why it was reported. */
	reason: string;
}

/** Han ideographs (CJK Unified, Extension A–H, compatibility). */
export const HAN = /\p{Script=Han}/u;
const HAN_OR_CJK_PUNCT = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]/u;

const TONE_MARKS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
/** One pinyin syllable: letters, at least one tone mark or a tone number. */
const SYLLABLE = `(?:[a-zü${TONE_MARKS}]*[${TONE_MARKS}][a-zü${TONE_MARKS}]*|[a-zü]+[1-5])`;
/**
 * A pinyin annotation: after a Han character, one or more syllables in ASCII
 * or full-width parentheses: 網(wǎng), 网络(wǎngluò), 网(wang3).
 */
const PINYIN = new RegExp(`(?<=\\p{Script=Han})[(（](${SYLLABLE}(?:[ '’]?${SYLLABLE})*)[)）]`, 'gu');
/** Lower-case letters in parentheses after a Han character, with no tone: maybe pinyin. */
const MAYBE_PINYIN = /(?<=\p{Script=Han})[(（]([a-z]{1,6})[)）]/gu;

/** The result of one cleaning step. */
export interface StepResult {
	/** The text after the step, traced to the raw text. */
	traced: Traced;
	/** The text after the step. */
	text: string;
	/** How many changes the step made (what is counted is the step's own). */
	count: number;
	/** Places the step is unsure of. */
	unsure: Unsure[];
}

const traced = (input: Traced | string): Traced => (typeof input === 'string' ? trace(input) : input);
const result = (step: Traced, count: number, unsure: Unsure[] = []): StepResult => ({ traced: step, text: step.text, count, unsure });

/**
 * Remove pinyin annotations. Real parentheses such as （2014年） or (CNNIC)
 * are kept; toneless lower-case letters after a Han character are kept but
 * reported as unsure.
 *
 * @example stripPinyin('中央網(wǎng)絡(luò)').text // '中央網絡'
 */
export function stripPinyin(input: Traced | string): StepResult {
	const { traced: stripped, replaced } = replaceTraced(traced(input), PINYIN, () => '');
	const unsure: Unsure[] = [];
	for (const found of stripped.text.matchAll(MAYBE_PINYIN)) {
		unsure.push({
			offset: stripped.origin[found.index]!,
			end: stripped.origin[found.index + found[0].length]!,
			reason: `"${found[0]}" may be a pinyin annotation without tone marks; it was kept`,
		});
	}
	return result(stripped, replaced.length, unsure);
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/**
 * Fold ASCII `, ; : ? !` to full width where Chinese text surrounds them: the
 * nearest non-space character before or after the mark (in the text as
 * received) is Han or CJK punctuation. A folded mark takes the spaces around
 * it with it. `1,000`, `CNNIC, 2014` and `https://` are left alone.
 *
 * @example foldPunctuation('安全 , 发展').text // '安全，发展'
 */
export function foldPunctuation(input: Traced | string): StepResult {
	const source = traced(input);
	const text = source.text;
	const edits: Edit[] = [];
	const isSpace = (char: string | undefined) => char === ' ' || char === '\t';
	/** Where the spaces before the next mark may start: after the last folded mark. */
	let free = 0;
	for (const found of text.matchAll(/[,;:?!]/g)) {
		const mark = found[0];
		let start = found.index;
		while (start > free && isSpace(text[start - 1])) start--;
		let end = found.index + 1;
		while (isSpace(text[end])) end++;
		const before = text[start - 1] ?? '';
		const after = text[end] ?? '';
		const url = mark === ':' && text.startsWith('//', end);
		if (url || !(HAN_OR_CJK_PUNCT.test(before) || HAN_OR_CJK_PUNCT.test(after))) continue;
		edits.push({ start, end, replacement: FULL_WIDTH[mark]! });
		free = end;
	}
	return result(editTraced(source, edits).traced, edits.length);
}

/** True when a zero-width joiner at `index` joins two emoji (👨‍👩‍👧), where it is part of the character. */
const joinsEmoji = (text: string, index: number) =>
	/[\p{Extended_Pictographic}\p{Emoji_Modifier}]\ufe0f?$/u.test(text.slice(Math.max(0, index - 3), index)) && /^\p{Extended_Pictographic}/u.test(text.slice(index + 1, index + 3));

/**
 * Normalise whitespace: CRLF and CR to LF; zero-width characters and BOMs
 * removed (but not a joiner inside an emoji); each line trimmed; runs of
 * spaces, tabs, no-break and ideographic spaces inside a line become one
 * space, and none is kept between two Han characters. Counts the lines of
 * the received text it changed.
 */
export function normaliseWhitespace(input: Traced | string): StepResult {
	let text = traced(input);
	const changed: number[] = [];
	for (const [pattern, replacement] of [
		[/\r\n?/g, '\n'],
		[/[\u200b-\u200d\u2060\ufeff]/g, ''],
		[/[^\S\n]+/g, ' '],
		[/^ | $/gm, ''],
		[/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, ''],
	] as const) {
		const step = replaceTraced(text, pattern, (found, whole) => {
			if (found[0] === replacement || (found[0] === '\u200d' && joinsEmoji(whole, found.index))) return undefined;
			return replacement;
		});
		text = step.traced;
		for (const offset of step.replaced) changed.push(offset);
	}
	const lineOf = locator(text.source);
	return result(text, new Set(changed.map((offset) => lineOf(offset).line)).size);
}

/** A received text after cleaning, before conversion, traced to the raw text. */
export interface Cleaned {
	/** The cleaned text, traced to the raw text. */
	traced: Traced;
	/** Changes made, by step. */
	counts: { pinyin: number; punctuation: number; whitespace: number };
	/** Places to check by hand, at their line and column in the raw text. */
	unsure: Finding[];
}

/**
 * Every cleaning step, in order: pinyin (so that `网(wǎng) 络` loses its
 * space too), whitespace, punctuation. Places are reported at their line and
 * column in the raw text.
 */
export function cleanText(raw: string): Cleaned {
	const pinyin = stripPinyin(raw);
	const whitespace = normaliseWhitespace(pinyin.traced);
	const punctuation = foldPunctuation(whitespace.traced);
	const locate = locator(raw);
	const unsure = [...whitespace.unsure, ...pinyin.unsure, ...punctuation.unsure].map(
		(place): Finding => ({ ...locate(place.offset), text: rawContext(raw, place.offset, place.end), reason: place.reason }),
	);
	return {
		traced: punctuation.traced,
		counts: { pinyin: pinyin.count, punctuation: punctuation.count, whitespace: whitespace.count },
		unsure,
	};
}

/** The raw text of a place, with a little context, on one line. */
export function rawContext(raw: string, offset: number, end: number): string {
	return raw.slice(Math.max(0, offset - 4), end + 4).replace(/\r?\n/g, '⏎');
}

/** Split into paragraphs: every non-empty line is one. */
export function splitParagraphs(text: string): string[] {
	return text.split('\n').filter((line) => line.length > 0);
}

/**
 * Escape one paragraph so that MDX renders it exactly as written: every
 * character MDX or Markdown would read as syntax gets a backslash.
 *
 * @example escapeMdx('<b>{x}</b>') // '\\<b\\>\\{x\\}\\</b\\>'
 */
export function escapeMdx(paragraph: string): string {
	let escaped = paragraph.replace(/[\\`*_{}<>[\]|~&]/g, '\\$&');
	// Block syntax only counts at the start of a line.
	escaped = escaped.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
	// GFM would link a bare URL and take the backslashes inside it literally
	// (and an escaped `<` after it would then open a JSX tag): a URL stays
	// text, its `://` or `www.` escaped.
	escaped = escaped.replace(/https?(?=:\/\/)|www(?=\.)/gi, '$&\\');
	// MDX reads a line starting with `import` or `export` as JavaScript; a
	// character reference for the first letter keeps it text.
	escaped = escaped.replace(/^(?=(?:import|export)\b)[ie]/, (letter) => `&#${letter.charCodeAt(0)};`);
	return escaped;
}
