/**
 * The texts' content loader: Astro's glob loader over the content folder,
 * made safe for entries that move between folders.
 *
 * A text's id is its slug (the file name), so a text moved into another
 * folder keeps its id. Astro's glob loader then finds its cached entry
 * unchanged (same id, same digest) and keeps the cached entry's old file
 * path, which `.astro/content-modules.mjs` goes on importing: every later
 * build fails with `Rolldown failed to resolve import
 * "astro:content-layer-deferred-module?…fileName=<old path>"` until the
 * caches are deleted by hand. Forgetting, before each load, every cached
 * entry whose file is no longer where the cache says makes the loader read
 * it afresh at its new place.
 *
 * And a frontmatter YAML cannot read fails with the line and the fix
 * (src/schemas/frontmatter-yaml.ts), not YAML's words alone.
 */
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { explainedYamlError, isYamlError } from '../schemas/frontmatter-yaml.ts';

export function textsLoader(options: Parameters<typeof glob>[0]): Loader {
	const inner = glob(options);
	return {
		...inner,
		name: 'fanjian:texts',
		load: async (context) => {
			const root = fileURLToPath(context.config.root);
			for (const [id, entry] of context.store.entries()) {
				if (entry.filePath && !existsSync(resolve(root, entry.filePath))) context.store.delete(id);
			}
			try {
				return await inner.load(context);
			} catch (error) {
				const file = isYamlError(error) ? error.loc?.file : undefined;
				if (!isYamlError(error) || !file || !existsSync(file)) throw error;
				throw explainedYamlError(relative(root, file) || file, readFileSync(file, 'utf8'), error);
			}
		},
	};
}
