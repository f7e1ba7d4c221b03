/**
 * The frontmatter of a text. Every message says how to fix the entry, since
 * editors read them in a failed build.
 */
import { z } from 'astro/zod';
import { closest } from '../closest.ts';
import { EDITIONS, STORAGE_SCRIPT_NAMES, type StorageScript } from '../editions.ts';
import { pinnedReadingsSchema } from '../pinyin/pins.ts';
import { calendarDate } from '../texts/date.ts';

/** A calendar date, written YYYY-MM-DD (YAML may already have parsed it). */
const publicationDate = z.union([z.date(), z.string()], {
	error: (issue) =>
		issue.input === undefined || issue.input === null
			? 'Every text needs its publication date: add `date: YYYY-MM-DD` (for example `date: 2014-02-27`) to its frontmatter.'
			: `"${String(issue.input)}" is not a date. Write the publication date as YYYY-MM-DD, for example \`date: 2014-02-27\`.`,
}).transform((value, ctx) => {
	const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
	const date = calendarDate(text);
	if (!date) {
		ctx.addIssue({ code: 'custom', message: `"${String(value)}" is not a date. Write the publication date as YYYY-MM-DD, for example \`date: 2014-02-27\`.` });
		return z.NEVER;
	}
	return date;
});

/** A term pinned to given forms, edition by edition (keys are edition tags). */
export const termSchema = z
	.record(z.string(), z.string().min(1))
	.refine((term) => Object.keys(term).some((key) => key !== 'note'), {
		message: 'A pinned term needs at least one form, for example `{ "zh-Hans": "刘云山", "zh-Hant": "劉雲山" }`.',
	})
	.refine((term) => Object.keys(term).every((key) => key === 'note' || EDITIONS.some((e) => e.lang === key)), {
		message: `A pinned term's keys are edition tags (${EDITIONS.map((e) => e.lang).join(', ')}) or "note".`,
	});

export type Term = z.infer<typeof termSchema>;

/** A field left out, or written as something YAML does not read as text (`title: 2015` is a number). */
function missingOrNotText(input: unknown, field: string, missing: string): string {
	if (input === undefined || input === null) return missing;
	const written = input instanceof Date ? input.toISOString().slice(0, 10) : String(input);
	return `${field} must be text, but YAML reads \`${field}: ${written}\` as a ${input instanceof Date ? 'date' : typeof input}: put it in quotes, \`${field}: "${written}"\`.`;
}

const LINT_EXAMPLE = 'lint takes a list of passages whose WARNs you checked: `lint: { acknowledge: ["總體布局"] }`.';

/** A text's fields, in the order an entry writes them. */
const entryFields = {
	/** The title, in the entry's script. */
	title: z
		.string({ error: (issue) => missingOrNotText(issue.input, 'title', 'Every text needs a title: add `title: "…"` to its frontmatter.') })
		.trim()
		.min(1, 'The title is empty: write the text\'s title after `title:`.'),
	/** Publication date of the original. */
	date: publicationDate,
	/** Who published the original, e.g. 新华社. */
	publisher: z
		.string({ error: (issue) => missingOrNotText(issue.input, 'publisher', 'Every text needs a publisher: add `publisher: "…"` (e.g. 新华社) to its frontmatter.') })
		.trim()
		.min(1),
	/** URL of the original publication. */
	source: z.url({ error: 'source must be a full URL such as `source: "https://…"`, or be left out.' }).optional(),
	/** The script the entry is stored in: that of the original publication. */
	script: z.enum(STORAGE_SCRIPT_NAMES as [StorageScript, ...StorageScript[]], {
		error: (issue) =>
			`${issue.input === undefined || issue.input === null ? 'Every text needs the script it is stored in' : `"${String(issue.input)}" is not a script this site stores`}. Write one of: ${STORAGE_SCRIPT_NAMES.map((s) => `\`script: ${s}\``).join(', ')}.`,
	}),
	/** A one-sentence summary, used as the page description. */
	summary: z.string().trim().min(1).optional(),
	/** What was done to the text on import (written by `npm run import`). */
	provenance: z
		.object({
			/** Name of the received file. */
			file: z.string(),
			/** How the received file was read: UTF-8, Big5-HKSCS, GB18030-2022… */
			encoding: z.string().optional(),
			/** SHA-256 of the bytes received. */
			sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
			/** OpenCC locale of the received text. */
			from: z.string(),
			/** Each cleaning step, with its count. */
			steps: z.array(z.string()),
			/** SHA-256 of the entry as the import wrote it (this line left out): tells a re-import whether it was edited since. */
			imported: z.string().regex(/^[0-9a-f]{64}$/).optional(),
		})
		.optional(),
	/** Terms pinned for this text only (see content/glossary.json for the site-wide list). */
	terms: z.array(termSchema).default([]),
	/** Readings pinned for this text's pinyin aid, word by word: `pinyin: { 单于: chán yú }` (see content/glossary.json for the site-wide list). */
	pinyin: pinnedReadingsSchema,
	/** Mixed-script lint (`npm run lint:content`): `acknowledge` lists passages whose WARNs the author checked, e.g. `总体布局`. */
	lint: z
		.strictObject(
			{
				acknowledge: z.array(
					z.string().trim().min(1, 'An acknowledged passage is empty: write the words around the character, for example `總體布局`.'),
					{ error: LINT_EXAMPLE },
				),
			},
			{
				error: (issue) =>
					issue.code === 'unrecognized_keys'
						? `lint knows only \`acknowledge\`, not ${issue.keys.map((key) => `\`${key}\``).join(', ')}${closest(issue.keys[0]!, ['acknowledge']) ? ' (did you mean `acknowledge`?)' : ''}: ${LINT_EXAMPLE}`
						: LINT_EXAMPLE,
			},
		)
		.optional(),
};

/** A field the schema does not know would be dropped without a word (a mistyped `sumary:` loses the summary): name it, and the one meant. */
function unknownFields(keys: readonly string[]): string {
	const named = keys.map((key) => {
		const meant = closest(key, Object.keys(entryFields));
		return `\`${key}:\`${meant ? ` (did you mean \`${meant}:\`?)` : ''}`;
	});
	return `${keys.length === 1 ? 'A field this site does not know' : 'Fields this site does not know'}: ${named.join(', ')}. Rename or remove ${keys.length === 1 ? 'it' : 'them'}; a text's fields are ${Object.keys(entryFields).map((field) => `\`${field}\``).join(', ')}${keys.includes('slug') ? ' (the slug is the file name)' : ''}.`;
}

export const entrySchema = z.strictObject(entryFields, {
	error: (issue) => (issue.code === 'unrecognized_keys' ? unknownFields(issue.keys) : undefined),
});

export type EntryData = z.infer<typeof entrySchema>;
