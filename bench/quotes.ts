/**
 * npm run bench:quotes [-- --site dist --count 240 --seed 7]   (--help for the usage)
 *
 * Samples quotes of 2–40 characters from the built texts (fixed seed), half of
 * them taken from another script's edition, some with punctuation changed or
 * removed, types each into the real search box of the built site in headless
 * Chromium (driven without Playwright: bench/chromium.ts), and prints
 * recall@1 / recall@5, zero-result count, latency and the bytes a static
 * host would send (gzip; byte ranges as sent) for a first
 * query with an empty cache (the first 40 quotes, each in a fresh browser
 * context: median and p95) and for later queries in one page.
 *
 * Then, as people also paste (issue 17), `--each` quotes of each of three
 * more kinds: long quotes of 40–200 characters, quotes of 10–80 characters
 * with one character wrong at a random place, and quotes running from the
 * end of a paragraph into the next; recall@1 for each kind (the right
 * paragraph first: for a slip, one holding the quote as it should read; for
 * a passage, its first paragraph), with their bytes and latency.
 */
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseCommandLine, refuse, type CommandSpec } from '../src/command-line.ts';
import { EDITIONS } from '../src/editions.ts';
import { fold, parseFoldTable, type FoldTable } from '../src/search/fold.ts';
import { paragraphsCovering, runsOf } from '../src/search/matching.ts';
import { readTexts, type TextInEditions } from '../src/search/paragraphs.ts';
import { serveStatic, type StaticSite } from '../tests/support/server.ts';
import { startChromium, type Chromium, type Tab } from './chromium.ts';
import { randomInt, seededRandom } from './random.ts';

/** short: 2–40 characters from a paragraph; long: 40–200; slip: 10–80 with one character wrong; cross: across a paragraph's end. */
export type QuoteKind = 'short' | 'long' | 'slip' | 'cross';
export const EXTRA_KINDS = ['long', 'slip', 'cross'] as const satisfies QuoteKind[];

export interface Quote {
	kind: QuoteKind;
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
			kind: 'short',
			query,
			script: EDITIONS[editionIndex]!.lang,
			punctuation,
			expected: folded.filter((p) => p.chars.includes(needle)).map((p) => p.key),
		});
	}
	return quotes;
}

/**
 * Where a folded run stands in the texts: `slug#pN` of the paragraph each
 * occurrence starts in, a run crossing paragraphs included (a text's
 * paragraphs folded one after another, as the index holds them).
 */
function placesOf(texts: readonly { slug: string; ids: string[]; starts: number[]; chars: string[] }[], needle: readonly string[]): string[] {
	const found = texts.flatMap((text) =>
		runsOf(text.chars, needle).map((at) => `${text.slug}#${text.ids[paragraphsCovering(text.starts, at, at + needle.length)[0]]}`),
	);
	return [...new Set(found)];
}

