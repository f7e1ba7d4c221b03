/**
 * npm run bench:quotes [-- --site dist --count 240 --seed 7]   (--help for the usage)
 *
 * Samples quotes of 2–40 characters from the built texts (fixed seed), half of
 * them taken from another script's edition, some with punctuation changed or
 * removed, types each into the real search box of the built site in headless
 * Chromium, and prints recall@1 / recall@5, zero-result count, latency and
 * the bytes a static host would send (gzip) for the first and later queries.
 */
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseCommandLine, refuse, type CommandSpec } from '../src/command-line.ts';
import { EDITIONS } from '../src/editions.ts';
import { fold, parseFoldTable, type FoldTable } from '../src/search/fold.ts';
import { readTexts, type TextInEditions } from '../src/search/paragraphs.ts';
import { launch } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/server.ts';
import { randomInt, seededRandom } from './random.ts';

export interface Quote {
	query: string;
	/** Which edition the quote was taken from. */
	script: string;
	punctuation: 'kept' | 'ascii' | 'removed';
	/** Paragraphs (`slug#pN`) whose text holds the quote. */
	expected: string[];
}

const PUNCTUATION = /[\p{P}\p{S}\s]/gu;

/** Sample quotes from the built texts; each is checked against every paragraph for where it occurs. */
export function sampleQuotes(texts: TextInEditions[], table: FoldTable, count: number, seed: number): Quote[] {
	const random = seededRandom(seed);
	const folded = texts.flatMap((text) => text.paragraphs.map((p) => ({ key: `${text.slug}#${p.id}`, chars: fold(p.texts[0]!, table).chars.join('') })));
	const quotes: Quote[] = [];
	const seen = new Set<string>();
	while (quotes.length < count) {
		const text = texts[randomInt(random, 0, texts.length - 1)]!;
		const paragraph = text.paragraphs[randomInt(random, 0, text.paragraphs.length - 1)];
		if (!paragraph) continue;
		const editionIndex = quotes.length % 2 === 0 ? 0 : randomInt(random, 1, EDITIONS.length - 1);
		const chars = Array.from(paragraph.texts[editionIndex]!);
		const length = Math.min(randomInt(random, 2, 40), chars.length);
		const start = randomInt(random, 0, chars.length - length);
		let query = chars.slice(start, start + length).join('');
		const roll = random();
		const punctuation = roll < 0.2 ? 'removed' : roll < 0.4 ? 'ascii' : 'kept';
		if (punctuation === 'removed') query = query.replace(PUNCTUATION, '');
		if (punctuation === 'ascii') query = query.replace(/，/g, ',').replace(/；/g, ';').replace(/：/g, ':').replace(/。/g, '.');
		const needle = fold(query, table).chars.join('');
		if (needle.length < 2 || seen.has(query)) continue;
		seen.add(query);
		quotes.push({
			query,
			script: EDITIONS[editionIndex]!.lang,
			punctuation,
			expected: folded.filter((p) => p.chars.includes(needle)).map((p) => p.key),
		});
	}
	return quotes;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0;
};
const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
};
const ratio = (hits: number, total: number) => `${hits}/${total} (${total ? ((100 * hits) / total).toFixed(1) : '–'}%)`;

export interface QuoteBenchResult {
	site: string;
	quotes: number;
	recallAt1: { all: string; fourPlus: string; sameScript: string; otherScript: string };
	recallAt5: string;
	zeroResults: number;
	latencyMs: { firstQuery: number; median: number; p95: number };
	bytes: { firstQuery: number; laterMedian: number; laterP95: number; laterMax: number };
	misses: { query: string; expected: string[]; got: string[] }[];
}

