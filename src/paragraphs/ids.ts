/**
 * Paragraph ids: every top-level paragraph of a text gets `p1`…`pN` and a ¶
 * permalink. Applied to the text's rendered tree once, before the editions
 * are converted from it, so the ids are the same in every edition.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { AstroError } from 'astro/errors';
import { readFileSync } from 'node:fs';

/** The id of the n-th paragraph (1-based). */
export const paragraphId = (n: number) => `p${n}`;

/**
 * The permalink and copy control appended to a paragraph, kept out of search.
 * Labels are simplified Chinese and converted with the text per edition. The
 * copy button starts `hidden`; the page script reveals it, so readers
 * without JavaScript never see a control that does nothing.
 */
function controls(id: string, n: number): ElementContent {
	return {
		type: 'element',
		tagName: 'span',
		properties: { className: ['para-tools'], dataPagefindIgnore: '' },
		children: [
			{
				type: 'element',
				tagName: 'a',
				properties: { className: ['para-link'], href: `#${id}`, ariaLabel: `第${n}段的链接` },
				children: [{ type: 'text', value: '¶' }],
			},
			{
				type: 'element',
				tagName: 'button',
				properties: { type: 'button', className: ['para-copy'], dataCopy: id, hidden: true, ariaLabel: `复制链接（第${n}段）` },
				children: [{ type: 'text', value: '复制链接' }],
			},
		],
	};
}

/** The top-level paragraphs of a rendered text, in order. */
export function topLevelParagraphs(tree: Root): Element[] {
	return tree.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'p');
}

/**
 * Give each top-level paragraph its id and permalink, in place. Fails when
 * the text itself uses an id twice (an author's `<p id="p3">` that collides).
 *
 * @param file the entry's file, to name in errors
 * @returns the number of paragraphs
 */
export function assignParagraphIds(tree: Root, file: string): number {
	const paragraphs = topLevelParagraphs(tree);
	paragraphs.forEach((paragraph, index) => {
		const id = paragraphId(index + 1);
		paragraph.properties.id = id;
		paragraph.children.push(controls(id, index + 1));
	});
	checkUniqueIds(tree, file);
	return paragraphs.length;
}

function checkUniqueIds(tree: Root, file: string): void {
	const seen = new Set<string>();
	const visit = (node: Root | RootContent): void => {
		if (node.type === 'element') {
			const id = node.properties.id;
			if (typeof id === 'string') {
				if (seen.has(id)) duplicateId(file, id);
				seen.add(id);
			}
		}
		if ('children' in node) for (const child of node.children) visit(child);
	};
	visit(tree);
}

function duplicateId(file: string, id: string): never {
	let line: number | undefined;
	try {
		const lines = readFileSync(file, 'utf8').split('\n');
		const at = lines.findIndex((text) => new RegExp(`id=["'{]*${id}["'}]`).test(text));
		if (at >= 0) line = at + 1;
	} catch {
		// The file is only read to point at the line; the error stands without it.
	}
	throw new AstroError(
		`${file}${line ? `:${line}` : ''}: the id "${id}" is used twice in this text.`,
		/^p\d+$/.test(id)
			? `Paragraph ids p1…pN are given by the build: remove \`id="${id}"\`${line ? ` at line ${line}` : ''}.`
			: `Give one of the two elements another id${line ? ` (line ${line})` : ''}; each id on a page must be unique.`,
	);
}
