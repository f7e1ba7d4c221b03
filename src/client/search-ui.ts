/**
 * The search UI: the header box as an ARIA combobox with a listbox of
 * results, and the search page's result list. Loaded on first use.
 * Everything typed is treated as text: results are built with textContent.
 *
 * Readers of this site mostly type through an input method: nothing is
 * searched, no address changes and no result moves while a composition is
 * in progress (its keys pick candidates); the search runs when it ends.
 */
import searchWords from 'virtual:fanjian/search-words';
import { EDITIONS } from '../editions.ts';
import { carryAddress } from './edition-links.ts';
import { searchQuote, type Hit, type HitParagraph, type SearchOutcome } from '../search/engine.ts';
import { UnsupportedBrowser } from '../search/pagefind-index.ts';

const lang = document.documentElement.lang;
/** Results shown in the header's popup, and on the search page at a time. */
const POPUP_RESULTS = 6;
const PAGE_RESULTS = 20;
/** The search's words as this edition words them (src/search/words.ts). */
const words = searchWords[lang] ?? searchWords[EDITIONS[0]!.lang]!;

const fill = (template: string, values: Record<string, number>) =>
	Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`{${key}}`, String(value)), template);

/**
 * The popup's cut of a long paragraph: its marks with some words either side, in code points.
 * Shown whole, a mark in an 800-character paragraph would lie far below the popup's edge.
 */
const EXCERPT = { whole: 120, before: 35, after: 50, gap: 10, most: 200 };

/** The stretches of a paragraph to show: around each mark, joined where little lies between, until there is enough to read. */
function excerpt(paragraph: HitParagraph, length: number): [number, number][] {
	if (length <= EXCERPT.whole) return [[0, length]];
	if (paragraph.marks.length === 0) return [[0, Math.min(length, EXCERPT.most)]];
	const shown: [number, number][] = [];
	let total = 0;
	for (const [start, end] of paragraph.marks) {
		const last = shown.at(-1);
		if (total >= EXCERPT.most) {
			// A mark left out is not shown in part, unmarked.
			if (last && start < last[1]) last[1] = start;
			break;
		}
		const from = Math.max(0, start - EXCERPT.before);
		const to = Math.min(length, end + EXCERPT.after);
		if (last && from - last[1] < EXCERPT.gap) {
			total += Math.max(0, to - last[1]);
			last[1] = Math.max(last[1], to);
		} else {
			shown.push([from, to]);
			total += to - from;
		}
	}
	return shown;
}

/** A paragraph's words with its marks as DOM nodes; cut to an excerpt, with … where words are left out. */
function markedText(paragraph: HitParagraph, cut: boolean): DocumentFragment {
	const fragment = document.createDocumentFragment();
	const chars = Array.from(paragraph.text);
	const stretches = cut ? excerpt(paragraph, chars.length) : [[0, chars.length] as [number, number]];
	for (const [from, to] of stretches) {
		if (from > 0) fragment.append('…');
		let at = from;
		for (const [start, end] of paragraph.marks) {
			if (start < at || end > to) continue;
			fragment.append(chars.slice(at, start).join(''));
			const mark = document.createElement('mark');
			mark.textContent = chars.slice(start, end).join('');
			fragment.append(mark);
			at = end;
		}
		fragment.append(chars.slice(at, to).join(''));
	}
	if (stretches.at(-1)![1] < chars.length) fragment.append('…');
	return fragment;
}

/** A result as a link; `cut` (the popup) shows each paragraph's marks with some words around them, not the whole paragraph. */
function hitContent(hit: Hit, cut = false): HTMLElement {
	const link = document.createElement('a');
	link.href = hit.url;
	link.className = 'hit';
	const head = document.createElement('span');
	head.className = 'hit-head';
	const title = document.createElement('span');
	title.className = 'hit-title';
	title.textContent = hit.title;
	const where = document.createElement('span');
	where.className = 'hit-where';
	const first = hit.paragraphs[0]!;
	const last = hit.paragraphs.at(-1)!;
	where.textContent = last === first ? fill(words.paragraph, { n: first.n }) : fill(words.paragraphRange, { n: first.n, m: last.n });
	head.append(title, where);
	if (hit.exact) {
		const badge = document.createElement('span');
		badge.className = 'hit-exact';
		badge.textContent = words.exact;
		head.append(badge);
	}
	link.append(head);
	// A passage shows where it begins and where it ends.
	for (const paragraph of hit.paragraphs.length > 2 ? [first, last] : hit.paragraphs) {
		const text = document.createElement('span');
		text.className = 'hit-text';
		text.append(markedText(paragraph, cut));
		link.append(text);
	}
	return link;
}

/**
 * Run searches one after another; a newer query makes older answers moot.
 * Each answered search leaves a `fanjian:search` User Timing measure (query
 * and hit count in its detail), which the quote benchmark reads.
 */
