/**
 * The mixed-script lint applied to MDX entries: the body and the text
 * fields of the frontmatter, against the entry's declared script, with
 * places as paragraph and column and as file line and column. Needs nothing
 * from a build: the frontmatter is read with the parser Astro's MDX uses,
 * and the body with the site's MDX processor, so that its paragraphs are
 * numbered by the site's own rule (src/paragraphs/numbered.ts).
 */
import { AstroError } from 'astro/errors';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { Root } from 'hast';
import { HintedError } from '../hinted-error.ts';
import { STORAGE_SCRIPTS } from '../editions.ts';
import { topLevelParagraphs } from '../paragraphs/numbered.ts';
import { urlSpans } from '../convert/urls.ts';
import { entrySchema, type EntryData, type Term } from '../schemas/entry.ts';
import { frontmatterLines, isYamlError, yamlProblem } from '../schemas/frontmatter-yaml.ts';
import { checkWrittenDate } from '../schemas/written-date.ts';
import { MdxSyntaxError, sourceTree } from '../texts/markdown.ts';
import { lintScript, type DeclaredScript, type ScriptFinding } from './mixed-script.ts';

/** An entry the lint cannot read, and what the author should do. */
export class LintError extends HintedError {}

/** An entry read for the lint. */
export interface LintEntry {
	/** The entry's file, as named in reports. */
	file: string;
	/** The validated frontmatter. */
	data: EntryData;
	/** The body, line for line as in the file (frontmatter, code and unconverted passages blanked). */
	body: string;
	/** The line of each top-level frontmatter field. */
	fieldLines: ReadonlyMap<string, number>;
	/** The top-level blocks of the body, in order, as places in `body`. */
	blocks: readonly Block[];
}

/** A top-level block of an entry's body: a numbered paragraph, or a heading, list, quotation… */
export interface Block {
	/** Where it starts and ends in the body (UTF-16 offsets). */
	start: number;
	end: number;
	/** Its number (the site's 第N段 and #pN of a new text) if it is a paragraph; 0 otherwise. */
	paragraph: number;
	/** What it is, in a report: `paragraph`, `heading`, `list`, `quote`, `table`, `<div>`… */
	kind: string;
}

/** A finding placed in an entry. */
export interface EntryFinding extends ScriptFinding {
	/** 1-based paragraph of the body, numbered as the site numbers them; 0 outside paragraphs and in the frontmatter. */
	paragraph: number;
	/** The frontmatter field, when the finding is in one. */
	field?: string;
	/** The kind of block (`heading`, `list`…), when the finding is in the body but not in a paragraph. */
	block?: string;
	/** 1-based column, in code points, within the paragraph or field (for other blocks, within the line). */
	column: number;
	/** 1-based line in the file. */
	line: number;
	/** The characters around the finding. */
	context: string;
	/** True for a WARN the entry acknowledges in `lint.acknowledge`. */
	acknowledged: boolean;
}

/** Replace every character but line breaks with a space: the lint skips it, places stay put. */
const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/**
 * Passages the site never converts, so the lint does not read them either:
 * code, HTML comments, and elements marked `data-no-convert` or `translate="no"`
 * (and URLs: see `readEntry`).
 */
