import { PARAGRAPHS } from './paragraphs.ts';

/** The paragraph the reader last rested on in the text (keepPlace), if any: it outranks the address's `#pN`. */
let place = '';

/**
 * The edition links (`a[data-edition-link]`) lead to this page in the other
 * editions with the address as it is now (and the compare link,
 * `a[data-compare-link]`, to the same paragraph's row): the paragraph the
 * reader is on (the one they last rested on, else the address's `#pN`) and
 * the query (`?q=` of the search page, `?hl=` marks, whose offsets are the
 * same in every edition, `?pinyin=1`). The page script calls this on load
 * and on each hashchange (the event given); code that changes the address
 * otherwise (replaceState) calls it after.
 */
export function carryAddress(hashChange?: Event): void {
	// A paragraph the reader goes to (a ¶ link, a #pN typed) is the place, until they rest elsewhere.
	if (hashChange) place = '';
	for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-edition-link],a[data-compare-link]')) {
		const url = new URL(link.href);
		// The compare page (no script, no marks) takes the paragraph only: its rows have the text's ids.
		if (!link.hasAttribute('data-compare-link')) url.search = location.search;
		url.hash = place || location.hash;
		link.href = url.href;
	}
}

/**
 * Keep the reader's place for the edition and compare links: the paragraph
 * first in view when the reader last rested in the text (a second without
 * scrolling, the edition links scrolled away). Scrolling back up to the
 * links then loses nothing: they lead to that paragraph, not to the top or
 * to a `#pN` left far behind. The page script leaves it out on a landing
 * (`?hl=`), whose marks count from its own paragraph.
 */
export function keepPlace(): void {
	const editionLink = document.querySelector('a[data-edition-link]');
	let rest: ReturnType<typeof setTimeout>;
	addEventListener(
		'scroll',
		() => {
			clearTimeout(rest);
			rest = setTimeout(() => {
				// Below the window's top 72 px: a paragraph landed on stands 4rem down (scroll-margin-top), the one before it less.
				const first = [...document.querySelectorAll(PARAGRAPHS)].find((p) => p.getBoundingClientRect().bottom > 72);
				if (!first || !editionLink || editionLink.getBoundingClientRect().bottom > 0) return;
				place = first.id;
				carryAddress();
			}, 1000);
		},
		{ passive: true },
	);
}
