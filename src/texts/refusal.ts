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
 * the build's message, line and fix (`refusedEntryPage`, called by the
 * text's route), and the terminal says it once (src/texts/dev-reload.ts).
 */
import { AstroError } from 'astro/errors';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { namesakes, shownPath } from '../content-dir.ts';
import { LintError, readEntry } from '../lint/entries.ts';
import { explainedYamlError, isYamlError } from '../schemas/frontmatter-yaml.ts';
import { checkWrittenDate } from '../schemas/written-date.ts';
import { escapeXml } from '../xml.ts';
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

/** The entry file at `path` as saved now (as messages name it, and its text), and why the build would refuse it among the entries there are now; none if it is gone. */
function savedEntry(path: string): { file: string; source: string; refusal: Refusal | undefined } | undefined {
	if (!existsSync(path)) return undefined;
	const file = shownPath(path);
	const source = readFileSync(path, 'utf8');
	return { file, source, refusal: entryRefusal(file, source, namesakes(path).map(shownPath)) };
}

/** Why the build would refuse the entry file at `path`, as saved now, among the entries there are now; none if it is gone. */
export const savedEntryRefusal = (path: string): Refusal | undefined => savedEntry(path)?.refusal;

/** How many lines of the file the page shows around the one at fault, each way. */
const AROUND = 2;

/**
 * In dev, the page of a text whose entry, as saved, the build would refuse:
 * an error page (status 500) that says so in itself, with the build's
 * message, the fix, the file at the line marked, in any browser and without
 * JavaScript; Vite's client reloads it when the entry is saved again. Astro's
 * own error page (a thrown error) is a title alone, whose message and code
 * come by WebSocket to every open page 200 ms after it is sent: a page still
 * connecting missed it (blank in 19 of 40 views with four tabs open, editor
 * review) and every other open page, another text's or the listing, showed
 * it. Checked on each request of the text's pages; none when it is fine.
 *
 * @param filePath the entry's file, as Astro's entry gives it (from the project's root)
 */
export function refusedEntryPage(filePath: string | undefined): Response | undefined {
	const saved = filePath === undefined ? undefined : savedEntry(resolve(filePath));
	if (!saved?.refusal) return undefined;
	const { file, source, refusal } = saved;
	const at = refusal.line;
	// The file around the line at fault, numbered, that line marked.
	const first = Math.max(1, (at ?? 1) - AROUND);
	const shown = at === undefined ? [] : source.split('\n').slice(first - 1, at + AROUND);
	const code = shown.map((text, i) => {
		const line = `<span class="n">${first + i}</span>${escapeXml(text)}`;
		return first + i === at ? `<mark>${line}</mark>` : `<span>${line}</span>`;
	});
	const place = at === undefined ? file : `${file}:${at}${refusal.column ? `:${refusal.column}` : ''}`;
	const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>This text cannot be published</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}h1{font-size:1.3rem;color:#a4001d}.message{white-space:pre-wrap}.hint{background:#f3f3f6;padding:.5rem .75rem;border-radius:4px}pre{background:#1e1e24;color:#eee;padding:.75rem;overflow:auto;border-radius:4px}code>*{display:block}pre mark{background:#5a1a24;color:#fff}.n{display:inline-block;width:3ch;margin-right:1ch;color:#999;text-align:right}</style>
<script type="module" src="/@vite/client"></script>
</head><body><main id="refused">
<h1>The build would refuse ${escapeXml(file)} as saved</h1>
<p class="message">${escapeXml(refusal.message)}</p>
${refusal.hint ? `<p class="hint"><strong>Hint:</strong> ${escapeXml(refusal.hint)}</p>` : ''}
<p class="place">${escapeXml(place)}</p>
${code.length > 0 ? `<pre lang="zh"><code>${code.join('')}</code></pre>` : ''}
<p>Until it is fixed, this text's pages show this; saving the file reloads it.</p>
</main></body></html>
`;
	return new Response(html, { status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
