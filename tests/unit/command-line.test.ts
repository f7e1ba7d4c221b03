/**
 * Every command answers bad arguments the same way: one line saying what is
 * wrong, then its usage, exit code 2, never a stack trace; `--help` prints
 * the usage. Each command is run for real, in a child process, as
 * `npm run <command> -- …` runs it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** Each command: its script, an option taking a value, a boolean option (if any), and whether it takes files. */
const COMMANDS = [
	{ name: 'import', script: 'scripts/import.ts', valued: '--slug', flag: '--force', before: ['text.txt'], files: 1 },
	{ name: 'anchors', script: 'scripts/anchors.ts', valued: '--confirm', flag: undefined, before: [], files: 0 },
	{ name: 'lint:content', script: 'scripts/lint-content.ts', valued: '--content', flag: '--strict', before: [], files: Infinity },
	{ name: 'bench', script: 'bench/run.ts', valued: '--scale', flag: '--no-quotes', before: [], files: 0 },
	{ name: 'bench:quotes', script: 'bench/quotes.ts', valued: '--site', flag: undefined, before: [], files: 0 },
	{ name: 'convert:diff', script: 'bench/convert-diff.ts', valued: '--rounds', flag: undefined, before: [], files: 0 },
] as const;

type Command = (typeof COMMANDS)[number];

/** Each kind of bad argument, as given to a command, and the line it must get. */
const BAD: [kind: string, args: (c: Command) => string[] | undefined, message: (c: Command) => string][] = [
	['an unknown option', (c) => [...c.before, '--nope'], () => 'error: unknown option --nope.'],
	['a mistyped option', (c) => [...c.before, `${c.valued.slice(0, -1)}`, 'x'], (c) => `error: unknown option ${c.valued.slice(0, -1)} (did you mean ${c.valued}?).`],
	['an unknown short option', (c) => [...c.before, '-x'], () => 'error: unknown option -x.'],
	['a missing value', (c) => [...c.before, c.valued], (c) => `error: ${c.valued} needs a value.`],
	[
		'a value that looks like an option',
		(c) => [...c.before, c.valued, '-rf'],
		(c) => `error: ${c.valued} needs a value, but "-rf" looks like an option (for a value that starts with "-", write ${c.valued}=-rf).`,
	],
	[
		'another option where the value should be',
		(c) => [...c.before, c.valued, '--help'],
		(c) => `error: ${c.valued} needs a value, but "--help" looks like an option (for a value that starts with "-", write ${c.valued}=--help).`,
	],
	['a value given to a flag', (c) => (c.flag ? [...c.before, `${c.flag}=yes`] : undefined), (c) => `error: ${c.flag} takes no value (got "yes").`],
	[
		'an argument too many',
		(c) => (c.files === Infinity ? undefined : [...c.before, 'extra.txt']),
		(c) => (c.files === 0 ? 'error: unexpected argument "extra.txt": this command takes options only.' : 'error: unexpected argument "extra.txt": give one file to import.'),
	],
];

