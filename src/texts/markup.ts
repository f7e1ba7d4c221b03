/**
 * A text's body is text: what MDX it may use, and what reads as written.
 *
 * An author may write Markdown and HTML: links (`[words](https://…)`),
 * emphasis, headings, lists, quotes, tables, footnotes, and HTML elements
 * such as `<span data-no-convert>…</span>` or `<b>`. Nothing that runs:
 * no `{expression}` (a comment `{/* … *\/}` aside), no `import`/`export`,
 * no components, no attribute written as an expression. And every `{ } < >
 * [ ]` meant as text is written escaped (`\{`), so that none is silently
 * read as syntax (`[1]{1}` published as `[1]1`, `{编者}` failing at render
 * with a ReferenceError, `增速<15%` failing as bad JSX). The import escapes
 * them; in a hand-written entry the build (at content sync, before MDX
 * compiles anything) and `npm run lint:content` name each place, with the
 * escaped form to write.
 *
 * And a bare URL stays the text written: GFM's autolink literals (which
 * would also swallow the Chinese text after a URL into its href,
 * `https://x.cn，欢迎查阅`) are turned back into text; links the author
 * writes stay links.
 */
import { AstroError } from 'astro/errors';
import { defineMdastPlugin, mdxToMdast, type MdastNode } from 'satteri';
import { locator } from '../import/traced.ts';

/**
 * Sätteri mdast plugin: a link GFM made from a bare URL (its text starts
 * where the link does, not after a `[`) becomes the text it was.
 */
export const bareUrlsStayText = defineMdastPlugin({
	name: 'fanjian:bare-urls-stay-text',
	// Sätteri tracks source positions only for plugins that ask.
	options: { position: true },
	link(node, context) {
		const start = node.position?.start.offset;
		if (start === undefined || context.source[start] === '[') return;
		context.replaceNode(node, { type: 'text', value: context.textContent(node) });
	},
});

/** One place in an entry that MDX would not read as the text written. */
export interface MarkupProblem {
	/** 1-based line in the file. */
	line: number;
	/** 1-based column, in code points. */
	column: number;
	/** What is there. */
	found: string;
	/** What is wrong, and what to write. */
	message: string;
}

/** The characters that are MDX syntax and must be escaped when they are text. */
const SYNTAX = /[{}<>[\]]/g;

/** True when the character at `index` is escaped by an odd run of backslashes. */
function escaped(source: string, index: number): boolean {
	let slashes = 0;
	for (let i = index - 1; i >= 0 && source[i] === '\\'; i--) slashes++;
	return slashes % 2 === 1;
}

/** `source` with each `{ } < > [ ]` escaped, as an author should write it. */
export const escapeSyntax = (text: string) => text.replace(/\\?([{}<>[\]])/g, '\\$1');

/** A short piece of the source, on one line. */
const snippet = (text: string) => {
	const line = text.replace(/\s+/g, ' ').trim();
	return Array.from(line).length > 30 ? `${Array.from(line).slice(0, 30).join('')}…` : line;
};

/** The words around an offset on its line, with the character there escaped, as the author should write it. */
function around(source: string, offset: number): string {
	const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
	const lineEnd = source.indexOf('\n', offset);
	const before = Array.from(source.slice(lineStart, offset)).slice(-8).join('');
	const after = Array.from(source.slice(offset + 1, lineEnd < 0 ? undefined : lineEnd)).slice(0, 8).join('');
	return `${before}\\${source[offset]}${after}`;
}

type Node = MdastNode & { children?: Node[]; position?: { start: { offset?: number }; end: { offset?: number } }; name?: string | null; value?: unknown; attributes?: { type: string; name?: string; value?: unknown }[] };

/**
 * Every place in an entry (frontmatter and all) that MDX would not read as
 * the text written, or that would run code; empty when there is none.
 */
