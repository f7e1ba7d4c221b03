/**
 * The edition links (`a[data-edition-link]`) lead to this page in the other
 * editions with the address as it is now (and the compare link,
 * `a[data-compare-link]`, to the same paragraph's row): the paragraph the reader is on
 * (`#pN`) and the query (`?q=` of the search page, `?hl=` marks, whose
 * offsets are the same in every edition, `?pinyin=1`). The page script
 * calls this on load and on each hashchange; code that changes the address
 * otherwise (replaceState) calls it after.
 */
export function carryAddress(): void {
	for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-edition-link],a[data-compare-link]')) {
		const url = new URL(link.href);
		// The compare page (no script, no marks) takes the paragraph only: its rows have the text's ids.
		if (!link.hasAttribute('data-compare-link')) url.search = location.search;
		url.hash = location.hash;
		link.href = url.href;
	}
}
