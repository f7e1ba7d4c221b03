/**
 * Landing from a search result or a citation: `?hl=START-END#pN` marks that
 * range of the paragraph's words (code points) and scrolls to it. `#pN` may
 * be a retired id: it marks the paragraph that now holds those words.
 * Several ranges are comma-separated; a range in another paragraph (a quote
 * running across paragraphs, as search results link it) is written
 * `pM:START-END` (src/search/engine.ts writes these addresses).
 * Loaded only when the address asks for it.
 */
import { carryAddress } from './edition-links.ts';
import { PARAGRAPHS, textNodes } from './paragraph-text.ts';

/** The ranges to mark, by paragraph id (`''`: the paragraph landed on). */
function rangesOf(hl: string): Map<string, [number, number][]> {
	const ranges = new Map<string, [number, number][]>();
	for (const part of hl.split(',')) {
		const found = /^(?:(p\d+):)?(\d+)-(\d+)$/.exec(part);
		if (!found) continue;
		const [start, end] = [Number(found[2]), Number(found[3])];
		if (!(end > start)) continue;
		const id = found[1] ?? '';
		ranges.set(id, [...(ranges.get(id) ?? []), [start, end]]);
	}
	return ranges;
}

/** Mark [start, end) of a paragraph's words; returns the first mark made. */
function mark(paragraph: Element, start: number, end: number): HTMLElement | undefined {
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
		const element = document.createElement('mark');
		element.className = 'landing';
		marked.replaceWith(element);
		element.append(marked);
		first ??= element;
	}
	return first;
}

export function highlightLanding(): void {
	const ranges = rangesOf(new URLSearchParams(location.search).get('hl') ?? '');
	let id = location.hash.slice(1);
	try {
		id = decodeURIComponent(id);
	} catch {
		// A malformed escape in a hand-edited link: use the id as written.
	}
	const paragraphOf = (paragraphId: string) => (paragraphId ? document.getElementById(paragraphId) : null)?.closest(PARAGRAPHS);
	const landed = paragraphOf(id);
	let first: HTMLElement | undefined;
	for (const [paragraphId, list] of ranges) {
		const paragraph = paragraphId === '' ? landed : paragraphOf(paragraphId);
		if (!paragraph) continue;
		// Later ranges first, so earlier offsets still point at the words they meant.
		for (const [start, end] of [...list].sort((a, b) => b[0] - a[0])) {
			const made = mark(paragraph, start, end);
			if (made && (!first || made.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)) first = made;
		}
	}
	first?.scrollIntoView({ block: 'center' });
	// A range without its paragraph counts from the one landed on: once the reader goes to another (a ¶ link),
	// the address names it, so that the address, and the edition links that carry it, still mark these words.
	if (landed && ranges.has('')) {
		addEventListener(
			'hashchange',
			() => {
				const named = [...ranges].flatMap(([id, list]) => list.map(([start, end]) => `${id || landed.id}:${start}-${end}`));
				history.replaceState(history.state, '', location.search.replace(/([?&]hl=)[^&]*/, `$1${named.join(',')}`) + location.hash);
				carryAddress();
			},
			{ once: true },
		);
	}
}
