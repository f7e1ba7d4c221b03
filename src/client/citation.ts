/**
 * Citations: “quote”——title，publisher，date，第N段。URL — in the reader's
 * edition, its quotation marks included (「quote」 in 繁體). A whole
 * paragraph from its "copy citation" button; a selection inside a paragraph
 * from the button that appears beside it, with a link that marks the
 * selection on landing (`?hl=START-END#pN`, see landing.ts).
 */
import { quoted, type QuoteStyle } from '../convert/quotes.ts';
import { PARAGRAPHS, paragraphText, selectedWords } from './paragraph-text.ts';

/**
 * What the page says about the text, in its edition (set on `<article>`),
 * its quotation marks included (`data-cite-quotes="「」『』"`, the edition's
 * `quotes`: read from the page, so that this code and the search code share
 * no chunk whose preloading the page would have to allow).
 */
function source(): { title: string; publisher: string; date: string; label: string; quotes: QuoteStyle } | undefined {
	const article = document.querySelector<HTMLElement>('article[data-cite-title]');
	if (!article) return undefined;
	const { citeTitle = '', citePublisher = '', citeDate = '', citeQuotes = '' } = article.dataset;
	const label = document.body.dataset.paragraphLabel ?? '¶{n}';
	return { title: citeTitle, publisher: citePublisher, date: citeDate, label, quotes: citeQuotes.match(/../gu) ?? [] };
}

/**
 * The citation of a quote from a paragraph.
 *
 * @example citation('千軍易得', p10, [46, 50]) // '「千軍易得」——…，新華社，2014年2月27日，第10段。https://…/?hl=46-50#p10'
 */
export function citation(quote: string, paragraph: HTMLElement, range?: [number, number]): string {
	const about = source();
	const url = new URL(location.href);
	url.search = range ? `?hl=${range[0]}-${range[1]}` : '';
	url.hash = paragraph.id;
	// The paragraph's place, as the page counts it (第N段).
	const ordinal = [...document.querySelectorAll(PARAGRAPHS)].indexOf(paragraph) + 1;
	if (!about || about.quotes.length === 0) return `${quote.trim()} ${url.href}`;
	return `${quoted(quote, about.quotes)}——${about.title}，${about.publisher}，${about.date}，${about.label.replace('{n}', String(ordinal))}。${url.href}`;
}

export const paragraphCitation = (paragraph: HTMLElement) => citation(paragraphText(paragraph), paragraph);

/** The paragraph the current selection quotes and which of its words, if they lie in one paragraph. */
export function selectedQuote(): ReturnType<typeof selectedWords> {
	const selection = getSelection();
	if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
	return selectedWords(selection.getRangeAt(0));
}

/** The citation of the current selection, if its words lie in one paragraph. */
export function selectionCitation(): string | undefined {
	const words = selectedQuote();
	if (!words) return undefined;
	const { paragraph, start, end } = words;
	return citation(Array.from(paragraphText(paragraph)).slice(start, end).join(''), paragraph, [start, end]);
}