/** Run the benchmark against a built site. */
export async function runQuoteBench(dist: string, count = 240, seed = 7): Promise<QuoteBenchResult> {
	const texts = await readTexts(dist, EDITIONS);
	const table = parseFoldTable(readFileSync(join(dist, 'pagefind', 'fold.txt'), 'utf8'));
	const quotes = sampleQuotes(texts, table, count, seed);
	const site = await serveStatic(dist);
	const browser = await launch();
	const page = await browser.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(`${site.url}/${EDITIONS[0]!.path}/${texts[0]!.slug}/`);
	await page.waitForLoadState('networkidle');

	const rows: { quote: Quote; got: string[]; ms: number; bytes: number }[] = [];
	for (const quote of quotes) {
		const before = site.requests.length;
		await page.focus('#search-input');
		await page.fill('#search-input', quote.query);
		const handle = await page.waitForFunction(
			(query) => {
				const entry = performance.getEntriesByName('fanjian:search').find((e) => (e as PerformanceMeasure).detail?.query === query);
				return entry ? { ms: entry.duration } : false;
			},
			quote.query,
			{ timeout: 30_000 },
		);
		const { ms } = (await handle.jsonValue()) as { ms: number };
		// An option is the result's link (or, in older builds, holds it).
		const got = await page.$$eval('[role=option]', (options) =>
			options.map((option) => {
				const href = option.getAttribute('href') ?? option.querySelector('a')!.getAttribute('href')!;
				const url = new URL(href, location.href);
				return `${url.pathname.split('/').filter(Boolean).at(-1)}#${url.hash.slice(1)}`;
			}),
		);
		const bytes = site.requests.slice(before).reduce((sum, request) => sum + request.gzipBytes, 0);
		rows.push({ quote, got, ms, bytes });
	}
	await browser.close();
	await site.close();
	if (errors.length > 0) throw new Error(`The page reported errors during the benchmark: ${errors.join('; ')}`);

	const top1 = (row: (typeof rows)[number]) => row.got[0] !== undefined && row.quote.expected.includes(row.got[0]);
	const count1 = (filter: (row: (typeof rows)[number]) => boolean) => {
		const subset = rows.filter(filter);
		return ratio(subset.filter(top1).length, subset.length);
	};
	const later = rows.slice(1);
	return {
		site: relative(process.cwd(), resolve(dist)) || '.',
		quotes: rows.length,
		recallAt1: {
			all: count1(() => true),
			fourPlus: count1((row) => fold(row.quote.query, table).chars.length >= 4),
			sameScript: count1((row) => row.quote.script === EDITIONS[0]!.lang),
			otherScript: count1((row) => row.quote.script !== EDITIONS[0]!.lang),
		},
		recallAt5: ratio(rows.filter((row) => row.got.slice(0, 5).some((key) => row.quote.expected.includes(key))).length, rows.length),
		zeroResults: rows.filter((row) => row.got.length === 0).length,
		latencyMs: {
			firstQuery: Math.round(rows[0]!.ms),
			median: Math.round(median(later.map((row) => row.ms)) * 10) / 10,
			p95: Math.round(percentile(later.map((row) => row.ms), 95) * 10) / 10,
		},
		bytes: {
			firstQuery: rows[0]!.bytes,
			laterMedian: median(later.map((row) => row.bytes)),
			laterP95: percentile(later.map((row) => row.bytes), 95),
			laterMax: Math.max(0, ...later.map((row) => row.bytes)),
		},
		misses: rows.filter((row) => !top1(row)).map((row) => ({ query: row.quote.query, expected: row.quote.expected.slice(0, 5), got: row.got.slice(0, 5) })),
	};
}

export function printQuoteBench(result: QuoteBenchResult): void {
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
	console.log(`\nQuote search on ${result.site}: ${result.quotes} quotes`);
	console.table({
		'recall@1 (all)': result.recallAt1.all,
		'recall@1 (≥4 chars)': result.recallAt1.fourPlus,
		'recall@1 (same script)': result.recallAt1.sameScript,
		'recall@1 (other script)': result.recallAt1.otherScript,
		'recall@5': result.recallAt5,
		'zero results': String(result.zeroResults),
		'first query: latency': `${result.latencyMs.firstQuery} ms`,
		'first query: bytes (gzip)': kb(result.bytes.firstQuery),
		'later queries: median latency': `${result.latencyMs.median} ms`,
		'later queries: p95 latency': `${result.latencyMs.p95} ms`,
		'later queries: median bytes': kb(result.bytes.laterMedian),
		'later queries: p95 bytes': kb(result.bytes.laterP95),
		'later queries: max bytes': kb(result.bytes.laterMax),
	});
	for (const miss of result.misses.slice(0, 10)) console.log(`  miss: ${miss.query} expected ${miss.expected.join(', ')} got ${miss.got.join(', ') || 'nothing'}`);
}

const BENCH_QUOTES = {
	command: 'npm run bench:quotes --',
	synopsis: '[--site <dir>] [--count <n>] [--seed <n>]',
	summary:
		'Types quotes sampled from a built site (a fixed seed; half from another edition, some with punctuation changed or removed) into its search box in Chromium, and prints recall, latency and bytes sent. Writes bench/out/quotes-<site>.json.',
	options: {
		site: { type: 'string', value: 'dir', default: 'dist', description: 'the built site (npm run build writes dist/)' },
		count: { type: 'string', value: 'n', default: '240', integer: { min: 1 }, description: 'how many quotes' },
		seed: { type: 'string', value: 'n', default: '7', integer: {}, description: 'the seed of the sample' },
	},
} as const satisfies CommandSpec;

if (import.meta.main) {
	const { values } = parseCommandLine(BENCH_QUOTES);
	if (!existsSync(join(values.site, 'pagefind', 'fold.txt'))) {
		refuse(BENCH_QUOTES, `${values.site} is not a built site with its search index (no pagefind/fold.txt): run npm run build first, or name the site with --site.`);
	}
	const result = await runQuoteBench(resolve(values.site), Number(values.count), Number(values.seed));
	printQuoteBench(result);
	mkdirSync('bench/out', { recursive: true });
	const out = `bench/out/quotes-${result.site.replace(/\W+/g, '-')}.json`;
	writeFileSync(out, `${JSON.stringify(result, null, '\t')}\n`);
	console.log(`Wrote ${out}`);
}
