/**
 * `npm run lint:content -- --choices <slug>`: the conversion's one-to-many
 * choices in an entry, for the editor who signs it off. The same choices as
 * its compare page (src/compare/columns.ts): the site's converter into each
 * edition explains itself (src/convert/explain.ts) and src/convert/choices.ts
 * says which of its conversions were choices and what decided them. Each is
 * placed at file:line:column of the entry, with the words around it, the
 * riskiest first (a single character's default, taken without context), and
 * the frontmatter line that would pin it. Needs nothing from a build.
 */
import { byRisk, changesOf, type Change, type Choice, type ChoiceKind } from '../convert/choices.ts';
import { fullEntry } from '../convert/dictionaries.ts';
import { editionConverter } from '../convert/edition-text.ts';
import { EDITIONS, type Edition } from '../editions.ts';
import { HAN } from '../import/clean.ts';
import { around, type LintEntry } from './entries.ts';

/** One choice at one place of the entry, in every edition that made it. */
export interface PlacedChoice {
	line: number;
	/** 1-based, in code points, in the file's line. */
	column: number;
	/** `¶3`, or the frontmatter field (`title`), or the kind of block (`heading`). */
	where: string;
	/** The stored characters and what the editions made of them. */
	source: string;
	output: string;
	kind: ChoiceKind;
	/** The candidates not taken. */
	others: readonly string[];
	/** The phrase, pinned term or character entry that decided it, and the table listing the candidates. */
	rule: Choice['rule'];
	dictionary: string;
	/** The words around it, as stored. */
	context: string;
	editions: Edition[];
	/** The words a pin would take, as stored, and each edition's form of them. */
	pin: Record<string, string>;
}

const codePoints = (text: string) => Array.from(text).length;
const words = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The words a pin for a choice at [from, to) of `text` would take: the
 * phrase that decided it, if it is there as stored; else the word around
 * it, and a neighbouring word when that word is the character alone (a
 * character pinned alone would pin it everywhere).
 */
function pinSpan(text: string, change: Change, rule: Choice['rule']): [number, number] {
	const { from, to } = change;
	if (rule.kind !== 'character') {
		// The last place the phrase starts at or before the choice; an earlier one cannot reach it either.
		const at = text.lastIndexOf(rule.key, from);
		if (at >= 0 && at + rule.key.length >= to) return [at, at + rule.key.length];
	}
	const segments = [...words.segment(text)].map(({ index, segment }) => [index, index + segment.length] as [number, number]);
	const i = segments.findIndex(([start, end]) => start <= from && to <= end);
	if (i < 0) return [from, to];
	const [start, end] = segments[i]!;
	if (codePoints(text.slice(start, end)) > 1) return [start, end];
	const next = segments[i + 1];
	if (next && HAN.test(text.slice(next[0], next[1]))) return [start, next[1]];
	const previous = segments[i - 1];
	if (previous && HAN.test(text.slice(previous[0], previous[1]))) return [previous[0], end];
	return [start, end];
}

/** A part of the entry converted on its own: a block of the body, or the title. */
interface Part {
	text: string;
	/** The line and column (0-based, in code points) its first character has in the file. */
	line: number;
	column: number;
	where: string;
}

function partsOf(entry: LintEntry, source: string): Part[] {
	const parts: Part[] = [];
	const lines = source.split('\n');
	// What the compare page shows: the title and the body.
	for (const field of ['title'] as const) {
		const value = entry.data[field];
		const line = entry.fieldLines.get(field);
		if (!value || !line) continue;
		const at = lines[line - 1]!.indexOf(value);
		parts.push({ text: value, line, column: at < 0 ? 0 : codePoints(lines[line - 1]!.slice(0, at)), where: field });
	}
	for (const block of entry.blocks) {
		const before = entry.body.slice(0, block.start);
		const lineStart = before.lastIndexOf('\n') + 1;
		parts.push({
			text: entry.body.slice(block.start, block.end),
			line: before.split('\n').length,
			column: codePoints(before.slice(lineStart)),
			where: block.paragraph > 0 ? `¶${block.paragraph}` : block.kind,
		});
	}
	return parts;
}