function run(command: Command, args: string[]) {
	const result = spawnSync(process.execPath, [command.script, ...args], { encoding: 'utf8', timeout: 60_000 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CASES = COMMANDS.flatMap((command) =>
	BAD.flatMap(([kind, args, message]) => {
		const given = args(command);
		return given ? [{ command: command.name, kind, given, message: message(command), spec: command }] : [];
	}),
);

describe('bad arguments get one line of what is wrong, the usage, and exit code 2', () => {
	it.each(CASES)('npm run $command -- $given: $kind', ({ spec, given, message }) => {
		const result = run(spec, given);
		expect(result.status, result.stderr).toBe(2);
		const [first, blank, usage] = result.stderr.split('\n');
		expect(first).toBe(message);
		expect(blank).toBe('');
		expect(usage).toMatch(new RegExp(`^Usage: npm run ${spec.name} -- `));
		expect(result.stderr).not.toMatch(/^\s+at /m);
		expect(result.stdout).toBe('');
	});

	const command = (name: Command['name']) => COMMANDS.find((c) => c.name === name)!;
	it.each([
		{ command: 'import', given: ['text.txt', '--from', 'xx'], message: 'error: --from is one of cn, tw, hk, t, not "xx".' },
		{ command: 'import', given: ['text.txt', '--store', 'zh-TW'], message: 'error: --store is one of zh-Hans, zh-Hant, zh-HK, not "zh-TW".' },
		{ command: 'import', given: [], message: 'error: give the file to import.' },
		{ command: 'import', given: ['text.txt', '--slug', 'text', '--title', '标题', '--date', '2014-02-30', '--publisher', '新华社'], message: 'error: --date is a day written YYYY-MM-DD, for example 2014-02-27, not "2014-02-30".' },
		{ command: 'import', given: ['text.txt', '--slug', 'text', '--title', '标题', '--date', '2014-02-27'], message: 'error: give the publisher with --publisher "…".' },
		{ command: 'anchors', given: [], message: 'error: name the text to confirm with --confirm <slug> (the file name of the entry, without .mdx).' },
		{
			command: 'anchors',
			given: ['--confirm', 'cyberspace-leading-group-201'],
			message: `error: no text has the slug "cyberspace-leading-group-201" in ${resolve('content')} (did you mean cyberspace-leading-group-2014?): a slug is the entry's file name without .mdx.`,
		},
		{ command: 'bench', given: ['--scale', 'big'], message: 'error: --scale is a whole number of at least 1, not "big".' },
		{ command: 'bench', given: ['--quotes', '0'], message: 'error: --quotes is a whole number of at least 1, not "0".' },
		{ command: 'bench:quotes', given: ['--count', '2.5'], message: 'error: --count is a whole number of at least 1, not "2.5".' },
		{
			command: 'bench:quotes',
			given: ['--site', 'no/such/site'],
			message: 'error: no/such/site is not a built site with its search index (no pagefind/fold.txt): run npm run build first, or name the site with --site.',
		},
	] as const)('npm run $command -- $given: a value the command cannot use', ({ command: name, given, message }) => {
		const result = run(command(name), [...given]);
		expect(result.status, result.stderr).toBe(2);
		expect(result.stderr.split('\n')[0]).toBe(message);
		expect(result.stderr).toContain(`Usage: npm run ${name} -- `);
		expect(result.stderr).not.toMatch(/^\s+at /m);
	});
});

describe.each(COMMANDS)('npm run $name -- --help', (command) => {
	let help: ReturnType<typeof run>;
	beforeAll(() => {
		help = run(command, ['--help']);
	});

	it('prints the usage and every option, and exits 0', () => {
		expect(help.status, help.stderr).toBe(0);
		expect(help.stderr).toBe('');
		expect(help.stdout).toMatch(new RegExp(`^Usage: npm run ${command.name} -- `));
		expect(help.stdout).toContain(`    ${command.valued} <`);
		if (command.flag) expect(help.stdout).toContain(`    ${command.flag} `);
		expect(help.stdout).toContain('-h, --help');
	});

	it('-h does the same, wherever it stands', () => {
		expect(run(command, [...command.before, '-h']).stdout).toBe(help.stdout);
	});

	it('gives the usage line the README shows', () => {
		const line = help.stdout.split('\n')[0]!.replace(/^Usage: /, '');
		expect(readFileSync('README.md', 'utf8')).toContain(line);
	});
});

describe('npm run build -- …', () => {
	const build = (args: string[]) => spawnSync(process.execPath, ['scripts/build.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

	it('--help prints its usage, the one the README shows, and builds nothing', () => {
		const help = build(['--help']);
		expect(help.status, help.stderr).toBe(0);
		const [line] = help.stdout.split('\n');
		expect(line).toBe('Usage: npm run build -- [--verbose | --silent]');
		expect(readFileSync('README.md', 'utf8')).toContain(line!.replace(/^Usage: /, ''));
		expect(help.stdout).toContain('FANJIAN_OUT');
		expect(help.stdout).not.toContain('astro build'); // not Astro's own help, which a build then followed
	});

	it.each([
		[['--outDir', 'x'], 'error: unknown option --outDir.'],
		[['--verbos'], 'error: unknown option --verbos (did you mean --verbose?).'],
		[['x'], 'error: unexpected argument "x": this command takes options only.'],
	])('%j is refused before anything is built, with the usage', (args, message) => {
		const result = build(args);
		expect(result.status, result.stderr).toBe(2);
		expect(result.stderr.split('\n')[0]).toBe(message);
		expect(result.stderr).toContain('Usage: npm run build -- ');
		expect(result.stdout).toBe('');
	});
});
