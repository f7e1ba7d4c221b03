/**
 * Paragraph ids: every top-level paragraph of a text gets its lasting id
 * (`p1`…, see anchors.ts) and aliases for retired ids that now resolve to it.
 * Applied to the text's rendered tree once, before the editions are
 * converted from it, so the ids are the same in every edition. (Its ¶
 * permalink and copy buttons go beside it, per edition: tools.ts.)
 */
import type { ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { AstroError } from 'astro/errors';
import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { AnchorStore } from './anchor-record.ts';
import { planAnchors, type Conflict } from './anchors.ts';
import { topLevelParagraphs } from './numbered.ts';
import { reportConfirmation } from './summary.ts';
import { sourceTree } from '../texts/markdown.ts';

/** An empty element carrying a retired id, so old links still land on this paragraph without JavaScript. */
const alias = (id: string): ElementContent => ({
	type: 'element',
	tagName: 'span',
	properties: { id, className: ['anchor-alias'] },
	children: [],
});

/**
 * Give each top-level paragraph its lasting id and its aliases, in place,
 * and keep the text's anchor record up to date. Fails when a paragraph's
 * words changed beyond a small edit (until the editor confirms), and when
 * the text itself uses an id twice (an author's `<p id="p3">`).
 *
 * @param file the entry's file, to name in errors
 * @param store where the text's anchor record is kept (beside the entry)
 * @returns the ids, in order
 */
export function assignParagraphIds(tree: Root, file: string, store: AnchorStore): string[] {
	const paragraphs = topLevelParagraphs(tree);
	const ownId = paragraphs.find((paragraph) => typeof paragraph.properties.id === 'string')?.properties.id;
	if (typeof ownId === 'string') idGivenByHand(file, ownId);
	const previous = store.load();
	const plan = planAnchors(paragraphs.map((paragraph) => toString(paragraph)), previous, store.confirm);
	if (plan.conflicts.length > 0) throw changedBeyondSmallEdit(file, plan.conflicts, store.confirmCommand);
	paragraphs.forEach((paragraph, index) => {
		const id = plan.ids[index]!;
		paragraph.properties.id = id;
		paragraph.children.unshift(...(plan.aliasesOf.get(id) ?? []).map(alias));
	});
	checkUniqueIds(tree, file);
	store.save(plan.record, previous);
	if (store.slug && plan.confirmed.length > 0) reportConfirmation({ slug: store.slug, retired: plan.confirmed });
	return plan.ids;
}

function changedBeyondSmallEdit(file: string, conflicts: Conflict[], confirmCommand: string): AstroError {
	const lines = paragraphLines(file);
	const place = (position: number) => (lines[position - 1] ? `${file}:${lines[position - 1]}  ` : '');
	const snippet = (text: string) => (Array.from(text).length > 24 ? `${Array.from(text).slice(0, 24).join('')}…` : text);
	const said = conflicts.map(
		(conflict) =>
			conflict.position === 0
				? `  #${conflict.old.id} was "${snippet(conflict.old.text)}"; the text now has no top-level paragraph.`
				: `  ${place(conflict.position)}#${conflict.old.id} was "${snippet(conflict.old.text)}"; paragraph ${conflict.position} now reads "${snippet(conflict.now)}".`,
	);
	return new AstroError(
		`${file}: ${conflicts.length === 1 ? 'a paragraph' : `${conflicts.length} paragraphs`} changed beyond a small edit, so published links would point at other words:\n${said.join('\n')}`,
		`If the new words replace the old ones, confirm it with \`${confirmCommand}\`: they get a new id and the old links land on them. Otherwise undo the change, or make it a smaller edit.`,
	);
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

/** The line of the entry where each paragraph starts, read as the lint reads it (the same numbering); empty if it cannot be read. */
function paragraphLines(file: string): number[] {
	try {
		const { content } = parseFrontmatter(readFileSync(file, 'utf8'), { frontmatter: 'empty-with-lines' });
		return topLevelParagraphs(sourceTree(content)).map((paragraph) => paragraph.position?.start.line ?? 0);
	} catch {
		// The file is only read to point at the lines; the error stands without them.
		return [];
	}
}

/** The line of the entry where `id="…"` is written, if it can be found. */
function lineOfId(file: string, id: string): number | undefined {
	try {
		const lines = readFileSync(file, 'utf8').split('\n');
		const at = lines.findIndex((text) => new RegExp(`id=["'{]*${id}["'}]`).test(text));
		return at >= 0 ? at + 1 : undefined;
	} catch {
		// The file is only read to point at the line; the error stands without it.
		return undefined;
	}
}

/** A paragraph's id is the build's to give: one written by hand would be lost or collide. */
function idGivenByHand(file: string, id: string): never {
	const line = lineOfId(file, id);
	throw new AstroError(
		`${file}${line ? `:${line}` : ''}: a paragraph is given the id "${id}" by hand.`,
		`Paragraph ids are given by the build, so that links to them last: remove \`id="${id}"\`${line ? ` at line ${line}` : ''}. To link to a place inside a paragraph, put the id on a <span> in it.`,
	);
}

function duplicateId(file: string, id: string): never {
	const line = lineOfId(file, id);
	throw new AstroError(
		`${file}${line ? `:${line}` : ''}: the id "${id}" is used twice in this text.`,
		/^p\d+$/.test(id)
			? `Paragraph ids p1…pN are given by the build: remove \`id="${id}"\`${line ? ` at line ${line}` : ''}.`
			: `Give one of the two elements another id${line ? ` (line ${line})` : ''}; each id on a page must be unique.`,
	);
}
