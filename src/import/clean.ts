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

/**
 * A URL in running text: `http(s)://` or `www.`, up to whitespace or CJK
 * punctuation, less trailing ASCII punctuation (`见https://x.cn。`, `(www.x.cn)`).
 */
const URL = /(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026]+/giu;

/** Where the URLs of a text are: `[start, end)` offsets. */
export function urlSpans(text: string): [start: number, end: number][] {
	return [...text.matchAll(URL)].map((found) => {
		let url = found[0];
		for (;;) {
			const trimmed = url.replace(/[.,:;!?*_~]+$/, '');
			// A closing parenthesis ends the URL unless the URL opened one.
			const unbalanced = trimmed.endsWith(')') && (trimmed.match(/\(/g)?.length ?? 0) < (trimmed.match(/\)/g)?.length ?? 0);
			const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
			if (next === url) break;
			url = next;
		}
		return [found.index, found.index + url.length];
	});
}

/**
 * A dateline at the start of a line: up to 30 characters ending in 电, 讯
 * (電, 訊), naming a date or a news source: 新华社北京3月1日电, 本報訊,
 * 中新网3月1日电. The space after it separates it from the text.
 */
const DATELINE = /^\S{0,30}[电電讯訊](?= )/u;
const DATELINE_SOURCE = /\d{1,2}月\d{1,2}日|[社报報网網台刊]/u;
/** A byline in parentheses: (记者 李明), （記者 陳大文 王小明）. Its spaces separate names. */
const BYLINE = /[(（](?:特约|特約)?(?:记者|記者|通讯员|通訊員|实习生|實習生|摄影|攝影)[^()（）\n]{0,40}[)）]/gu;

/**
 * Spaces that carry meaning, which the whitespace step keeps even between
 * two Han characters: after a URL (else it would run into the text), after
 * a dateline, and inside a byline. Offsets of the spaces.
 */
function meaningfulSpaces(text: string): Set<number> {
	const kept = new Set<number>();
	for (const [, end] of urlSpans(text)) if (text[end] === ' ') kept.add(end);
	let lineStart = 0;
	for (const line of text.split('\n')) {
		const dateline = DATELINE.exec(line);
		if (dateline && DATELINE_SOURCE.test(dateline[0])) kept.add(lineStart + dateline[0].length);
		lineStart += line.length + 1;
	}
	for (const byline of text.matchAll(BYLINE)) {
		for (let i = byline.index; i < byline.index + byline[0].length; i++) if (text[i] === ' ') kept.add(i);
	}
	return kept;
}

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
	const urls = urlSpans(text);
	/** Where the spaces before the next mark may start: after the last folded mark. */
	let free = 0;
	for (const found of text.matchAll(/[,;:?!]/g)) {
		const mark = found[0];
		// A mark inside a URL is the URL's own.
		if (urls.some(([from, to]) => found.index >= from && found.index < to)) continue;
		let start = found.index;
		while (start > free && isSpace(text[start - 1])) start--;
		let end = found.index + 1;
		while (isSpace(text[end])) end++;
		const before = text[start - 1] ?? '';
		const after = text[end] ?? '';
		const url = mark === ':' && text.startsWith('//', end);
		if (url || !(HAN_OR_CJK_PUNCT.test(before) || HAN_OR_CJK_PUNCT.test(after))) continue;
		// A URL keeps the space after it, so that it never runs into the text.
		if (start < found.index && urls.some(([, to]) => to === start)) start++;
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
 * space, and none is kept between two Han characters or CJK punctuation
 * marks. Counts the lines of
 * the received text it changed.
 */
export function normaliseWhitespace(input: Traced | string): StepResult {
	let text = traced(input);
	const changed: number[] = [];
	const apply = (pattern: RegExp, replace: (found: RegExpExecArray, whole: string) => string | undefined) => {
		const step = replaceTraced(text, pattern, replace);
		text = step.traced;
		for (const offset of step.replaced) changed.push(offset);
	};
	for (const [pattern, replacement] of [
		[/\r\n?/g, '\n'],
		[/[\u200b-\u200d\u2060\ufeff]/g, ''],
		[/[^\S\n]+/g, ' '],
		[/^ | $/gm, ''],
	] as const) {
		apply(pattern, (found, whole) => (found[0] === replacement || (found[0] === '\u200d' && joinsEmoji(whole, found.index)) ? undefined : replacement));
	}
	// Between two Han characters or CJK punctuation marks (段落 。, 「 引号 」) a space goes, unless it
	// carries meaning (after a URL or a dateline, inside a byline); a wide one that goes is reported.
	const kept = meaningfulSpaces(text.text);
	const unsure: Unsure[] = [];
	const { source, origin } = text;
	const chinese = HAN_OR_CJK_PUNCT.source;
	apply(new RegExp(`(?<=${chinese}) (?=${chinese})`, 'gu'), (found) => {
		if (kept.has(found.index)) return undefined;
		const from = origin[found.index]!;
		const wide = /^(?:[^\S\n]{2,}|[\u3000\t])/.exec(source.slice(from));
		if (wide) {
			const before = Array.from(text.text.slice(Math.max(0, found.index - 2), found.index)).at(-1) ?? '';
			const after = String.fromCodePoint(text.text.codePointAt(found.index + 1) ?? 32);
			const between = /\p{Script=Han}/u.test(before) && /\p{Script=Han}/u.test(after) ? 'between Han characters' : 'beside CJK punctuation';
			unsure.push({ offset: from, end: from + wide[0].length, reason: `a wide space ${between} was removed; if it separates a dateline, a byline, names or lines of verse, put it back in the entry` });
		}
		return '';
	});
	const lineOf = locator(text.source);
	return result(text, new Set(changed.map((offset) => lineOf(offset).line)).size, unsure);
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
	let from = Math.max(0, offset - 4);
	let to = Math.min(raw.length, end + 4);
	// Never cut a character outside the Basic Multilingual Plane (𨋢) in two.
	if (/[\udc00-\udfff]/.test(raw[from] ?? '')) from--;
	if (/[\ud800-\udbff]/.test(raw[to - 1] ?? '')) to++;
	return raw.slice(from, to).replace(/\r?\n/g, '⏎');
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
	// GFM reads a bare URL up to the next space, backslashes and all, so an
	// escaped `<` after it would open a JSX tag: escaping the URL's `://` (or
	// `www.`) prevents that. (The site shows any bare URL as text anyway:
	// src/texts/markup.ts.)
	escaped = escaped.replace(/https?(?=:\/\/)|www(?=\.)/gi, '$&\\');
	// MDX reads a line starting with `import` or `export` as JavaScript; a
	// character reference for the first letter keeps it text.
	escaped = escaped.replace(/^(?=(?:import|export)\b)[ie]/, (letter) => `&#${letter.charCodeAt(0)};`);
	return escaped;
}
