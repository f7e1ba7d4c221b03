/**
 * Landing from a search result or a citation: `?hl=START-END#pN` marks that
 * range of the paragraph's words (code points) and scrolls to it. `#pN` may
 * be a retired id: it marks the paragraph that now holds those words.
 * Loaded only when the address asks for it.
 */
import { PARAGRAPHS, textNodes } from './paragraph-text.ts';

export function highlightLanding(): void {
	const range = /^(\d+)-(\d+)$/.exec(new URLSearchParams(location.search).get('hl') ?? '');
	let id = location.hash.slice(1);
	try {
		id = decodeURIComponent(id);
	} catch {
		// A malformed escape in a hand-edited link: use the id as written.
	}
	const target = id ? document.getElementById(id) : null;
	const paragraph = target?.closest(PARAGRAPHS);
	if (!range || !paragraph) return;
	const [start, end] = [Number(range[1]), Number(range[2])];
	if (!(end > start)) return;
	const pieces: { node: Text; from: number; to: number }[] = [];
	let at = 0;
	for (const node of textNodes(paragraph)) {
		const chars = Array.from(node.data);
		const from = Math.max(start - at, 0);
		const to = Math.min(end - at, chars.length);
		if (from < to) pieces.push({ node, from: chars.slice(0, from).join('').length, to: chars.slice(0, to).join('').length });
		at += chars.length;
	}
	let first: HTMLElement | undefined;
	for (const { node, from, to } of pieces) {
		const marked = node.splitText(from);
		marked.splitText(to - from);
		const mark = document.createElement('mark');
		mark.className = 'landing';
		marked.replaceWith(mark);
		mark.append(marked);
		first ??= mark;
	}
	first?.scrollIntoView({ block: 'center' });
}
