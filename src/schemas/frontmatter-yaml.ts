/**
 * A frontmatter YAML cannot read, explained with the fix. YAML's own words
 * ("bad indentation of a mapping entry") name no cause an editor would
 * recognise, and an unclosed quotation mark is reported where the
 * frontmatter ends, not where it was opened.
 */
import { AstroError } from 'astro/errors';

/** js-yaml's error, as Astro's MDX integration passes it on (loc added: line 1-based, column 0-based). */
interface YamlError {
	name: 'YAMLException';
	reason: string;
	mark?: { line: number; column: number };
	loc?: { file?: string; line?: number; column?: number };
}

export const isYamlError = (error: unknown): error is YamlError => (error as { name?: unknown } | null)?.name === 'YAMLException';

/** The frontmatter's lines (after the opening `---`), numbered as in the file. */
export function frontmatterLines(source: string): { line: number; text: string }[] {
	const lines = source.split('\n');
	const found: { line: number; text: string }[] = [];
	for (let i = 1; i < lines.length && lines[i]!.trim() !== '---'; i++) found.push({ line: i + 1, text: lines[i]! });
	return found;
}

/** Where YAML went wrong in `source` (1-based line and column), and what to write instead. */
export function yamlProblem(source: string, error: YamlError): { line: number; column: number; problem: string; fix: string } {
	const lines = frontmatterLines(source);
	const line = error.mark ? error.mark.line + 1 : 1;
	const column = error.mark ? error.mark.column + 1 : 1;
	const at = lines.find((candidate) => candidate.line === line)?.text ?? '';
	const field = /^([\w-]+):\s*(.*?)\s*$/.exec(at);
	// An unclosed quotation mark is reported where YAML gave up, lines later: the line that opened it has an odd number of them.
	const unclosed = lines
		.filter((candidate) => candidate.line <= line)
		.flatMap((candidate) => ['"', "'"].filter((quote) => /^[\w-]+:\s*["']/.test(candidate.text) && (candidate.text.replaceAll(`\\${quote}`, '').split(quote).length - 1) % 2 === 1).map((quote) => ({ ...candidate, quote })))[0];
	// A field name followed by a full-width colon, as a Chinese input method types it: YAML reads the line as text and gives up a line or more later.
	const fullWidth = lines.find((candidate) => candidate.line <= line && /^[\w-]+\s*：/.test(candidate.text));
	if (fullWidth) {
		const colon = fullWidth.text.indexOf('：');
		const [name, value] = [fullWidth.text.slice(0, colon).trim(), fullWidth.text.slice(colon + 1).trim()];
		return {
			line: fullWidth.line,
			column: colon + 1,
			problem: `the field name ${name} is followed by a full-width colon "：", which YAML does not read as one`,
			fix: `Write an ASCII colon and a space: ${name}: ${value}`,
		};
	}
	if (unclosed) {
		return {
			line: unclosed.line,
			column: unclosed.text.indexOf(unclosed.quote) + 1,
			problem: `a quotation mark (${unclosed.quote}) is opened and never closed`,
			fix: `Close it at the end of the value on line ${unclosed.line}.`,
		};
	}
	if (field && /: /.test(field[2]!)) {
		return {
			line,
			column,
			problem: `the value of ${field[1]} holds ": ", which YAML reads as the start of another field`,
			fix: `Put the value in double quotes: ${field[1]}: "${field[2]!.replaceAll('"', '\\"')}"`,
		};
	}
	return {
		line,
		column,
		problem: error.reason,
		fix: 'Each line of the frontmatter is `name: value`, each field at the start of its line. Put a value in double quotes when it holds ": " or " #", or starts with a quotation mark, [ { * & ! | > % @ or `.',
	};
}

/** The error to show for a YAML error in an entry's frontmatter: the file, the line, the cause and the fix. */
export function explainedYamlError(file: string, source: string, error: YamlError): AstroError {
	const { line, column, problem, fix } = yamlProblem(source, error);
	const explained = new AstroError(`${file}:${line}:${column}: the frontmatter is not valid YAML: ${problem}.`, fix);
	// Astro's report names this place as the error's Location (else it names this module).
	return Object.assign(explained, { loc: { file, line, column } });
}
