import { defineCollection } from 'astro:content';
import { contentDir } from './content-dir.ts';
import { entrySchema } from './schemas/entry.ts';
import { checkEntryDate } from './schemas/written-date.ts';
import { textId } from './texts/id.ts';
import { textsLoader } from './texts/loader.ts';

export const collections = {
	texts: defineCollection({
		loader: textsLoader({
			pattern: '**/*.mdx',
			base: contentDir(),
			// The one hook that sees each entry's file before YAML has rolled an impossible date over.
			generateId: (options) => {
				checkEntryDate(options);
				return textId(options);
			},
		}),
		schema: entrySchema,
	}),
};
