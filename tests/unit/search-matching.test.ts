/**
 * Where a quote may start in a text, from the places of its keys as
 * Pagefind gives them: a query of several characters answers where any of
 * them stands, not which, and a few such queries tell each character's
 * places apart.
 */
import { describe, expect, it } from 'vitest';
import { keyQueries, positionsFrom, startsIn, type Answer } from '../../src/search/matching.ts';
import type { Key } from '../../src/search/plan.ts';

/**
 * What the index answers for a query of some characters: each text holding
 * them all, with where any of them stands. A character no text holds is left
 * out of the query, as Pagefind does (tests/e2e/search.test.ts).
 */
function answer(texts: Record<string, string>, query: readonly string[]): Answer[] {
	const chars = query.filter((char) => Object.values(texts).some((text) => text.includes(char)));
	return Object.entries(texts)
		.filter(([, text]) => chars.every((char) => text.includes(char)))
		.map(([id, text]) => ({ id, words: Array.from(text).flatMap((char, at) => (chars.includes(char) ? [at] : [])) }));
}

/** The keys' positions as the engine gets them: the answers to their queries. */
const positions = (texts: Record<string, string>, chars: readonly string[]) => positionsFrom(chars, keyQueries(chars).map((query) => answer(texts, query)));

describe('keyQueries', () => {
	it('asks for the rarest character in every query, and tells the others apart in about log₂ of their number', () => {
		expect(keyQueries(['郑'])).toEqual([['郑']]);
		expect(keyQueries(['郑', '伯'])).toEqual([['郑', '伯'], ['郑']]);
		expect(keyQueries(['郑', '伯', '克'])).toEqual([
			['郑', '伯'],
			['郑', '克'],
		]);
		const seven = Array.from('郑伯克段于鄢初');
		const queries = keyQueries(seven);
		expect(queries).toHaveLength(3);
		for (const query of queries) expect(query[0]).toBe('郑');
		// Each character is in a set of queries of its own.
		const sets = seven.map((char) => queries.flatMap((query, i) => (query.includes(char) ? [i] : [])).join());
		expect(new Set(sets).size).toBe(7);
	});
});

describe('positionsFrom', () => {
	const texts = { a: '冬十有二月，二月二十日', b: '十二月', c: '春王正月', d: '二十' };

	it('gives each character its own places, in the texts holding them all, in the order of the first answer', () => {
		const { positions: found, texts: holding } = positions(texts, ['二', '十', '月']);
		expect(holding.map(({ id }) => id)).toEqual(['a', 'b']);
		expect(found.get('二')!.get('a')).toEqual(new Set([3, 6, 8]));
		expect(found.get('十')!.get('a')).toEqual(new Set([1, 9]));
		expect(found.get('月')!.get('a')).toEqual(new Set([4, 7]));
		expect(found.get('二')!.get('b')).toEqual(new Set([1]));
		expect(found.get('月')!.get('b')).toEqual(new Set([2]));
	});

	it('gives a character no text holds no places, and the others theirs', () => {
		for (const chars of [['鄀', '十', '月'], ['二', '鄀', '月']]) {
			const { positions: found } = positions(texts, chars);
			expect(found.get('鄀')!.get('b')).toEqual(new Set());
			expect(found.get('月')!.get('b')).toEqual(new Set([2]));
		}
	});

	it('gives a character looked up alone all its places', () => {
		const { positions: found, texts: holding } = positions(texts, ['月']);
		expect(holding.map(({ id }) => id)).toEqual(['a', 'b', 'c']);
		expect(found.get('月')!.get('c')).toEqual(new Set([3]));
	});
});

describe('startsIn', () => {
	const texts = { a: '冬十有二月，二月二十日，十有二月' };
	const quote = Array.from('十有二月');
	const keys: Key[] = [
		{ char: '二', offset: 2 },
		{ char: '十', offset: 0 },
		{ char: '月', offset: 3 },
	];

	it('finds where each key stands as in the quote, not where another key stands in its place', () => {
		// 二月二十 has a key at each of the quote's key offsets, but the wrong ones.
		expect(startsIn(quote, positions(texts, ['二', '十', '月']).positions, keys[0]!, 'a')).toEqual([1, 12]);
	});

	it('checks a key at every place the quote has it, not only its first', () => {
		const twice = Array.from('于申于');
		const found = positions({ t: '于申于，于申' }, ['申', '于']).positions;
		expect(startsIn(twice, found, { char: '申', offset: 1 }, 't')).toEqual([0]);
	});
});
