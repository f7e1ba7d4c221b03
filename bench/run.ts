/**
 * npm run bench [-- --scale 1|4|16 --builds 3 --quotes 240 --no-quotes --distinct]   (--help for the usage)
 *
 * Builds the corpus site (bench/corpus.ts) at a scale with the real build
 * (`scripts/build.ts`), and prints one table: build wall time in total and by
 * phase, pages per second, peak RSS of the build's whole process tree, the
 * output's size and files, Pagefind's files and page list, a text page's
 * bytes on first paint, and the quote benchmark run against it (first
 * queries with an empty cache, later ones warm); then `npm run convert:diff`
 * (bench/convert-diff.ts). Writes bench/out/bench-scale<N>.json. Exits
 * non-zero when a budget is missed; the budgets are issue 10's targets for
 * the scale. With `--builds n` the corpus is built n times: the build's
 * figures are the median build's (by wall time), with the range of the walls,
 * and the highest peak RSS of them all (this machine's timings vary by ±20 %
 * from one build to the next; a budget judged on one build is a coin toss
 * near its edge). Before each build and before the quote benchmark it times
 * plain OpenCC (machineReference in convert-diff.ts), which nothing of ours
 * touches: the machine's speed at that moment, printed beside the times;
 * and during each it reads how the machine's CPU was spent (busy, waiting
 * on the disk, taken by the host for others: /proc/stat).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildArgs } from '../src/build/command.ts';
import { parseCommandLine, type CommandSpec } from '../src/command-line.ts';
import { writeCorpus } from './corpus.ts';
import { convertDiff, machineReference } from './convert-diff.ts';
import { EDITIONS } from '../src/editions.ts';
import { CONTENTS_FILE } from '../src/search/pagefind-index.ts';
import { describeWeight, listingWeights } from './listing-weight.ts';
import { compareWeight } from './compare-weight.ts';
import { firstPaint } from './page-weight.ts';
import { describePinyin, pinyinWeight } from './pinyin-weight.ts';
import { printQuoteBench, runQuoteBench, type QuoteBenchResult } from './quotes.ts';

const BENCH = {
	command: 'npm run bench --',
	synopsis: '[--scale <n>] [--builds <n>] [--quotes <n>] [--no-quotes] [--distinct]',
	summary:
		'Builds the corpus site (the Zuo Zhuan cut into 255 texts, times the scale) with the real build, runs the quote benchmark on it, prints one table and writes bench/out/bench-scale<n>.json. Exits 1 when a budget (the targets of issue 10 for the scale) is missed.',
	options: {
		scale: { type: 'string', value: 'n', default: '4', integer: { min: 1 }, description: 'build 255 × n texts' },
		builds: { type: 'string', value: 'n', default: '1', integer: { min: 1 }, description: 'build n times: the median build counts, the highest memory of all' },
		quotes: { type: 'string', value: 'n', default: '240', integer: { min: 1 }, description: 'how many quotes to search for' },
		'no-quotes': { type: 'boolean', default: false, description: 'skip the quote benchmark' },
		distinct: {
			type: 'boolean',
			default: false,
			description: 'give each copy of a chapter its own characters (bench/corpus.ts disguise), so that a quote stands in one text, not in n; writes bench/out/bench-scale<n>-distinct.json',
		},
	},
} as const satisfies CommandSpec;

const { values } = parseCommandLine(BENCH);
const scale = Number(values.scale);
const distinct = values.distinct;
/** What the report's file name says of the corpus: copies word for word, or each its own characters. */
const corpusName = (n: number) => `bench-scale${n}${distinct ? '-distinct' : ''}`;
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

/** The machine's CPU time so far by kind, in ticks (/proc/stat); undefined off Linux. */
function cpuTicks(): { busy: number; iowait: number; steal: number; total: number } | undefined {
	try {
		// cpu  user nice system idle iowait irq softirq steal …
		const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number) as number[];
		const busy = user! + nice! + system! + irq! + softirq!;
		return { busy, iowait: iowait!, steal: steal!, total: busy + idle! + iowait! + steal! };
	} catch {
		return undefined;
	}
}

/**
 * How the machine's CPU was spent between two readings, in % of it: busy
 * (any process), waiting on the disk, and taken by the host for others (a
 * virtual machine's steal time, which slows a build without its own work
 * changing).
 */
