import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder the texts are read from: `content/` unless `FANJIAN_CONTENT`
 * names another (the benchmark builds its corpus this way).
 */
export function contentDir(): string {
	return resolve(process.env.FANJIAN_CONTENT ?? 'content');
}

/** Every entry file (`.mdx`) under a folder, in order, as the content collection finds them; none if there is no folder. */
export function entryFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
}

/** A file's path as messages name it to the editor: from the project (the working directory), or whole if outside it. */
export const shownPath = (path: string) => relative(process.cwd(), path) || path;

/** The other entry files in the content folder with this one's file name, so its slug: two texts cannot have one URL. */
export function namesakes(path: string): string[] {
	return entryFiles(contentDir()).filter((other) => basename(other) === basename(path) && resolve(other) !== resolve(path));
}

/**
 * An entry's file as the content loader's `generateId` hook names it (a path
 * under `base`): its path as named to the editor, and its text.
 */
export function entrySource({ entry, base }: { entry: string; base: URL }): { file: string; source: string } {
	const path = fileURLToPath(new URL(entry, base.href.endsWith('/') ? base : `${base.href}/`));
	return { file: shownPath(path), source: readFileSync(path, 'utf8') };
}
