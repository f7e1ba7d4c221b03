/**
 * Building the fold table at build time (see fold.ts). It starts from OpenCC's
 * traditional → simplified character table (with Taiwan and Hong Kong variant
 * forms first brought to OpenCC's standard), then merges every pair of
 * characters that stand at the same place in two editions of the same text,
 * so that folding any edition of any text gives the same string: 著 (Taiwan)
 * and 着 (mainland) fold together wherever the editions say they must.
 */
import { openccTable } from '../convert/charsets.ts';
import type { FoldTable } from './fold.ts';

/** Union–find over characters; the representative is the first one seen of each class. */
class Classes {
	readonly parent = new Map<string, string>();
	find(char: string): string {
		let root = char;
		while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
		// Path compression keeps later look-ups short.
		let at = char;
		while (at !== root) {
			const next = this.parent.get(at)!;
			this.parent.set(at, root);
			at = next;
		}
		return root;
	}
	/** Put `char` in the class of `into`; `into`'s representative stays. */
	union(char: string, into: string): void {
		const a = this.find(char);
		const b = this.find(into);
		if (a !== b) this.parent.set(a, b);
	}
}

/** OpenCC's own character folding: variants to standard, then traditional to simplified. */
function openccClasses(): Classes {
	const classes = new Classes();
	for (const name of ['TWVariantsRev', 'HKVariantsRev']) {
		for (const [variant, [standard]] of openccTable(name)) if (standard && standard.length === variant.length) classes.union(variant, standard);
	}
	for (const [traditional, [simplified]] of openccTable('TSCharacters')) {
		if (simplified && [...simplified].length === 1) classes.union(traditional, simplified);
	}
	return classes;
}

/** Aligned texts: the same paragraph in every edition, the default edition first. */
export type AlignedTexts = readonly string[];

/**
 * The fold table for a corpus. Only entries that matter are kept: a
 * character whose representative occurs in the corpus (any other query
 * character cannot match anyway), and never a character that folds to itself.
 */
export function buildFoldTable(corpus: Iterable<AlignedTexts>): FoldTable {
	const classes = openccClasses();
	const seen = new Set<string>();
	const normalise = (char: string) => char.normalize('NFKC').toLowerCase();
	for (const texts of corpus) {
		const [base, ...others] = texts.map((text) => Array.from(text));
		if (!base) continue;
		for (const char of base) seen.add(normalise(char));
		for (const other of others) {
			if (other.length !== base.length) continue;
			for (let i = 0; i < base.length; i++) {
				const a = normalise(base[i]!);
				const b = normalise(other[i]!);
				if (a !== b && [...a].length === 1 && [...b].length === 1) classes.union(b, a);
			}
		}
	}
	const representatives = new Set([...seen].map((char) => classes.find(char)));
	const table = new Map<string, string>();
	for (const char of classes.parent.keys()) {
		const representative = classes.find(char);
		if (char !== representative && representatives.has(representative)) table.set(char, representative);
	}
	return table;
}
