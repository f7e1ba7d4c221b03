/**
 * A text's words as the pinyin aid reads them, from its HTML tree: runs of
 * text, one per block (phrase context flows through inline markup, as in the
 * conversion), holding every character the page shows a reading over, in
 * page order (han.ts decides which elements are read). Build-time.
 */
import type { Nodes } from 'hast';
import { INLINE } from '../convert/tree.ts';
import { isChinese, UNREAD_ELEMENTS } from './han.ts';

/**
 * The runs of a tree, in document order.
 *
 * @example textRuns(fromHtml('<p>牽一<b>髮</b>而動全身</p><p>二</p>', { fragment: true })) // ['牽一髮而動全身', '二']
 */
export function textRuns(tree: Nodes): string[] {
	const runs: string[] = [];
	let run = '';
	const end = () => {
		if (run !== '') runs.push(run);
		run = '';
	};
	const visit = (node: Nodes): void => {
		if (node.type === 'text') {
			run += node.value;
			return;
		}
		if (node.type !== 'element' && node.type !== 'root') return;
		if (node.type === 'element') {
			const { lang } = node.properties;
			if (UNREAD_ELEMENTS.has(node.tagName) || (typeof lang === 'string' && !isChinese(lang))) {
				// Left out, and no phrase reads across it.
				end();
				return;
			}
		}
		const inline = node.type === 'element' && INLINE.has(node.tagName);
		if (!inline) end();
		for (const child of node.children) visit(child as Nodes);
		if (!inline) end();
	};
	visit(tree);
	end();
	return runs;
}
