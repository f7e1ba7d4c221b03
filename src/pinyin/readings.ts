/**
 * The reading of every Han character of a text, at build time, the same for
 * every edition (one reading per character position, whatever the script):
 *
 * 1. pinyin-pro reads the simplified edition, clause by clause, resolving
 *    polyphones by phrase (银行 háng, 行走 xíng). Clause by clause because
 *    its segmentation slips on long runs (in a 78-character sentence it reads
 *    强调 qiángtiáo) and no phrase crosses a comma;
 * 2. our supplement to its phrase dictionary (phrases.json: each phrase it
 *    reads wrong, with the dictionary that says so) takes over where it
 *    matches;
 * 3. where an edition's own character settles the reading (髮 fà, 發 fā:
 *    settled.ts), a reading that character does not have gives way;
 * 4. pinned readings (the text's frontmatter, then the site's glossary) win.
 *
 * Tones are the characters' own (GB/T 16159-2012 §6.3.11: 一 and 不 are
 * written in their original tone), neutral tones as the dictionaries have
 * them (头发 tóufa, 了 le). Build-time only: the browser gets the result
 * (format.ts), never this module or a dictionary.
 */
import { pinyin } from 'pinyin-pro';
import supplement from './phrases.json' with { type: 'json' };
import { isHan } from './han.ts';
import { SETTLED_READINGS } from './settled.ts';

/** A reading pinned for a word: one syllable per Han character of the word. */
export interface PinnedReading {
	word: string;
	syllables: string[];
}

/**
 * One text in every edition: for each edition (by tag), the text as runs of
 * words (its title, then each block of its body), the runs aligned across
 * editions character for character.
 */
export type EditionForms = ReadonlyMap<string, readonly string[]>;

/** Clause punctuation and spaces: pinyin-pro reads what lies between them on its own. */
const CLAUSE_BREAK = /[\p{P}\p{Z}\p{S}\s]/u;

/** The library alone: its reading of each code point of `text` (the character itself where it has none). */
export function libraryReadings(text: string): string[] {
	const chars = Array.from(text);
	const readings: string[] = [];
	let clause: string[] = [];
	const flush = () => {
		if (clause.length === 0) return;
		const read = pinyin(clause.join(''), { type: 'array', toneSandhi: false });
		// One reading per code point, as pinyin-pro gives them; read one by one should it ever not.
		readings.push(...(read.length === clause.length ? read : clause.map((char) => pinyin(char, { toneSandhi: false }))));
		clause = [];
	};
	for (const char of chars) {
		if (CLAUSE_BREAK.test(char)) {
			flush();
			readings.push(char);
		} else clause.push(char);
	}
	flush();
	return readings;
}

/** A matcher for words in a text, longest first. */
function wordMatcher<T extends { word: string }>(entries: readonly T[]): (text: string) => { at: number; entry: T }[] {
	const byWord = new Map(entries.filter((entry) => entry.word !== '').map((entry) => [entry.word, entry]));
	if (byWord.size === 0) return () => [];
	const pattern = new RegExp(
		[...byWord.keys()]
			.sort((a, b) => b.length - a.length)
			.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
			.join('|'),
		'gu',
	);
	return (text) =>
		[...text.matchAll(pattern)].map((found) => ({ at: Array.from(text.slice(0, found.index)).length, entry: byWord.get(found[0])! }));
}

/** Put a word's syllables on its Han characters, from code point `at` of a run. */
function overlay(readings: string[], chars: readonly string[], at: number, word: string, syllables: readonly string[]): void {
	let next = 0;
	Array.from(word).forEach((char, i) => {
		if (!isHan(char)) return;
		const syllable = syllables[next++];
		if (syllable && chars[at + i] === char) readings[at + i] = syllable;
	});
}

const supplementMatches = wordMatcher(supplement.phrases.map((entry) => ({ word: entry.phrase, syllables: entry.pinyin.split(' ') })));

/** Letters and tone of a syllable: `fà` → `fa` + `4`, `fa` → `fa` + `` (neutral). */
const toneOf = (syllable: string) => /[\u0304\u0301\u030C\u0300]/u.exec(syllable.normalize('NFD'))?.[0] ?? '';
const lettersOf = (syllable: string) => syllable.normalize('NFD').replace(/[\u0304\u0301\u030C\u0300]/gu, '').normalize('NFC');

/** Whether a character can be read so: one of its readings, or the neutral tone of one (头髮 tóufa). */
function allows(readings: readonly string[], syllable: string): boolean {
	return readings.includes(syllable) || (toneOf(syllable) === '' && readings.some((reading) => lettersOf(reading) === lettersOf(syllable)));
}

/**
 * The reading of every Han character of one text, in order (`''` where
 * none is known), from its editions' runs (`simplified` names the edition
 * pinyin-pro reads).
 *
 * @example textReadings(new Map([['zh-Hans', ['头发']], ['zh-Hant', ['頭髮']]]), 'zh-Hans') // ['tóu', 'fa']
 */
export function textReadings(forms: EditionForms, simplified: string, pins: readonly PinnedReading[] = []): string[] {
	const base = forms.get(simplified);
	if (!base) throw new Error(`The text's ${simplified} edition is missing: its readings are computed from it.`);
	const pinMatches = wordMatcher(pins);
	const out: string[] = [];
	base.forEach((run, r) => {
		const chars = Array.from(run);
		const readings = libraryReadings(run);
		for (const { at, entry } of supplementMatches(run)) overlay(readings, chars, at, entry.word, entry.syllables);
		for (const [lang, runs] of forms) {
			const other = Array.from(runs[r] ?? '');
			if (lang === simplified || other.length !== chars.length) continue;
			other.forEach((char, i) => {
				const settled = char !== chars[i] ? SETTLED_READINGS[char] : undefined;
				if (settled && !allows(settled, readings[i]!)) readings[i] = settled[0]!;
			});
		}
		// A pin matches the word as written in any edition (单于 or 單于).
		for (const runs of forms.values()) {
			const other = Array.from(runs[r] ?? '');
			if (other.length !== chars.length) continue;
			for (const { at, entry } of pinMatches(runs[r]!)) overlay(readings, other, at, entry.word, entry.syllables);
		}
		chars.forEach((char, i) => {
			if (!isHan(char)) return;
			const reading = readings[i]!;
			out.push(reading === char || reading === '' ? '' : reading);
		});
	});
	return out;
}
