import { defineCollection } from 'astro:content';
import { contentDir, entrySource } from './content-dir.ts';
import { entrySchema } from './schemas/entry.ts';
import { checkWrittenDate } from './schemas/written-date.ts';
import { textId } from './texts/id.ts';
import { textsLoader } from './texts/loader.ts';
import { checkTextMarkup } from './texts/markup.ts';

export const collections = {
	texts: defineCollection({
		loader: textsLoader({
			pattern: '**/*.mdx',
			base: contentDir(),
			// The one hook that sees each entry's file before YAML has rolled an impossible
			// date over, and before MDX compiles (or fails to compile) its body.
			generateId: (options) => {
				const { file, source } = entrySource(options);
				checkWrittenDate(file, source);
				checkTextMarkup(file, source);
				return textId(options);
			},
		}),
		schema: entrySchema,
	}),
};
