/**
 * An edition's text stored as its differences from the default edition's,
 * so a search record can show a paragraph in every script for a little more
 * than the bytes of one. Shipped to the browser: keep it small.
 *
 * Format: for each character that differs, the count of equal characters
 * before it (omitted when 0) then the character; or `=` and the whole text
 * when the lengths differ or a replacement is a digit.
 *
 * @example diffEdition('网络安全', '網絡安全') // '網絡'
 */
export function diffEdition(base: string, edition: string): string {
	const a = Array.from(base);
	const b = Array.from(edition);
	if (a.length !== b.length) return `=${edition}`;
	let out = '';
	let gap = 0;
	for (let i = 0; i < a.length; i++) {
		if (a[i] === b[i]) {
			gap++;
			continue;
		}
		if (/[0-9=]/.test(b[i]!)) return `=${edition}`;
		out += (gap > 0 ? String(gap) : '') + b[i];
		gap = 0;
	}
	return out;
}

/** The inverse of `diffEdition`. */
export function applyEditionDiff(base: string, diff: string): string {
	if (diff.startsWith('=')) return diff.slice(1);
	const chars = Array.from(base);
	let at = 0;
	let gap = '';
	for (const char of diff) {
		if (char >= '0' && char <= '9') {
			gap += char;
			continue;
		}
		at += Number(gap || 0);
		gap = '';
		chars[at] = char;
		at++;
	}
	return chars.join('');
}
