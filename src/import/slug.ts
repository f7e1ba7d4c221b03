/** A text's slug: lower-case ASCII words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A slug from a file name: lower case, anything but ASCII letters and digits
 * becomes a hyphen.
 *
 * @example slugFromFileName('000_35ad70771f1f9fde') // '000-35ad70771f1f9fde'
 */
export function slugFromFileName(name: string): string {
	return name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