function cpuSpent(before: ReturnType<typeof cpuTicks>, after: ReturnType<typeof cpuTicks>): string {
	if (!before || !after || after.total === before.total) return '–';
	const share = (key: 'busy' | 'iowait' | 'steal') => `${Math.round((100 * (after[key] - before[key])) / (after.total - before.total))} %`;
	return `busy ${share('busy')}, disk wait ${share('iowait')}, steal ${share('steal')}`;
}

interface BuildRun {
	wallMs: number;
	/** The machine's speed just before the build (machineReference, ms: more is slower). */
	referenceMs: number;
	/** How the machine's CPU was spent during the build (cpuSpent). */
	cpu: string;
	peakRss: number;
	/** Seconds since the start at which each log line arrived. */
	lines: { at: number; text: string }[];
}

function runBuild(): Promise<BuildRun> {
	const referenceMs = machineReference();
	return new Promise((resolvePromise, reject) => {
		const started = performance.now();
		const ticks = cpuTicks();
		const child = spawn(process.execPath, buildArgs(), {
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
			else resolvePromise({ wallMs: performance.now() - started, referenceMs, cpu: cpuSpent(ticks, cpuTicks()), peakRss, lines });
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

const texts = writeCorpus(content, scale, { distinct });
const buildCount = Number(values.builds);
const builds: BuildRun[] = [];
for (let i = 0; i < buildCount; i++) {
	// Measure a build from scratch, not the removal of the previous build's output.
	rmSync(dist, { recursive: true, force: true });
	console.log(`Corpus: ${texts} texts at scale ${scale}${distinct ? ', each copy its own characters' : ''}. Building${buildCount > 1 ? ` (${i + 1} of ${buildCount})` : ''}…`);
	builds.push(await runBuild());
}
const walls = builds.map((build) => build.wallMs).sort((a, b) => a - b);
/** The median build by wall time (the lower middle of an even number), whose phases are reported. */
const median = builds.find((build) => build.wallMs === walls[Math.floor((walls.length - 1) / 2)])!;
/** The median build, with the highest peak RSS of all the builds. */
const run: BuildRun = { ...median, peakRss: Math.max(...builds.map((build) => build.peakRss)) };
/** The wall time as reported: the median, and the range when there were several builds. */
const wall = buildCount > 1 ? `${s(run.wallMs)} (median of ${buildCount}: ${walls.map(s).join(', ')})` : s(run.wallMs);
/** The machine reference before each build, in build order: how to read their walls. */
const references = `${builds.map((build) => `${build.referenceMs} ms`).join(' / ')} before ${buildCount > 1 ? 'each build' : 'the build'}`;
const cpuDuring = builds.map((build) => build.cpu).join(' / ');
const log = run.lines.map((l) => l.text).join('\n');
const pages = Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? 0);
const converted = /Converted (\d+) pages in (\d+) ms/.exec(log);
/** Texts the build read for the index while Astro ran; the rest were read after it exited. */
const readEarly = Number(/\((\d+) of them read while it rendered\)/.exec(log)?.[1] ?? Number.NaN);
const renderStart = at(run, /generating static routes/);
const renderEnd = at(run, /✓ Completed in/, renderStart);
const phases = {
	'loading content': at(run, /\[content\] Synced content/),
	'bundling (MDX compile)': at(run, /\[vite\] ✓ built in/) - at(run, /\[content\] Synced content/),
	'rendering + conversion': renderEnd - renderStart,
	'of which conversion (sum)': Number(converted?.[2] ?? Number.NaN),
	'search index (after Astro exits)': at(run, /Indexed \d+ paragraphs/) - at(run, /\[build\] Complete!/),
};
const slugs = readdirSync(join(dist, 'zh-hant')).filter((name) => name.startsWith('zuozhuan-'));
const samplePage = join(dist, 'zh-hant', slugs[Math.floor(slugs.length / 2)]!, 'index.html');
const paint = firstPaint(samplePage, dist);
const listings = listingWeights(dist, EDITIONS);
const comparePaint = compareWeight(samplePage, dist, paint.ownText);
const output = folderSize(dist);
const pagefind = folderSize(join(dist, 'pagefind'));
const pageList = readdirSync(join(dist, 'pagefind')).find((name) => name.endsWith('.pf_meta'));
const pageListBytes = pageList ? statSync(join(dist, 'pagefind', pageList)).size : Number.NaN;
// What the browser loads of it instead (src/search/pagefind-index.ts), as a host sends it.
const contentsBytes = gzipSync(readFileSync(join(dist, 'pagefind', CONTENTS_FILE))).length;
// The pinyin aid's file per text, on the corpus and on the seed site (dist/, when built).
const pinyin = { corpus: pinyinWeight(dist), seed: pinyinWeight(resolve('dist')) };

let quotes: QuoteBenchResult | undefined;
let quotesReferenceMs: number | undefined;
let quotesCpu: string | undefined;
if (!values['no-quotes']) {
	quotesReferenceMs = machineReference();
	console.log('Running the quote benchmark…');
	const ticks = cpuTicks();
	quotes = await runQuoteBench(dist, Number(values.quotes));
	quotesCpu = cpuSpent(ticks, cpuTicks());
}

/** The cold first query at 1,020 texts (of the same kind of corpus), which the first query at 4,080 may exceed by 30 % at most. */
function coldAt1020(): number | undefined {
	try {
		return (JSON.parse(readFileSync(`bench/out/${corpusName(4)}.json`, 'utf8')) as { quotes?: QuoteBenchResult }).quotes?.cold.bytes.median;
	} catch {
		return undefined;
	}
}

const GiB = 1024 ** 3;
const large = scale > 4;
/** Starlight 0.42 with Pagefind 1.6 on this corpus at 1,020 texts (issue 10): 2,044 pages in 85.9–91.1 s. */
const STARLIGHT_PAGES_PER_SECOND = 2044 / 88.5;
const perText = pagefind.files / texts;
const conversion = convertDiff();
const budgets = [
	conversion.budget,
	...(large ? [] : [{ name: 'build and index ≤ 45 s', ok: run.wallMs <= 45_000, value: wall }]),
	{ name: `pages per second ≥ Starlight's ${STARLIGHT_PAGES_PER_SECOND.toFixed(1)}`, ok: pages / (run.wallMs / 1000) >= STARLIGHT_PAGES_PER_SECOND, value: (pages / (run.wallMs / 1000)).toFixed(1) },
	{ name: `peak RSS of the whole build ≤ ${large ? 3 : 1.5} GiB`, ok: run.peakRss <= (large ? 3 : 1.5) * GiB, value: mb(run.peakRss) },
	{ name: 'files under pagefind/ ≤ 2 per text', ok: perText <= 2, value: `${pagefind.files} (${perText.toFixed(2)} per text)` },
	...(large ? [] : [{ name: "Pagefind's page list ≤ 15 kB", ok: pageListBytes <= 15 * 1024, value: kb(pageListBytes) }]),
	{ name: 'first paint ≤ 1.5 × own text + 6 kB', ok: paint.total <= 1.5 * paint.ownText + 6 * 1024, value: `${kb(paint.total)} ≤ ${kb(1.5 * paint.ownText + 6 * 1024)}` },
	{ name: 'pinyin file ≤ 1.5 × its text (gzip)', ok: (pinyin.corpus?.max ?? 0) <= 1.5, value: describePinyin(pinyin.corpus) },
	{ name: 'largest listing page ≤ 20 kB (HTML, gzip)', ok: listings.largest.html <= 20 * 1024, value: kb(listings.largest.html) },
	{ name: 'home page ≤ 10 kB (HTML, gzip)', ok: listings.home.html <= 10 * 1024, value: kb(listings.home.html) },
	{ name: 'compare page first paint ≤ 2 × own text + 8 kB', ok: comparePaint.ok, value: `${kb(comparePaint.total)} ≤ ${kb(comparePaint.budget)}` },
	...(quotes ? quoteBudgets(quotes) : []),
];

/** The share a `hits/total (…%)` figure stands for. */
function share(figure: string): number {
	const [hits, total] = figure.split(/[/ ]/).map(Number);
	return total ? hits! / total : 0;
}

function quoteBudgets(q: QuoteBenchResult) {
	const baseline = coldAt1020();
	return [
		large
			? {
					name: 'cold first query median ≤ 1.3 × the 1,020-text figure',
					ok: baseline !== undefined && q.cold.bytes.median <= 1.3 * baseline,
					value: baseline === undefined ? `${kb(q.cold.bytes.median)}; no 1,020-text figure (run --scale 4${distinct ? ' --distinct' : ''} first)` : `${kb(q.cold.bytes.median)} ≤ ${kb(1.3 * baseline)}`,
				}
			: { name: 'cold first query median ≤ 150 kB, p95 ≤ 250 kB', ok: q.cold.bytes.median <= 150 * 1024 && q.cold.bytes.p95 <= 250 * 1024, value: `${kb(q.cold.bytes.median)} / ${kb(q.cold.bytes.p95)}` },
		large
			? { name: 'later queries median ≤ 10 kB and ≤ 50 ms', ok: q.later.bytes.median <= 10 * 1024 && q.later.latencyMs.median <= 50, value: `${kb(q.later.bytes.median)}, ${q.later.latencyMs.median} ms (${q.later.requests.median} requests)` }
			: {
					name: 'later queries median ≤ 3 kB, p95 ≤ 40 kB, median ≤ 30 ms',
					ok: q.later.bytes.median <= 3 * 1024 && q.later.bytes.p95 <= 40 * 1024 && q.later.latencyMs.median <= 30,
					value: `${kb(q.later.bytes.median)} / ${kb(q.later.bytes.p95)}, ${q.later.latencyMs.median} ms (${q.later.requests.median} requests)`,
				},
		{ name: 'recall@1 = 100% (≥ 4 chars)', ok: /^(\d+)\/\1 /.test(q.recallAt1.fourPlus), value: q.recallAt1.fourPlus },
		{ name: 'recall@1 = 100% for long quotes and quotes across paragraphs', ok: [q.kinds.long, q.kinds.cross].every((kind) => /^(\d+)\/\1 /.test(kind.recallAt1)), value: `${q.kinds.long.recallAt1}; ${q.kinds.cross.recallAt1}` },
		{ name: 'recall@1 ≥ 98% for quotes with one slip', ok: share(q.kinds.slip.recallAt1) >= 0.98, value: q.kinds.slip.recallAt1 },
	];
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}`;
console.log(`\nBuild of ${texts} texts${distinct ? ' (each copy its own characters)' : ''} × 3 editions and their compare pages (${pages} pages) on ${machine}, ${new Date().toISOString().slice(0, 10)}`);
console.table({
	'build wall time': wall,
	'  machine reference (plain OpenCC, CPU)': references,
	[`  the machine's CPU during ${buildCount > 1 ? 'each build' : 'the build'}`]: cpuDuring,
	...Object.fromEntries(Object.entries(phases).map(([name, ms]) => [`  ${name}`, s(ms)])),
	'  texts read for the index while Astro ran': `${readEarly} of ${texts}`,
	'pages per second': (pages / (run.wallMs / 1000)).toFixed(0),
	'peak RSS (whole build tree)': mb(run.peakRss),
	'dist/': `${mb(output.bytes)} in ${output.files} files`,
	'pagefind/': `${mb(pagefind.bytes)} in ${pagefind.files} files`,
	"Pagefind's page list (pf_meta)": kb(pageListBytes),
	'what the search reads of it (contents.txt, gzip)': kb(contentsBytes),
	'text page first paint (gzip)': `${kb(paint.total)} (HTML ${kb(paint.html)}, CSS ${kb(paint.css)}, JS ${kb(paint.js)}; its text ${kb(paint.ownText)})`,
	'pinyin file, corpus (gzip)': describePinyin(pinyin.corpus),
	'pinyin file, seed dist/ (gzip)': describePinyin(pinyin.seed),
	[`largest of ${listings.listings} listing pages (gzip)`]: describeWeight(listings.largest),
	'home page (gzip)': describeWeight(listings.home),
	'compare page first paint (gzip)': `${kb(comparePaint.total)} (HTML ${kb(comparePaint.html)}, CSS ${kb(comparePaint.css)}, JS ${kb(comparePaint.js)})`,
});
if (quotes) {
	printQuoteBench(quotes);
	console.log(`Machine reference before the quote benchmark (plain OpenCC, CPU): ${quotesReferenceMs} ms; its CPU during it: ${quotesCpu}`);
}
console.log('\nBudgets:');
for (const budget of budgets) console.log(`  ${budget.ok ? 'ok  ' : 'MISS'} ${budget.name}: ${budget.value}`);

mkdirSync('bench/out', { recursive: true });
const report = `bench/out/${corpusName(scale)}.json`;
writeFileSync(
	report,
	`${JSON.stringify({ date: new Date().toISOString(), machine, scale, distinct, texts, pages, wallMs: Math.round(run.wallMs), builds: builds.map((build) => ({ wallMs: Math.round(build.wallMs), referenceMs: build.referenceMs, cpu: build.cpu, peakRss: build.peakRss })), quotesReferenceMs, quotesCpu, phases, readEarly, peakRss: run.peakRss, output, pagefind, pageListBytes, contentsBytes, firstPaint: paint, pinyin, listings, comparePaint, quotes, conversion, budgets }, null, '\t')}\n`,
);
console.log(`Wrote ${report}`);
if (budgets.some((budget) => !budget.ok)) process.exit(1);
