/**
 * Which characters of a quote the browser looks up in the index. Each
 * character looked up costs an index chunk (~11 kB) the first time and a
 * search whose answer grows with how often the character occurs, so a quote
 * is looked up by its few rarest characters, at their places in the quote;
 * every paragraph where they stand so is then checked against the whole
 * quote. Shipped to the browser: keep it small.
 */

/** Characters looked up per quote: enough to single out a passage, few enough to load little. */
export const KEYS = 3;

/** How frequent each character is in the corpus: its rank among the most frequent (0 = most), absent if rare. */
export type FrequencyRank = ReadonlyMap<string, number>;

/** The ranks of a published list of characters, most frequent first. */
export const parseFrequent = (chars: string): FrequencyRank => new Map(Array.from(chars, (char, i) => [char, i]));

/** A character to look up and its place in the run searched for. */
export interface Key {
	char: string;
	offset: number;
}

/**
 * The rarest distinct characters of a run, each at its first place in it,
 * rarest first.
 *
 * @example searchKeys(Array.from('之不可以伐郑'), rank) // [{ char: '郑', offset: 5 }, { char: '伐', offset: 4 }, …]
 */
export function searchKeys(chars: readonly string[], rank: FrequencyRank, count = KEYS): Key[] {
	const firstPlace = new Map<string, number>();
	chars.forEach((char, offset) => {
		if (!firstPlace.has(char)) firstPlace.set(char, offset);
	});
	// Characters not in the list are rarer than any in it.
	const frequency = (char: string) => rank.size - (rank.get(char) ?? rank.size);
	return [...firstPlace]
		.map(([char, offset]) => ({ char, offset }))
		.sort((a, b) => frequency(a.char) - frequency(b.char) || a.offset - b.offset)
		.slice(0, count);
}
