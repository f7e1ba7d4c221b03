/**
 * The site-wide glossary of pinned terms: `glossary.json` in the content
 * folder. Each term gives its form per edition; where an edition is missing
 * OpenCC converts the term as usual. Its `pinyin` pins readings for the
 * pinyin aid (src/pinyin/pins.ts). Read again whenever the file changes, so
 * that `npm run dev` shows an edit on the next request.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import { EDITIONS } from '../editions.ts';
import { contentDir, shownPath } from '../content-dir.ts';
import { fileVersion } from '../file-version.ts';
import { pinnedReadingsSchema } from '../pinyin/pins.ts';
import type { PinnedReading } from '../pinyin/readings.ts';
import { termSchema, type Term } from '../schemas/entry.ts';

const glossarySchema = z.object({ terms: z.array(termSchema).default([]), pinyin: pinnedReadingsSchema });

type Glossary = z.infer<typeof glossarySchema>;

let cached: { file: string; version: string; glossary: Glossary } | undefined;

/** The site's pinned terms: the same array until the file changes. */
export const glossary = (): Term[] => glossaryFile().terms;

/** The site's pinned readings. */
export const glossaryReadings = (): PinnedReading[] => glossaryFile().pinyin;

function glossaryFile(): Glossary {
	const file = join(contentDir(), 'glossary.json');
	const version = fileVersion(file);
	if (cached?.file === file && cached.version === version) return cached.glossary;
	const read = version === 'none' ? { terms: [], pinyin: [] } : readGlossary(file);
	cached = { file, version, glossary: read };
	return read;
}

/**
 * Where JSON.parse failed in `text`, as 1-based line and column: at the
 * position it names, or else at a trailing comma (JSON has none, and V8
 * names no position for one), or nowhere.
 */
function jsonFault(text: string, message: string): { line: number; column: number } | undefined {
	const named = /at position (\d+)/.exec(message);
	const offset = named ? Number(named[1]) : /,(?=\s*[\]}])/.exec(text)?.index;
	return offset === undefined ? undefined : placeAt(text, offset);
}

/** The 1-based line and column of an offset in `text`. */
function placeAt(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset).split('\n');
	return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** The keys a term may have. */
const TERM_KEYS: readonly string[] = [...EDITIONS.map((edition) => edition.lang), 'note'];

/**
 * Where a schema issue stands in the glossary's text, as 1-based line and
 * column: at the key it is about (an unknown key, a term's first key that is
 * no edition's, or the last key of its path), or nowhere when it names none.
 */
function issuePlace(text: string, json: unknown, issue: { path: PropertyKey[]; keys?: string[] }): { line: number; column: number; key: string } | undefined {
	const value = issue.path.reduce<unknown>((at, part) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[part] : undefined), json);
	const stray = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).find((key) => !TERM_KEYS.includes(key)) : undefined;
	const key = issue.keys?.[0] ?? (issue.path[0] === 'terms' ? stray : undefined) ?? issue.path.findLast((part) => typeof part === 'string');
	const offset = typeof key === 'string' ? text.indexOf(JSON.stringify(key)) : -1;
	return offset < 0 ? undefined : { ...placeAt(text, offset), key: String(key) };
}

function readGlossary(path: string): Glossary {
	const file = shownPath(path);
	const text = readFileSync(path, 'utf8');
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		const fault = jsonFault(text, (error as Error).message);
		const place = fault ? `:${fault.line}:${fault.column}` : '';
		const explained = new AstroError(`${file}${place} is not valid JSON: ${(error as Error).message}`, 'Fix the JSON syntax there (a comma after the last item of a list or object is the usual culprit).');
		// Astro's report shows the file at that place (else this module).
		throw Object.assign(explained, { loc: { file: path, ...fault } });
	}
	const parsed = glossarySchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const place = issuePlace(text, json, issue);
		const fault = place && { line: place.line, column: place.column };
		const named = place && !issue.message.includes(place.key) ? ` Here: "${place.key}".` : '';
		const explained = new AstroError(
			`${file}${fault ? `:${fault.line}:${fault.column}` : ''}: ${issue.path.join('.')}: ${issue.message}${named}`,
			issue.path[0] === 'pinyin'
				? 'Pinned readings map a word to its syllables: "pinyin": { "单于": "chán yú" }.'
				: 'Each term is an object such as { "zh-Hans": "刘云山", "zh-Hant": "劉雲山" }.',
		);
		// As for a JSON fault: Astro's report shows the glossary at the key, not this module.
		throw Object.assign(explained, { loc: { file: path, ...fault } });
	}
	return parsed.data;
}
