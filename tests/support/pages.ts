/**
 * The built site as files and as the URLs a static host serves them at,
 * parsed once, for the tests that check every page.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DIST } from './site.ts';

export interface BuiltPage {
	/** The file, relative to the build (`zh-hans/index.html`). */
	file: string;
	/** The path it is served at (`/zh-hans/`, `/404.html`). */
	path: string;
	html: string;
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return htmlFiles(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

/** The URL path of a built file: folders end in `/`, other files keep their name. */
export const servedPath = (file: string) => `/${file.split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');

/** Every HTML page of the build, sorted by path. */
export function builtPages(root = DIST): BuiltPage[] {
	return htmlFiles(root)
		.map((path) => {
			const file = relative(root, path);
			return { file, path: servedPath(file), html: readFileSync(path, 'utf8') };
		})
		.sort((a, b) => a.path.localeCompare(b.path));
}

/** Every element of a tree, in document order. */
export function elements(tree: Root | Element): Element[] {
	const found: Element[] = [];
	const visit = (node: Root | Element) => {
		for (const child of node.children) {
			if (child.type !== 'element') continue;
			found.push(child);
			visit(child);
			if (child.content) visit(child.content as unknown as Root);
		}
	};
	visit(tree);
	return found;
}

const trees = new WeakMap<BuiltPage, Root>();

/** A page's parsed tree (cached; by page, since two sites have pages at the same path). */
export function treeOf(page: BuiltPage): Root {
	let tree = trees.get(page);
	if (!tree) trees.set(page, (tree = fromHtml(page.html)));
	return tree;
}
