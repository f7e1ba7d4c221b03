/**
 * Anchors that last (issue 7): which id each paragraph of a text gets, given
 * the anchors the site has already published for it.
 *
 * The record keeps, per text, the published paragraphs (id and words) in
 * order, the next unused number, and retired ids with the id that now holds
 * their words. Matching an edited text against it:
 * - a paragraph with the same words keeps its id, wherever it moved;
 * - a paragraph split in two keeps its id on the first part;
 * - paragraphs merged into one: the first id stays, the others become aliases;
 * - a small edit (a typo, punctuation) keeps the id;
 * - a new paragraph gets a number never used before in that text;
 * - a removed paragraph's id becomes an alias of the paragraph after it;
 * - a paragraph whose words changed beyond a small edit is a conflict: the
 *   build stops until the editor confirms, and then the new words get a new
 *   id and the old id becomes an alias of it. An id never names other words.
 */

/** One published paragraph. */
export interface AnchoredParagraph {
	/** Its id, `p<number>`. */
	id: string;
	/** Its words, whitespace collapsed. */
	text: string;
}

/** The anchors published for one text. */
export interface AnchorRecord {
	/** The number the next new paragraph gets. */
	next: number;
	/** The paragraphs, in order. */
	paragraphs: AnchoredParagraph[];
	/** Retired id → the id that now holds its words (or its place). */
	aliases: Record<string, string>;
}

export interface Conflict {
	/** The published paragraph whose words are gone. */
	old: AnchoredParagraph;
	/** The paragraph now in its place. */
	now: string;
	/** 1-based position of that paragraph. */
	position: number;
}

export interface AnchorPlan {
	/** The id of each paragraph, in order. */
	ids: string[];
	/** Per id, the retired ids that resolve to it. */
	aliasesOf: Map<string, string[]>;
	/** The record to keep from now on. */
	record: AnchorRecord;
	conflicts: Conflict[];
	/** With `confirm`: the ids retired because their paragraph's words were replaced, and the ids now in their place. */
	confirmed: { id: string; now: string; position: number }[];
}

/** Normalise a paragraph's words for comparison. */
export const anchorText = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Levenshtein distance on code points, stopping early past `limit`. */
function distance(a: string, b: string, limit: number): number {
	const x = Array.from(a);
	const y = Array.from(b);
	if (Math.abs(x.length - y.length) > limit) return limit + 1;
	let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
	for (let i = 1; i <= x.length; i++) {
		const current = [i];
		let best = i;
		for (let j = 1; j <= y.length; j++) {
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
			best = Math.min(best, current[j]!);
		}
		if (best > limit) return limit + 1;
		previous = current;
	}
	return previous[y.length]!;
}

/** A small edit: at most 2 characters, or a tenth of the paragraph, changed. */
export function isSmallEdit(a: string, b: string): boolean {
	const limit = Math.max(2, Math.ceil(Math.max(Array.from(a).length, Array.from(b).length) / 10));
	return distance(a, b, limit) <= limit;
}

const number = (id: string) => Number(id.slice(1));

/**
 * Plan the ids of a text's paragraphs.
 *
 * @param texts the paragraphs' words now, in order
 * @param record the published anchors, or undefined for a text never built
 * @param confirm resolve conflicts (the editor confirmed the new words)
 */
