/**
 * From received text to an MDX entry: the import pipeline (DESIGN.md §1).
 * Pure: bytes and options in, MDX source and a report out. The CLI in
 * `scripts/import.ts` does the file handling.
 */
import { createHash } from 'node:crypto';
import { openccConverter } from '../convert/opencc.ts';
import { STORAGE_SCRIPTS, type OpenccLocale, type StorageScript } from '../editions.ts';
import { lintScript, type LintLevel } from '../lint/mixed-script.ts';
import { cleanText, escapeMdx, rawContext, splitParagraphs, type Finding } from './clean.ts';
import { ImportError } from './decode.ts';
import { calendarDate } from '../texts/date.ts';
import { locator } from './traced.ts';

/** OpenCC locales a received text may be written in. */
export const SOURCE_LOCALES = ['cn', 'tw', 'hk', 't'] as const satisfies readonly OpenccLocale[];
export type SourceLocale = (typeof SOURCE_LOCALES)[number];

export interface ImportOptions {
	/** Name of the received file, recorded in the provenance. */
	file: string;
	/** The title, in the script of the received text (converted like the text). */
	title: string;
	/** Publication date, YYYY-MM-DD. */
	date: string;
	/** Who published the original, e.g. 新华社 (converted like the text). */
	publisher: string;
	/** URL of the original publication. */
	source?: string | undefined;
	/** The OpenCC locale the received text is written in. */
	from: SourceLocale;
	/** The script to store the entry in: that of the original publication. */
	store: StorageScript;
	/** How the file was read and the SHA-256 of its bytes; by default, the text as UTF-8. */
	received?: { encoding: string; sha256: string } | undefined;
}

export interface ImportReport {
	/** How many paragraphs the entry has. */
	paragraphs: number;
	/** Changes made, by kind. */
	counts: Record<string, number>;
	/** Places the cleaner is unsure of: check them by hand. */
	unsure: Finding[];
	/** Mixed-script places in the received text, read as `--from` (the conversion may have repaired them). */
	received: ScriptPlace[];
	/** WARNs and INFOs left in the stored text: check them by hand. */
	stored: ScriptPlace[];
}

/** A mixed-script finding, placed in the raw text. */
export interface ScriptPlace extends Finding {
	/** ERROR, WARN or INFO, as `npm run lint:content` reports. */
	level: LintLevel;
}

/** YAML scalar: a JSON string is a valid YAML double-quoted scalar. */
const yaml = (value: string) => JSON.stringify(value);

/**
 * Clean a received text and write it as an MDX entry.
 *
 * @example importText(seed, { file: 'seed.txt', title: '…', date: '2014-02-27', publisher: '新华社', from: 'tw', store: 'zh-Hans' })
 */
