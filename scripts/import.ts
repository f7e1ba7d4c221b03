/**
 * npm run import -- <file.txt> [options]   (--help lists them)
 *
 * Cleans a received text into content/<slug>.mdx and prints what it changed.
 * Writes nothing unless the whole entry is ready, and never overwrites an
 * entry without --force; an entry edited since it was imported (or one that
 * cannot tell) only with --force given twice.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { counted } from '../src/counted.ts';
import { parseCommandLine, refuse, type CommandSpec } from '../src/command-line.ts';
import { entryFiles } from '../src/content-dir.ts';
import { STORAGE_SCRIPT_NAMES, type StorageScript } from '../src/editions.ts';
import { ImportError, decodeText, type Encoding } from '../src/import/decode.ts';
import type { Finding } from '../src/import/clean.ts';
import { SOURCE_LOCALES, editedSinceImport, importText, sha256Of, type ScriptPlace, type SourceLocale } from '../src/import/entry.ts';
import { slugFromFileName, slugProblem } from '../src/import/slug.ts';
import { formerOwner } from '../src/paragraphs/anchor-record.ts';
import { calendarDate } from '../src/texts/date.ts';

const IMPORT = {
	command: 'npm run import --',
	synopsis: '<file.txt> --title <text> --date <YYYY-MM-DD> --publisher <name> [options]',
	summary: 'Cleans a received text into <content>/<slug>.mdx and prints what it changed, and every place to check by hand. Writes nothing unless the whole entry is ready.',
	positionals: { name: 'file to import', min: 1, max: 1 },
	options: {
		slug: { type: 'string', value: 'slug', description: "the entry's file name and URL (default: from the file name)" },
		title: { type: 'string', value: 'text', description: 'the title (required)' },
		date: { type: 'string', value: 'YYYY-MM-DD', description: 'the publication date (required)' },
		publisher: { type: 'string', value: 'name', description: 'who published it (required)' },
		source: { type: 'string', value: 'url', description: 'where it was published' },
		from: { type: 'string', value: 'script', choices: SOURCE_LOCALES, default: 'cn', description: 'the script the file is written in' },
		store: { type: 'string', value: 'script', choices: STORAGE_SCRIPT_NAMES, default: 'zh-Hans', description: 'the script of the original publication' },
		encoding: { type: 'string', value: 'encoding', choices: ['utf-8', 'gb18030', 'big5'], description: "the file's encoding, when not UTF-8 or UTF-16 with a BOM" },
		content: { type: 'string', value: 'dir', default: process.env.FANJIAN_CONTENT ?? 'content', description: 'the content folder' },
		force: { type: 'boolean', repeatable: true, description: 'replace an existing entry; twice to discard edits made to it since it was imported' },
	},
} as const satisfies CommandSpec;

function main(argv: string[]): void {
	const { values, positionals } = parseCommandLine(IMPORT, argv);
	const file = positionals[0]!;
	const slug = values.slug ?? slugFromFileName(basename(file, extname(file)));
	const wrongSlug = slugProblem(slug);
	if (wrongSlug) {
		const named = values.slug !== undefined ? 'The slug' : `The file name ${basename(file)} gives no slug, and the slug`;
		throw new ImportError(`${named} cannot name a text: ${wrongSlug.problem}`, `Give one with --slug, for example --slug ${wrongSlug.example}.`);
	}
	// What the command line lacks or cannot use is a bad argument (exit 2, with the usage), as an unknown option is.
	if (!values.title?.trim()) refuse(IMPORT, 'give the title with --title "…".');
	if (!values.date) refuse(IMPORT, 'give the publication date with --date YYYY-MM-DD.');
	if (!calendarDate(values.date)) refuse(IMPORT, `--date is a day written YYYY-MM-DD, for example 2014-02-27, not "${values.date}".`);
	if (!values.publisher?.trim()) refuse(IMPORT, 'give the publisher with --publisher "…".');
	if (!existsSync(file)) throw new ImportError(`${file} does not exist.`, 'Check the path.');

	const target = resolve(values.content, `${slug}.mdx`);
	if (existsSync(target)) refuseToReplace(target, values.force);
	refuseTakenSlug(slug, target, values.content);
	const bytes = readFileSync(file);
	const decoded = decodeText(bytes, file, values.encoding as Encoding | undefined);
	const { mdx, report } = importText(decoded.text, {
		file: basename(file),
		title: values.title,
		date: values.date,
		publisher: values.publisher,
		source: values.source,
		from: values.from as SourceLocale,
		store: values.store as StorageScript,
		received: { encoding: decoded.encoding, sha256: sha256Of(bytes) },
	});
	mkdirSync(values.content, { recursive: true });
	// Write beside the target and rename: the entry appears whole or not at all.
	const temporary = join(values.content, `.${slug}.mdx.${process.pid}.tmp`);
	try {
		writeFileSync(temporary, mdx);
		renameSync(temporary, target);
	} finally {
		rmSync(temporary, { force: true });
	}

	console.log(`Wrote ${target}: ${counted(report.paragraphs, 'paragraph')}.`);
	console.log(`  read as ${decoded.encoding}${decoded.note ? `: ${decoded.note}` : ''}`);
	for (const [kind, count] of Object.entries(report.counts)) console.log(`  ${kind}: ${count}`);
	/** Print places, the first 50 of them: a long file can have thousands. */
	const list = (places: Finding[]) => {
		for (const place of places.slice(0, 50)) console.log(`  ${file}:${place.line}:${place.column}  ${place.text}  ${place.reason}`);
		if (places.length > 50) console.log(`  … and ${places.length - 50} more`);
	};
	const withLevel = (places: ScriptPlace[]) => places.map((place) => ({ ...place, reason: `${place.level}  ${place.reason}` }));
	if (report.received.length > 0) {
		console.log(`Mixed script in the received text, read as ${values.from} (what the conversion to ${values.store} leaves is listed again below):`);
		list(withLevel(report.received));
	}
	const unsure = [...report.unsure, ...withLevel(report.stored)];
	if (unsure.length > 0) {
		console.log(`Check ${unsure.length === 1 ? 'this place' : `these ${unsure.length} places`} by hand:`);
		list(unsure);
	}
}

