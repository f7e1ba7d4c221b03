/**
 * The bench corpus's distinct copies (bench/corpus.ts `disguise`): each copy
 * of the Zuo Zhuan is another text of the same make (its characters, each
 * about as often, punctuation where it was), and a quote of a few characters
 * from one copy stands in no other.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chapters, disguise } from '../../bench/corpus.ts';

const source = chapters(readFileSync('bench/zuozhuan.txt', 'utf8'))
	.flatMap((chapter) => chapter.lines)
	.join('\n');
const HAN = /\p{Script=Han}/u;
const counts = (text: string) => {
	const found = new Map<string, number>();
	for (const char of text) if (HAN.test(char)) found.set(char, (found.get(char) ?? 0) + 1);
	return found;
};
const copies = disguise(source, 4);
const texts = copies.map((rewrite) => rewrite(source));

describe("the bench corpus's distinct copies", () => {
	it('leave the first copy as it is, and the same seed gives the same copies', () => {
		expect(texts[0]).toBe(source);
		expect(disguise(source, 4)[3]!(source)).toBe(texts[3]);
	});

	it('change Han characters only, one for one: the same length, punctuation and line breaks', () => {
		for (const text of texts.slice(1)) {
			expect(text.length).toBe(source.length);
			expect(text.replace(/\p{Script=Han}/gu, '')).toBe(source.replace(/\p{Script=Han}/gu, ''));
		}
	});

	it('use the same characters, each swapped for one about as frequent (within a factor of the rank band)', () => {
		const before = counts(source);
		const ranks = new Map([...before].sort(([a, m], [b, n]) => n - m || a.codePointAt(0)! - b.codePointAt(0)!).map(([char], i) => [char, i + 1]));
		const band = (char: string) => Math.floor(Math.log2(ranks.get(char)!));
		for (const rewrite of copies.slice(1)) {
			const after = counts(rewrite(source));
			expect(new Set(after.keys())).toEqual(new Set(before.keys()));
			// The copy's character with a count is the source character swapped into its place: same band.
			for (const [char] of before) expect(band(rewrite(char))).toBe(band(char));
		}
		// The commonest character stands alone in its band, so it stays.
		const [first] = [...ranks.keys()];
		expect(copies[2]!(first!)).toBe(first);
	});

	it('make a quote of a few characters in one copy stand in no other', () => {
		const lines = texts[1]!.split('\n');
		let elsewhere = 0;
		let sampled = 0;
		for (let i = 0; i < lines.length; i += 37) {
			const quote = lines[i]!.replace(/[^\p{Script=Han}]/gu, '').slice(0, 6);
			if (quote.length < 6) continue;
			sampled++;
			if ([texts[0], texts[2], texts[3]].some((text) => text!.includes(quote))) elsewhere++;
		}
		expect(sampled).toBeGreaterThan(100);
		expect(elsewhere).toBe(0);
	});
});
