/**
 * A paragraph's own text as readers and links count it. The paragraph
 * element holds only its words (its tools stand beside it), so its text is
 * its `textContent`. Offsets are in code points, the same in every edition
 * (conversion keeps the length), so `?hl=START-END` links work whichever
 * edition they are opened in. Loaded with the landing highlight and the
 * citations, never on first paint (the page script would then carry it).
 */

import { PARAGRAPHS } from './paragraphs.ts';

export { PARAGRAPHS };

export function textNodes(paragraph: Element): Text[] {
	const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
	const nodes: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
	return nodes;
}

export const paragraphText = (paragraph: Element) => paragraph.textContent ?? '';

/** Code points in a range's text. */
const points = (range: Range) => Array.from(range.toString()).length;

/** The code-point offset in a paragraph's words of a point in the page: points before it count as its start, after it as its end. */
function offsetIn(paragraph: Element, node: Node, offset: number): number {
	const words = document.createRange();
	words.selectNodeContents(paragraph);
	const where = words.comparePoint(node, offset);
	if (where !== 0) return where < 0 ? 0 : points(words);
	words.setEnd(node, offset);
	return points(words);
}

/**
 * The paragraph whose words a selection covers, and which of them
 * (code-point offsets), if they lie in one paragraph. A selection may start
 * or end outside the words it covers: a triple-click's ends at the start of
 * what follows the paragraph.
 */
export function selectedWords(range: Range): { paragraph: HTMLElement; start: number; end: number } | undefined {
	const covered = [...document.querySelectorAll<HTMLElement>(PARAGRAPHS)].flatMap((paragraph) => {
		if (!range.intersectsNode(paragraph)) return [];
		const start = offsetIn(paragraph, range.startContainer, range.startOffset);
		const end = offsetIn(paragraph, range.endContainer, range.endOffset);
		return end > start ? [{ paragraph, start, end }] : [];
	});
	return covered.length === 1 ? covered[0] : undefined;
}
