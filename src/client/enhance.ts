/**
 * The page's only script on first paint: small enhancements of pages that
 * already work without it. Search code is loaded on first use, not here.
 */

import { carryAddress, keepPlace } from './edition-links.ts';

/** The address's query, as the page was opened. */
const query = new URLSearchParams(location.search);

carryAddress();
addEventListener('hashchange', carryAddress);
if (!query.has('hl')) keepPlace();

/** Copy buttons are rendered hidden: they need this script to work. */
const announcer = document.createElement('p');
announcer.className = 'visually-hidden';
announcer.setAttribute('role', 'status');
document.body.append(announcer);

/** Copy text, say so on the button for a moment and to screen readers. */
async function copy(button: HTMLButtonElement, text: string): Promise<void> {
	// The button's own words, kept once: a second click within the moment must not keep "copied".
	button.dataset.label ??= button.textContent ?? '';
	const label = button.dataset.label;
	const copied = document.body.dataset.copied ?? '✓';
	try {
		await navigator.clipboard.writeText(text);
		button.textContent = copied;
		announcer.textContent = `${copied} ${text}`;
	} catch {
		// No clipboard (an insecure origin, or permission refused): show the text to copy by hand.
		prompt('', text);
	}
	setTimeout(() => (button.textContent = label), 2000);
}

/**
 * Citations and the landing highlight share the module that reads a
 * paragraph's words: it is asked for beside them, not after they arrive.
 * (Vite's module preload did this, with lists of every part's imports
 * that every page's first paint carried; the build leaves it out:
 * astro.config.mjs.)
 */
const withParagraphText = <T>(part: Promise<T>): Promise<T> => {
	void import('./paragraph-text.ts');
	return part;
};

let citations: Promise<typeof import('./citation.ts')> | undefined;
const loadCitations = () => (citations ??= withParagraphText(import('./citation.ts')));

/** A paragraph's copy buttons stand beside it and name it: `data-copy="p3"`, `data-cite="p3"`. */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy], button[data-cite]')) {
	button.hidden = false;
	button.addEventListener('click', async () => {
		const paragraph = document.getElementById(button.dataset.copy ?? button.dataset.cite ?? '');
		if (!paragraph) return;
		if (button.dataset.copy) {
			const url = new URL(location.href);
			url.search = '';
			url.hash = paragraph.id;
			await copy(button, url.href);
		} else {
			await copy(button, (await loadCitations()).paragraphCitation(paragraph));
		}
	});
}

/**
 * Selecting words of a paragraph (a triple-click too) offers to copy them as
 * a citation. Whether they lie in one paragraph is the citation code's to
 * say: it loads with the first selection in the text.
 */
const citeSelection = document.querySelector<HTMLButtonElement>('button[data-cite-selection]');
if (citeSelection) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	document.addEventListener('selectionchange', () => {
		clearTimeout(timer);
		timer = setTimeout(async () => {
			const selection = getSelection();
			const inText = !!selection && !selection.isCollapsed && !!selection.anchorNode?.parentElement?.closest('.text-body');
			if (!inText || !(await loadCitations()).selectedQuote()) {
				if (document.activeElement !== citeSelection) citeSelection.hidden = true;
				return;
			}
			const box = selection.getRangeAt(0).getBoundingClientRect();
			citeSelection.style.setProperty('--x', `${Math.round(box.left + scrollX)}px`);
			citeSelection.style.setProperty('--y', `${Math.round(box.bottom + scrollY + 6)}px`);
			citeSelection.hidden = false;
		}, 150);
	});
	citeSelection.addEventListener('mousedown', (event) => event.preventDefault());
	citeSelection.addEventListener('click', async () => {
		const text = (await loadCitations()).selectionCitation();
		if (text) await copy(citeSelection, text);
	});
}

/** Search: its code loads on first use (focus on a search box), never on first paint. */
let searchUi: Promise<typeof import('./search-ui.ts')> | undefined;
const loadSearchUi = () => (searchUi ??= import('./search-ui.ts'));
/**
 * A reader may start composing with an input method before the search code
 * has loaded: each box says itself whether a composition is in progress
 * (`data-composing`), which the search code reads when it takes over.
 */
for (const box of document.querySelectorAll<HTMLInputElement>('input[type=search]')) {
	box.addEventListener('compositionstart', () => (box.dataset.composing = ''));
	box.addEventListener('compositionend', () => delete box.dataset.composing);
}
const headerForm = document.querySelector<HTMLFormElement>('form[data-search-form]');
const searchInput = headerForm?.querySelector<HTMLInputElement>('input[type=search]');
searchInput?.addEventListener('focus', () => void loadSearchUi().then((ui) => ui.enhanceCombobox(headerForm!)), { once: true });
const pageForm = document.querySelector<HTMLFormElement>('form[data-search-page]');
const pageResults = document.querySelector<HTMLElement>('[data-search-results]');
if (pageForm && pageResults) void loadSearchUi().then((ui) => ui.enhanceSearchPage(pageForm, pageResults));

/**
 * Pinyin over the text: its code and the text's readings load when the
 * reader asks (the button, a choice remembered from another page, or
 * `?pinyin=1` in the address), never on first paint.
 */
const pinyinButton = document.querySelector<HTMLButtonElement>('button[data-pinyin]');
if (pinyinButton) {
	const pinyin = (on?: boolean) =>
		import('./pinyin.ts').then(
			(aid) => aid.switchPinyin(pinyinButton, on),
			() => void (announcer.textContent = pinyinButton.dataset.failed ?? ''),
		);
	pinyinButton.hidden = false;
	pinyinButton.addEventListener('click', () => void pinyin());
	let remembered = false;
	try {
		remembered = localStorage.getItem('fanjian:pinyin') === 'on';
	} catch {
		// Storage refused (a strict privacy setting): the aid starts off.
	}
	const asked = query.get('pinyin');
	if (asked === '1' || (asked !== '0' && remembered)) void pinyin(true);
}

/** A search result or citation link marks the quote it came for. */
if (query.has('hl')) void withParagraphText(import('./landing.ts')).then((landing) => landing.highlightLanding());

/** `/` focuses the search box, as on most sites with search. */
addEventListener('keydown', (event) => {
	if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
	const target = event.target as HTMLElement;
	if (target.closest('input, textarea, select, [contenteditable]')) return;
	event.preventDefault();
	// The header's box, or on the search page (which has no other) its own.
	document.querySelector<HTMLInputElement>('input[type=search]')?.focus();
});
