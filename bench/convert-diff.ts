/**
 * npm run convert:diff [-- --rounds 5]
 *
 * Every place where the site's converter (OpenCC's dictionaries, phrases
 * that may not end inside a word: src/convert/phrase-matching.ts) and plain
 * OpenCC disagree, over the seed entry and the whole Zuo Zhuan corpus, in
 * each traditional edition: the line, the words around it, both outputs, the
 * words the segmenter found, and the verdict recorded for it in
 * bench/convert-verdicts.json. Writes bench/out/convert-diff.md and prints a
 * summary; also times both converters on the corpus, interleaved in this one
 * process (the machine's load hits both alike). Run by `npm run bench`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCommandLine, type CommandSpec } from '../src/command-line.ts';
import { openccConverter, plainOpenccConverter } from '../src/convert/opencc.ts';
import { EDITIONS, type OpenccLocale } from '../src/editions.ts';

/** What a reader decided about one difference. */
type Verdict = 'better' | 'dictionary' | 'trade-off';

const VERDICT_NAMES: Record<Verdict | 'unjudged', string> = {
	better: 'better: plain OpenCC let a phrase cut a word',
	dictionary: "OpenCC's own entry for the word, as elsewhere in the text",
	'trade-off': 'known trade-off: plain OpenCC was right',
	unjudged: 'not judged yet',
};

interface Difference {
	/** `file:line:column` of the source character. */
	where: string;
	edition: string;
	/** The source character and up to 6 characters either side, the character in 【】. */
	source: string;
	plain: string;
	ours: string;
	/** The segmenter's words around the place. */
	words: string;
	verdict: Verdict | 'unjudged';
	why: string;
}

/** A recorded verdict: the source as `Difference.source` shows it. */
interface Judged {
	source: string;
	verdict: Verdict;
	why: string;
}