/** Sample `count` quotes of each of the kinds people paste: long, with a slip, across paragraphs. */
export function sampleExtraQuotes(texts: TextInEditions[], table: FoldTable, count: number, seed: number): Quote[] {
	const random = seededRandom(seed + 1);
	const folded = texts.map((text) => {
		const paragraphs = text.paragraphs.map((p) => fold(p.texts[0]!, table).chars);
		// Where each paragraph starts in the text's folded characters, and one more entry for the end (as text-fields.ts has them).
		const starts = [0];
		for (const chars of paragraphs) starts.push(starts.at(-1)! + chars.length);
		return { slug: text.slug, ids: text.paragraphs.map((p) => p.id), starts, chars: paragraphs.flat() };
	});
	const alphabet = [...new Set(folded.flatMap((text) => text.chars.slice(0, 200)))];
	const quotes: Quote[] = [];
	for (const kind of EXTRA_KINDS) {
		let made = 0;
		for (let tries = 0; made < count && tries < count * 200; tries++) {
			const t = randomInt(random, 0, texts.length - 1);
			const text = texts[t]!;
			const k = randomInt(random, 0, text.paragraphs.length - 1);
			const editionIndex = made % 2 === 0 ? 0 : randomInt(random, 1, EDITIONS.length - 1);
			const chars = Array.from(text.paragraphs[k]!.texts[editionIndex]!);
			let query: string;
			let needle: string[];
			if (kind === 'cross') {
				const next = text.paragraphs[k + 1];
				if (!next) continue;
				const after = Array.from(next.texts[editionIndex]!);
				const tail = Math.min(randomInt(random, 4, 30), chars.length);
				const head = Math.min(randomInt(random, 4, 30), after.length);
				query = `${chars.slice(-tail).join('')}\n${after.slice(0, head).join('')}`;
				needle = fold(query, table).chars;
			} else {
				const length = kind === 'long' ? randomInt(random, 40, 200) : randomInt(random, 10, 80);
				if (chars.length < length) continue;
				const start = randomInt(random, 0, chars.length - length);
				const picked = chars.slice(start, start + length);
				needle = fold(picked.join(''), table).chars;
				if (kind === 'slip') {
					// One character (not a punctuation mark) replaced by another of the corpus.
					const places = picked.flatMap((char, i) => (fold(char, table).chars.length === 1 ? [i] : []));
					const at = places[randomInt(random, 0, places.length - 1)]!;
					const was = fold(picked[at]!, table).chars[0];
					let other = alphabet[randomInt(random, 0, alphabet.length - 1)]!;
					while (other === was) other = alphabet[randomInt(random, 0, alphabet.length - 1)]!;
					picked[at] = other;
				}
				query = picked.join('');
			}
			if (needle.length < 4) continue;
			const expected = placesOf(folded, needle);
			// A slip that happens to make another passage of the corpus is not a slip.
			if (kind === 'slip' && placesOf(folded, fold(query, table).chars).length > 0) continue;
			quotes.push({ kind, query, script: EDITIONS[editionIndex]!.lang, punctuation: 'kept', expected });
			made++;
		}
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

/** Median and 95th percentile of a sample. */
export interface Spread {
	median: number;
	p95: number;
}
const spread = (values: number[]): Spread => ({ median: median(values), p95: percentile(values, 95) });

export interface QuoteBenchResult {
	site: string;
	quotes: number;
	recallAt1: { all: string; fourPlus: string; sameScript: string; otherScript: string };
	recallAt5: string;
	zeroResults: number;
	/** A first search on a page opened with an empty cache, each quote in a fresh browser context: bytes (gzip as sent) and ms. */
	cold: { quotes: number; bytes: Spread; latencyMs: Spread };
	/**
	 * Every search after the first in one page, cache warm: bytes, ms, and how
	 * many requests it made (exact where latency is not; on this project's
	 * 2-core machine latency follows it, HTTP/1.1 or HTTP/2 alike: bench/HISTORY.md).
	 */
	later: { bytes: Spread & { max: number }; latencyMs: Spread; requests: Spread };
	/** Long quotes, quotes with a slip and quotes across paragraphs: recall@1, bytes and latency of each kind. */
	kinds: Record<(typeof EXTRA_KINDS)[number], { recallAt1: string; bytes: Spread; latencyMs: Spread }>;
	misses: { query: string; expected: string[]; got: string[] }[];
}

/**
 * Runs in the page: types a quote into the header box as `fill` does (the
 * value set, one input event), waits for the search's `fanjian:search`
 * measure, and returns its duration and the results (`slug#pN`). A search
 * box holds one line: what it keeps of a pasted line break is the browser's.
 */
async function typeQuote(query: string): Promise<{ ms: number; got: string[] }> {
	const input = document.querySelector<HTMLInputElement>('#search-input')!;
	performance.clearMeasures('fanjian:search');
	input.focus();
	input.value = query;
	input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
	const value = input.value;
	const ms = await new Promise<number>((resolve, reject) => {
		const timeout = setTimeout(() => reject(new Error(`no search answered ${JSON.stringify(value)} within 30 s`)), 30_000);
		const observer = new PerformanceObserver((list) => {
			const entry = list.getEntries().find((e) => (e as PerformanceMeasure).detail?.query === value);
			if (!entry) return;
			observer.disconnect();
			clearTimeout(timeout);
			resolve(entry.duration);
		});
		observer.observe({ type: 'measure', buffered: true });
	});
	const got = [...document.querySelectorAll('[role=option]')].map((option) => {
		const url = new URL(option.getAttribute('href')!, location.href);
		return `${url.pathname.split('/').filter(Boolean).at(-1)}#${url.hash.slice(1)}`;
	});
	return { ms, got };
}

/** Type a quote into the header box of an open page; the ms the search took and the results (`slug#pN`). */
const TYPE_QUOTE = typeQuote.toString();
const searchFor = (tab: Tab, query: string) => tab.evaluate<{ ms: number; got: string[] }>(`(${TYPE_QUOTE})(${JSON.stringify(query)})`);

/** Until the site has had no request for half a second (the page's scripts loaded, as a reader would wait). */
async function settled(site: StaticSite): Promise<void> {
	for (let seen = -1; seen !== site.requests.length; ) {
		seen = site.requests.length;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** A text page opened and settled. */
async function openPage(chromium: Chromium, site: StaticSite, url: string, fresh: boolean): Promise<Tab> {
	const tab = await chromium.open(url, { fresh });
	await settled(site);
	return tab;
}

/** Run the benchmark against a built site: `cold` quotes each in a fresh context, then all quotes in one page. */
export async function runQuoteBench(dist: string, count = 240, seed = 7, cold = 40, each = 60): Promise<QuoteBenchResult> {
	const texts = await readTexts(dist, EDITIONS);
	const table = parseFoldTable(readFileSync(join(dist, 'pagefind', 'fold.txt'), 'utf8'));
	const quotes = sampleQuotes(texts, table, count, seed);
	const extra = sampleExtraQuotes(texts, table, each, seed);
	const site = await serveStatic(dist);
	const chromium = await startChromium();
	const errors: string[] = [];
	const textUrl = `${site.url}/${EDITIONS[0]!.path}/${texts[0]!.slug}/`;
	/** What the site sent since request number `before`: bytes (gzip as sent) and how many requests. */
	const sentSince = (before: number) => {
		const since = site.requests.slice(before);
		return { bytes: since.reduce((sum, request) => sum + request.gzipBytes, 0), requests: since.length };
	};

	const rows: { quote: Quote; got: string[]; ms: number; bytes: number; requests: number }[] = [];
	const extraRows: typeof rows = [];
	const firsts: { ms: number; bytes: number }[] = [];
	try {
		for (const quote of quotes.slice(0, cold)) {
			const tab = await openPage(chromium, site, textUrl, true);
			const before = site.requests.length;
			const { ms } = await searchFor(tab, quote.query);
			firsts.push({ ms, bytes: sentSince(before).bytes });
			errors.push(...(await tab.errors()));
			await tab.close();
		}

		const tab = await openPage(chromium, site, textUrl, false);
		/** Each quote typed in turn into the one page, with what it sent. */
		const typeEach = async (list: Quote[], into: typeof rows) => {
			for (const quote of list) {
				const before = site.requests.length;
				const { ms, got } = await searchFor(tab, quote.query);
				into.push({ quote, got, ms, ...sentSince(before) });
			}
		};
		await typeEach(quotes, rows);
		await typeEach(extra, extraRows);
		errors.push(...(await tab.errors()));
	} finally {
		await chromium.close();
		await site.close();
	}
	if (errors.length > 0) throw new Error(`The page reported errors during the benchmark: ${errors.join('; ')}`);

	const top1 = (row: (typeof rows)[number]) => row.got[0] !== undefined && row.quote.expected.includes(row.got[0]);
	const count1 = (filter: (row: (typeof rows)[number]) => boolean) => {
		const subset = rows.filter(filter);
		return ratio(subset.filter(top1).length, subset.length);
	};
	const later = rows.slice(1);
	const round = (value: number) => Math.round(value * 10) / 10;
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
		cold: {
			quotes: firsts.length,
			bytes: spread(firsts.map((first) => first.bytes)),
			latencyMs: { median: round(median(firsts.map((first) => first.ms))), p95: round(percentile(firsts.map((first) => first.ms), 95)) },
		},
		later: {
			bytes: { ...spread(later.map((row) => row.bytes)), max: Math.max(0, ...later.map((row) => row.bytes)) },
			latencyMs: { median: round(median(later.map((row) => row.ms))), p95: round(percentile(later.map((row) => row.ms), 95)) },
			requests: spread(later.map((row) => row.requests)),
		},
		kinds: Object.fromEntries(
			EXTRA_KINDS.map((kind) => {
				const subset = extraRows.filter((row) => row.quote.kind === kind);
				return [
					kind,
					{
						recallAt1: ratio(subset.filter(top1).length, subset.length),
						bytes: spread(subset.map((row) => row.bytes)),
						latencyMs: { median: round(median(subset.map((row) => row.ms))), p95: round(percentile(subset.map((row) => row.ms), 95)) },
					},
				];
			}),
		) as QuoteBenchResult['kinds'],
		misses: [...rows, ...extraRows].filter((row) => !top1(row)).map((row) => ({ query: row.quote.query, expected: row.quote.expected.slice(0, 5), got: row.got.slice(0, 5) })),
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
		[`first query, cold (${result.cold.quotes} fresh contexts): bytes median / p95`]: `${kb(result.cold.bytes.median)} / ${kb(result.cold.bytes.p95)}`,
		'first query, cold: latency median / p95': `${result.cold.latencyMs.median} / ${result.cold.latencyMs.p95} ms`,
		'later queries: bytes median / p95 / max': `${kb(result.later.bytes.median)} / ${kb(result.later.bytes.p95)} / ${kb(result.later.bytes.max)}`,
		'later queries: latency median / p95': `${result.later.latencyMs.median} / ${result.later.latencyMs.p95} ms`,
		'later queries: requests median / p95': `${result.later.requests.median} / ${result.later.requests.p95}`,
	});
	console.table(
		Object.fromEntries(
			Object.entries(result.kinds).map(([kind, figures]) => [
				kind,
				{ 'recall@1': figures.recallAt1, 'bytes median / p95': `${kb(figures.bytes.median)} / ${kb(figures.bytes.p95)}`, 'latency median / p95': `${figures.latencyMs.median} / ${figures.latencyMs.p95} ms` },
			]),
		),
	);
	for (const miss of result.misses.slice(0, 10)) console.log(`  miss: ${miss.query} expected ${miss.expected.join(', ')} got ${miss.got.join(', ') || 'nothing'}`);
}

const BENCH_QUOTES = {
	command: 'npm run bench:quotes --',
	synopsis: '[--site <dir>] [--count <n>] [--each <n>] [--seed <n>]',
	summary:
		'Types quotes sampled from a built site (a fixed seed; half from another edition, some with punctuation changed or removed) into its search box in Chromium, and prints recall, latency and bytes sent. Writes bench/out/quotes-<site>.json.',
	options: {
		site: { type: 'string', value: 'dir', default: 'dist', description: 'the built site (npm run build writes dist/)' },
		count: { type: 'string', value: 'n', default: '240', integer: { min: 1 }, description: 'how many quotes' },
		each: { type: 'string', value: 'n', default: '60', integer: { min: 0 }, description: 'how many long, one-slip and cross-paragraph quotes (each)' },
		seed: { type: 'string', value: 'n', default: '7', integer: {}, description: 'the seed of the sample' },
	},
} as const satisfies CommandSpec;

if (import.meta.main) {
	const { values } = parseCommandLine(BENCH_QUOTES);
	if (!existsSync(join(values.site, 'pagefind', 'fold.txt'))) {
		refuse(BENCH_QUOTES, `${values.site} is not a built site with its search index (no pagefind/fold.txt): run npm run build first, or name the site with --site.`);
	}
	const result = await runQuoteBench(resolve(values.site), Number(values.count), Number(values.seed), 40, Number(values.each));
	printQuoteBench(result);
	mkdirSync('bench/out', { recursive: true });
	const out = `bench/out/quotes-${result.site.replace(/\W+/g, '-')}.json`;
	writeFileSync(out, `${JSON.stringify(result, null, '\t')}\n`);
	console.log(`Wrote ${out}`);
}
