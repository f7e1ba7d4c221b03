/**
 * Why the build would refuse one entry, read from its file alone: the
 * checks the content loader makes of every entry (its file name, another
 * entry's slug, a date the
 * calendar lacks, markup MDX would not publish as written, no words) and
 * those the lint shares with the schema (YAML, the fields, MDX). For
 * `npm run dev` (src/texts/dev-reload.ts), where Astro's loader keeps
 * serving the last good text and says why in the terminal only.
 */
import { AstroError } from 'astro/errors';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
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
	// In the build's order: the loader reads the YAML, then checks the file name, the date and the markup, then the schema.
	try {
		try {
			parseFrontmatter(source);
		} catch (error) {
			throw isYamlError(error) ? explainedYamlError(file, source, error) : error;
		}
		checkSlug(file);
		checkSlugUnique(file, sameSlug);
		checkWrittenDate(file, source);
		checkTextMarkup(file, source);
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
