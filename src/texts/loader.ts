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
 *
 * In `npm run dev`, an entry file can be read again by this loader alone
 * (`READ_AGAIN_EVENT`, emitted by src/texts/dev-reload.ts once a save has
 * settled): a `change` event would do it too, but Vite and Astro would
 * reload every open page for it, though the file is as it was.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { explainedYamlError, isYamlError } from '../schemas/frontmatter-yaml.ts';

/** The event on Vite's watcher that has this loader read an entry file again, quietly: nothing else hears it. */
export const READ_AGAIN_EVENT = 'fanjian:read-again';

type Watcher = NonNullable<LoaderContext['watcher']>;

/**
 * The watcher as the glob loader gets it: the listener it gives `change`
 * also hears `READ_AGAIN_EVENT` (registered through Astro's own wrapper, so
 * Astro removes it with the loader's other listeners), with the loader's
 * "Reloaded data from <file>" left unsaid for those reads (`quiet`).
 */
function readAgainWatcher(watcher: Watcher, quiet: Set<string>): Watcher {
	return new Proxy(watcher, {
		get(target, property, receiver) {
			const value = Reflect.get(target, property, receiver);
			if (property !== 'on') return value;
			return (event: string, listener: (path: string) => unknown) => {
				if (event === 'change') {
					target.on(READ_AGAIN_EVENT, (path: string) => {
						quiet.add(path);
						void Promise.resolve(listener(path)).finally(() => quiet.delete(path));
					});
				}
				return target.on(event, listener);
			};
		},
	});
}

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
			/** Entry files being read again quietly, as absolute paths. */
			const quiet = new Set<string>();
			const base = resolve(root, options.base instanceof URL ? fileURLToPath(options.base) : (options.base ?? '.'));
			const unsaid = (message: string) => message.startsWith('Reloaded data from') && [...quiet].some((path) => message.includes(relative(base, path).split(sep).join('/')));
			const logger: LoaderContext['logger'] = Object.create(context.logger, {
				info: { value: (message: string) => unsaid(message) || context.logger.info(message) },
			});
			const watcher = context.watcher && readAgainWatcher(context.watcher, quiet);
			try {
				return await inner.load({ ...context, logger, watcher });
			} catch (error) {
				const file = isYamlError(error) ? error.loc?.file : undefined;
				if (!isYamlError(error) || !file || !existsSync(file)) throw error;
				throw explainedYamlError(relative(root, file) || file, readFileSync(file, 'utf8'), error);
			}
		},
	};
}
