/**
 * The archive by date: texts grouped by year and month, each year's listing
 * cut into pages of at most `LISTING_LIMIT` texts, and each text's place in
 * the archive (the page that lists it, the texts before and after it).
 * Pure functions of the texts, newest first as `allTexts()` gives them, so
 * that tests call them without a build; the same for every edition.
 */

/** The most texts a listing page holds, so that no page grows with the archive. */
export const LISTING_LIMIT = 200;

/** What the archive needs to know of a text. */
export interface Dated {
	id: string;
	data: { date: Date };
}

/** A month's texts on one listing page, newest first. */
export interface MonthPart<T> {
	/** 1–12. */
	month: number;
	texts: T[];
	/** This month began on an earlier page (a month of more texts than a page holds, or split where a page ends). */
	continued: boolean;
}

/** One listing page of a year. */
export interface YearPage<T> {
	year: number;
	/** 1-based; page 1 is the year's own address. */
	page: number;
	months: MonthPart<T>[];
}

/** A month of a year, for the year's table of months. */
export interface MonthSummary {
	month: number;
	count: number;
	/** The page on which the month begins. */
	page: number;
}

/** A year as the archive shows it. */
export interface Year<T> {
	year: number;
	count: number;
	/** Its listing pages, newest texts first. */
	pages: YearPage<T>[];
	/** Its months, newest first. */
	months: MonthSummary[];
}

/** Where a text is in the archive. */
export interface Place<T> {
	year: number;
	month: number;
	/** The page of its year that lists it. */
	page: number;
	/** The text published just before it (by date, then by id), if any. */
	earlier: T | undefined;
	/** The text published just after it, if any. */
	later: T | undefined;
}

export interface Archive<T> {
	/** Newest first. */
	years: Year<T>[];
	/** Every text's place, by id. */
	places: Map<string, Place<T>>;
}

const yearOf = (text: Dated) => text.data.date.getUTCFullYear();
const monthOf = (text: Dated) => text.data.date.getUTCMonth() + 1;

/** Consecutive runs of texts with the same key. */
function runs<T>(texts: readonly T[], key: (text: T) => number): { key: number; texts: T[] }[] {
	const found: { key: number; texts: T[] }[] = [];
	for (const text of texts) {
		const k = key(text);
		if (found.at(-1)?.key === k) found.at(-1)!.texts.push(text);
		else found.push({ key: k, texts: [text] });
	}
	return found;
}

/**
 * A year's texts (newest first) cut into pages of at most `limit` texts. A
 * month stays whole on one page when it fits there; a page that cannot take
 * the next month whole ends early, and only a month of more than `limit`
 * texts is split across pages.
 *
 * @example yearPages(2014, [90 in May, 90 in April, 90 in March]) // pages: [May, April], [March]
 */
export function yearPages<T extends Dated>(year: number, texts: readonly T[], limit = LISTING_LIMIT): YearPage<T>[] {
	const pages: YearPage<T>[] = [];
	let current: YearPage<T> | undefined;
	let count = 0;
	const newPage = () => {
		current = { year, page: pages.length + 1, months: [] };
		pages.push(current);
		count = 0;
		return current;
	};
	for (const { key: month, texts: ofMonth } of runs(texts, monthOf)) {
		if (!current || (count > 0 && count + ofMonth.length > limit)) newPage();
		for (let start = 0; start < ofMonth.length; ) {
			if (count === limit) newPage();
			const part = ofMonth.slice(start, start + limit - count);
			current!.months.push({ month, texts: part, continued: start > 0 });
			count += part.length;
			start += part.length;
		}
	}
	return pages;
}

/**
 * The whole archive from every text, newest first (date, then id: the order
 * of `allTexts()`). Texts out of that order are an error of the caller.
 */
export function archiveOf<T extends Dated>(texts: readonly T[], limit = LISTING_LIMIT): Archive<T> {
	texts.forEach((text, i) => {
		if (i > 0 && text.data.date > texts[i - 1]!.data.date) throw new Error(`archiveOf: the texts are not newest first (${text.id} after ${texts[i - 1]!.id}).`);
	});
	const years: Year<T>[] = runs(texts, yearOf).map(({ key: year, texts: ofYear }) => {
		const pages = yearPages(year, ofYear, limit);
		const months: MonthSummary[] = [];
		for (const page of pages) {
			for (const part of page.months) {
				if (!part.continued) months.push({ month: part.month, count: 0, page: page.page });
				months.at(-1)!.count += part.texts.length;
			}
		}
		return { year, count: ofYear.length, pages, months };
	});
	const places = new Map<string, Place<T>>();
	let index = 0;
	for (const year of years) {
		for (const page of year.pages) {
			for (const part of page.months) {
				for (const text of part.texts) {
					places.set(text.id, { year: year.year, month: part.month, page: page.page, later: texts[index - 1], earlier: texts[index + 1] });
					index++;
				}
			}
		}
	}
	return { years, places };
}
