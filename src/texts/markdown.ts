/**
 * How a text's MDX is read. The site's MDX processor (Sätteri, configured in
 * astro.config.mjs) reads it with these features; `sourceTree` reads an
 * entry's body the same way into a hast tree with source positions, for what
 * must agree with the site without a build (the lint's paragraph numbers).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { mdxToHast, type Features } from 'satteri';

/** The Markdown features of every text: as written, so no curly quotes or dashes are invented. */
export const MARKDOWN_FEATURES = { smartPunctuation: false } as const satisfies Features;

/** MDX the processor cannot read, at its line and column (1-based) of the body. */
export class MdxSyntaxError extends Error {
	readonly line: number;
	readonly column: number;
	readonly reason: string;
	constructor(line: number, column: number, reason: string) {
		super(`${line}:${column}: ${reason}`);
		this.name = 'MdxSyntaxError';
		this.line = line;
		this.column = column;
		this.reason = reason;
	}
}

/** JSX written with an HTML tag name (`<p>`, `<span data-no-convert>`) renders as that element. */
const htmlJsx = (node: { type: string; name?: string | null }) =>
	(node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && typeof node.name === 'string' && /^[a-z][a-z0-9-]*$/.test(node.name);

/** JSX elements with an HTML tag name become those elements (tag names and children; attributes are not read). */
function asHtml<T extends Root | RootContent>(node: T): T {
	if (!('children' in node)) return node;
	const children = (node.children as RootContent[]).map(asHtml);
	if (htmlJsx(node as { type: string; name?: string })) {
		const element: Element = { type: 'element', tagName: (node as unknown as { name: string }).name, properties: {}, children: children as ElementContent[] };
		if (node.position) element.position = node.position;
		return element as unknown as T;
	}
	return { ...node, children };
}

/**
 * The body of an entry as the site's MDX processor reads it, before it is
 * rendered: a hast tree whose nodes carry their place in `body` (offsets in
 * UTF-16 units, as JavaScript strings count). Expressions and components stay
 * MDX nodes. Throws `MdxSyntaxError` where the MDX cannot be read.
 *
 * @example topLevelParagraphs(sourceTree('# 标题\n\n第一段。')) // the <p> of 第一段。
 */
export function sourceTree(body: string): Root {
	let tree: Root;
	try {
		tree = mdxToHast(body, { features: MARKDOWN_FEATURES, position: true }) as unknown as Root;
	} catch (error) {
		const message = (error as Error).message;
		const at = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
		throw at ? new MdxSyntaxError(Number(at[1]), Number(at[2]), at[3]!) : error;
	}
	return asHtml(tree);
}