/**
 * Refuse a slug that is another text's URL: an entry of that name in
 * another folder of the content (the build would refuse two texts with one
 * slug), or a text's address before a rename (its links redirect to it).
 */
function refuseTakenSlug(slug: string, target: string, content: string): void {
	const elsewhere = entryFiles(content).find((path) => basename(path) === `${slug}.mdx` && resolve(path) !== target);
	if (elsewhere) {
		throw new ImportError(
			`The slug "${slug}" is taken: ${elsewhere} is a text with that name, and two texts cannot share one URL.`,
			`Choose another --slug. To replace that text, import into its folder: --content ${dirname(elsewhere)} --force.`,
		);
	}
	const renamed = formerOwner(slug, content);
	if (renamed) {
		throw new ImportError(
			`The slug "${slug}" was the address of "${renamed.slug}" before a rename (${renamed.file}): links published to /…/${slug}/ redirect there.`,
			`Choose another --slug. To reuse the address anyway, remove "${slug}" from formerSlugs in ${renamed.file} first.`,
		);
	}
}

/**
 * Refuse to replace an entry unless told: once (`--force`) for an entry as
 * the import wrote it, twice for one edited since, or one that cannot tell
 * (written by hand, or by an import older than this check).
 */
function refuseToReplace(target: string, forced: number): void {
	if (forced === 0) throw new ImportError(`${target} already exists.`, 'Choose another --slug, or add --force to replace the entry.');
	if (forced >= 2) return;
	const state = editedSinceImport(readFileSync(target, 'utf8'));
	if (state === 'edited') {
		throw new ImportError(
			`${target} was edited since it was imported: replacing it would discard those edits.`,
			'See them with `git diff` (or against the last import); carry them into the received file, or make the change in the entry by hand. To replace the entry and lose the edits, give --force twice.',
		);
	}
	if (state === 'unknown') {
		throw new ImportError(
			`${target} does not record what the import wrote (it was written by hand, or by an older import), so edits made to it cannot be told apart.`,
			'To replace the entry anyway, give --force twice; check `git diff` afterwards.',
		);
	}
}

try {
	main(process.argv.slice(2));
} catch (error) {
	if (error instanceof ImportError) {
		console.error(`error: ${error.message}\nhint: ${error.hint}\nNothing was written.`);
		process.exit(1);
	}
	throw error;
}
