/** The paragraphs of the text on a text page (numbered: each has its `#pN` id). On first paint, with the edition links. */
export const PARAGRAPHS = '.text-body > p[id]';
