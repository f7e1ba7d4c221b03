/**
 * A conversion that says what it did: for each piece of the text it
 * changed, or could have converted otherwise, the dictionary entry, pinned
 * term or fold that made it. The explanation is made by the site's own
 * converter as it converts (phrase-matching.ts tells of every entry it
 * applies; each layer above it says what it cut out or rewrote), so it
 * cannot drift from what the pages show: `explain(text).output` is
 * `convert(text)`. Build time only (the compare pages, `npm run lint:content
 * -- --choices`).
 */
import type { Convert } from './opencc.ts';
import { tracingConverter, type OnMatch, type Pipeline } from './phrase-matching.ts';

/** What made a piece of the text what it is. */
export interface Rule {
	/**
	 * `phrase` or `character`: an entry of OpenCC's dictionaries (a phrase of
	 * two or more characters, or one character's default); `pinned`: a term
	 * pinned by the text or the glossary; `stray`: a character of the other
	 * script read into the text's own before converting; `normalized`: a CJK
	 * compatibility ideograph replaced by its unified form.
	 */
	kind: 'phrase' | 'character' | 'pinned' | 'stray' | 'normalized';
	/** The words the rule matched, and what it gave. */
	key: string;
	value: string;
	/** `phrase` and `character`: the dictionaries of the stage that applied it (`STPhrases`, `STCharacters`…). */
	dictionaries?: readonly string[];
	/** `pinned`: where the term is pinned: the text's own `terms`, or the glossary. */
	origin?: 'text' | 'glossary';
}

/** A rule as it applied to one piece: which character of its key and value the piece is. */
export interface Step {
	rule: Rule;
	/** The piece's place in the rule's key and value, in code points; -1 when the rule changed the length (the piece is the whole rule). */
	at: number;
}

/** A piece of the text (a character, as a rule goes) and the rules that made it, in the order they applied. */
export interface Piece {
	/** [from, to) of the text given, in UTF-16 units. */
	from: number;
	to: number;
	/** [outFrom, outFrom + output.length) of the output. */
	outFrom: number;
	output: string;
	steps: readonly Step[];
}

export interface Explanation {
	/** The converted text: exactly what the converter gives. */
	output: string;
	/** Every piece a rule applied to, in order; the text between them is copied as it is. */
	pieces: Piece[];
}

/** A converter's explanation of any text; `dictionaries` are its OpenCC stages' (a pinned term's characters are looked up in them). */
export interface Explainer {
	(text: string): Explanation;
	dictionaries: readonly (readonly string[])[];
}

const codePoints = (text: string) => Array.from(text);

/** True when a rule maps its key to its value code point for code point, each of the same UTF-16 width. */
function aligned(key: string, value: string): boolean {
	if (key.length !== value.length) return false;
	for (let i = 0; i < key.length; i++) {
		const a = key.charCodeAt(i);
		const b = value.charCodeAt(i);
		// Both high surrogates or neither, and so both low or neither.
		if ((a >= 0xd800 && a <= 0xdfff) !== (b >= 0xd800 && b <= 0xdfff)) return false;
	}
	return true;
}

/** One step per character of a rule (at 0, 1, …), each alone in a list: shared by every piece it makes. */
const alone = new WeakMap<Rule, (readonly Step[])[]>();
function stepsAlone(rule: Rule): (readonly Step[])[] {
	let steps = alone.get(rule);
	if (!steps) {
		steps = aligned(rule.key, rule.value) ? codePoints(rule.key).map((_, at) => [{ rule, at }]) : [[{ rule, at: -1 }]];
		alone.set(rule, steps);
	}
	return steps;
}

/** Add `rule`'s steps to the units [from, to) of `units`, which the rule maps character for character. */
function addAligned(units: (readonly Step[] | undefined)[], from: number, to: number, rule: Rule): void {
	const made = stepsAlone(rule);
	for (let i = from, at = 0; i < to; at++) {
		const code = rule.key.charCodeAt(i - from);
		const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
		const before = units[i];
		const steps = before ? [...before, made[at]![0]!] : made[at]!;
		for (let k = 0; k < width; k++) units[i + k] = steps;
		i += width;
	}
}

/** A stage's match: [from, to) of its input, and the rule it applied. */
interface Match {
	from: number;
	to: number;
	rule: Rule;
}

/**
 * Where each UTF-16 unit of the current text came from in the text given,
 * and the rules that made it. Built up stage by stage; a stage that keeps
 * every length (nearly all do) only adds its steps.
 */
class Trail {
	from: Int32Array;
	to: Int32Array;
	steps: (readonly Step[] | undefined)[];

	constructor(length: number) {
		this.from = new Int32Array(length);
		this.to = new Int32Array(length);
		for (let i = 0; i < length; i++) {
			this.from[i] = i;
			this.to[i] = i + 1;
		}
		this.steps = new Array(length);
	}

