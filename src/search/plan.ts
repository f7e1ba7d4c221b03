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

/**
 * Pagefind's index chunks in order, each by the first word it holds
 * (index-build.ts writes them, one a line). A word looked up loads the last
 * chunk whose first word is not after it. (A word no text holds may lie
 * between one chunk's last word and the next one's first, and load none:
 * such a word is taken for one of the chunk before, which only makes it a
 * costlier key than it is.)
 */
export type IndexChunks = readonly string[];

export const parseChunks = (text: string): IndexChunks => text.split('\n').filter((line) => line !== '');

/** Words in Pagefind's order: by code point (UTF-8 bytes), which UTF-16's `<` is not past U+FFFF. */
function compareWords(a: string, b: string): number {
	const [x, y] = [Array.from(a), Array.from(b)];
	for (let i = 0; i < Math.min(x.length, y.length); i++) {
		const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
		if (d !== 0) return d;
	}
	return x.length - y.length;
}

/** The place in `chunks` of the chunk a word is looked up in; undefined if it sorts before them all. */
export function chunkOf(word: string, chunks: IndexChunks): number | undefined {
	let [low, high] = [0, chunks.length - 1];
	while (low <= high) {
		const middle = (low + high) >> 1;
		if (compareWords(word, chunks[middle]!) < 0) high = middle - 1;
		else low = middle + 1;
	}
	return high >= 0 ? high : undefined;
}

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