function latestOnly(limit: number, render: (outcome: SearchOutcome | Error, query: string) => void) {
	let latest = 0;
	return async (query: string) => {
		const ticket = ++latest;
		const start = performance.now();
		let outcome: SearchOutcome | Error;
		try {
			outcome = await searchQuote(query, lang, limit);
		} catch (error) {
			outcome = error as Error;
		}
		if (ticket !== latest) return;
		render(outcome, query);
		performance.measure('fanjian:search', {
			start,
			detail: { query, hits: outcome instanceof Error ? -1 : outcome.hits.length, total: outcome instanceof Error ? -1 : outcome.total },
		});
	};
}

function statusText(outcome: SearchOutcome | Error): string {
	// Trying again later would not help: say what would.
	if (outcome instanceof UnsupportedBrowser) return words.searchUnsupported;
	if (outcome instanceof Error) return words.searchFailed;
	if (outcome.folded === '') return words.needsWords;
	if (outcome.total === 0) return words.noResults;
	return fill(outcome.exact ? words.resultsCount : words.looseCount, { n: outcome.total });
}

/** Whether an input method is composing in a box (enhance.ts keeps `data-composing` from page load on). */
const isComposing = (input: HTMLInputElement) => 'composing' in input.dataset;

/**
 * Search as the reader types: after a pause, and never while an input
 * method composes (its Enter and arrow keys choose characters, not results).
 */
function onTyping(input: HTMLInputElement, pause: number, search: () => void): void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const later = () => {
		clearTimeout(timer);
		timer = setTimeout(search, pause);
	};
	input.addEventListener('compositionstart', () => clearTimeout(timer));
	input.addEventListener('compositionend', later);
	input.addEventListener('input', (event) => {
		if (!isComposing(input) && !(event as InputEvent).isComposing) later();
	});
}

/** Whether a key belongs to an input method's composition (keyCode 229: the browser handed it to the input method). */
const composingKey = (event: KeyboardEvent, input: HTMLInputElement) => event.isComposing || event.keyCode === 229 || isComposing(input);

/** The header box: a combobox whose listbox shows the best paragraphs as you type. */
export function enhanceCombobox(form: HTMLFormElement): void {
	const input = form.querySelector<HTMLInputElement>('input[type=search]')!;
	const popup = document.createElement('div');
	popup.className = 'search-popup';
	popup.hidden = true;
	const status = document.createElement('p');
	status.className = 'search-status';
	status.setAttribute('role', 'status');
	const listbox = document.createElement('ul');
	listbox.id = `${input.id}-listbox`;
	listbox.setAttribute('role', 'listbox');
	listbox.setAttribute('aria-label', input.labels?.[0]?.textContent ?? '');
	// Every result of the query, on the search page.
	const all = document.createElement('a');
	all.className = 'search-all';
	/** Show or hide the link: its display: block would undo [hidden], so its display goes too (offering all 1 results of the one shown). */
	const showAll = (shown: boolean) => {
		all.hidden = !shown;
		all.style.display = shown ? '' : 'none';
	};
	showAll(false);
	popup.append(status, listbox, all);
	form.append(popup);
	input.setAttribute('role', 'combobox');
	input.setAttribute('aria-autocomplete', 'list');
	input.setAttribute('aria-controls', listbox.id);
	input.setAttribute('aria-expanded', 'false');

	let active = -1;
	const options = () => [...listbox.querySelectorAll<HTMLElement>('[role=option]')];
	const setActive = (index: number) => {
		const found = options();
		active = found.length === 0 ? -1 : (index + found.length) % found.length;
		found.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
		if (active >= 0) {
			input.setAttribute('aria-activedescendant', found[active]!.id);
			found[active]!.scrollIntoView({ block: 'nearest' });
		} else input.removeAttribute('aria-activedescendant');
	};
	const open = (isOpen: boolean) => {
		popup.hidden = !isOpen;
		input.setAttribute('aria-expanded', String(isOpen && options().length > 0));
		// A closed listbox has no active option: a screen reader would announce a hidden one.
		if (isOpen) return;
		active = -1;
		for (const option of options()) option.setAttribute('aria-selected', 'false');
		input.removeAttribute('aria-activedescendant');
	};
	/** An empty box shows nothing: no results, and no count of results for words no longer there. */
	const clear = () => {
		listbox.replaceChildren();
		status.textContent = '';
		showAll(false);
		open(false);
	};
	// Each result shown costs a fetch: fetch only what the popup shows.
	const run = latestOnly(POPUP_RESULTS, (outcome, query) => {
		// Also an answer to words since deleted, arriving before the search for the empty box.
		if (query.trim() === '' || input.value.trim() === '') return clear();
		listbox.replaceChildren();
		active = -1;
		input.removeAttribute('aria-activedescendant');
		status.textContent = statusText(outcome);
		showAll(!(outcome instanceof Error) && outcome.total > outcome.hits.length);
		if (!(outcome instanceof Error)) {
			const page = new URL(form.action, location.href);
			page.searchParams.set('q', query);
			all.href = page.href;
			all.textContent = fill(words.allResults, { n: outcome.total });
			outcome.hits.forEach((hit, i) => {
				// The result's link is the option itself: a link inside an option
				// would nest one interactive control in another (WCAG 4.1.2).
				const item = document.createElement('li');
				item.setAttribute('role', 'none');
				const option = hitContent(hit, true);
				option.id = `${listbox.id}-${i}`;
				option.setAttribute('role', 'option');
				option.setAttribute('aria-selected', 'false');
				option.tabIndex = -1;
				item.append(option);
				listbox.append(item);
			});
		}
		open(true);
	});

	// An empty box has nothing to search: the input listener below has closed the popup already.
	onTyping(input, 120, () => {
		if (input.value.trim() !== '') void run(input.value);
	});
	input.addEventListener('keydown', (event) => {
		if (composingKey(event, input)) {
			// Enter commits the composition: it must not also send the form.
			if (event.key === 'Enter') event.preventDefault();
			return;
		}
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			if (popup.hidden && (listbox.childElementCount > 0 || status.textContent)) open(true);
			setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
			event.preventDefault();
		} else if (event.key === 'Enter' && active >= 0) {
			event.preventDefault();
			options()[active]!.click();
		} else if (event.key === 'Escape' && !popup.hidden) {
			// The first Escape closes the popup and keeps what was typed (Chromium would clear a search box);
			// a second, the popup closed, clears it as the browser does.
			event.preventDefault();
			open(false);
		}
	});
	// Emptied by Escape, select-all and delete, or the box's own clear button: no stale popup, not even until the search.
	input.addEventListener('input', () => {
		if (input.value.trim() === '') clear();
	});
	form.addEventListener('focusout', (event) => {
		if (!form.contains(event.relatedTarget as Node | null)) open(false);
	});
	input.addEventListener('focus', () => {
		if (listbox.childElementCount > 0 || status.textContent) open(true);
	});
	// Typed before this code loaded, unless still being composed (compositionend searches it).
	if (input.value && !isComposing(input)) void run(input.value);
}