/** The line and column in the file of offset `at` of a part. */
function placeIn(part: Part, at: number): { line: number; column: number } {
	const before = part.text.slice(0, at);
	const newlines = before.split('\n').length - 1;
	if (newlines === 0) return { line: part.line, column: part.column + codePoints(before) + 1 };
	return { line: part.line + newlines, column: codePoints(before.slice(before.lastIndexOf('\n') + 1)) + 1 };
}

/**
 * Every choice the conversion of an entry makes, in every edition but its
 * own: riskiest first, then in the order of the file. `source` is the
 * entry's file as read (for the columns of frontmatter fields).
 */
export function entryChoices(entry: LintEntry, source: string, slug: string): PlacedChoice[] {
	const { script, terms } = entry.data;
	const editions = EDITIONS.filter((edition) => edition.lang !== script);
	const converters = editions.map((edition) => editionConverter(script, edition, terms, slug));
	const found = new Map<string, PlacedChoice>();
	for (const part of partsOf(entry, source)) {
		if (!HAN.test(part.text)) continue;
		const explained = converters.map((convert) => convert.explain!(part.text));
		editions.forEach((edition, e) => {
			const explanation = explained[e]!;
			for (const change of changesOf(part.text, explanation, converters[e]!.explain!.dictionaries)) {
				const { choice } = change;
				if (!choice) continue;
				const key = `${part.line}:${part.column}:${change.from}:${change.output}:${choice.kind}:${choice.others.join('')}`;
				const known = found.get(key);
				if (known) {
					known.editions.push(edition);
					continue;
				}
				const [start, end] = pinSpan(part.text, change, choice.rule);
				const words = part.text.slice(start, end);
				const pin: Record<string, string> = { [script]: words };
				editions.forEach((other, o) => {
					const output = explained[o]!.output;
					// Most conversions keep every length: the words are then where they were.
					pin[other.lang] = output.length === part.text.length ? output.slice(start, end) : converters[o]!(words);
				});
				found.set(key, {
					...placeIn(part, change.from),
					where: part.where,
					source: change.source,
					output: change.output,
					kind: choice.kind,
					others: choice.others,
					rule: choice.rule,
					dictionary: choice.dictionary,
					context: around(part.text, change.from),
					editions: [edition],
					pin,
				});
			}
		});
	}
	return [...found.values()].sort((a, b) => byRisk(a.kind, b.kind) || a.line - b.line || a.column - b.column);
}

/** YAML's flow form of a term, as the frontmatter writes it: `{ zh-Hans: 头发, zh-Hant: 頭髮 }`. */
const termLine = (pin: Record<string, string>) => `terms: [{ ${Object.entries(pin).map(([lang, words]) => `${lang}: ${words}`).join(', ')} }]`;

/**
 * A choice as lines of the report: where it is, what was chosen and not,
 * what decided it, the words around it; then the term that would pin it (or
 * where it is pinned).
 *
 * @example formatChoice('content/x.mdx', choice)
 * // content/x.mdx:9:12  default  ¶2  发 → 發, not 髮  (single-character default, no context: check it (STCharacters))  他要发。  zh-Hant zh-HK
 * //   pin: terms: [{ zh-Hans: 要发, zh-Hant: 要發, zh-HK: 要發 }]
 */
export function formatChoice(file: string, choice: PlacedChoice, termsLine?: number): string {
	const by =
		choice.kind === 'pinned'
			? `pinned term ${choice.rule.key} (${choice.rule.origin === 'glossary' ? 'glossary.json' : 'this text’s terms'})`
			: choice.kind === 'phrase'
				? `phrase ${choice.rule.key} → ${choice.rule.value} (${fullEntry(choice.rule.dictionaries ?? [], choice.rule.key)?.dictionary ?? 'OpenCC'})`
				: `single-character default, no context: check it (${choice.dictionary})`;
	const head = `${file}:${choice.line}:${choice.column}  ${choice.kind}  ${choice.where}  ${choice.source} → ${choice.output}, not ${choice.others.join(' ')}  (${by})  ${choice.context}  ${choice.editions.map((e) => e.lang).join(' ')}`;
	if (choice.kind === 'pinned') return head;
	const where = termsLine ? ` (add to the terms at line ${termsLine})` : ' (add to the frontmatter)';
	return `${head}\n  pin${where}: ${termLine(choice.pin)}`;
}