	/**
	 * Apply one stage's matches (in order): a rule that keeps the length
	 * maps each character to its own; one that does not makes one piece of
	 * everything it covered.
	 */
	apply(matches: readonly Match[]): void {
		if (matches.every((match) => aligned(match.rule.key, match.rule.value))) {
			for (const match of matches) addAligned(this.steps, match.from, match.to, match.rule);
			return;
		}
		const length = matches.reduce((sum, match) => sum + match.rule.value.length - (match.to - match.from), this.from.length);
		const from = new Int32Array(length);
		const to = new Int32Array(length);
		const steps: (readonly Step[] | undefined)[] = new Array(length);
		let out = 0;
		const copy = (start: number, end: number) => {
			from.set(this.from.subarray(start, end), out);
			to.set(this.to.subarray(start, end), out);
			for (let i = start; i < end; i++) steps[out++] = this.steps[i];
		};
		let last = 0;
		for (const match of matches) {
			copy(last, match.from);
			const { rule } = match;
			if (aligned(rule.key, rule.value)) {
				const at = out;
				copy(match.from, match.to);
				addAligned(steps, at, out, rule);
			} else {
				let start = Infinity;
				let end = -Infinity;
				const made: Step[] = [];
				for (let i = match.from; i < match.to; i++) {
					start = Math.min(start, this.from[i]!);
					end = Math.max(end, this.to[i]!);
					for (const step of this.steps[i] ?? []) if (!made.includes(step)) made.push(step);
				}
				made.push({ rule, at: -1 });
				for (let k = 0; k < rule.value.length; k++, out++) {
					from[out] = start;
					to[out] = end;
					steps[out] = made;
				}
			}
			last = match.to;
		}
		copy(last, this.from.length);
		this.from = from;
		this.to = to;
		this.steps = steps;
	}

	/** The pieces of `output` (the current text) that rules made. */
	pieces(output: string): Piece[] {
		const pieces: Piece[] = [];
		for (let i = 0; i < output.length; ) {
			const steps = this.steps[i];
			let end = i + 1;
			while (end < output.length && this.from[end] === this.from[i] && this.to[end] === this.to[i]) end++;
			if (steps) pieces.push({ from: this.from[i]!, to: this.to[i]!, outFrom: i, output: output.slice(i, end), steps });
			i = end;
		}
		return pieces;
	}
}

/**
 * `input` rewritten character for character (`rewritten`, a fold or a
 * normalisation) and then explained (`explanation`, of `rewritten`): the
 * explanation of `input`, each rewritten character's piece starting with
 * the rewrite (`kind`).
 */
function afterRewrite(input: string, rewritten: string, kind: Rule['kind'], explanation: Explanation): Explanation {
	if (rewritten === input) return explanation;
	const before = codePoints(input);
	const after = codePoints(rewritten);
	if (before.length !== after.length) {
		// Not character for character after all: the whole text is one piece.
		return { output: explanation.output, pieces: [{ from: 0, to: input.length, outFrom: 0, output: explanation.output, steps: [{ rule: { kind, key: input, value: rewritten }, at: -1 }] }] };
	}
	// Offsets of the rewritten text → offsets of the input, and the rewrite at each.
	const place = new Map<number, { at: number; step?: Step }>();
	let i = 0;
	let j = 0;
	before.forEach((char, n) => {
		const other = after[n]!;
		place.set(j, { at: i, ...(char === other ? {} : { step: { rule: { kind, key: char, value: other }, at: 0 } }) });
		i += char.length;
		j += other.length;
	});
	place.set(j, { at: i });
	const mapped = new Set<number>();
	const pieces = explanation.pieces.map((piece) => {
		const rewrites: Step[] = [];
		for (let k = piece.from; k < piece.to; k++) {
			const step = place.get(k)?.step;
			if (step) {
				rewrites.push(step);
				mapped.add(k);
			}
		}
		return { ...piece, from: place.get(piece.from)!.at, to: place.get(piece.to)!.at, steps: [...rewrites, ...piece.steps] };
	});
	// A rewritten character no rule converted further is a piece of its own (its output is the rewrite).
	for (const [k, { at, step }] of place) {
		if (!step || mapped.has(k)) continue;
		const outFrom = outputOffset(explanation, k);
		pieces.push({ from: at, to: at + step.rule.key.length, outFrom, output: explanation.output.slice(outFrom, outFrom + step.rule.value.length), steps: [step] });
	}
	return { output: explanation.output, pieces: pieces.sort((a, b) => a.from - b.from) };
}

/** Where offset `k` of an explained text is in its output: text between pieces is copied as it is. */
function outputOffset(explanation: Explanation, k: number): number {
	let shift = 0;
	for (const piece of explanation.pieces) {
		if (piece.from >= k) break;
		shift = piece.outFrom + piece.output.length - piece.to;
	}
	return k + shift;
}

