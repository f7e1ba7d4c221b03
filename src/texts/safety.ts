/**
 * What a text may not contain: it is published as written, in every
 * edition, on a site whose only scripts are its own (src/client/) and whose
 * Content-Security-Policy (public/_headers) would block inline code and
 * styles anyway. A text that holds any fails the build, naming the file, the
 * line and what to write instead, rather than shipping a page that silently
 * differs from its source. Checked on the rendered tree, so MDX in any
 * spelling (`<script>`, `<Script>`, an expression) is caught the same way.
 * (A `style` attribute is let through: MDX writes table alignment as one,
 * and the policy merely drops it.)
 */
import type { Element, Root, RootContent } from 'hast';
import { AstroError } from 'astro/errors';
import { readFileSync } from 'node:fs';

/** Elements that run code, embed other documents, or change the page itself. */
const FORBIDDEN_ELEMENTS: Record<string, string> = {
	script: 'texts run no code; the site\'s own scripts live in src/client/',
	iframe: 'link to the page instead: `<a href="https://…">…</a>`',
	frame: 'link to the page instead: `<a href="https://…">…</a>`',
	frameset: 'link to the page instead: `<a href="https://…">…</a>`',
	object: 'link to the file instead: `<a href="https://…">…</a>`',
	embed: 'link to the file instead: `<a href="https://…">…</a>`',
	// SVG animation can set an attribute such as href to a javascript: URL.
	animate: 'texts need no SVG animation',
	set: 'texts need no SVG animation',
	animateMotion: 'texts need no SVG animation',
	animateTransform: 'texts need no SVG animation',
	form: 'texts collect nothing from readers',
	applet: 'texts run no code',
	style: 'styles belong in src/styles/site.css (the Content-Security-Policy blocks inline styles)',
	link: 'the page\'s head is the layout\'s (src/layouts/Base.astro)',
	meta: 'the page\'s head is the layout\'s (src/layouts/Base.astro)',
	base: 'the page\'s head is the layout\'s (src/layouts/Base.astro)',
};

/** Attributes (hast property names) that hold URLs. */
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'cite', 'background', 'ping', 'srcSet'];

/** A URL that runs code when followed: `javascript:`, `vbscript:`, an HTML `data:` URL. */
function isScriptUrl(value: unknown): boolean {
	// Browsers ignore ASCII whitespace and control characters inside the scheme.
	const url = String(value).replace(/[\u0000-\u0020]/g, '').toLowerCase();
	return /^(javascript|vbscript):|^data:text\/html/.test(url);
}

/** hast's `onClick` as the author wrote it: `onclick`. */
const attributeName = (property: string) => property.toLowerCase();

/** The first line of the entry matching `pattern`, if the file can be read. */
function lineOf(file: string, pattern: RegExp): number | undefined {
	try {
		const at = readFileSync(file, 'utf8').split('\n').findIndex((line) => pattern.test(line));
		return at >= 0 ? at + 1 : undefined;
	} catch {
		return undefined;
	}
}

function reject(file: string, pattern: RegExp, what: string, fix: string): never {
	const line = lineOf(file, pattern);
	throw new AstroError(`${file}${line ? `:${line}` : ''}: ${what} is not allowed in a text.`, `${fix}${line ? ` (line ${line})` : ''}.`);
}

function checkElement(node: Element, file: string): void {
	const reason = FORBIDDEN_ELEMENTS[node.tagName];
	if (reason) {
		reject(file, new RegExp(`<${node.tagName}\\b`, 'i'), `<${node.tagName}>`, `Remove the <${node.tagName}> element: ${reason}`);
	}
	for (const [property, value] of Object.entries(node.properties)) {
		if (/^on/i.test(property)) {
			const name = attributeName(property);
			reject(file, new RegExp(`\\b${name}\\s*=`, 'i'), `The event handler ${name}="…" on <${node.tagName}>`, `Remove the ${name} attribute: texts run no code`);
		}
		if (URL_PROPERTIES.includes(property) && isScriptUrl(Array.isArray(value) ? value.join(' ') : value)) {
			reject(file, /(javascript|vbscript|data):/i, `The script URL ${String(value).slice(0, 40)}`, `Link to an https:// address instead of ${String(value).split(':')[0]}:`);
		}
	}
}

/**
 * Throw when a text's rendered tree holds anything that runs code, embeds
 * another document, or brings its own stylesheet.
 *
 * @param file the entry's file, to name in errors
 */
export function rejectUnsafeMarkup(tree: Root, file: string): void {
	const visit = (node: Root | RootContent): void => {
		if (node.type === 'element') checkElement(node, file);
		if ('children' in node) for (const child of node.children) visit(child);
		// `<template>` content lives apart from its children in hast.
		if (node.type === 'element' && node.content) visit(node.content);
	};
	visit(tree);
}
