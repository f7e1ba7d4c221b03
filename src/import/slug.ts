/**
 * A text's slug: lower-case ASCII words joined by hyphens, not digits alone.
 * A text's page is `/<edition>/<slug>/`, which it shares with the
 * edition's own pages: a slug of digits alone would be a year's archive
 * (`/zh-hans/2014/`), and `search` is the search page.
 */
export const SLUG = /^(?!\d+$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The pages under `/<edition>/` that are not texts (years are kept free by the rule that a slug is not digits alone). */
const RESERVED = new Set(['search']);

/**
 * A slug from a file name: lower case, anything but ASCII letters and digits
 * becomes a hyphen; digits alone get `text-` before them.
 *
 * @example slugFromFileName('000_35ad70771f1f9fde') // '000-35ad70771f1f9fde'
 * @example slugFromFileName('2014') // 'text-2014'
 */
export function slugFromFileName(name: string): string {
	const slug = name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return /^\d+$/.test(slug) ? `text-${slug}` : slug;
}

/**
 * Why a slug cannot name a text, and a slug that can; undefined if it can.
 *
 * @example slugProblem('2014') // { problem: '… digits only …', example: 'text-2014' }
 */
export function slugProblem(slug: string): { problem: string; example: string } | undefined {
	if (RESERVED.has(slug)) return { problem: `"${slug}" is the address of the site's own page /<edition>/${slug}/.`, example: `${slug}-text` };
	if (/^\d+$/.test(slug)) return { problem: `"${slug}" is digits only: /<edition>/${slug}/ is the address of the archive of the year ${slug}.`, example: `text-${slug}` };
	if (!SLUG.test(slug)) return { problem: `"${slug}" is not lower-case ASCII words joined by hyphens.`, example: slugFromFileName(slug) || 'my-text' };
	return undefined;
}