export function planAnchors(texts: readonly string[], record: AnchorRecord | undefined, confirm = false): AnchorPlan {
	const words = texts.map(anchorText);
	const old = record?.paragraphs ?? [];
	let next = record?.next ?? 1;
	const aliases: Record<string, string> = { ...record?.aliases };
	const ids: (string | undefined)[] = words.map(() => undefined);
	const usedOld = new Set<number>();
	const fresh = () => `p${next++}`;

	// 1. Same words: keep the id, wherever the paragraph moved (first unused match, in order).
	words.forEach((text, i) => {
		const at = old.findIndex((paragraph, j) => !usedOld.has(j) && paragraph.text === text);
		if (at >= 0) {
			usedOld.add(at);
			ids[i] = old[at]!.id;
		}
	});

	// The unmatched stretches between matched neighbours, old and new side by side.
	const conflicts: Conflict[] = [];
	const confirmed: AnchorPlan['confirmed'] = [];
	const gaps = gapsBetween(ids, old, usedOld);
	for (const gap of gaps) {
		let oldLeft = [...gap.old];
		let newLeft = [...gap.now];
		// 2. Merge: one new paragraph is several old ones joined.
		for (const i of [...newLeft]) {
			for (let start = 0; start < oldLeft.length; start++) {
				for (let end = start + 2; end <= oldLeft.length; end++) {
					const joined = oldLeft.slice(start, end).map((j) => old[j]!.text).join('');
					if (joined.replace(/\s/g, '') !== words[i]!.replace(/\s/g, '')) continue;
					const [first, ...rest] = oldLeft.slice(start, end);
					ids[i] = old[first!]!.id;
					for (const j of rest) aliases[old[j]!.id] = old[first!]!.id;
					oldLeft = oldLeft.filter((j) => j < oldLeft[start]! || j > oldLeft[end - 1]!);
					newLeft = newLeft.filter((k) => k !== i);
					start = oldLeft.length;
					break;
				}
			}
		}
		// 3. Split: consecutive new paragraphs are one old one cut; the first part keeps the id.
		for (const j of [...oldLeft]) {
			for (let start = 0; start < newLeft.length; start++) {
				for (let end = start + 2; end <= newLeft.length; end++) {
					const joined = newLeft.slice(start, end).map((i) => words[i]).join('');
					if (joined.replace(/\s/g, '') !== old[j]!.text.replace(/\s/g, '')) continue;
					const parts = newLeft.slice(start, end);
					ids[parts[0]!] = old[j]!.id;
					for (const i of parts.slice(1)) ids[i] = fresh();
					newLeft = newLeft.filter((i) => !parts.includes(i));
					oldLeft = oldLeft.filter((k) => k !== j);
					start = newLeft.length;
					break;
				}
			}
		}
		// 4. Small edits, in order: the id stays.
		for (const i of [...newLeft]) {
			const j = oldLeft.find((k) => isSmallEdit(old[k]!.text, words[i]!));
			if (j === undefined) continue;
			ids[i] = old[j]!.id;
			oldLeft = oldLeft.filter((k) => k !== j);
			newLeft = newLeft.filter((k) => k !== i);
		}
		// 5. What is left: new words and lost words in the same place conflict, unless confirmed.
		for (const i of newLeft) ids[i] = fresh();
		oldLeft.forEach((j, n) => {
			const replacement = newLeft[Math.min(n, newLeft.length - 1)];
			if (replacement !== undefined && !confirm) {
				conflicts.push({ old: old[j]!, now: words[replacement]!, position: replacement + 1 });
			}
			if (replacement !== undefined && confirm) confirmed.push({ id: old[j]!.id, now: ids[replacement]!, position: replacement + 1 });
			aliases[old[j]!.id] = replacement !== undefined ? ids[replacement]! : (gap.after ?? gap.before ?? old[j]!.id);
		});
	}

	// A text that lost every paragraph (emptied, or wrapped in another element)
	// would retire all its ids at once: never without the editor's word.
	if (words.length === 0 && old.length > 0 && !confirm) {
		conflicts.push(...old.map((paragraph) => ({ old: paragraph, now: '', position: 0 })));
	}
	const finalIds = ids.map((id) => id ?? fresh());
	// Aliases follow the words: an alias of a retired id moves on to where that id went.
	const resolve = (id: string, seen = new Set<string>()): string =>
		aliases[id] && !finalIds.includes(id) && !seen.has(id) ? resolve(aliases[id]!, seen.add(id)) : id;
	const resolved: Record<string, string> = {};
	for (const id of Object.keys(aliases).sort((a, b) => number(a) - number(b))) {
		if (finalIds.includes(id)) continue;
		resolved[id] = resolve(id);
	}
	const aliasesOf = new Map<string, string[]>();
	for (const [alias, target] of Object.entries(resolved)) {
		if (finalIds.includes(target)) aliasesOf.set(target, [...(aliasesOf.get(target) ?? []), alias]);
	}
	return {
		ids: finalIds,
		aliasesOf,
		record: { next, paragraphs: finalIds.map((id, i) => ({ id, text: words[i]! })), aliases: resolved },
		conflicts,
		confirmed,
	};
}

interface Gap {
	/** Unmatched old paragraphs (indexes into the record), in order. */
	old: number[];
	/** Unmatched new paragraphs (indexes), in order. */
	now: number[];
	/** The id of the matched paragraph before and after the gap, if any. */
	before?: string | undefined;
	after?: string | undefined;
}

/**
 * Cut both sequences at the paragraphs that kept their words: each cut holds
 * the old and the new paragraphs between the same two kept neighbours.
 */
function gapsBetween(ids: readonly (string | undefined)[], old: readonly AnchoredParagraph[], usedOld: ReadonlySet<number>): Gap[] {
	const oldIndex = new Map(old.map((paragraph, j) => [paragraph.id, j]));
	const gaps: Gap[] = [];
	let current: Gap = { old: [], now: [] };
	let lastOld = -1;
	const close = (after: string | undefined, upTo: number) => {
		for (let j = lastOld + 1; j < upTo; j++) if (!usedOld.has(j)) current.old.push(j);
		current.after = after;
		if (current.old.length > 0 || current.now.length > 0) gaps.push(current);
	};
	ids.forEach((id, i) => {
		if (id === undefined) {
			current.now.push(i);
			return;
		}
		const j = oldIndex.get(id)!;
		close(id, j > lastOld ? j : lastOld + 1);
		if (j > lastOld) lastOld = j;
		current = { old: [], now: [], before: id };
	});
	close(undefined, old.length);
	return gaps;
}
