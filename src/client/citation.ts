/**
 * Citations: 「quote」——title，publisher，date，第N段。URL — in the reader's
 * edition. A whole paragraph from its "copy citation" button; a selection
 * inside a paragraph from the button that appears beside it, with a link that
 * marks the selection on landing (`?hl=START-END#pN`, see landing.ts).
 */
import { offsetOf, paragraphText } from './paragraph-text.ts';

/** What the page says about the text, in its edition (set on `<article>`). */
function source(): { title: string; publisher: string; date: string; label: string } | undefined {
	const article = document.querySelector<HTMLElement>('article[data-cite-title]');
	if (!article) return undefined;
	const { citeTitle = '', citePublisher = '', citeDate = '' } = article.dataset;
	return { title: citeTitle, publisher: citePublisher, date: citeDate, label: document.body.dataset.paragraphLabel ?? '¶{n}' };
}

/**
 * The citation of a quote from a paragraph.
 *
 * @example citation('千军易得', p10, [46, 50]) // '「千军易得」——…，新华社，2014年2月27日，第10段。https://…/?hl=46-50#p10'
 */
export function citation(quote: string, paragraph: HTMLElement, range?: [number, number]): string {
	const about = source();
	const url = new URL(location.href);
	url.search = range ? `?hl=${range[0]}-${range[1]}` : '';
	url.hash = paragraph.id;
	const ordinal = paragraph.querySelector<HTMLElement>('.para-cite')?.dataset.ordinal ?? '';
	const where = about ? `——${about.title}，${about.publisher}，${about.date}，${about.label.replace('{n}', ordinal)}。` : '';
	return `「${quote.trim()}」${where}${url.href}`;
}

export const paragraphCitation = (paragraph: HTMLElement) => citation(paragraphText(paragraph), paragraph);

/** The citation of the current selection, if it lies inside one paragraph. */
export function selectionCitation(): string | undefined {
	const selection = getSelection();
	if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
	const range = selection.getRangeAt(0);
	const paragraph = (range.commonAncestorContainer instanceof Element ? range.commonAncestorContainer : range.commonAncestorContainer.parentElement)?.closest<HTMLElement>('.text-body > p[id]');
	if (!paragraph) return undefined;
	const start = offsetOf(paragraph, range.startContainer, range.startOffset);
	const end = offsetOf(paragraph, range.endContainer, range.endOffset);
	if (start === undefined || end === undefined || end <= start) return undefined;
	const quote = Array.from(paragraphText(paragraph)).slice(start, end).join('');
	return citation(quote, paragraph, [start, end]);
}
