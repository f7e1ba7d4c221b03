import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './content-dir.ts';
import { entrySchema } from './schemas/entry.ts';
import { textId } from './texts/id.ts';

export const collections = {
	texts: defineCollection({
		loader: glob({ pattern: '**/*.mdx', base: contentDir(), generateId: textId }),
		schema: entrySchema,
	}),
};
