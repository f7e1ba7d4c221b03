/**
 * npm run lint:content [-- [files…] [--content dir] [--strict] [--quiet]]   (--help for the usage)
 *
 * The mixed-script lint (src/lint/mixed-script.ts) on every entry in the
 * content folder (FANJIAN_CONTENT, default content/), or on the files named,
 * each against the script its frontmatter declares; passages pinned by the
 * entry's `terms` or by glossary.json are the author's decision and skipped. Prints ERROR, WARN and
 * INFO places as file:line and ¶paragraph:column. Markup MDX would not publish
 * as written (an unescaped { } < > [ ], an expression: src/texts/markup.ts)
 * is an ERROR at file:line:column, as the build refuses it. Exits 1 on any ERROR, and
 * with --strict on any WARN not acknowledged in `lint: { acknowledge: […] }`.
 * With --choices <slug>, it lists instead the one-to-many choices the
 * conversion of that text makes (src/lint/choices.ts), riskiest first.
 * Needs nothing from a build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { parseCommandLine, refuse, type CommandSpec } from '../src/command-line.ts';
import { entryFiles } from '../src/content-dir.ts';
import { glossary } from '../src/convert/glossary.ts';
import { entryChoices, formatChoice } from '../src/lint/choices.ts';
import { formatFinding, lintEntry, LintError, pinnedPassages, readEntry } from '../src/lint/entries.ts';
import { slugProblem } from '../src/import/slug.ts';
import { emptyEntry, markupProblems } from '../src/texts/markup.ts';

/** Every entry under a folder; a folder that is not there is the editor's mistake, said so. */
function entriesIn(dir: string): string[] {
	if (!existsSync(dir)) throw new LintError(`${dir} does not exist.`, 'Name the folder that holds the entries with --content (content/ unless FANJIAN_CONTENT names another).');
	return entryFiles(dir);
}

const LINT_CONTENT = {
	command: 'npm run lint:content --',
	synopsis: '[<file.mdx>…] [--content <dir>] [--strict] [--quiet] | --choices <slug>',
	summary:
		'Checks every entry (or the files named) against the script its frontmatter declares: ERROR for a character the script never uses, WARN for the wrong one of two forms, INFO for a regional variant. Exits 1 on an ERROR. Needs no build.',
	positionals: { name: 'entries', min: 0, max: Infinity },
	options: {
		content: { type: 'string', value: 'dir', default: process.env.FANJIAN_CONTENT ?? 'content', description: 'the content folder' },
		strict: { type: 'boolean', default: false, description: 'fail on a WARN not acknowledged in the frontmatter too' },
		quiet: { type: 'boolean', default: false, description: 'print only the ERRORs and the totals' },
		choices: {
			type: 'string',
			value: 'slug',
			description: "list the conversion's one-to-many choices in that text instead, riskiest first, each with the frontmatter line that would pin it",
		},
	},
} as const satisfies CommandSpec;

