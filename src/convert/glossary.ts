/**
 * The site-wide glossary of pinned terms: `glossary.json` in the content
 * folder. Each term gives its form per edition; where an edition is missing
 * OpenCC converts the term as usual. Its `pinyin` pins readings for the
 * pinyin aid (src/pinyin/pins.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import { contentDir } from '../content-dir.ts';
import { pinnedReadingsSchema } from '../pinyin/pins.ts';
import type { PinnedReading } from '../pinyin/readings.ts';
import { termSchema, type Term } from '../schemas/entry.ts';

const glossarySchema = z.object({ terms: z.array(termSchema).default([]), pinyin: pinnedReadingsSchema });

let cached: z.infer<typeof glossarySchema> | undefined;

/** The site's pinned terms. */
export const glossary = (): Term[] => glossaryFile().terms;

/** The site's pinned readings. */
export const glossaryReadings = (): PinnedReading[] => glossaryFile().pinyin;

function glossaryFile(): z.infer<typeof glossarySchema> {
	if (cached) return cached;
	const file = join(contentDir(), 'glossary.json');
	if (!existsSync(file)) return (cached = { terms: [], pinyin: [] });
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
	return (cached = parsed.data);
}
