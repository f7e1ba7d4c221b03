/**
 * The search UI: the header box as an ARIA combobox with a listbox of
 * results, and the search page's result list. Loaded on first use.
 * Everything typed is treated as text: results are built with textContent.
 */
import { searchQuote, type Hit, type SearchOutcome } from '../search/engine.ts';

const lang = document.documentElement.lang;
/** Results shown in the header's popup, and on the search page. */
const POPUP_RESULTS = 6;
const PAGE_RESULTS = 20;
/** Interface words in this edition's script, rendered into the page by the server. */
const words = document.body.dataset as { exact?: string; noResults?: string; searchFailed?: string; paragraphLabel?: string; resultsCount?: string };

/** A paragraph with its marks as DOM nodes. */
function markedText(hit: Hit): DocumentFragment {
	const fragment = document.createDocumentFragment();
	const chars = Array.from(hit.text);
	let at = 0;
	for (const [start, end] of hit.marks) {
		if (start < at) continue;
		fragment.append(chars.slice(at, start).join(''));
		const mark = document.createElement('mark');
		mark.textContent = chars.slice(start, end).join('');
		fragment.append(mark);
		at = end;
	}
	fragment.append(chars.slice(at).join(''));
	return fragment;
}

function hitContent(hit: Hit): HTMLElement {
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
	where.textContent = (words.paragraphLabel ?? '¶{n}').replace('{n}', String(hit.n));
	head.append(title, where);
	if (hit.exact) {
		const badge = document.createElement('span');
		badge.className = 'hit-exact';
		badge.textContent = words.exact ?? '=';
		head.append(badge);
	}
	const text = document.createElement('span');
	text.className = 'hit-text';
	text.append(markedText(hit));
	link.append(head, text);
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
			detail: { query, hits: outcome instanceof Error ? -1 : outcome.hits.length },
		});
	};
}

function statusText(outcome: SearchOutcome | Error): string {
	if (outcome instanceof Error) return words.searchFailed ?? 'Search failed.';
	if (outcome.hits.length === 0) return words.noResults ?? 'No results.';
	return (words.resultsCount ?? '{n}').replace('{n}', String(outcome.hits.length));
}

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
	popup.append(status, listbox);
	form.append(popup);
	input.setAttribute('role', 'combobox');
	input.setAttribute('aria-autocomplete', 'list');
	input.setAttribute('aria-controls', listbox.id);
	input.setAttribute('aria-expanded', 'false');

	let active = -1;
	const options = () => [...listbox.querySelectorAll<HTMLElement>('[role=option]')];
	const setActive = (index: number) => {
		const all = options();
		active = all.length === 0 ? -1 : (index + all.length) % all.length;
		all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
		if (active >= 0) {
			input.setAttribute('aria-activedescendant', all[active]!.id);
			all[active]!.scrollIntoView({ block: 'nearest' });
		} else input.removeAttribute('aria-activedescendant');
	};
	const open = (isOpen: boolean) => {
		popup.hidden = !isOpen;
		input.setAttribute('aria-expanded', String(isOpen && options().length > 0));
	};
	// Each result shown costs a fragment download: fetch only what the popup shows.
	const run = latestOnly(POPUP_RESULTS, (outcome) => {
		listbox.replaceChildren();
		active = -1;
		input.removeAttribute('aria-activedescendant');
		if (!(outcome instanceof Error) && outcome.folded === '') return open(false);
		status.textContent = statusText(outcome);
		if (!(outcome instanceof Error)) {
			outcome.hits.forEach((hit, i) => {
				// The result's link is the option itself: a link inside an option
				// would nest one interactive control in another (WCAG 4.1.2).
				const item = document.createElement('li');
				item.setAttribute('role', 'none');
				const option = hitContent(hit);
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

	let timer: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(() => run(input.value), 120);
	});
	input.addEventListener('keydown', (event) => {
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			if (popup.hidden && input.value) open(true);
			setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
			event.preventDefault();
		} else if (event.key === 'Enter' && active >= 0) {
			event.preventDefault();
			options()[active]!.click();
		} else if (event.key === 'Escape') {
			open(false);
		}
	});
	form.addEventListener('focusout', (event) => {
		if (!form.contains(event.relatedTarget as Node | null)) open(false);
	});
	input.addEventListener('focus', () => {
		if (listbox.childElementCount > 0 || status.textContent) open(true);
	});
	if (input.value) run(input.value);
}

/** The search page: results for `?q=` as a plain list of links; the URL follows the query. */
export function enhanceSearchPage(form: HTMLFormElement, results: HTMLElement): void {
	const input = form.querySelector<HTMLInputElement>('input[type=search]')!;
	const status = document.getElementById('search-page-status')!;
	const run = latestOnly(PAGE_RESULTS, (outcome, query) => {
		results.replaceChildren();
		status.textContent = query.trim() ? statusText(outcome) : '';
		if (outcome instanceof Error) return;
		for (const hit of outcome.hits) {
			const item = document.createElement('li');
			item.append(hitContent(hit));
			results.append(item);
		}
	});
	const update = () => {
		const url = new URL(location.href);
		url.searchParams.set('q', input.value);
		history.replaceState(null, '', url);
		void run(input.value);
	};
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		update();
	});
	let timer: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(update, 150);
	});
	input.value = new URLSearchParams(location.search).get('q') ?? '';
	if (input.value) void run(input.value);
}
