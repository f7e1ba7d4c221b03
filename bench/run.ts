/**
 * npm run bench [-- --scale 4 --quotes 240 --no-quotes]   (--help for the usage)
 *
 * Builds the corpus site (bench/corpus.ts) at a scale with the real build
 * (`scripts/build.ts`), and prints one table: build wall time in total and by
 * phase, pages per second, peak RSS of the build's processes, the size of the
 * output, a text page's bytes on first paint, Pagefind's bytes, and the quote
 * benchmark run against it; then `npm run convert:diff` (bench/convert-diff.ts).
 * Writes bench/out/bench.json. Exits non-zero when a budget is missed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommandLine, type CommandSpec } from '../src/command-line.ts';
import { writeCorpus } from './corpus.ts';
import { convertDiff } from './convert-diff.ts';
import { compareWeight } from './compare-weight.ts';
import { firstPaint } from './page-weight.ts';
import { printQuoteBench, runQuoteBench, type QuoteBenchResult } from './quotes.ts';

const BENCH = {
	command: 'npm run bench --',
	synopsis: '[--scale <n>] [--quotes <n>] [--no-quotes]',
	summary:
		'Builds the corpus site (the Zuo Zhuan cut into 255 texts, times the scale) with the real build, runs the quote benchmark on it, prints one table and writes bench/out/bench.json. Exits 1 when a budget is missed.',
	options: {
		scale: { type: 'string', value: 'n', default: '4', integer: { min: 1 }, description: 'build 255 × n texts' },
		quotes: { type: 'string', value: 'n', default: '240', integer: { min: 1 }, description: 'how many quotes to search for' },
		'no-quotes': { type: 'boolean', default: false, description: 'skip the quote benchmark' },
	},
} as const satisfies CommandSpec;

const { values } = parseCommandLine(BENCH);
const scale = Number(values.scale);
const work = resolve('bench/out/corpus');
const content = join(work, 'content');
const dist = join(work, 'dist');

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(root: number): number {
	const children = new Map<number, number[]>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
		} catch {
			// The process ended while we looked.
		}
	}
	let total = 0;
	const stack = [root];
	while (stack.length > 0) {
		const pid = stack.pop()!;
		try {
			const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
			total += Number(rss ?? 0) * 1024;
		} catch {
			// Ended.
		}
		stack.push(...(children.get(pid) ?? []));
	}
	return total;
}

interface BuildRun {
	wallMs: number;
	peakRss: number;
	/** Seconds since the start at which each log line arrived. */
	lines: { at: number; text: string }[];
}

function runBuild(): Promise<BuildRun> {
	return new Promise((resolvePromise, reject) => {
		const started = performance.now();
		const child = spawn(process.execPath, ['scripts/build.ts'], {
			env: { ...process.env, FANJIAN_CONTENT: content, FANJIAN_OUT: dist },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const lines: BuildRun['lines'] = [];
		let peakRss = 0;
		const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(child.pid!))), 100);
		const collect = (chunk: Buffer) => {
			for (const text of chunk.toString().split('\n')) if (text.trim()) lines.push({ at: performance.now() - started, text });
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		child.on('close', (code) => {
			clearInterval(sampler);
			if (code !== 0) reject(new Error(`The build failed:\n${lines.slice(-30).map((l) => l.text).join('\n')}`));
			else resolvePromise({ wallMs: performance.now() - started, peakRss, lines });
		});
	});
}

/** When the first line matching `pattern` (after `after` ms, if given) arrived, in ms; NaN if none did. */
function at(run: BuildRun, pattern: RegExp, after = -1): number {
	return run.lines.find((l) => l.at > after && pattern.test(l.text))?.at ?? Number.NaN;
}

