/**
 * Why the build would refuse one entry, read from its file alone: the
 * checks the content loader makes of every entry (its file name, another
 * entry's slug, a date the
 * calendar lacks, markup MDX would not publish as written, no words) and
 * those the lint shares with the schema (YAML, the fields, MDX). For
 * `npm run dev`, where Astro's loader keeps the entry as last read without
 * fault and says why in the terminal only, in YAML's or the schema's words:
 * its page showed the body as saved under the old frontmatter, a save that
 * looked half taken. There a refused entry's pages are an error page with
 * the build's message, line and fix (`refuseSavedEntry`, called by the
 * text's route), and the terminal says it once (src/texts/dev-reload.ts).
 */
import { AstroError } from 'astro/errors';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { existsSync, readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { contentDir, entryFiles } from '../content-dir.ts';
import { LintError, readEntry } from '../lint/entries.ts';
import { explainedYamlError, isYamlError } from '../schemas/frontmatter-yaml.ts';
import { checkWrittenDate } from '../schemas/written-date.ts';
import { checkSlug, checkSlugUnique } from './id.ts';
import { checkTextMarkup } from './markup.ts';

/** What is wrong with an entry, where, and what to do about it. */
export interface Refusal {
	/** The build's message (most start with their place, `content/x.mdx:3:7: …`). */
	message: string;
	hint: string;
	/** 1-based line and column in the file, when the message names them. */
	line?: number;
	column?: number;
}

/**
 * The first reason the build would refuse the entry, or none.
 *
 * @param file the entry's file as the message names it
 * @param source its text
 * @param sameSlug other entry files with its slug, named as `file` is
 */
export function entryRefusal(file: string, source: string, sameSlug: readonly string[] = []): Refusal | undefined {
	// In the build's order: the loader reads the YAML, then (src/content.config.ts) checks the date, the markup and
	// the file name, then the schema.
	try {
		try {
			parseFrontmatter(source);
		} catch (error) {
			throw isYamlError(error) ? explainedYamlError(file, source, error) : error;
		}
		checkWrittenDate(file, source);
		checkTextMarkup(file, source);
		checkSlug(file);
		checkSlugUnique(file, sameSlug);
		readEntry(file, source);
	} catch (error) {
		if (!(error instanceof AstroError) && !(error instanceof LintError)) throw error;
		// A refusal names its place first, `<file>:<line>[:<column>]: `, when it has one.
		const place = error.message.startsWith(file) ? /^:(\d+)(?::(\d+))?:/.exec(error.message.slice(file.length)) : null;
		return {
			message: error.message,
			hint: error.hint ?? '',
			...(place && { line: Number(place[1]), ...(place[2] && { column: Number(place[2]) }) }),
		};
	}
	return undefined;
}

/** Why the build would refuse the entry file at `path`, as saved now, among the entries there are now; none if it is gone. */
export function savedEntryRefusal(path: string): Refusal | undefined {
	if (!existsSync(path)) return undefined;
	const named = (file: string) => relative(process.cwd(), file) || file;
	const sameSlug = entryFiles(contentDir()).filter((other) => basename(other) === basename(path) && resolve(other) !== resolve(path));
	return entryRefusal(named(path), readFileSync(path, 'utf8'), sameSlug.map(named));
}

/**
 * In dev, fail the page of a text whose entry, as saved, the build would
 * refuse: Astro's error page, with the build's message, the file shown at
 * the line, and the fix. Checked on each request of the text's pages.
 *
 * @param filePath the entry's file, as Astro's entry gives it (from the project's root)
 */
export function refuseSavedEntry(filePath: string | undefined): void {
	if (!filePath) return;
	const path = resolve(filePath);
	const refusal = savedEntryRefusal(path);
	if (!refusal) return;
	const file = relative(process.cwd(), path) || path;
	throw Object.assign(new AstroError(refusal.message, refusal.hint), {
		name: 'This text cannot be published',
		title: `The build would refuse ${file} as saved`,
		loc: { file: path, line: refusal.line, column: refusal.column },
		// The entry is at fault, not the page: no trace of it, printed for each request.
		stack: refusal.message,
	});
}
