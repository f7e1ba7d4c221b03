/**
 * A publication date as Chinese readers write it, the same in every script.
 *
 * @example formatDate(new Date('2014-02-27')) // '2014年2月27日'
 */
export function formatDate(date: Date): string {
	return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** A date as YYYY-MM-DD, for `<time datetime>`. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A year as dates write it: `2014年`. */
export const formatYear = (year: number) => `${year}年`;

/** A month of a year, as a heading under its year: `3月`. */
export const formatMonth = (month: number) => `${month}月`;

/**
 * The date a YYYY-MM-DD string names, or undefined when it names none: a
 * wrong shape, or a day the calendar lacks (2014-02-30, which `Date` and YAML
 * would silently roll over to March).
 *
 * @example calendarDate('2014-02-27') // 2014-02-27T00:00:00.000Z
 * @example calendarDate('2014-02-30') // undefined
 */
export function calendarDate(text: string): Date | undefined {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? date : undefined;
}