/** Where a reader was on the search page, kept in its history entry. */
interface Place {
	shown: number;
	scrollY: number;
}

const placeOf = (state: unknown): Place | undefined => {
	const place = state as Partial<Place> | null;
	return typeof place?.shown === 'number' && typeof place.scrollY === 'number' ? (place as Place) : undefined;
};

/** The search page: results for `?q=` as a list of links, more on request; the URL follows the query. */
export function enhanceSearchPage(form: HTMLFormElement, results: HTMLElement): void {
	const input = form.querySelector<HTMLInputElement>('input[type=search]')!;
	const status = document.getElementById('search-page-status')!;
	const more = document.createElement('button');
	more.type = 'button';
	more.className = 'search-more';
	more.hidden = true;
	more.textContent = words.moreResults;
	results.after(more);
	let current: SearchOutcome | undefined;
	const show = (hits: Hit[]) => {
		for (const hit of hits) {
			const item = document.createElement('li');
			item.append(hitContent(hit));
			results.append(item);
		}
		more.hidden = !current || results.childElementCount >= current.total;
	};
	const run = latestOnly(PAGE_RESULTS, (outcome, query) => {
		results.replaceChildren();
		current = outcome instanceof Error ? undefined : outcome;
		status.textContent = query.trim() ? statusText(outcome) : '';
		show(current?.hits ?? []);
	});
	more.addEventListener('click', async () => {
		const from = current;
		if (!from) return;
		more.disabled = true;
		const next = await from.more(PAGE_RESULTS);
		more.disabled = false;
		if (from !== current) return;
		const firstNew = results.childElementCount;
		show(next);
		// Keyboard readers carry on from the first new result.
		results.children[firstNew]?.querySelector('a')?.focus();
	});
	const update = () => {
		const url = new URL(location.href);
		url.searchParams.set('q', input.value);
		history.replaceState(null, '', url);
		carryAddress();
		void run(input.value);
	};
	// Back from a result comes back to it: the entry keeps how many results were shown and where the page was scrolled.
	const keepPlace = () => history.replaceState({ shown: results.childElementCount, scrollY } satisfies Place, '', location.href);
	results.addEventListener('click', keepPlace);
	addEventListener('pagehide', keepPlace);
	const returning = placeOf(history.state);
	if (returning) history.scrollRestoration = 'manual';
	onTyping(input, 150, update);
	input.addEventListener('keydown', (event) => {
		// Enter commits the composition: it must not also send the query.
		if (event.key === 'Enter' && composingKey(event, input)) event.preventDefault();
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		update();
	});
	input.value = new URLSearchParams(location.search).get('q') ?? '';
	if (!input.value) return;
	void run(input.value).then(async () => {
		// Not if the reader has typed since (which left the entry without a place).
		if (!returning || !current || !placeOf(history.state)) return;
		const from = current;
		const missing = Math.min(returning.shown, from.total) - results.childElementCount;
		if (missing > 0) {
			const next = await from.more(missing);
			if (from !== current) return;
			show(next);
		}
		scrollTo(0, returning.scrollY);
	});
}
