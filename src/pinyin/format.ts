/**
 * The pinyin file of a text, written by the build (src/pinyin/files.ts) and
 * read by the browser (src/client/pinyin.ts): the readings of the text's Han
 * characters (title, then body, in the order of src/pinyin/han.ts), in tone
 * marks, separated by spaces; `-` where no reading is known. Nothing else:
 * no characters, no positions (the page has them), so the file stays about
 * the size of the text itself once gzipped. Ships to the browser.
 *
 * @example serializeReadings(['zhōng', 'guó']) // 'zhōng guó\n'
 */

/** Written for a character whose reading is unknown (a rare character nobody pinned). */
const UNKNOWN = '-';

export function serializeReadings(readings: readonly string[]): string {
	return `${readings.map((reading) => reading || UNKNOWN).join(' ')}\n`;
}

/** The readings in a pinyin file, `''` where unknown. */
export function parseReadings(file: string): string[] {
	const words = file.trim();
	return words === '' ? [] : words.split(/\s+/).map((reading) => (reading === UNKNOWN ? '' : reading));
}
