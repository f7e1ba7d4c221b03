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
import { contentDir } from '../content-dir.ts';
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

function readGlossary(file: string): Glossary {
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new AstroError(`${file} is not valid JSON: ${(error as Error).message}`, 'Fix the JSON syntax (a trailing comma is the usual culprit).');
	}
	const parsed = glossarySchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new AstroError(
			`${file}: ${issue.path.join('.')}: ${issue.message}`,
			issue.path[0] === 'pinyin'
				? 'Pinned readings map a word to its syllables: "pinyin": { "单于": "chán yú" }.'
				: 'Each term is an object such as { "zh-Hans": "刘云山", "zh-Hant": "劉雲山" }.',
		);
	}
	return parsed.data;
}
