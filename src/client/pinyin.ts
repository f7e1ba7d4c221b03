/**
 * The pinyin aid in the browser: puts each reading of the text's pinyin
 * file (computed at build time, src/pinyin/) over its Han character as
 * `<ruby>字<rt data-pinyin="zì"></rt></ruby>`, and takes it off again.
 * Loaded on first use (enhance.ts), never on first paint; it loads the
 * text's file and no dictionary.
 *
 * The reading is the `<rt>`'s generated content (site.css), not text: so
 * `textContent`, a copied selection, the landing highlight's and the
 * citations' code-point offsets (paragraph-text.ts) see only the characters,
 * and screen readers read the characters, not the syllables (the `<rt>` is
 * `aria-hidden`).
 */
import { parseReadings } from '../pinyin/format.ts';
import { isChinese, isHan, UNREAD_ELEMENTS } from '../pinyin/han.ts';
import { carryAddress } from './edition-links.ts';

/** What is read: the text's title and body, as the build read them (src/pinyin/runs.ts). */
const READ = 'article[data-text] h1, .text-body';
/** A paragraph's ¶ link and buttons stand in the body but are the site's words, not the text's. */
const NOT_TEXT = '.para-tools';

let readings: Promise<string[]> | undefined;

/** The text's readings, fetched once. */
function load(button: HTMLButtonElement): Promise<string[]> {
	readings ??= fetch(button.dataset.pinyin ?? '').then(async (response) => {
		if (!response.ok) throw new Error(`${response.status} ${response.url}`);
		return parseReadings(await response.text());
	});
	readings.catch(() => (readings = undefined));
	return readings;
}

/** Whether the characters of a text node are read (han.ts decides which elements are). */
function read(node: Text): boolean {
	const parent = node.parentElement;
	if (!parent || parent.closest(NOT_TEXT)) return false;
	for (let element: Element | null = parent; element; element = element.parentElement) {
		if (UNREAD_ELEMENTS.has(element.localName)) return false;
		if (element.matches(READ)) break;
	}
	return isChinese(parent.closest('[lang]')?.getAttribute('lang') ?? '');
}

/** The text nodes holding the characters the readings are for, in page order. */
function textNodes(): Text[] {
	return [...document.querySelectorAll(READ)].flatMap((root) => {
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		const nodes: Text[] = [];
		for (let node = walker.nextNode(); node; node = walker.nextNode()) if (read(node as Text)) nodes.push(node as Text);
		return nodes;
	});
}

/** A character and its reading. */
function ruby(char: string, reading: string): HTMLElement {
	const element = document.createElement('ruby');
	element.className = 'pinyin';
	const annotation = document.createElement('rt');
	annotation.dataset.pinyin = reading;
	annotation.setAttribute('aria-hidden', 'true');
	element.append(char, annotation);
	return element;
}

/**
 * Puts the readings over the characters; false (and nothing changed) if they
 * are not this page's (a page and a file from different builds).
 */
function annotate(list: readonly string[]): boolean {
	const nodes = textNodes();
	const count = nodes.reduce((sum, node) => sum + Array.from(node.data).filter(isHan).length, 0);
	if (count !== list.length) return false;
	let next = 0;
	for (const node of nodes) {
		const chars = Array.from(node.data);
		if (!chars.some(isHan)) continue;
		const parts: (string | HTMLElement)[] = [];
		for (const char of chars) {
			const reading = isHan(char) ? list[next++] : undefined;
			if (reading) parts.push(ruby(char, reading));
			else if (typeof parts.at(-1) === 'string') parts[parts.length - 1] += char;
			else parts.push(char);
		}
		node.replaceWith(...parts);
	}
	return true;
}

/** Takes the readings off: each character is text again, as the page was (a landing highlight put on since included). */
function unannotate(): void {
	const parents = new Set<Node>();
	for (const element of document.querySelectorAll('ruby.pinyin')) {
		parents.add(element.parentNode!);
		element.querySelector(':scope > rt')?.remove();
		element.replaceWith(...element.childNodes);
	}
	for (const parent of parents) parent.normalize();
}

/**
 * Keeps the words the reader is on where they are while the lines change
 * height: the block at the top of the window, at the same point inside it.
 */
function keepInView(change: () => void): void {
	const blocks = [...document.querySelectorAll<HTMLElement>('article[data-text] h1, .text-body > *')];
	const anchor = blocks.find((block) => block.getBoundingClientRect().bottom > 0);
	if (!anchor) return change();
	const before = anchor.getBoundingClientRect();
	const y = Math.max(before.top, 0);
	const within = before.height > 0 ? (y - before.top) / before.height : 0;
	change();
	const after = anchor.getBoundingClientRect();
	scrollBy({ top: after.top + within * after.height - y, behavior: 'instant' });
}

/** Where the reader's choice is kept (read on first paint by enhance.ts). */
const STORED = 'fanjian:pinyin';

/**
 * Turns the aid on or off (`on`), or the other way (the button), says so on
 * the button (`aria-pressed`) and remembers it for the next pages. The
 * reader's choice replaces the address's `?pinyin=`, so a reload keeps it.
 */
export async function switchPinyin(button: HTMLButtonElement, on?: boolean): Promise<void> {
	let shown: boolean;
	try {
		shown = await setPinyin(button, on ?? button.getAttribute('aria-pressed') !== 'true');
	} catch {
		// The readings could not be had (offline, or a page and a file of different builds): say so, keep the choice.
		const status = document.querySelector('body > p[role=status]');
		if (status) status.textContent = button.dataset.failed ?? '';
		return;
	}
	try {
		localStorage.setItem(STORED, shown ? 'on' : 'off');
	} catch {
		// Not remembered: this page still shows it.
	}
	const url = new URL(location.href);
	if (on === undefined && url.searchParams.has('pinyin')) {
		url.searchParams.delete('pinyin');
		history.replaceState(history.state, '', url);
		carryAddress();
	}
}

/**
 * Shows or hides the readings and says so on the button (`aria-pressed`).
 * Resolves to the state it is in; fails if the readings could not be had.
 */
async function setPinyin(button: HTMLButtonElement, on: boolean): Promise<boolean> {
	const shown = button.getAttribute('aria-pressed') === 'true';
	if (on === shown) return on;
	if (!on) {
		keepInView(unannotate);
		button.setAttribute('aria-pressed', 'false');
		return false;
	}
	button.setAttribute('aria-busy', 'true');
	try {
		const list = await load(button);
		let fits = true;
		keepInView(() => (fits = annotate(list)));
		if (!fits) throw new Error('The pinyin file does not match this page.');
		button.setAttribute('aria-pressed', 'true');
		return true;
	} finally {
		button.removeAttribute('aria-busy');
	}
}
