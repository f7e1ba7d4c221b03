/**
 * The publication date as written in the entry's file. YAML reads an
 * unquoted `date: 2014-02-30` as a timestamp and rolls it over to 2 March,
 * so the entry schema (src/schemas/entry.ts) receives a valid date and the
 * page would silently say 2014年3月2日. Checked here, on the file itself,
 * before YAML, with the line to fix.
 */
import { AstroError } from 'astro/errors';
import { calendarDate } from '../texts/date.ts';

/** `date:` in the frontmatter, quoted or not, with the year, month and day as written. */
const DATE_LINE = /^date:\s*["']?(\d{4})-(\d{1,2})-(\d{1,2})\b/;

/**
 * Fail when the frontmatter's `date:` names a day the calendar lacks.
 *
 * @param file the entry's file, named in the error
 * @param source the entry's text
 */
export function checkWrittenDate(file: string, source: string): void {
	const lines = source.split('\n');
	if (lines[0]?.trim() !== '---') return;
	for (let n = 1; n < lines.length && lines[n]!.trim() !== '---'; n++) {
		const match = DATE_LINE.exec(lines[n]!);
		if (!match) continue;
		const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
		if (calendarDate(`${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`)) return;
		const written = match[0].replace(/^date:\s*["']?/, '');
		throw new AstroError(
			`${file}:${n + 1}: "${written}" is not a date (${year} has no ${month}/${day}); YAML would silently read it as another day.`,
			`Write the publication date as YYYY-MM-DD on line ${n + 1}, for example \`date: 2014-02-27\`.`,
		);
	}
}


