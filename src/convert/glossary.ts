/**
 * The site-wide glossary of pinned terms: `glossary.json` in the content
 * folder. Each term gives its form per edition; where an edition is missing
 * OpenCC converts the term as usual. Read again whenever the file changes,
 * so that `npm run dev` shows an edit on the next request.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import { contentDir } from '../content-dir.ts';
import { termSchema, type Term } from '../schemas/entry.ts';

const glossarySchema = z.object({ terms: z.array(termSchema) });

let cached: { file: string; version: string; terms: Term[] } | undefined;

/** The glossary's terms: the same array until the file changes. */
export function glossary(): Term[] {
	const file = join(contentDir(), 'glossary.json');
	const stat = statSync(file, { throwIfNoEntry: false });
	const version = stat ? `${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}` : 'none';
	if (cached?.file === file && cached.version === version) return cached.terms;
	const terms = stat ? readGlossary(file) : [];
	cached = { file, version, terms };
	return terms;
}

function readGlossary(file: string): Term[] {
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new AstroError(`${file} is not valid JSON: ${(error as Error).message}`, 'Fix the JSON syntax (a trailing comma is the usual culprit).');
	}
	const parsed = glossarySchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new AstroError(`${file}: ${issue.path.join('.')}: ${issue.message}`, 'Each term is an object such as { "zh-Hans": "刘云山", "zh-Hant": "劉雲山" }.');
	}
	return parsed.data.terms;
}
