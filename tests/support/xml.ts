/**
 * XML as feed readers and crawlers read it: parsed by a real, namespace-aware
 * XML parser (@xmldom/xmldom), never matched as strings. Anything the parser
 * warns about (not well-formed, an undeclared prefix) fails.
 */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

export const NS = {
	sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
	xhtml: 'http://www.w3.org/1999/xhtml',
	atom: 'http://www.w3.org/2005/Atom',
	dc: 'http://purl.org/dc/elements/1.1/',
	none: null,
} as const;

export function parseXml(text: string, name: string): Document {
	const parser = new DOMParser({
		onError: (level, message) => {
			throw new Error(`${name}: XML ${level}: ${message}`);
		},
	});
	return parser.parseFromString(text, 'text/xml');
}

/** The child elements of `parent` in a namespace (`null`: none) with a local name. */
export function childElements(parent: Element | Document, ns: string | null, name: string): Element[] {
	return Array.from(parent.childNodes).filter(
		(node): node is Element => node.nodeType === node.ELEMENT_NODE && (node as Element).namespaceURI === ns && (node as Element).localName === name,
	);
}

/** The text of the only such child, or undefined when there is none; fails when there are several. */
export function childText(parent: Element, ns: string | null, name: string): string | undefined {
	const found = childElements(parent, ns, name);
	if (found.length > 1) throw new Error(`<${parent.tagName}> has ${found.length} <${name}> elements`);
	return found[0]?.textContent ?? undefined;
}
