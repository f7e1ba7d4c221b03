/**
 * What a paragraph is: the one rule that decides which blocks of a text are
 * its numbered paragraphs (the site's #pN and 第N段, the lint's ¶N). It is
 * applied to a text's tree before anything is added to it: the site's
 * rendered HTML, parsed (ids.ts), and the lint's reading of the MDX source
 * (src/texts/markdown.ts), so that both count alike.
 */
import type { Element, Root } from 'hast';

/**
 * The paragraphs of a text, in order: its top-level `<p>` elements. Headings,
 * lists, quotations, tables and what they hold are not numbered.
 */
export function topLevelParagraphs(tree: Root): Element[] {
	return tree.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'p');
}
