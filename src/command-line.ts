/**
 * The command lines of the project's commands (`npm run import`, `anchors`,
 * `lint:content`, `bench`, `bench:quotes`): each declares its options with
 * this module, which reads them with node:util `parseArgs`, so all answer
 * alike. `--help` prints the usage; a bad argument (an unknown option, a
 * missing value, a value that looks like an option, is not one of the
 * choices or not a whole number, an argument too many or too few) prints
 * one line saying what is wrong, then the usage, and exits with code 2:
 * never a stack trace.
 */
import { parseArgs } from 'node:util';
import { closest } from './closest.ts';

/** One option of a command. */
export interface OptionSpec {
	type: 'string' | 'boolean';
	/** A one-letter alias (`-h`). */
	short?: string;
	default?: string | boolean;
	/** The value's placeholder in the usage: `--date <YYYY-MM-DD>`. */
	value?: string;
	/** The only values a string option takes. */
	choices?: readonly string[];
	/** A string option that is a whole number (at least `min`, if given). */
	integer?: { min?: number };
	/** A flag that may be given more than once (`--force --force`): its value is how many times it was. */
	repeatable?: boolean;
	/** What it does, in a few words (the usage lists it). */
	description: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
	/** How it is run: `npm run import --`. */
	command: string;
	/** What follows the command in the usage line: `<file.txt> [options]`. */
	synopsis: string;
	/** What the command does, in a sentence or two. */
	summary: string;
	options: O;
	/** The arguments that are not options: their name in messages, and how many are taken. */
	positionals?: { name: string; min: number; max: number };
}

type Values<O extends Record<string, OptionSpec>> = {
	[K in keyof O]: O[K] extends { repeatable: true }
		? number
		: O[K] extends { default: infer D extends string | boolean }
			? D extends string
				? string
				: boolean
			: (O[K]['type'] extends 'boolean' ? boolean : string) | undefined;
};

/** What a command was given: its options' values (defaults filled in) and its other arguments. */
export interface CommandLine<O extends Record<string, OptionSpec>> {
	values: Values<O>;
	positionals: string[];
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

/** Words wrapped to lines of at most `width` characters. */
const wrap = (text: string, width = 78) =>
	text.split(' ').reduce<string[]>((lines, word) => {
		const last = lines.at(-1);
		if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
		return lines;
	}, []);

/** The usage of a command: its usage line, what it does, and its options. */
export function usage(spec: CommandSpec): string {
	const rows = Object.entries({ ...spec.options, help: HELP }).map(([name, option]) => {
		const value = option.type === 'string' ? ` <${option.value ?? (option.choices ? option.choices.join('|') : 'value')}>` : '';
		const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${value}`;
		const notes = [
			option.choices && option.value ? `one of ${option.choices.join(', ')}` : '',
			option.default !== undefined && option.type === 'string' ? `default ${option.default}` : '',
		].filter(Boolean);
		return [flag, `${option.description}${notes.length ? ` (${notes.join('; ')})` : ''}`] as const;
	});
	const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
	return [
		// The one line that says how the command is run (the README lists them).
		`Usage: ${spec.command} ${spec.synopsis}`,
		'',
		...wrap(spec.summary),
		'',
		'Options:',
		...rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`),
	].join('\n');
}

/**
 * Refuse the command line: one line saying what is wrong, the usage, exit 2.
 * Commands call it for checks of their own (a folder that holds no site).
 */
export function refuse(spec: CommandSpec, problem: string): never {
	process.stderr.write(`error: ${problem}\n\n${usage(spec)}\n`);
	process.exit(2);
}

/** What is wrong with the arguments, or undefined when nothing is. */
function problemWith(spec: CommandSpec, args: string[]): string | undefined {
	const options: Record<string, OptionSpec> = { ...spec.options, help: HELP };
	const { tokens } = parseArgs({ args, options: asParseArgs(options), allowPositionals: true, strict: false, tokens: true });
	const { name: what = 'argument', min = 0, max = 0 } = spec.positionals ?? {};
	let positionals = 0;
	for (const token of tokens) {
		if (token.kind === 'positional') {
			if (++positionals > max) return max === 0 ? `unexpected argument "${token.value}": this command takes options only.` : `unexpected argument "${token.value}": give ${max === 1 ? 'one' : `at most ${max}`} ${what}.`;
			continue;
		}
		if (token.kind !== 'option') continue;
		const option = options[token.name];
		if (!option) {
			const known = Object.keys(options);
			const meant = token.rawName.startsWith('--') ? closest(token.name, known) : undefined;
			return `unknown option ${token.rawName}${meant ? ` (did you mean --${meant}?)` : ''}.`;
		}
		const flag = `--${token.name}`;
		if (option.type === 'boolean') {
			if (token.value !== undefined) return `${flag} takes no value (got "${token.value}").`;
			continue;
		}
		if (token.value === undefined) return `${flag} needs a value.`;
		if (!token.inlineValue && token.value.startsWith('-') && token.value !== '-') {
			return `${flag} needs a value, but "${token.value}" looks like an option (for a value that starts with "-", write ${flag}=${token.value}).`;
		}
		if (option.choices && !option.choices.includes(token.value)) return `${flag} is one of ${option.choices.join(', ')}, not "${token.value}".`;
		if (option.integer) {
			const { min } = option.integer;
			const number = Number(token.value);
			if (!/^-?\d+$/.test(token.value) || (min !== undefined && number < min)) return `${flag} is a whole number${min !== undefined ? ` of at least ${min}` : ''}, not "${token.value}".`;
		}
	}
	if (positionals < min) return `give the ${what}.`;
	return undefined;
}

/** The options as parseArgs takes them (it refuses keys it does not know). */
function asParseArgs(options: Record<string, OptionSpec>) {
	return Object.fromEntries(
		Object.entries(options).map(([name, { type, short, default: fallback, repeatable }]) => [
			name,
			{ type, ...(short ? { short } : {}), ...(repeatable ? { multiple: true } : fallback !== undefined ? { default: fallback } : {}) },
		]),
	) as Record<string, { type: 'string' | 'boolean'; short?: string; default?: string | boolean; multiple?: boolean }>;
}

/**
 * Read a command's arguments. `--help` (or `-h`) prints the usage and exits
 * 0; bad arguments are refused (see `refuse`).
 *
 * @example const { values, positionals } = parseCommandLine(IMPORT, process.argv.slice(2));
 */
export function parseCommandLine<const O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, args: string[] = process.argv.slice(2)): CommandLine<O> {
	const help = parseArgs({ args, options: asParseArgs({ ...spec.options, help: HELP }), allowPositionals: true, strict: false, tokens: true }).tokens.some(
		(token) => token.kind === 'option' && token.name === 'help',
	);
	if (help) {
		process.stdout.write(`${usage(spec)}\n`);
		process.exit(0);
	}
	const problem = problemWith(spec, args);
	if (problem) refuse(spec, problem);
	try {
		const { values, positionals } = parseArgs({ args, options: asParseArgs(spec.options), allowPositionals: true, strict: true });
		// A repeatable flag's value is how many times it was given.
		for (const [name, option] of Object.entries(spec.options)) if (option.repeatable) (values as Record<string, unknown>)[name] = (values[name] as unknown[] | undefined)?.length ?? 0;
		return { values: values as Values<O>, positionals };
	} catch (error) {
		// The checks above should leave parseArgs nothing to refuse; if it does, still no stack trace.
		refuse(spec, (error as Error).message.split('\n')[0]!);
	}
}