const NOT_CONVERTED = [
	/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm,
	/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g,
	/<!--[\s\S]*?-->/g,
	/<([A-Za-z][\w-]*)\b[^>]*\s(?:data-no-convert|translate=["']no["'])[^>]*>[\s\S]*?<\/\1\s*>/g,
];

/** How reports name the blocks that are not paragraphs. */
const BLOCK_KINDS: Record<string, string> = {
	h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
	ul: 'list', ol: 'list', blockquote: 'quote', table: 'table', pre: 'code',
};

/** The top-level blocks of a body's tree, each placed and, if it is a paragraph, numbered. */
function blocksOf(tree: Root): Block[] {
	const paragraphs = topLevelParagraphs(tree);
	return tree.children.flatMap((node): Block[] => {
		const start = node.position?.start.offset;
		const end = node.position?.end.offset;
		if (start === undefined || end === undefined) return [];
		const paragraph = node.type === 'element' ? paragraphs.indexOf(node) + 1 : 0;
		const kind = paragraph > 0 ? 'paragraph' : node.type === 'element' ? (BLOCK_KINDS[node.tagName] ?? `<${node.tagName}>`) : node.type === 'text' ? 'text' : 'expression';
		return [{ start, end, paragraph, kind }];
	});
}

/** Text fields of the frontmatter that are published, and so linted. */
const TEXT_FIELDS = ['title', 'publisher', 'summary'] as const;

/** Read an entry's source for the lint; fails with the fix when its frontmatter is not valid. */
export function readEntry(file: string, source: string): LintEntry {
	let parsed: ReturnType<typeof parseFrontmatter>;
	try {
		parsed = parseFrontmatter(source, { frontmatter: 'empty-with-lines' });
	} catch (error) {
		if (!isYamlError(error)) throw error;
		const { line, column, problem, fix } = yamlProblem(source, error);
		throw new LintError(`${file}:${line}:${column}: the frontmatter is not valid YAML: ${problem}.`, `${fix} The build refuses it too.`);
	}
	const fieldLines = new Map<string, number>();
	for (const { line, text } of frontmatterLines(source)) {
		const key = /^([\w-]+)\s*:/.exec(text)?.[1];
		if (key) fieldLines.set(key, line);
	}
	try {
		checkWrittenDate(file, source);
	} catch (error) {
		if (!(error instanceof AstroError)) throw error;
		throw new LintError(error.message, `${error.hint ?? ''} The build refuses it too.`.trim());
	}
	const result = entrySchema.safeParse(parsed.frontmatter);
	if (!result.success) {
		// Every fault at once, each at its line, as the build lists them: a missing date and script are one save's work, not two.
		const [first, ...more] = result.error.issues.map((issue) => {
			const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
			const line = typeof field === 'string' ? fieldLines.get(field) : undefined;
			const where = issue.path.length > 0 ? ` ${issue.path.join('.')}` : '';
			return `${file}${line ? `:${line}` : ''}: frontmatter${where}: ${issue.message}`;
		});
		throw new LintError([first!, ...more.map((fault) => `  ${fault}`)].join('\n'), 'Fix the frontmatter as the message says; the build refuses it too.');
	}
	let tree: Root;
	try {
		tree = sourceTree(parsed.content);
	} catch (error) {
		if (!(error instanceof MdxSyntaxError)) throw error;
		throw new LintError(`${file}:${error.line}:${error.column}: the text is not valid MDX: ${error.reason}`, 'Fix it at that place; the build refuses it too.');
	}
	let body = parsed.content;
	for (const pattern of NOT_CONVERTED) body = body.replace(pattern, blank);
	// URLs stay as written in every edition (src/convert/urls.ts): not read either.
	for (const [start, end] of urlSpans(body)) body = body.slice(0, start) + blank(body.slice(start, end)) + body.slice(end);
	return { file, data: result.data, body, fieldLines, blocks: blocksOf(tree) };
}

/** The OpenCC locale an entry's script is checked against. */
export const declaredScript = (data: Pick<EntryData, 'script'>): DeclaredScript => STORAGE_SCRIPTS[data.script];

const codePoints = (text: string) => [...text].length;
/** The characters around `offset` of a text, for a report. */
export const around = (text: string, offset: number) => text.slice(Math.max(0, offset - 6), offset + 7).replace(/\s+/g, ' ').trim();

/** How to lint an entry: as stored, or converted into an edition. */
export interface LintOptions {
	/** The locale to check against instead of the declared script (an edition's). */
	script?: DeclaredScript;
	/** The converter into that edition. */
	convert?: (text: string) => string;
	/** Passages pinned by terms or the glossary: written as the author decided, so not linted. */
	pinned?: readonly string[];
}

/**
 * The passages pinned for an entry in one script or edition: the forms its
 * terms and the glossary give for that tag.
 *
 * @example pinnedPassages([{ 'zh-Hans': '於梨华', 'zh-Hant': '於梨華' }], 'zh-Hans') // ['於梨华']
 */
export function pinnedPassages(terms: readonly Term[], lang: string): string[] {
	return terms.map((term) => term[lang]).filter((form): form is string => Boolean(form));
}

/**
 * Lint one entry: its body and title, publisher and summary, against its
 * declared script, or converted into an edition against the edition's.
 * Pinned passages are skipped. WARNs covered by a passage in
 * `lint.acknowledge` are marked acknowledged (in the declared script only:
 * the passages are written in it).
 *
 * @example lintEntry(readEntry('content/x.mdx', source)).filter((f) => f.level === 'ERROR')
 */
export function lintEntry(entry: LintEntry, options: LintOptions = {}): EntryFinding[] {
	const script = options.script ?? declaredScript(entry.data);
	const pinned = [...(options.pinned ?? [])].filter((passage) => passage.length > 0).sort((a, b) => b.length - a.length);
	const skipPinned = (text: string) => pinned.reduce((out, passage) => out.replaceAll(passage, blank(passage)), text);
	const convert = (text: string) => skipPinned(options.convert ? options.convert(text) : text);
	const passages = options.convert ? [] : (entry.data.lint?.acknowledge ?? []);
	/** True when an acknowledged passage in `text` covers `offset`. */
	const covered = (text: string, offset: number) =>
		passages.some((passage) => {
			for (let at = text.indexOf(passage); at >= 0 && at <= offset; at = text.indexOf(passage, at + 1)) {
				if (offset < at + passage.length) return true;
			}
			return false;
		});
	const findings: EntryFinding[] = [];

	const body = convert(entry.body);
	const lineStart = [0];
	for (let at = body.indexOf('\n'); at >= 0; at = body.indexOf('\n', at + 1)) lineStart.push(at + 1);
	let line = 0;
	for (const finding of lintScript(body, script)) {
		while (line + 1 < lineStart.length && lineStart[line + 1]! <= finding.offset) line++;
		const block = entry.blocks.find((b) => b.start <= finding.offset && finding.offset < b.end);
		// Columns count from the start of a paragraph, or of the line in other blocks (a list, a table).
		const from = block?.paragraph ? block.start : lineStart[line]!;
		const [start, end] = block ? [block.start, block.end] : [from, body.length];
		findings.push({
			...finding,
			paragraph: block?.paragraph ?? 0,
			...(block?.paragraph ? {} : { block: block?.kind ?? 'text' }),
			column: codePoints(body.slice(from, finding.offset)) + 1,
			line: line + 1,
			context: around(body, finding.offset),
			acknowledged: finding.level === 'WARN' && covered(body.slice(start, end), finding.offset - start),
		});
	}

	for (const field of TEXT_FIELDS) {
		const value = entry.data[field] && convert(entry.data[field]);
		if (!value) continue;
		for (const finding of lintScript(value, script)) {
			findings.push({
				...finding,
				paragraph: 0,
				field,
				column: codePoints(value.slice(0, finding.offset)) + 1,
				line: entry.fieldLines.get(field) ?? 1,
				context: around(value, finding.offset),
				acknowledged: finding.level === 'WARN' && covered(value, finding.offset),
			});
		}
	}
	return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** One finding as a line of a report: `file:line  LEVEL  ¶3:12  并 → 並  …context…  message` (`heading:3`, `title:3` outside paragraphs). */
export function formatFinding(file: string, finding: EntryFinding): string {
	const where = finding.paragraph > 0 ? `¶${finding.paragraph}:${finding.column}` : `${finding.field ?? finding.block}:${finding.column}`;
	const level = finding.acknowledged ? 'WARN (acknowledged)' : finding.level;
	return `${file}:${finding.line}  ${level}  ${where}  ${finding.context}  ${finding.message}`;
}