function folderSize(dir: string): { bytes: number; files: number } {
	let bytes = 0;
	let files = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		bytes += statSync(join(entry.parentPath, entry.name)).size;
		files++;
	}
	return { bytes, files };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const s = (ms: number) => (Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(1)} s`);

const texts = writeCorpus(content, scale);
// Measure a build from scratch, not the removal of the previous benchmark's output.
rmSync(dist, { recursive: true, force: true });
console.log(`Corpus: ${texts} texts at scale ${scale}. Building…`);
const run = await runBuild();
const pages = Number(/(\d+) page\(s\) built/.exec(run.lines.map((l) => l.text).join('\n'))?.[1] ?? 0);
const converted = /Converted (\d+) pages in (\d+) ms/.exec(run.lines.map((l) => l.text).join('\n'));
const renderStart = at(run, /generating static routes/);
const renderEnd = at(run, /✓ Completed in/, renderStart);
const phases = {
	'loading content': at(run, /\[content\] Synced content/),
	'bundling (MDX compile)': at(run, /\[vite\] ✓ built in/) - at(run, /\[content\] Synced content/),
	'rendering + conversion': renderEnd - renderStart,
	'of which conversion (sum)': Number(converted?.[2] ?? Number.NaN),
	'search index (after rendering)': at(run, /Indexed \d+ paragraphs/) - renderEnd,
};
const slugs = readdirSync(join(dist, 'zh-hant')).filter((name) => name.startsWith('zuozhuan-'));
const samplePage = join(dist, 'zh-hant', slugs[Math.floor(slugs.length / 2)]!, 'index.html');
const paint = firstPaint(samplePage, dist);
const comparePaint = compareWeight(samplePage, dist);
const output = folderSize(dist);
const pagefind = folderSize(join(dist, 'pagefind'));

let quotes: QuoteBenchResult | undefined;
if (!values['no-quotes']) {
	console.log('Running the quote benchmark…');
	quotes = await runQuoteBench(dist, Number(values.quotes));
}

const conversion = convertDiff();
const budgets = [
	conversion.budget,
	{ name: 'build and index ≤ 45 s', ok: run.wallMs <= 45_000, value: s(run.wallMs) },
	{ name: 'peak RSS ≤ 1 GiB', ok: run.peakRss <= 1024 ** 3, value: mb(run.peakRss) },
	{ name: 'first paint ≤ 1.5 × own text + 6 kB', ok: paint.total <= 1.5 * paint.ownText + 6 * 1024, value: `${kb(paint.total)} ≤ ${kb(1.5 * paint.ownText + 6 * 1024)}` },
	{ name: 'compare page first paint ≤ 2 × own text + 8 kB', ok: comparePaint.ok, value: `${kb(comparePaint.total)} ≤ ${kb(comparePaint.budget)}` },
	...(quotes
		? [
				{ name: 'first search ≤ 80 kB', ok: quotes.bytes.firstQuery <= 80 * 1024, value: kb(quotes.bytes.firstQuery) },
				{ name: 'later searches ≤ 2 kB (median)', ok: quotes.bytes.laterMedian <= 2 * 1024, value: kb(quotes.bytes.laterMedian) },
				{ name: 'later searches ≤ 50 ms (median)', ok: quotes.latencyMs.median <= 50, value: `${quotes.latencyMs.median} ms` },
				{ name: 'recall@1 = 100% (≥ 4 chars)', ok: /^(\d+)\/\1 /.test(quotes.recallAt1.fourPlus), value: quotes.recallAt1.fourPlus },
			]
		: []),
];

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}`;
console.log(`\nBuild of ${texts} texts × 3 editions and their compare pages (${pages} pages) on ${machine}, ${new Date().toISOString().slice(0, 10)}`);
console.table({
	'build wall time': s(run.wallMs),
	...Object.fromEntries(Object.entries(phases).map(([name, ms]) => [`  ${name}`, s(ms)])),
	'pages per second': (pages / (run.wallMs / 1000)).toFixed(0),
	'peak RSS (build + Pagefind)': mb(run.peakRss),
	'dist/': `${mb(output.bytes)} in ${output.files} files`,
	'pagefind/': `${mb(pagefind.bytes)} in ${pagefind.files} files`,
	'text page first paint (gzip)': `${kb(paint.total)} (HTML ${kb(paint.html)}, CSS ${kb(paint.css)}, JS ${kb(paint.js)}; its text ${kb(paint.ownText)})`,
	'compare page first paint (gzip)': `${kb(comparePaint.total)} (HTML ${kb(comparePaint.html)}, CSS ${kb(comparePaint.css)}, JS ${kb(comparePaint.js)})`,
});
if (quotes) printQuoteBench(quotes);
console.log('\nBudgets:');
for (const budget of budgets) console.log(`  ${budget.ok ? 'ok  ' : 'MISS'} ${budget.name}: ${budget.value}`);

mkdirSync('bench/out', { recursive: true });
writeFileSync(
	'bench/out/bench.json',
	`${JSON.stringify({ date: new Date().toISOString(), machine, scale, texts, pages, wallMs: Math.round(run.wallMs), phases, peakRss: run.peakRss, output, pagefind, firstPaint: paint, comparePaint, quotes, conversion, budgets }, null, '\t')}\n`,
);
console.log('Wrote bench/out/bench.json');
if (budgets.some((budget) => !budget.ok)) process.exit(1);
