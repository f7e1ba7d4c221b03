/**
 * The polyphone sets of tests/fixtures/pinyin/ (drawn from CC-CEDICT, see
 * the README there), read, and scored: the library alone and ours.
 */
import { readFileSync } from 'node:fs';
import { editionConverter } from '../../src/convert/edition-text.ts';
import { DEFAULT_EDITION, EDITIONS } from '../../src/editions.ts';
import { libraryReadings, textReadings } from '../../src/pinyin/readings.ts';

export interface PolyphoneCase {
	/** The phrase, simplified. */
	phrase: string;
	/** The polyphone's place in it, in code points. */
	at: number;
	char: string;
	/** The dictionary's reading of the polyphone there. */
	reading: string;
	traditional: string;
}

/** The cases of one set (dropped cases, marked `#dropped` with their reason, left out). */
export function polyphoneSet(file: string): PolyphoneCase[] {
	return readFileSync(new URL(`../fixtures/pinyin/${file}`, import.meta.url), 'utf8')
		.split('\n')
		.filter((line) => line.trim() !== '' && !line.startsWith('#'))
		.map((line) => {
			const [phrase, at, char, reading, traditional] = line.split('\t') as [string, string, string, string, string];
			return { phrase, at: Number(at), char, reading, traditional };
		});
}

/** A miss, as `phrase:char expected≠got`. */
const miss = (c: PolyphoneCase, got: string | undefined) => `${c.phrase}:${c.char} ${c.reading}≠${got}`;

/** pinyin-pro alone on each phrase (clause by clause, tones unchanged: as we call it). */
export function libraryMisses(cases: readonly PolyphoneCase[]): string[] {
	return cases.flatMap((c) => {
		const got = libraryReadings(c.phrase)[c.at];
		return got === c.reading ? [] : [miss(c, got)];
	});
}

/** Ours: each phrase as a text of one run in every edition (converted as the site converts it). */
export function ourMisses(cases: readonly PolyphoneCase[]): string[] {
	return cases.flatMap((c) => {
		const forms = new Map(EDITIONS.map((edition) => [edition.lang, [editionConverter('zh-Hans', edition)(c.phrase)]]));
		// The phrases are all Han, so the polyphone's place among the Han characters is its place in the phrase.
		const got = textReadings(forms, DEFAULT_EDITION.lang)[c.at];
		return got === c.reading ? [] : [miss(c, got)];
	});
}