/** Explain an OpenCC pipeline's conversion with the very code that converts (phrase-matching.ts). */
export function pipelineExplainer(pipeline: Pipeline): Explainer {
	const tracing = tracingConverter(pipeline);
	const dictionaries = pipeline.dictionaries ?? pipeline.chain.map(() => ['OpenCC']);
	// A stage gives one key one value, always: one rule each, made once. A
	// character's is found by its code point (most matches are one character),
	// a phrase's by its text: no key is cut out of the text for a character.
	const rules = dictionaries.map(() => new Map<number | string, Rule>());
	const ruleAt = (stage: number, text: string, from: number, to: number, value: string): Rule => {
		const code = text.codePointAt(from)!;
		const character = to - from === (code > 0xffff ? 2 : 1);
		const id = character ? code : text.slice(from, to);
		let rule = rules[stage]!.get(id);
		if (!rule) {
			const key = character ? String.fromCodePoint(code) : (id as string);
			rules[stage]!.set(id, (rule = { kind: character ? 'character' : 'phrase', key, value, dictionaries: dictionaries[stage]! }));
		}
		return rule;
	};
	const explain = (input: string): Explanation => {
		const normalized = tracing.normalize(input);
		const stages: Match[][] = dictionaries.map(() => []);
		const onMatch: OnMatch = (stage, text, from, to, value) => {
			stages[stage]!.push({ from, to, rule: ruleAt(stage, text, from, to, value) });
		};
		const output = tracing.convert(normalized, onMatch);
		const trail = new Trail(normalized.length);
		for (const matches of stages) trail.apply(matches);
		return afterRewrite(input, normalized, 'normalized', { output, pieces: trail.pieces(output) });
	};
	return Object.assign(explain, { dictionaries });
}

/** The explainer of a conversion that changes nothing (an edition in the text's own script). */
export const unchanged: Explainer = Object.assign((text: string): Explanation => ({ output: text, pieces: [] }), { dictionaries: [] });

/** A part of a text that a layer does not pass on: kept as written (a URL), or given (a pinned term). */
export interface Given {
	from: number;
	to: number;
	output: string;
	/** What gave it, if anything (a URL has no rule: it is kept). */
	rule?: Rule;
}

/**
 * A text cut by a layer (pinned terms, URLs): the given parts as given, the
 * text between them converted by the layer below. The layer's cut is made
 * once, by `cut`, for its conversion and its explanation alike.
 */
function convertAround(text: string, given: readonly Given[], convert: (text: string) => string): string {
	if (given.length === 0) return convert(text);
	let out = '';
	let last = 0;
	for (const part of given) {
		if (part.from > last) out += convert(text.slice(last, part.from));
		out += part.output;
		last = part.to;
	}
	return last < text.length ? out + convert(text.slice(last)) : out;
}

/** The explanation of `convertAround`: the given parts' rules, and the layer below's explanation of the text between them. */
function explainAround(text: string, given: readonly Given[], explain: (text: string) => Explanation): Explanation {
	if (given.length === 0) return explain(text);
	let output = '';
	const pieces: Piece[] = [];
	const below = (from: number, to: number) => {
		const explained = explain(text.slice(from, to));
		for (const piece of explained.pieces) pieces.push({ ...piece, from: piece.from + from, to: piece.to + from, outFrom: piece.outFrom + output.length });
		output += explained.output;
	};
	let last = 0;
	for (const part of given) {
		if (part.from > last) below(last, part.from);
		const { rule } = part;
		if (rule) {
			const steps = stepsAlone(rule);
			const keys = steps.length > 1 ? codePoints(rule.key) : [rule.key];
			const values = steps.length > 1 ? codePoints(rule.value) : [rule.value];
			let from = part.from;
			let outFrom = output.length;
			steps.forEach((step, n) => {
				pieces.push({ from, to: from + keys[n]!.length, outFrom, output: values[n]!, steps: step });
				from += keys[n]!.length;
				outFrom += values[n]!.length;
			});
		}
		output += part.output;
		last = part.to;
	}
	if (last < text.length) below(last, text.length);
	return { output, pieces };
}

/**
 * A layer that cuts its text (at pinned terms, at URLs) before `convert`:
 * the parts `cut` finds are given, the text between them goes to `convert`.
 * It explains itself if `convert` does, from the same cut.
 */
export function cutting(convert: Convert, cut: (text: string) => Given[]): Convert {
	const layer: Convert = (text) => convertAround(text, cut(text), convert);
	const { explain } = convert;
	if (explain) layer.explain = Object.assign((text: string) => explainAround(text, cut(text), explain), { dictionaries: explain.dictionaries });
	return layer;
}

/**
 * A layer that rewrites its text character for character (`rewrite`, a
 * fold) before `convert`. It explains itself if `convert` does: each
 * rewritten character's piece starts with the rewrite (`kind`).
 */
export function rewriting(convert: Convert, rewrite: (text: string) => string, kind: Rule['kind']): Convert {
	const layer: Convert = (text) => convert(rewrite(text));
	const { explain } = convert;
	if (explain) {
		layer.explain = Object.assign(
			(text: string) => {
				const rewritten = rewrite(text);
				return afterRewrite(text, rewritten, kind, explain(rewritten));
			},
			{ dictionaries: explain.dictionaries },
		);
	}
	return layer;
}
