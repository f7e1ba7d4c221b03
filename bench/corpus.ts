/**
 * The corpus site: bench/zuozhuan.txt cut into one text per year-chapter
 * (about 255), imported through the same pipeline as any text, repeated
 * `scale` times (scale 4 → 1,020 texts). Each text gets its own date and
 * source, as in a news archive that grows by a few texts a day: 1,020
 * texts span about a year from 2012, 4,080 about four.
 *
 * The copies repeat the chapters word for word, so every quote stands in
 * `scale` texts, as in no real archive. With `distinct`, each copy after the
 * first has its own characters instead (`disguise`): the same paragraphs,
 * lengths and character frequencies, but a quote of a few characters stands
 * in its own text only, as most quotes do in an archive of different texts.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { traditionalOnly } from '../src/convert/charsets.ts';
import { importText } from '../src/import/entry.ts';
import { randomInt, seededRandom } from './random.ts';

/** A year-chapter heading such as 隐公元年 or 襄公二十五年. */
const CHAPTER = /^(.公)([元一二三四五六七八九十]+)年$/;

export interface Chapter {
	title: string;
	lines: string[];
}

export function chapters(source: string): Chapter[] {
	const found: Chapter[] = [];
	for (const line of source.split(/\r?\n/).map((l) => l.trim())) {
		if (CHAPTER.test(line)) found.push({ title: line, lines: [] });
		else if (line && found.length > 0 && !/^.公$/.test(line)) found.at(-1)!.lines.push(line);
	}
	return found;
}

/** The archive's first day. */
const FIRST_DAY = Date.UTC(2012, 0, 1);

/**
 * Publication dates for `count` texts, oldest first: 1 to 5 texts a day,
 * one day in ten none (about 2.7 a day), the same on every run; and for each
 * a source address shaped like a news site's (dated path, serial number).
 */
export function publications(count: number, seed = 13): { date: string; source: string }[] {
	const random = seededRandom(seed);
	const found: { date: string; source: string }[] = [];
	for (let day = 0; found.length < count; day++) {
		const date = new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);
		const today = random() < 0.1 ? 0 : randomInt(random, 1, 5);
		for (let i = 0; i < today && found.length < count; i++) {
			found.push({ date, source: `https://news.example.com/${date.slice(0, 7)}/${date.slice(8)}/c_${randomInt(random, 10_000_000, 99_999_999)}.htm` });
		}
	}
	return found;
}

const HAN = /\p{Script=Han}/gu;

/** Characters ranked by how often they stand in `text`, most often first (ties by code point). */
function byFrequency(text: string): string[] {
	const counts = new Map<string, number>();
	for (const char of text.match(HAN) ?? []) counts.set(char, (counts.get(char) ?? 0) + 1);
	return [...counts].sort(([a, m], [b, n]) => n - m || a.codePointAt(0)! - b.codePointAt(0)!).map(([char]) => char);
}

/**
 * For each copy after the first, a rewriting of the text that swaps its
 * characters among others about as frequent: ranks 1, 2–3, 4–7, 8–15 … of
 * `text`'s characters are each shuffled among themselves (a seeded
 * shuffle per copy), so a copy reads as another text of the same make
 * (the same characters, each about as often) and its quotes are its own.
 * Copy 0 is the text as it is. Only Han characters change: punctuation,
 * digits and line breaks stay where they are.
 */
export function disguise(text: string, copies: number, seed = 29): ((line: string) => string)[] {
	const ranked = byFrequency(text);
	const rewrites: ((line: string) => string)[] = [(line) => line];
	for (let copy = 1; copy < copies; copy++) {
		const random = seededRandom(seed + copy);
		const swap = new Map<string, string>();
		for (let start = 0; start < ranked.length; start = 2 * start + 1) {
			const band = ranked.slice(start, 2 * start + 1);
			const shuffled = [...band];
			for (let i = shuffled.length - 1; i > 0; i--) {
				const j = randomInt(random, 0, i);
				[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
			}
			band.forEach((char, i) => swap.set(char, shuffled[i]!));
		}
		rewrites.push((line) => line.replace(HAN, (char) => swap.get(char) ?? char));
	}
	return rewrites;
}

const COPY = ['', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）'];

/** Write the corpus entries into `dir` (emptied first); returns the number of texts. */
export function writeCorpus(dir: string, scale: number, { distinct = false } = {}): number {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	// The source is simplified with a few traditional characters (賵, 繻) that
	// the import refuses in a simplified entry: bring them to their simplified forms.
	const stray = traditionalOnly();
	const source = readFileSync(new URL('zuozhuan.txt', import.meta.url), 'utf8').replace(/./gu, (char) => stray.get(char) ?? char);
	const all = chapters(source);
	const published = publications(all.length * scale);
	const rewrites = distinct ? disguise(all.flatMap((chapter) => chapter.lines).join('\n'), scale) : [];
	let count = 0;
	for (let copy = 0; copy < scale; copy++) {
		all.forEach((chapter, i) => {
			const slug = `zuozhuan-${String(i + 1).padStart(3, '0')}${copy > 0 ? `-${copy + 1}` : ''}`;
			const { date, source: original } = published[count]!;
			const { mdx } = importText(chapter.lines.map(rewrites[copy] ?? ((line) => line)).join('\n'), {
				file: 'zuozhuan.txt',
				title: `左传·${chapter.title}${COPY[copy] ?? `（${copy + 1}）`}`,
				date,
				source: original,
				publisher: '左丘明',
				from: 'cn',
				store: 'zh-Hans',
			});
			writeFileSync(join(dir, `${slug}.mdx`), mdx);
			count++;
		});
	}
	return count;
}
