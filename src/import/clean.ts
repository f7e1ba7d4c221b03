/**
 * Cleaning of raw texts as editors receive them (DESIGN.md §1), shared by the
 * import CLI and its tests. Every step is a pure function that also reports
 * what it changed, so the CLI can print a report and nothing is silent.
 */

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

function locate(text: string, index: number): { line: number; column: number } {
	const before = text.slice(0, index);
	const line = before.split('\n').length;
	const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
	return { line, column };
}

function context(text: string, index: number, length: number): string {
	return text.slice(Math.max(0, index - 4), index + length + 4).replace(/\n/g, '⏎');
}

export interface StepResult {
	text: string;
	count: number;
	unsure: Finding[];
}

/**
 * Remove pinyin annotations. Real parentheses such as （2014年） or (CNNIC)
 * are kept; toneless lower-case letters after a Han character are kept but
 * reported as unsure.
 *
 * @example stripPinyin('中央網(wǎng)絡(luò)').text // '中央網絡'
 */
export function stripPinyin(text: string): StepResult {
	let count = 0;
	const stripped = text.replace(PINYIN, () => {
		count++;
		return '';
	});
	const unsure: Finding[] = [];
	for (const found of stripped.matchAll(MAYBE_PINYIN)) {
		unsure.push({
			...locate(stripped, found.index),
			text: context(stripped, found.index, found[0].length),
			reason: `"${found[0]}" may be a pinyin annotation without tone marks; it was kept`,
		});
	}
	return { text: stripped, count, unsure };
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/**
 * Fold ASCII `, ; : ? !` to full width where Chinese text surrounds them: the
 * nearest non-space character on either side is Han or CJK punctuation.
 * `1,000`, `CNNIC, 2014` and `https://` are left alone.
 *
 * @example foldPunctuation('安全,发展').text // '安全，发展'
 */
export function foldPunctuation(text: string): StepResult {
	let count = 0;
	const folded = text.replace(/([ \t]*)([,;:?!])([ \t]*)/g, (all, _before: string, mark: string, _after: string, index: number, whole: string) => {
		const prev = whole[index - 1] ?? '';
		const next = whole[index + all.length] ?? '';
		const chinese = HAN_OR_CJK_PUNCT.test(prev) || HAN_OR_CJK_PUNCT.test(next);
		if (!chinese || (mark === ':' && whole.startsWith('//', index + all.length))) return all;
		count++;
		return FULL_WIDTH[mark]!;
	});
	return { text: folded, count, unsure: [] };
}

/**
 * Normalise whitespace: CRLF and CR to LF; zero-width characters and BOMs
 * removed; each line trimmed; runs of spaces, tabs, no-break and ideographic
 * spaces inside a line become one space, and none is kept between two Han
 * characters.
 */
export function normaliseWhitespace(text: string): StepResult {
	let count = 0;
	const normalised = text
		.replace(/\r\n?/g, '\n')
		.replace(/[\u200b-\u200d\u2060\ufeff]/g, () => {
			count++;
			return '';
		})
		.split('\n')
		.map((line) => {
			const trimmed = line
				.replace(/[\s\u3000]+/g, ' ')
				.trim()
				.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
			if (trimmed !== line) count++;
			return trimmed;
		})
		.join('\n');
	return { text: normalised, count, unsure: [] };
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
	return escaped;
}
