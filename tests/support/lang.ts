/**
 * Text in the wrong script for its `lang`: a simplified-only character
 * (发) where the nearest `lang` says zh-Hant or zh-HK, or a traditional-only
 * one (髮) where it says zh-Hans. Screen readers pick their voice and
 * dictionary from `lang`, so each fragment in another script needs its own.
 */
import type { Element, Root, RootContent } from 'hast';
import { simplifiedOnly, traditionalOnly } from '../../src/convert/charsets.ts';

/** Attributes read aloud or shown, checked like text. */
const READ_ATTRIBUTES = ['title', 'ariaLabel', 'alt', 'placeholder'] as const;

/** Each fragment whose characters do not belong to the script of its `lang`. */
export function wrongScript(tree: Root): string[] {
	const simplified = simplifiedOnly();
	const traditional = traditionalOnly();
	const found: string[] = [];
	const check = (text: string, lang: string, where: string) => {
		const foreign = lang.startsWith('zh-Hans') ? traditional : lang.startsWith('zh-Hant') || lang.startsWith('zh-HK') ? simplified : undefined;
		const stray = foreign ? [...text].filter((char) => foreign.has(char)) : [];
		if (stray.length > 0) found.push(`${where} (lang=${lang}): ${stray.join('')} in "${text.trim().slice(0, 40)}"`);
	};
	const visit = (node: Root | RootContent, lang: string, path: string) => {
		if (node.type === 'text') return check(node.value, lang, path);
		if (node.type !== 'element' && node.type !== 'root') return;
		let own = lang;
		if (node.type === 'element') {
			const element = node as Element;
			if (['script', 'style', 'template'].includes(element.tagName)) return;
			if (typeof element.properties.lang === 'string') own = element.properties.lang;
			path = `${path} > ${element.tagName}${element.properties.id ? `#${element.properties.id}` : ''}`;
			for (const name of READ_ATTRIBUTES) {
				const value = element.properties[name];
				if (typeof value === 'string') check(value, own, `${path}[${name}]`);
			}
			if (element.tagName === 'meta' && element.properties.name === 'description') check(String(element.properties.content), own, `${path}[content]`);
		}
		for (const child of node.children) visit(child, own, path);
	};
	visit(tree, '', '');
	return found;
}
