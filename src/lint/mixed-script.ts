/**
 * The mixed-script lint (the team's OpenCC research, shared/research/opencc.md, outside this repository): characters that do not belong
 * to the script a text is declared in. For a text in traditional standard R
 * (`tw`, `hk`, `t`) with y = s2R(R2s(x)), at each position:
 * - ERROR if x[i] is simplified only (SIMP_ONLY, from OpenCC's full tables);
 * - WARN if x[i] ≠ y[i] and both are candidates of one simplified character
 *   (發/髮 of 发, 系/係 of 系): the copy likely took the wrong one;
 * - INFO for any other difference (a regional variant).
 * A simplified text (`cn`) is checked the mirror way: ERROR for traditional
 * only characters, y = t2s(s2t(x)), WARN when both are candidates of one
 * traditional character (乾/干 of 乾).
 */
import { openccTable, simplifiedOnly, traditionalOnly } from '../convert/charsets.ts';
import { openccConverter, type Convert } from '../convert/opencc.ts';

/** The OpenCC locale a text is declared to be written in. */
export type DeclaredScript = 'cn' | 'tw' | 'hk' | 't';

export type LintLevel = 'ERROR' | 'WARN' | 'INFO';

/** One character that does not fit the declared script. */
export interface ScriptFinding {
	/** ERROR: never in the declared script; WARN: the other form of one character; INFO: a regional variant. */
	level: LintLevel;
	/** UTF-16 offset of the character in the linted text. */
	offset: number;
	/** The character found. */
	found: string;
	/** The character the declared script writes here. */
	expected: string;
	/** What is wrong and what to write instead. */
	message: string;
}

interface Rule {
	/** Characters the script never uses, each with its usual form in the script. */
	never: ReadonlyMap<string, string>;
	/** x → y: the text through the other script and back. */
	roundTrip: Convert;
	/** Character → the characters of the other script it is a candidate of. */
	candidateOf: ReadonlyMap<string, readonly string[]>;
}

const rules = new Map<DeclaredScript, Rule>();

/** Character → every key of `table` listing it among its candidates. */
function candidatesIndex(table: ReadonlyMap<string, string[]>): Map<string, string[]> {
	const index = new Map<string, string[]>();
	for (const [key, candidates] of table) {
		for (const candidate of candidates) {
			const keys = index.get(candidate);
			if (keys) keys.push(key);
			else index.set(candidate, [key]);
		}
	}
	return index;
}

function rule(script: DeclaredScript): Rule {
	let found = rules.get(script);
	if (!found) {
		if (script === 'cn') {
			const toTraditional = openccConverter('cn', 't');
			const toSimplified = openccConverter('t', 'cn');
			found = { never: traditionalOnly(), roundTrip: (text) => toSimplified(toTraditional(text)), candidateOf: candidatesIndex(openccTable('TSCharacters')) };
		} else {
			const toSimplified = openccConverter(script, 'cn');
			const toScript = openccConverter('cn', script);
			found = { never: simplifiedOnly(), roundTrip: (text) => toScript(toSimplified(text)), candidateOf: candidatesIndex(openccTable('STCharacters')) };
		}
		rules.set(script, found);
	}
	return found;
}

const SCRIPT_NAMES: Record<DeclaredScript, string> = { cn: 'simplified (cn)', tw: 'Taiwan traditional (tw)', hk: 'Hong Kong traditional (hk)', t: 'OpenCC traditional (t)' };

/**
 * Lint a text declared in `script`. Lines are compared one by one, so a
 * conversion that changes a line's length cannot shift the places of others;
 * in such a line only ERRORs are reported.
 *
 * @example lintScript('會議并發表', 'tw') // [{ level: 'ERROR', found: '并', expected: '並', … }]
 */
export function lintScript(text: string, script: DeclaredScript): ScriptFinding[] {
	const { never, roundTrip, candidateOf } = rule(script);
	const name = SCRIPT_NAMES[script];
	const findings: ScriptFinding[] = [];
	const xLines = text.split('\n');
	const yLines = roundTrip(text).split('\n');
	const aligned = xLines.length === yLines.length;
	let lineStart = 0;
	xLines.forEach((line, index) => {
		const x = [...line];
		let y = aligned ? [...yLines[index]!] : [];
		if (y.length !== x.length) y = [...roundTrip(line)];
		const comparable = y.length === x.length;
		let offset = lineStart;
		x.forEach((char, i) => {
			const other = comparable ? y[i]! : char;
			if (never.has(char)) {
				const expected = other !== char ? other : never.get(char)!;
				findings.push({ level: 'ERROR', offset, found: char, expected, message: `${char} is never written in ${name} text: write ${expected}.` });
			} else if (other !== char) {
				const shared = candidateOf.get(char)?.find((key) => candidateOf.get(other)?.includes(key));
				findings.push(
					shared
						? { level: 'WARN', offset, found: char, expected: other, message: `${char} and ${other} both stand for ${shared}; here ${name} text writes ${other}: write ${other}, or acknowledge it.` }
						: { level: 'INFO', offset, found: char, expected: other, message: `${char} is a variant; ${name} text usually writes ${other}.` },
				);
			}
			offset += char.length;
		});
		lineStart += line.length + 1;
	});
	return findings;
}
