/**
 * A publication date as Chinese readers write it, the same in every script.
 *
 * @example formatDate(new Date('2014-02-27')) // '2014年2月27日'
 */
export function formatDate(date: Date): string {
	return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}