export function markupProblems(source: string): MarkupProblem[] {
	const locate = locator(source);
	const problems: MarkupProblem[] = [];
	const at = (offset: number, found: string, message: string) => problems.push({ ...locate(offset), found, message });
	// A `<` or `{` MDX cannot read stops its parser: note it, blank it out (the
	// offsets stay), and parse again, so that every such place is named at once.
	let readable = source;
	let tree: Node | undefined;
	while (!tree) {
		try {
			tree = mdxToMdast(readable) as Node;
		} catch (error) {
			const parsed = /^(\d+):(\d+): (.*?)(?: \(mdx[\w-]*:[\w-]+\))?$/s.exec((error as Error).message);
			if (!parsed) throw error;
			const line = Number(parsed[1]);
			// Sätteri counts columns in UTF-16 units, as JavaScript strings do.
			const offset = readable.split('\n').slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + Number(parsed[2]) - 1;
			const char = readable[offset] ?? '';
			if (char !== '<' && char !== '{') {
				at(offset, snippet(source.slice(offset, offset + 30)), `MDX cannot read this: ${parsed[3]}`);
				return problems;
			}
			const tag = /^Expected a closing tag for `(<[^`]+>)`/.exec(parsed[3]!)?.[1];
			if (tag) {
				at(offset, tag, `${parsed[3]}: close it (</${tag.slice(1, -1).split(/\s/)[0]}>), or, if the "<" is text, write it escaped: \\< (as in ${around(source, offset)})`);
			} else if (escaped(readable, offset)) {
				// GFM reads a bare URL up to the next space, backslashes included: the escape went into the URL.
				at(offset, char, `"\\${char}" follows a bare URL, which MDX reads up to the next space, backslash included, so the "${char}" is not escaped. Put a space after the URL, or write it with a backslash before its colon (https\\://…), which keeps MDX from reading it as a URL`);
			} else {
				at(offset, char, `"${char}" here starts ${char === '<' ? 'an HTML tag' : 'an expression'}, which MDX cannot read. If it is text, write it escaped: \\${char} (as in ${around(source, offset)})`);
			}
			// An unclosed tag is blanked whole: its ">" was no mistake of its own, and must not be named again as one.
			const blanked = tag && readable.startsWith(tag, offset) ? tag.length : 1;
			readable = `${readable.slice(0, offset)}${' '.repeat(blanked)}${readable.slice(offset + blanked)}`;
		}
	}
	const slice = (node: Node) => source.slice(node.position!.start.offset, node.position!.end.offset);
	const visit = (node: Node): void => {
		const start = node.position?.start.offset ?? 0;
		switch (node.type) {
			case 'text': {
				// What the parser read: a place noted above is blanked out there.
				const text = readable.slice(node.position!.start.offset, node.position!.end.offset);
				for (const found of text.matchAll(SYNTAX)) {
					if (escaped(text, found.index)) continue;
					at(start + found.index, found[0], `"${found[0]}" in the text is read as MDX syntax. Write it escaped: \\${found[0]} (as in ${around(source, start + found.index)})`);
				}
				return;
			}
			case 'mdxTextExpression':
			case 'mdxFlowExpression': {
				const code = String(node.value ?? '').trim();
				// A comment is the author's note to themselves: it renders nothing.
				if (/^\/\*[\s\S]*\*\/$/.test(code)) return;
				at(start, slice(node), `${snippet(slice(node))} is an MDX expression: MDX would run it as JavaScript, and the page would show its value without the braces or fail to render ("… is not defined"). A text runs no code: if the braces are text, write ${escapeSyntax(snippet(slice(node)))}`);
				return;
			}
			case 'mdxjsEsm':
				at(start, snippet(slice(node)), `a line starting with "import" or "export" is read as JavaScript: a text imports and exports nothing. If it is text, write its first letter as a character reference: &#${slice(node).charCodeAt(0)};${snippet(slice(node).split('\n')[0]!.slice(1))}`);
				return;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement': {
				if (node.name && /^[A-Z]|\./.test(node.name)) {
					at(start, `<${node.name}>`, `<${node.name}> is a component: a text uses HTML elements only (span, b, em, sup, blockquote…). If it is text, write ${escapeSyntax(`<${node.name}>`)}`);
				}
				for (const attribute of node.attributes ?? []) {
					if (attribute.type === 'mdxJsxExpressionAttribute' || (attribute.value && typeof attribute.value === 'object')) {
						at(start, `<${node.name ?? ''}>`, `an attribute of <${node.name ?? ''}> is written as an expression ({…}): a text runs no code. Write the value in quotes, as in title="…"`);
					}
				}
				break;
			}
		}
		for (const child of node.children ?? []) visit(child);
	};
	visit(tree);
	return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** What an entry with no text at all is told (a file created and not yet written, or emptied). */
const EMPTY_FILE = {
	message: 'the file is empty: it has neither a frontmatter nor a text',
	hint: 'Write its frontmatter (title, date, publisher, script, between two `---` lines) and its paragraphs after it; `npm run import -- <file.txt> …` writes both from a plain text. If it was made by mistake, delete it.',
};

/** What an entry with a frontmatter and no words after it is told. */
const EMPTY_BODY = {
	message: 'the text has no words: nothing after its frontmatter would be published, an empty page',
	hint: "Write its paragraphs after the frontmatter's closing `---`, a blank line between paragraphs. If the text is withdrawn, delete the entry and its anchor record.",
};

/**
 * What an entry with no words to publish is told, and where its body starts
 * (1-based line): nothing after the frontmatter but space and comments (an
 * entry that would be published as an empty page), or nothing at all. None
 * for an entry with words.
 */
export function emptyEntry(source: string): { line: number; message: string; hint: string } | undefined {
	const lines = source.split('\n');
	let first = 0;
	if (lines[0]?.trim() === '---') {
		const close = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
		if (close < 0) return undefined;
		first = close + 1;
	}
	const body = lines.slice(first).join('\n').replace(/\{\/\*[\s\S]*?\*\/\}/g, '').replace(/<!--[\s\S]*?-->/g, '');
	if (body.trim() !== '') return undefined;
	return { line: first + 1, ...(source.trim() === '' ? EMPTY_FILE : EMPTY_BODY) };
}

/**
 * Fail when an entry holds markup that MDX would not read as the text
 * written, naming each place (the content loader calls this for every entry,
 * before MDX compiles anything).
 *
 * @param file the entry's file, named in the error
 * @param source the entry's text
 */
export function checkTextMarkup(file: string, source: string): void {
	const empty = emptyEntry(source);
	if (empty) throw new AstroError(`${file}:${empty.line}: ${empty.message}.`, empty.hint);
	const problems = markupProblems(source);
	if (problems.length === 0) return;
	const lines = problems.slice(0, 10).map((problem) => `  ${file}:${problem.line}:${problem.column}  ${problem.message}.`);
	throw new AstroError(
		`${file}:${problems[0]!.line}:${problems[0]!.column}: ${problems.length === 1 ? 'one place' : `${problems.length} places`} would not be published as written:\n${lines.join('\n')}${problems.length > 10 ? `\n  … and ${problems.length - 10} more` : ''}`,
		'Write each as shown (a backslash before { } < > [ ] that are text). `npm run lint:content` lists them all without building.',
	);
}
