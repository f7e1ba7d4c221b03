/**
 * npm run import -- <file.txt> [--slug s] [--title t] [--date YYYY-MM-DD]
 *   [--publisher p] [--source url] [--from tw|hk|t|cn] [--store zh-Hans|zh-Hant|zh-HK]
 *   [--encoding gb18030|big5] [--content dir] [--force]
 *
 * Cleans a received text into content/<slug>.mdx and prints what it changed.
 * Writes nothing unless the whole entry is ready, and never overwrites an
 * entry without --force.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { STORAGE_SCRIPT_NAMES, type StorageScript } from '../src/editions.ts';
import { ImportError, decodeText, type Encoding } from '../src/import/decode.ts';
import type { Finding } from '../src/import/clean.ts';
import { SOURCE_LOCALES, importText, type ScriptPlace, type SourceLocale } from '../src/import/entry.ts';
import { slugFromFileName, slugProblem } from '../src/import/slug.ts';

function main(argv: string[]): void {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			slug: { type: 'string' },
			title: { type: 'string' },
			date: { type: 'string' },
			publisher: { type: 'string' },
			source: { type: 'string' },
			from: { type: 'string', default: 'cn' },
			store: { type: 'string', default: 'zh-Hans' },
			encoding: { type: 'string' },
			content: { type: 'string', default: process.env.FANJIAN_CONTENT ?? 'content' },
			force: { type: 'boolean', default: false },
		},
	});
	const [file, ...extra] = positionals;
	if (!file || extra.length > 0) throw new ImportError('Give exactly one file to import.', 'npm run import -- path/to/text.txt --title "…" --date YYYY-MM-DD --publisher "…"');
	if (!SOURCE_LOCALES.includes(values.from as SourceLocale)) {
		throw new ImportError(`--from ${values.from} is not a source script.`, `Use one of: ${SOURCE_LOCALES.join(', ')} (tw for Taiwan traditional, cn for simplified).`);
	}
	if (!STORAGE_SCRIPT_NAMES.includes(values.store as StorageScript)) {
		throw new ImportError(`--store ${values.store} is not a storage script.`, `Use one of: ${STORAGE_SCRIPT_NAMES.join(', ')}.`);
	}
	if (values.encoding && !['utf-8', 'gb18030', 'big5'].includes(values.encoding)) {
		throw new ImportError(`--encoding ${values.encoding} is not supported.`, 'Use utf-8, gb18030 or big5.');
	}
	const slug = values.slug ?? slugFromFileName(basename(file, extname(file)));
	const wrongSlug = slugProblem(slug);
	if (wrongSlug) throw new ImportError(`The slug cannot name a text: ${wrongSlug.problem}`, `Give one with --slug, for example --slug ${wrongSlug.example}.`);
	if (!values.title) throw new ImportError('The text has no title.', 'Give one with --title "…".');
	if (!values.date) throw new ImportError('The text has no date.', 'Give the publication date with --date YYYY-MM-DD.');
	if (!values.publisher) throw new ImportError('The text has no publisher.', 'Give one with --publisher "…".');
	if (!existsSync(file)) throw new ImportError(`${file} does not exist.`, 'Check the path.');

	const target = resolve(values.content, `${slug}.mdx`);
	if (existsSync(target) && !values.force) {
		throw new ImportError(`${target} already exists.`, 'Choose another --slug, or add --force to replace the entry.');
	}
	const raw = decodeText(readFileSync(file), file, values.encoding as Encoding | undefined);
	const { mdx, report } = importText(raw, {
		file: basename(file),
		title: values.title,
		date: values.date,
		publisher: values.publisher,
		source: values.source,
		from: values.from as SourceLocale,
		store: values.store as StorageScript,
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

	console.log(`Wrote ${target}: ${report.paragraphs} paragraphs.`);
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
		console.log(`Check these ${unsure.length} places by hand:`);
		list(unsure);
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
