/**
 * The summary at the top of a compare page: the choices of every edition,
 * riskiest first (the single-character defaults, then pinned terms, then
 * phrases), the same choice in several editions listed once, each with the
 * words it was made in and the rows it is in. Build time only.
 */
import { byRisk, type ChoiceKind } from '../convert/choices.ts';
import type { Edition } from '../editions.ts';
import type { ComparedText } from './columns.ts';

/** One choice as the summary lists it. */
export interface SummaryEntry {
	kind: ChoiceKind;
	/** The stored text's characters, and what the editions made of them. */
	source: string;
	output: string;
	/** The candidates not taken. */
	others: string;
	/** The phrases or pinned terms that decided it, each once; for a default, the characters around its first place. */
	contexts: string[];
	/** Pinned: where (the text's own terms, or the glossary). */
	origin?: 'text' | 'glossary';
	/** The editions that made it. */
	editions: Edition[];
	/** The rows it is in (indexes into `ComparedText.rows`), in order, each once. */
	rows: number[];
}

/** Summaries made, each kept with its compared text: a text's compare pages (one per edition) list the same. */
const summaries = new WeakMap<ComparedText, readonly SummaryEntry[]>();

/**
 * The choices of a compared text, grouped by character, what it became and
 * what decided it, and ordered: riskiest first, then in the order of the text.
 * Made once per compared text.
 */
export function summaryEntries(compared: ComparedText): readonly SummaryEntry[] {
	let made = summaries.get(compared);
	if (!made) summaries.set(compared, (made = summarize(compared)));
	return made;
}

function summarize(compared: ComparedText): SummaryEntry[] {
	const entries = new Map<string, SummaryEntry>();
	for (const column of compared.columns) {
		for (const { row, change, context } of column.placed) {
			const { choice } = change;
			const others = choice.others.join('');
			const key = [choice.kind, change.source, change.output, others, choice.rule.origin ?? ''].join('\u0000');
			let entry = entries.get(key);
			if (!entry) {
				entry = { kind: choice.kind, source: change.source, output: change.output, others, contexts: [], ...(choice.rule.origin ? { origin: choice.rule.origin } : {}), editions: [], rows: [] };
				entries.set(key, entry);
			}
			if (entry.contexts.length === 0 || (choice.kind !== 'default' && !entry.contexts.includes(context))) entry.contexts.push(context);
			if (!entry.editions.includes(column.edition)) entry.editions.push(column.edition);
			if (!entry.rows.includes(row)) entry.rows.push(row);
		}
	}
	const sorted = [...entries.values()];
	for (const entry of sorted) entry.rows.sort((a, b) => a - b);
	return sorted.sort((a, b) => byRisk(a.kind, b.kind) || a.rows[0]! - b.rows[0]!);
}
