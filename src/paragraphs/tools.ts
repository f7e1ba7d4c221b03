/**
 * A paragraph's tools: its ¶ permalink and the buttons that copy its link or
 * a citation. They stand beside the paragraph, right after it, never inside
 * it, so the paragraph element holds only its words (its `textContent` is the
 * paragraph, for reader modes, translation and anything citing from the DOM).
 *
 * What a paragraph is and its id are decided once on the stored text
 * (ids.ts); the tools are added to each edition after its conversion, worded
 * in that edition's interface words (src/ui.ts), never converted as text.
 */
import type { Root, RootContent } from 'hast';
import { fill, type UiStrings } from '../ui.ts';
import type { Restore } from '../convert/tree.ts';
import { escapeXml } from '../xml.ts';
import { topLevelParagraphs } from './numbered.ts';

/** The words of a paragraph's tools; `{n}` is the paragraph's place. */
export type ToolLabels = Pick<UiStrings, 'paragraphLink' | 'copyLink' | 'copyLinkLabel' | 'copyCitation' | 'copyCitationLabel'>;

/**
 * The tools of paragraph `id`, the `n`th: the ¶ link, then the buttons that
 * copy its link (`data-copy`) and its citation (`data-cite`), each naming the
 * paragraph. The buttons start `hidden`; the page script reveals them, so
 * readers without JavaScript never see a control that does nothing.
 *
 * Written as HTML, not as elements for the serializer: every paragraph of
 * every edition page has them, and hast-util-to-html took ~35 µs a paragraph
 * over their eight attributes, seven times what the paragraph's own words
 * took (at that rate ~2 s of a 1,020-text build, README "Benchmarks"). The
 * pages are the same, byte for byte.
 */
function tools(id: string, n: number, labels: ToolLabels): RootContent {
	const at = escapeXml(id);
	const button = (data: string, text: string, label: string) =>
		`<button type="button" ${data}="${at}" hidden aria-label="${escapeXml(fill(label, n))}">${escapeXml(text)}</button>`;
	return {
		type: 'raw',
		value:
			`<div class="para-tools"><a href="#${at}" aria-label="${escapeXml(fill(labels.paragraphLink, n))}">¶</a>` +
			button('data-copy', labels.copyLink, labels.copyLinkLabel) +
			button('data-cite', labels.copyCitation, labels.copyCitationLabel) +
			'</div>',
	};
}

/**
 * Put each top-level paragraph's tools right after it, in place, as raw HTML
 * (serialize with `allowDangerousHtml`); returns how to take them out again
 * (one parsed tree serves every edition).
 *
 * @example addParagraphTools(tree, ui(edition)) // <p id="p1">…</p><div class="para-tools">…</div>
 */
export function addParagraphTools(tree: Root, labels: ToolLabels): Restore {
	const paragraphs = new Set<unknown>(topLevelParagraphs(tree));
	const before = tree.children;
	let n = 0;
	tree.children = before.flatMap((node) => {
		if (!paragraphs.has(node) || node.type !== 'element' || typeof node.properties.id !== 'string') return [node];
		n++;
		return [node, tools(node.properties.id, n, labels)];
	});
	return () => {
		tree.children = before;
	};
}
