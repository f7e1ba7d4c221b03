/**
 * What a conversion changed and which of its conversions were choices,
 * read from its explanation (explain.ts). A choice is a character whose
 * entry in OpenCC's full tables lists more than one candidate (发 → 發 髮,
 * 后 → 後 后): what decided it was a phrase of OpenCC's dictionaries, a term
 * pinned by the text or the glossary, or the character's default, taken
 * with no context at all (the risky case). The compare pages and
 * `npm run lint:content -- --choices` both read them from here. Build time only.
 */
import { fullEntry } from './dictionaries.ts';
import type { Explanation, Piece, Rule, Step } from './explain.ts';

/** What decided a choice, riskiest first. */
export const CHOICE_KINDS = ['default', 'pinned', 'phrase'] as const;
export type ChoiceKind = (typeof CHOICE_KINDS)[number];

export interface Choice {
	/** The character the candidates are listed for (the text's own, or as an earlier stage left it). */
	char: string;
	/** The candidate taken. */
	chosen: string;
	/** The candidates not taken. */
	others: readonly string[];
	kind: ChoiceKind;
	/** The phrase, pinned term or character entry that decided it. */
	rule: Rule;
	/** The table listing the candidates (`STCharacters`, or the phrase's own table when the phrase lists several targets). */
	dictionary: string;
}

/** A piece of the text as one edition has it. */
export interface Change {
	/** [from, to) of the text, in UTF-16 units. */
	from: number;
	to: number;
	/** The text's own characters there, and the edition's. */
	source: string;
	output: string;
	/** How many characters differ (0 for a choice that kept the character). */
	differences: number;
	/** Set when the piece was a choice among several candidates. */
	choice?: Choice;
}

const codePoints = (text: string) => Array.from(text);

/** How many code points differ between two strings, place by place (and every one a longer string adds). */
function differing(a: string, b: string): number {
	if (a === b) return 0;
	const x = codePoints(a);
	const y = codePoints(b);
	let count = Math.abs(x.length - y.length);
	for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) count++;
	return count;
}

/**
 * The choices of dictionary rules, by place in the rule: a rule is one entry
 * of one stage (made once per explainer, explain.ts), and a text applies the
 * same few hundred entries thousands of times.
 */
const dictionaryChoices = new WeakMap<Rule, Map<number, Choice | undefined>>();

/** The choice one step made, if its character had several candidates. `dictionaries`: the converter's, for a pinned term. */
function choiceOf(step: Step, dictionaries: readonly (readonly string[])[]): Choice | undefined {
	const { rule, at } = step;
	if (rule.kind !== 'phrase' && rule.kind !== 'character') return findChoice(step, dictionaries);
	let byPlace = dictionaryChoices.get(rule);
	if (!byPlace) dictionaryChoices.set(rule, (byPlace = new Map()));
	if (!byPlace.has(at)) byPlace.set(at, findChoice(step, dictionaries));
	return byPlace.get(at);
}

function findChoice(step: Step, dictionaries: readonly (readonly string[])[]): Choice | undefined {
	const { rule, at } = step;
	if (at < 0 || rule.kind === 'stray' || rule.kind === 'normalized') return undefined;
	const char = codePoints(rule.key)[at]!;
	const chosen = codePoints(rule.value)[at]!;
	// A pinned term went through no stage: its characters are looked up in the converter's, first stage first.
	const stages = rule.kind === 'pinned' ? dictionaries : [rule.dictionaries ?? []];
	const entries = stages.map((names) => fullEntry(names, char)).filter((entry) => entry !== undefined);
	const entry = entries.find((e) => new Set(e.candidates).size > 1) ?? entries[0];
	const candidates = new Set(entry?.candidates ?? []);
	let dictionary = entry?.dictionary;
	if (rule.kind === 'phrase') {
		// A phrase listing several targets (下面 → 下面 下麪) offers its characters there too.
		const phrase = fullEntry(rule.dictionaries ?? [], rule.key);
		if (phrase && phrase.candidates.length > 1) {
			const ownCandidates = new Set([...candidates, chosen]).size;
			for (const target of phrase.candidates) {
				const other = codePoints(target);
				if (other.length === codePoints(rule.key).length) candidates.add(other[at]!);
			}
			if (ownCandidates < 2) dictionary = phrase.dictionary;
		}
	}
	candidates.add(chosen);
	if (candidates.size < 2 || !dictionary) return undefined;
	return {
		char,
		chosen,
		others: [...candidates].filter((candidate) => candidate !== chosen),
		kind: rule.kind === 'character' ? 'default' : rule.kind,
		rule,
		dictionary,
	};
}

/**
 * Every piece of `text` that its explanation shows changed or chosen.
 * `dictionaries` are the explainer's (`Explainer.dictionaries`).
 *
 * @example changesOf('牵一发', cn2tw.explain('牵一发'), cn2tw.explain.dictionaries)
 * // [{ source: '牵', output: '牽', differences: 1 }, { source: '发', output: '髮', differences: 1, choice: { kind: 'phrase', others: ['發'], … } }]
 */
export function changesOf(text: string, explanation: Explanation, dictionaries: readonly (readonly string[])[]): Change[] {
	const changes: Change[] = [];
	for (const piece of explanation.pieces) {
		const change = changeOf(text, piece, dictionaries);
		if (change) changes.push(change);
	}
	return changes;
}

function changeOf(text: string, piece: Piece, dictionaries: readonly (readonly string[])[]): Change | undefined {
	const source = text.slice(piece.from, piece.to);
	const differences = differing(source, piece.output);
	let choice: Choice | undefined;
	for (const step of piece.steps) if ((choice = choiceOf(step, dictionaries))) break;
	// A later stage may turn the candidate taken into one not taken (出台 → 出臺 → zh-HK 出台): that one was taken after all.
	if (choice && choice.others.includes(piece.output)) {
		const others = choice.others.filter((other) => other !== piece.output);
		choice = others.length > 0 ? { ...choice, others } : undefined;
	}
	if (differences === 0 && !choice) return undefined;
	return { from: piece.from, to: piece.to, source, output: piece.output, differences, ...(choice ? { choice } : {}) };
}

/** Riskiest first: the order in which choices are listed. */
export const byRisk = (a: ChoiceKind, b: ChoiceKind) => CHOICE_KINDS.indexOf(a) - CHOICE_KINDS.indexOf(b);
