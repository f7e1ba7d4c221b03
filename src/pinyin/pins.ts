/**
 * Pinned readings: names and rare cases an editor reads for the library,
 * `pinyin: { 单于: chán yú }` in a text's frontmatter, or `"pinyin": { … }`
 * in content/glossary.json for every text. Checked here, so that a typo
 * fails the build with the fix rather than showing a wrong reading.
 */
import { z } from 'astro/zod';
import { isHan } from './han.ts';
import type { PinnedReading } from './readings.ts';

const VOWELS = 'aoeiuü';
const MARKS: Record<string, string> = { a: 'āáǎà', o: 'ōóǒò', e: 'ēéěè', i: 'īíǐì', u: 'ūúǔù', ü: 'ǖǘǚǜ' };
const TONE_MARKS = /[\u0304\u0301\u030C\u0300]/gu;

/** A Hanyu Pinyin syllable without its tone (interjections hm, hng, ng and the erhua r included). */
const SYLLABLE =
	/^(?:(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|o|e|ê|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|ia|ie|iao|iu|ian|in|iang|ing|iong|u|ua|uo|uai|ui|uan|un|uang|ueng|ü|üe|üan|ün|ue)|m|n|ng|hm|hng|r)$/u;

/**
 * A syllable as written by an editor (tone marks or tone numbers, `v` or
 * `u:` for ü), in tone marks; undefined if it is not a Hanyu Pinyin syllable.
 *
 * @example syllable('lv4') // 'lǜ'
 */
export function syllable(written: string): string | undefined {
	let text = written.trim().toLowerCase().replace(/u:|v/g, 'ü');
	const number = /([0-5])$/.exec(text)?.[1];
	if (number) text = text.slice(0, -1);
	const bare = text.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
	const marks = text.normalize('NFD').match(TONE_MARKS)?.length ?? 0;
	if (!SYLLABLE.test(bare) || marks > 1 || (number && marks > 0)) return undefined;
	if (!number || number === '5' || number === '0') return number ? bare : text.normalize('NFC');
	// The tone goes on a or e, on the o of ou, else on the last vowel.
	const at = /[ae]/.test(bare) ? bare.search(/[ae]/) : bare.includes('ou') ? bare.indexOf('o') : Math.max(...[...VOWELS].map((v) => bare.lastIndexOf(v)));
	if (at < 0) return bare;
	return bare.slice(0, at) + MARKS[bare[at]!]![Number(number) - 1] + bare.slice(at + 1);
}

/** Pinned readings as written (word → syllables; none if left out), checked and in tone marks. */
export const pinnedReadingsSchema = z.record(z.string(), z.string()).default({}).transform((written, ctx) => {
	const pins: PinnedReading[] = [];
	for (const [word, reading] of Object.entries(written)) {
		const han = Array.from(word).filter(isHan);
		const syllables = reading.trim().split(/\s+/).filter(Boolean);
		const example = `\`${word}: ${han.map(() => '…').join(' ')}\``;
		if (han.length === 0) {
			ctx.addIssue({ code: 'custom', path: [word], message: `"${word}" has no Han character to read. Pin a word written in Chinese characters, for example \`单于: chán yú\`.` });
			continue;
		}
		const wrong = syllables.filter((written) => !syllable(written));
		if (wrong.length > 0) {
			ctx.addIssue({
				code: 'custom',
				path: [word],
				message: `The reading pinned for "${word}" has ${wrong.map((w) => `"${w}"`).join(', ')}, not Hanyu Pinyin: write each syllable with its tone mark (chán) or tone number (chan2), neutral tone unmarked (le).`,
			});
			continue;
		}
		if (syllables.length !== han.length) {
			ctx.addIssue({
				code: 'custom',
				path: [word],
				message: `"${word}" has ${han.length} Han character${han.length === 1 ? '' : 's'} but its pinned reading "${reading}" has ${syllables.length} syllable${syllables.length === 1 ? '' : 's'}: write one syllable per character, ${example}.`,
			});
			continue;
		}
		pins.push({ word, syllables: syllables.map((written) => syllable(written)!) });
	}
	return pins;
});

/** A text's own pins, then the glossary's for words the text does not pin. */
export function pinnedReadings(own: readonly PinnedReading[], site: readonly PinnedReading[]): PinnedReading[] {
	const words = new Set(own.map((pin) => pin.word));
	return [...own, ...site.filter((pin) => !words.has(pin.word))];
}
