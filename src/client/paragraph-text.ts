/**
 * A paragraph's own text as readers and links count it: its text nodes in
 * order, leaving out the ¶ tools. Offsets are in code points, the same in
 * every edition (conversion keeps the length), so `?hl=START-END` links work
 * whichever edition they are opened in.
 */

export function textNodes(paragraph: Element): Text[] {
	const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
		acceptNode: (node) => (node.parentElement?.closest('.para-tools') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
	});
	const nodes: Text[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
	return nodes;
}

export const paragraphText = (paragraph: Element) => textNodes(paragraph).map((node) => node.data).join('');

/** Code points in a string up to a UTF-16 offset. */
const points = (text: string, end = text.length) => Array.from(text.slice(0, end)).length;

/** The code-point offset in the paragraph of a DOM position (a text node and an offset in it). */
export function offsetOf(paragraph: Element, container: Node, offset: number): number | undefined {
	let at = 0;
	for (const node of textNodes(paragraph)) {
		if (node === container) return at + points(node.data, offset);
		at += points(node.data);
	}
	return undefined;
}
