/**
 * A renamed text's old address: go on to the new one at once, keeping the
 * query (`?hl=`) and the paragraph (`#pN`), which an HTTP-less redirect
 * (meta refresh) would drop. Runs in the browser.
 */
const moved = document.querySelector<HTMLElement>('[data-moved-to]');
if (moved?.dataset.movedTo) location.replace(`${moved.dataset.movedTo}${location.search}${location.hash}`);
