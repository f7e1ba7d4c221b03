/**
 * The fold table (see fold.ts), built at build time.
 *
 * It starts from OpenCC's dictionaries alone, so records can be folded while
 * the site renders: every simplified character with all its traditional
 * candidates (着 with 著, 发 with 發 and 髮), traditional with simplified, and
 * Taiwan and Hong Kong variants with OpenCC's standard forms. As texts are
 * seen, it checks that every edition of each paragraph folds to the same
 * string; a pair the dictionaries missed is merged at the end ("late").
 */
import { openccTable } from '../convert/charsets.ts';
import type { FoldTable } from './fold.ts';

/** Union–find over characters. */
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
	/** Put `char`'s class into the class of `into`; `into`'s representative stays. */
	union(char: string, into: string): void {
		const a = this.find(char);
		const b = this.find(into);
		if (a !== b) this.parent.set(a, b);
	}
}

const single = (text: string | undefined): text is string => text !== undefined && [...text].length === 1;

function dictionaryClasses(): Classes {
	const classes = new Classes();
	for (const [simplified, candidates] of openccTable('STCharacters')) for (const candidate of candidates) if (single(candidate)) classes.union(candidate, simplified);
	for (const [traditional, [simplified]] of openccTable('TSCharacters')) if (single(simplified)) classes.union(traditional, simplified);
	for (const name of ['TWVariants', 'HKVariants', 'TWVariantsRev', 'HKVariantsRev']) {
		for (const [from, candidates] of openccTable(name)) if (single(from)) for (const to of candidates) if (single(to)) classes.union(to, from);
	}
	return classes;
}

/** As fold.ts sees a character: NFKC, lower case (CJK ideographs need neither). */
const normalise = (char: string) => {
	const code = char.codePointAt(0)!;
	return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) ? char : char.normalize('NFKC').toLowerCase();
};

/** Aligned texts: the same paragraph in every edition, the default edition first. */
export type AlignedTexts = readonly string[];

/** What some paragraphs tell the table (FoldTableBuilder.read). */
export interface Observation {
	/** Characters of the default edition's texts, as written. */
	chars: Set<string>;
	/** Pairs the dictionaries missed, in the order of the texts. */
	late: [string, string][];
}

export class FoldTableBuilder {
	readonly #classes = dictionaryClasses();
	/** Characters of the default edition's texts (what the index holds), as written. */
	readonly #seen = new Set<string>();
	/** Pairs the dictionaries missed: [edition character, default edition character]. */
	readonly #late: [string, string][] = [];
	#table: Map<string, string> | undefined;

	/** The table as it stands: every character of a class to its representative. */
	table(): FoldTable {
		if (!this.#table) {
			this.#table = new Map();
			for (const char of this.#classes.parent.keys()) {
				const root = this.#classes.find(char);
				if (root !== char) this.#table.set(char, root);
			}
		}
		return this.#table;
	}

	/** Note a paragraph in every edition: its characters, and pairs the dictionaries do not fold together. */
	observe(texts: AlignedTexts): void {
		this.note(this.read([texts]));
	}

	/**
	 * What paragraphs (each in every edition) tell the table, without noting
	 * it yet: until mergeLate() the classes are the dictionaries' alone, so
	 * texts may be read in any order (while a build still renders) and noted
	 * later in theirs.
	 */
	read(paragraphs: readonly AlignedTexts[]): Observation {
		const observation: Observation = { chars: new Set(), late: [] };
		for (const [base, ...others] of paragraphs) {
			if (base === undefined) continue;
			for (const char of base) observation.chars.add(char);
			for (const other of others) {
				// Editions almost always keep the length; only differing characters need a look.
				if (other === base || other.length !== base.length) continue;
				for (let i = 0; i < base.length; ) {
					const [a, b] = [base.codePointAt(i)!, other.codePointAt(i)!];
					const width = a > 0xffff ? 2 : 1;
					// Same length but characters of different widths: the texts no longer line up.
					if ((b > 0xffff ? 2 : 1) !== width) break;
					i += width;
					if (a === b) continue;
					const [x, y] = [normalise(String.fromCodePoint(a)), normalise(String.fromCodePoint(b))];
					if (x !== y && single(x) && single(y) && this.#classes.find(x) !== this.#classes.find(y)) observation.late.push([y, x]);
				}
			}
		}
		return observation;
	}

	/** Note what read() found; the late pairs are merged in the order noted. */
	note(observation: Observation): void {
		for (const char of observation.chars) this.#seen.add(char);
		this.#late.push(...observation.late);
	}

	/**
	 * Merge the late pairs. Returns true when that changes how a character
	 * of the default edition folds: records folded before must be folded again.
	 */
	mergeLate(): boolean {
		if (this.#late.length === 0) return false;
		const before = new Map([...this.#seen].map((char) => [char, this.#classes.find(normalise(char))]));
		for (const [char, into] of this.#late) this.#classes.union(char, into);
		this.#late.length = 0;
		this.#table = undefined;
		return [...before].some(([char, root]) => this.#classes.find(normalise(char)) !== root);
	}

	/**
	 * The table to ship: only entries whose representative occurs in the
	 * corpus (any other query character cannot match anyway).
	 */
	shipped(): FoldTable {
		const table = this.table();
		const representatives = new Set(
			[...this.#seen].flatMap((char) => Array.from(normalise(char))).map((char) => table.get(char) ?? char),
		);
		return new Map([...table].filter(([, representative]) => representatives.has(representative)));
	}
}

/** The shipped fold table for a whole corpus at once. */
export function buildFoldTable(corpus: Iterable<AlignedTexts>): FoldTable {
	const builder = new FoldTableBuilder();
	for (const texts of corpus) builder.observe(texts);
	builder.mergeLate();
	return builder.shipped();
}