export function importText(raw: string, options: ImportOptions): { mdx: string; report: ImportReport } {
	if (!calendarDate(options.date)) {
		throw new ImportError(`The date "${options.date}" is not a date.`, 'Give the publication date as YYYY-MM-DD, for example --date 2014-02-27.');
	}
	if (!options.title.trim()) throw new ImportError('The text has no title.', 'Give one with --title "…".');
	if (!options.publisher.trim()) throw new ImportError('The text has no publisher.', 'Give one with --publisher "…".');

	const cleaned = cleanText(raw);
	const text = cleaned.traced.text;
	const convert = openccConverter(options.from, STORAGE_SCRIPTS[options.store]);
	const converted = convert(text);
	let changedChars = 0;
	for (let i = 0; i < converted.length; i++) if (converted[i] !== text[i]) changedChars++;
	const paragraphs = splitParagraphs(converted);
	if (paragraphs.length === 0) {
		throw new ImportError(
			`${options.file} has no text left after cleaning: it holds only whitespace and zero-width characters.`,
			'Check that you saved the text itself before importing it.',
		);
	}

	// Mixed script, placed in the raw file: what the received copy got wrong,
	// and what the stored text would still get wrong.
	const locate = locator(raw);
	const rawOffset = (offset: number, inText: string) => {
		if (inText.length === text.length) return cleaned.traced.origin[offset]!;
		const lineStart = inText.lastIndexOf('\n', offset - 1) + 1;
		const lineIndex = inText.slice(0, lineStart).split('\n').length - 1;
		let start = 0;
		for (let i = 0; i < lineIndex; i++) start = text.indexOf('\n', start) + 1;
		return cleaned.traced.origin[start]!;
	};
	const place = (inText: string) => (finding: ReturnType<typeof lintScript>[number]): ScriptPlace => {
		const offset = rawOffset(finding.offset, inText);
		return { ...locate(offset), level: finding.level, text: rawContext(raw, offset, offset + finding.found.length), reason: finding.message };
	};
	const received = lintScript(text, options.from).map(place(text));
	const storedFindings = lintScript(converted, STORAGE_SCRIPTS[options.store]);
	const errors = storedFindings.filter((finding) => finding.level === 'ERROR').map(place(converted));
	if (errors.length > 0) {
		const list = errors.slice(0, 5).map((error) => `  ${options.file}:${error.line}:${error.column}  ${error.text}  ${error.reason}`);
		throw new ImportError(
			`${options.file}: stored as ${options.store}, the text would keep ${errors.length} character${errors.length === 1 ? '' : 's'} that ${options.store} never uses:\n${list.join('\n')}${errors.length > 5 ? `\n  … and ${errors.length - 5} more` : ''}`,
			`Correct them in the file, or check --from: a copy in the other script of its original is imported with --from <its script> --store <the original's>, and OpenCC repairs it.`,
		);
	}

	const counts = {
		'pinyin annotations removed': cleaned.counts.pinyin,
		'ASCII punctuation folded to full width': cleaned.counts.punctuation,
		'lines with whitespace normalised': cleaned.counts.whitespace,
		[`characters converted ${options.from} → ${options.store}`]: changedChars,
	};
	const steps = Object.entries(counts)
		.filter(([, count]) => count > 0)
		.map(([kind, count]) => `${kind}: ${count}`);
	const bytes = options.received ?? { encoding: 'UTF-8', sha256: sha256Of(raw) };
	const frontmatter = [
		'---',
		`title: ${yaml(convert(options.title.trim()))}`,
		`date: ${options.date}`,
		`publisher: ${yaml(convert(options.publisher.trim()))}`,
		...(options.source ? [`source: ${yaml(options.source)}`] : []),
		`script: ${options.store}`,
		'provenance:',
		`  file: ${yaml(options.file)}`,
		`  encoding: ${bytes.encoding}`,
		`  sha256: ${bytes.sha256}`,
		`  from: ${options.from}`,
		steps.length > 0 ? '  steps:' : '  steps: []',
		...steps.map((step) => `    - ${yaml(step)}`),
		'---',
	];
	const body = paragraphs.map(escapeMdx).join('\n\n');
	const written = `${frontmatter.join('\n')}\n\n${body}\n`;
	// The entry's own hash, so a later import can tell whether anyone edited it since.
	const mdx = written.replace(/\n---\n/, `\n  imported: ${sha256Of(written)}\n---\n`);
	return {
		mdx,
		report: {
			paragraphs: paragraphs.length,
			counts,
			unsure: cleaned.unsure,
			received,
			stored: storedFindings.filter((finding) => finding.level !== 'ERROR').map(place(converted)),
		},
	};
}

/** The SHA-256 of a text (as UTF-8) or of bytes, in hex. */
export const sha256Of = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** The `imported:` line of an entry's provenance: the hash of the entry as the import wrote it, without this line. */
const IMPORTED_LINE = /\n {2}imported: ([0-9a-f]{64})(?=\n---\n)/;

/**
 * Whether an entry was edited since the import wrote it: `unchanged` when it
 * is byte for byte what the import wrote, `edited` when it is not, and
 * `unknown` when it does not say what the import wrote (written by hand, or
 * by an import older than this check).
 */
export function editedSinceImport(mdx: string): 'unchanged' | 'edited' | 'unknown' {
	const line = IMPORTED_LINE.exec(mdx);
	if (!line) return 'unknown';
	return sha256Of(mdx.replace(IMPORTED_LINE, '')) === line[1] ? 'unchanged' : 'edited';
}