const CONTEXT = 6;
const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** The texts compared: the seed entry's body and every line of the corpus, with where each line is. */
function texts(): { file: string; line: number; text: string }[] {
	const out: { file: string; line: number; text: string }[] = [];
	const seed = 'content/cyberspace-leading-group-2014.mdx';
	const lines = readFileSync(root(seed), 'utf8').split('\n');
	const bodyStart = lines.indexOf('---', 1) + 1;
	lines.forEach((text, i) => i >= bodyStart && text.trim() && out.push({ file: seed, line: i + 1, text }));
	readFileSync(root('bench/zuozhuan.txt'), 'utf8')
		.split('\n')
		.forEach((text, i) => text.trim() && out.push({ file: 'bench/zuozhuan.txt', line: i + 1, text }));
	return out;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const window = (text: string, at: number) => [Math.max(0, at - CONTEXT), Math.min(text.length, at + CONTEXT + 1)] as const;

/** Every difference between the two converters, edition by edition. */
export function differences(): Difference[] {
	const judged = new Map((JSON.parse(readFileSync(root('bench/convert-verdicts.json'), 'utf8')) as Judged[]).map((entry) => [entry.source, entry]));
	const found: Difference[] = [];
	const all = texts();
	for (const edition of EDITIONS.filter((e) => e.opencc !== 'cn')) {
		const ours = openccConverter('cn', edition.opencc);
		const plain = plainOpenccConverter('cn', edition.opencc);
		for (const { file, line, text } of all) {
			const [a, b] = [ours(text), plain(text)];
			if (a === b) continue;
			// Conversions of these editions keep the length: compare place by place.
			for (let i = 0; i < text.length; i++) {
				if (a[i] === b[i]) continue;
				const [from, to] = window(text, i);
				const source = `${text.slice(from, i)}【${text[i]}】${text.slice(i + 1, to)}`;
				const verdict = judged.get(source);
				found.push({
					where: `${file}:${line}:${i + 1}`,
					edition: edition.lang,
					source,
					plain: b.slice(from, to),
					ours: a.slice(from, to),
					words: [...segmenter.segment(text.slice(from, to))].map((s) => s.segment).join('/'),
					verdict: verdict?.verdict ?? 'unjudged',
					why: verdict?.why ?? '',
				});
			}
		}
	}
	return found;
}

let loaded: { lines: string[]; locales: OpenccLocale[] } | undefined;

/** The bench's Zuo Zhuan, line by line, and the traditional editions' OpenCC locales: read once, however often the machine is timed. */
function workload(): { lines: string[]; locales: OpenccLocale[] } {
	loaded ??= {
		lines: readFileSync(root('bench/zuozhuan.txt'), 'utf8').split('\n').filter((line) => line.trim()),
		locales: EDITIONS.map((e) => e.opencc).filter((to) => to !== 'cn') as OpenccLocale[],
	};
	return loaded;
}

/**
 * CPU time (ms) of one converter over the workload: each line into every
 * traditional edition in turn, as a build converts each paragraph; or, with
 * `explained`, explained piece by piece as the compare pages convert it.
 */
function cpuTime(make: typeof openccConverter, { lines, locales }: ReturnType<typeof workload>, explained = false): number {
	const converters = locales.map((to) => make('cn', to));
	const started = process.cpuUsage();
	if (explained) for (const line of lines) for (const convert of converters) convert.explain!(line);
	else for (const line of lines) for (const convert of converters) convert(line);
	const used = process.cpuUsage(started);
	return (used.user + used.system) / 1000;
}

/**
 * Time of both converters over the corpus, interleaved round by round. CPU
 * time of this process, which the machine's other load disturbs less than
 * wall time.
 */
export function timeConverters(rounds: number): { plain: number[]; ours: number[]; explained: number[]; characters: number } {
	const work = workload();
	// A first round of each builds the tries and warms up; it is not counted.
	cpuTime(plainOpenccConverter, work);
	cpuTime(openccConverter, work);
	cpuTime(openccConverter, work, true);
	const times = { plain: [] as number[], ours: [] as number[], explained: [] as number[] };
	for (let i = 0; i < rounds; i++) {
		times.plain.push(cpuTime(plainOpenccConverter, work));
		times.ours.push(cpuTime(openccConverter, work));
		times.explained.push(cpuTime(openccConverter, work, true));
	}
	return { ...times, characters: work.lines.reduce((sum, line) => sum + line.length, 0) * work.locales.length };
}

/**
 * How fast the machine is right now: plain OpenCC's CPU time over the
 * corpus (the work convert:diff calls "plain"), median of `rounds` after a
 * warm-up, in ms. Nothing of ours runs in it, so between runs of the bench
 * it moves only with the machine (this project's has drifted from 623 to
 * 1,076 ms within an hour: bench/HISTORY.md); taken before each build and
 * before the quote benchmark, it says how to read their times.
 */
export function machineReference(rounds = 3): number {
	const work = workload();
	cpuTime(plainOpenccConverter, work);
	return Math.round(median(Array.from({ length: rounds }, () => cpuTime(plainOpenccConverter, work))));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function report(found: Difference[]): string {
	const counts = (list: Difference[]) => Object.entries(VERDICT_NAMES).map(([verdict, name]) => `${list.filter((d) => d.verdict === verdict).length} ${name}`);
	const lines = [
		'# Where the site converter and plain OpenCC differ',
		'',
		`Generated by \`npm run convert:diff\` over the seed entry and bench/zuozhuan.txt. Verdicts: bench/convert-verdicts.json.`,
		'',
	];
	for (const edition of new Set(found.map((d) => d.edition))) {
		const list = found.filter((d) => d.edition === edition);
		lines.push(`## ${edition}: ${list.length} characters`, '', ...counts(list).map((line) => `- ${line}`), '');
		lines.push('| where | source | plain OpenCC | ours | words | verdict |', '|---|---|---|---|---|---|');
		for (const d of list) lines.push(`| ${d.where} | ${d.source} | ${d.plain} | ${d.ours} | ${d.words} | ${d.verdict}${d.why ? `: ${d.why}` : ''} |`);
		lines.push('');
	}
	return `${lines.join('\n')}\n`;
}

export interface ConvertDiffSummary {
	/** Differences by edition and verdict. */
	counts: Record<string, Record<string, number>>;
	unjudged: number;
	/** CPU milliseconds per round over the corpus, both traditional editions. */
	plainMs: { median: number; min: number; max: number };
	oursMs: { median: number; min: number; max: number };
	/** Ours explained piece by piece, as the compare pages convert (no budget: a figure to follow). */
	explainedMs: { median: number; min: number; max: number };
	/** The cost budget: the site's conversion at most 1.3 × plain OpenCC's (median CPU time). */
	budget: { name: string; ok: boolean; value: string };
}

/** Write the report, print the summary, return it. */
export function convertDiff(rounds = 5): ConvertDiffSummary {
	const found = differences();
	mkdirSync(root('bench/out'), { recursive: true });
	writeFileSync(root('bench/out/convert-diff.md'), report(found));
	const counts: ConvertDiffSummary['counts'] = {};
	for (const d of found) (counts[d.edition] ??= {})[d.verdict] = (counts[d.edition]?.[d.verdict] ?? 0) + 1;
	const unjudged = found.filter((d) => d.verdict === 'unjudged').length;
	const times = timeConverters(rounds);
	const spread = (values: number[]) => ({ median: Math.round(median(values)), min: Math.round(Math.min(...values)), max: Math.round(Math.max(...values)) });
	const ratio = median(times.ours) / median(times.plain);
	const budget = { name: 'conversion ≤ 1.3 × plain OpenCC (CPU, interleaved)', ok: ratio <= 1.3, value: `×${ratio.toFixed(2)}` };
	const summary = { counts, unjudged, plainMs: spread(times.plain), oursMs: spread(times.ours), explainedMs: spread(times.explained), budget };
	console.log(`\nConversion, word boundaries against plain OpenCC (bench/out/convert-diff.md):`);
	for (const [edition, byVerdict] of Object.entries(counts)) {
		const total = Object.values(byVerdict).reduce((a, b) => a + b, 0);
		console.log(`  ${edition}: ${total} characters differ — ${Object.entries(byVerdict).map(([verdict, n]) => `${n} ${verdict}`).join(', ')}`);
	}
	const mb = times.characters / 1e6;
	console.log(
		`  CPU time for ${mb.toFixed(2)} M characters, ${rounds} interleaved rounds: plain ${summary.plainMs.median} ms (${summary.plainMs.min}–${summary.plainMs.max}), ours ${summary.oursMs.median} ms (${summary.oursMs.min}–${summary.oursMs.max}): ×${ratio.toFixed(2)} by median, ×${(Math.min(...times.ours) / Math.min(...times.plain)).toFixed(2)} by best round`,
	);
	console.log(`  ours explained piece by piece, as the compare pages convert: ${summary.explainedMs.median} ms (${summary.explainedMs.min}–${summary.explainedMs.max})`);
	if (unjudged > 0) console.log(`  ${unjudged} differences have no verdict yet: judge them in bench/convert-verdicts.json.`);
	return summary;
}

const CONVERT_DIFF = {
	command: 'npm run convert:diff --',
	synopsis: '[--rounds <n>]',
	summary:
		"Every place where the site's converter and plain OpenCC disagree on the seed and the Zuo Zhuan, each with its verdict (bench/out/convert-diff.md), and both converters timed on the corpus.",
	options: {
		rounds: { type: 'string', value: 'n', default: '5', integer: { min: 1 }, description: 'how many times to time each converter' },
	},
} as const satisfies CommandSpec;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { values } = parseCommandLine(CONVERT_DIFF);
	convertDiff(Number(values.rounds));
}