function main(argv: string[]): number {
	const { values, positionals } = parseCommandLine(LINT_CONTENT, argv);
	// The glossary is read from the content folder, as the build reads it.
	process.env.FANJIAN_CONTENT = resolve(values.content);
	const all = entriesIn(values.content);
	const files = positionals.length > 0 ? positionals : all;
	if (values.choices !== undefined && (values.strict || values.quiet)) refuse(LINT_CONTENT, '--choices lists the choices of one text: --strict and --quiet are for the lint, not with it.');
	if (values.choices !== undefined) return listChoices(values.choices, all, values.content);
	if (files.length === 0) throw new LintError(`No .mdx entries in ${values.content}.`, 'Check --content or FANJIAN_CONTENT.');
	const totals = { ERROR: 0, WARN: 0, INFO: 0, acknowledged: 0 };
	// A text's slug is its file name, its URL: one the build refuses (src/texts/id.ts) is an ERROR here too.
	const shown = (path: string) => relative(process.cwd(), path) || path;
	const bySlug = Map.groupBy(new Set([...all, ...files].map((path) => resolve(path))), (path) => basename(path, '.mdx'));
	for (const path of files) {
		const file = shown(path);
		const slug = basename(path, '.mdx');
		const wrong = slugProblem(slug);
		const others = (bySlug.get(slug) ?? []).filter((other) => other !== resolve(path));
		if (wrong) console.log(`${file}:1:1  ERROR  the file name cannot be the text's URL slug: ${wrong.problem} Rename it, for example ${wrong.example}.mdx.`);
		if (others.length > 0) console.log(`${file}:1:1  ERROR  ${others.map(shown).join(' and ')} ${others.length === 1 ? 'has' : 'have'} the same slug, "${slug}": each text needs its own URL. Rename one of them.`);
		if (wrong || others.length > 0) totals.ERROR++;
	}
	for (const path of files) {
		const file = shown(path);
		let source: string;
		try {
			source = readFileSync(path, 'utf8');
		} catch {
			throw new LintError(`${file} cannot be read.`, 'Check the path.');
		}
		const empty = emptyEntry(source);
		if (empty) {
			totals.ERROR++;
			console.log(`${file}:${empty.line}  ERROR  ${empty.message}. ${empty.hint}`);
			continue;
		}
		// Markup MDX would not read as the text written: the build refuses it too,
		// and the script lint reads the entry as MDX, so it waits until these are fixed.
		const markup = markupProblems(source);
		for (const problem of markup) {
			totals.ERROR++;
			console.log(`${file}:${problem.line}:${problem.column}  ERROR  ${problem.message}.`);
		}
		if (markup.length > 0) continue;
		const entry = readEntry(file, source);
		const pinned = pinnedPassages([...entry.data.terms, ...glossary()], entry.data.script);
		for (const finding of lintEntry(entry, { pinned })) {
			if (finding.acknowledged) totals.acknowledged++;
			else totals[finding.level]++;
			// --quiet hides what does not fail the lint: with --strict an unacknowledged WARN does.
			const fails = finding.level === 'ERROR' || (values.strict && finding.level === 'WARN' && !finding.acknowledged);
			if (!values.quiet || fails) console.log(formatFinding(file, finding));
		}
		// An acknowledgement whose words are gone (the text edited since) acknowledges nothing: say so, to keep the list true.
		const published = [entry.body, entry.data.title, entry.data.publisher, entry.data.summary ?? ''].join('\n');
		for (const passage of entry.data.lint?.acknowledge ?? []) {
			if (published.includes(passage)) continue;
			totals.INFO++;
			if (!values.quiet) console.log(`${file}:${entry.fieldLines.get('lint') ?? 1}  INFO  lint.acknowledge: "${passage}" is not in the text: remove it from the list.`);
		}
	}
	console.log(
		`lint:content: ${files.length} entr${files.length === 1 ? 'y' : 'ies'}, ${totals.ERROR} ERROR, ${totals.WARN} WARN (${totals.acknowledged} acknowledged), ${totals.INFO} INFO.`,
	);
	if (totals.ERROR > 0) {
		console.log('Fix each ERROR by writing what it shows (the character, or the escaped form), or re-import the text with the right --from.');
		return 1;
	}
	if (values.strict && totals.WARN > 0) {
		console.log('Write the character shown, or add the passage to `lint: { acknowledge: [...] }` in the frontmatter.');
		return 1;
	}
	return 0;
}

/** `--choices <slug>`: the choices of one text's conversion, as the compare page shows them. */
function listChoices(slug: string, files: string[], content: string): number {
	const path = files.find((file) => basename(file, '.mdx') === slug);
	if (!path) throw new LintError(`No text has the slug "${slug}" in ${content}.`, `Give the file name without .mdx: one of ${files.map((file) => basename(file, '.mdx')).join(', ') || '(none)'}.`);
	const file = relative(process.cwd(), path) || path;
	const source = readFileSync(path, 'utf8');
	const markup = markupProblems(source);
	if (markup.length > 0) throw new LintError(`${file}:${markup[0]!.line}:${markup[0]!.column}: ${markup[0]!.message}.`, 'Run `npm run lint:content` and fix its ERRORs first: the choices are read from the text as the site publishes it.');
	const entry = readEntry(file, source);
	const choices = entryChoices(entry, source, slug);
	const count = (kind: string) => choices.filter((choice) => choice.kind === kind).length;
	for (const choice of choices) console.log(formatChoice(file, choice, entry.fieldLines.get('terms')));
	console.log(
		`choices: ${file} (${entry.data.script}): ${choices.length} one-to-many choice${choices.length === 1 ? '' : 's'}: ${count('default')} single-character default (check these), ${count('pinned')} pinned, ${count('phrase')} by phrase.`,
	);
	return 0;
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (error) {
	// LintError, or the AstroError of a bad glossary.json: both carry the fix.
	if (error instanceof LintError || (error instanceof Error && typeof (error as { hint?: unknown }).hint === 'string')) {
		console.error(`error: ${error.message}\nhint: ${(error as LintError).hint}`);
		process.exitCode = 1;
	} else throw error;
}
