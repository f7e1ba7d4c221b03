/**
 * Which characters of a quote the browser looks up in the index. Each
 * character looked up costs its index chunk the first time (~12 kB on the
 * bench's copies, ~30–40 kB on an archive of different texts, and a request
 * the query waits on) and a search whose answer grows with how often the
 * character occurs, so a quote is looked up by its few rarest characters, at
 * their places in the quote, preferring among the rarest those whose chunk
 * the page holds already; every paragraph where they stand so is then
 * checked against the whole quote. Shipped to the browser: keep it small.
 */

/** Characters looked up per quote: enough to single out a passage, few enough to load little. */
export const KEYS = 3;
/**
 * The rarest characters of a quote among which those whose chunk is held (or
 * shared with a key already chosen) go first. Wider, the keys are commoner
 * and single out fewer places; the bench's figures are in bench/HISTORY.md.
 */
export const KEY_POOL = 4;

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
 * The distinct characters of a run, each at its first place in it, in the
 * order to look them up: rarest first, except that the first `KEYS` are
 * chosen among the `KEY_POOL` rarest one by one, a character whose lookup
 * loads no chunk (`loads` gives the chunk a character would load, undefined
 * if none: held, or in no chunk) or one a key chosen already loads going
 * before a rarer one that loads another.
 *
 * @example searchKeys(Array.from('之不可以伐郑'), rank) // [{ char: '郑', offset: 5 }, { char: '伐', offset: 4 }, …]
 */
export function searchKeys(chars: readonly string[], rank: FrequencyRank, loads: (char: string) => number | undefined = () => undefined): Key[] {
	const firstPlace = new Map<string, number>();
	chars.forEach((char, offset) => {
		if (!firstPlace.has(char)) firstPlace.set(char, offset);
	});
	// Characters not in the list are rarer than any in it.
	const frequency = (char: string) => rank.size - (rank.get(char) ?? rank.size);
	const byRarity = [...firstPlace]
		.map(([char, offset]) => ({ char, offset }))
		.sort((a, b) => frequency(a.char) - frequency(b.char) || a.offset - b.offset);
	const pool = byRarity.slice(0, KEY_POOL);
	const loading = new Set<number>();
	const costs = (key: Key) => {
		const chunk = loads(key.char);
		return chunk === undefined || loading.has(chunk) ? 0 : 1;
	};
	const chosen: Key[] = [];
	while (chosen.length < Math.min(KEYS, pool.length)) {
		// The pool is in order of rarity: the first of the cheapest.
		const key = pool.filter((k) => !chosen.includes(k)).reduce((best, k) => (costs(k) < costs(best) ? k : best));
		const chunk = loads(key.char);
		if (chunk !== undefined) loading.add(chunk);
		chosen.push(key);
	}
	return [...chosen, ...byRarity.filter((key) => !chosen.includes(key))];
}
