/**
 * node bench/segmenters.ts [-- --modules <folder> --rounds 5]
 *
 * Which word segmenter the conversion uses (src/convert/phrase-matching.ts):
 * `Intl.Segmenter` (ICU, ships with Node) against @node-rs/jieba and
 * jieba-wasm, on the regression set (tests/fixtures/word-boundaries), on the
 * Zuo Zhuan corpus (characters that differ from plain OpenCC and from the
 * ICU result) and in CPU time, interleaved. The jieba packages are not
 * dependencies: install them where you like (`npm i --no-save @node-rs/jieba
 * jieba-wasm`, or in another folder given with --modules); a segmenter whose
 * package is missing is skipped.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openccConverter, openccPipeline, plainOpenccConverter } from '../src/convert/opencc.ts';
import { wordBoundedConverter, type WordSegmenter } from '../src/convert/phrase-matching.ts';

const { values } = parseArgs({ options: { modules: { type: 'string', default: '.' }, rounds: { type: 'string', default: '5' } } });
const load = createRequire(join(resolve(values.modules), 'package.json'));

/** A segmenter from a function that cuts a text into words. */
const fromCut = (cut: (text: string) => string[]): WordSegmenter => ({
	segment(text) {
		let index = 0;
		return cut(text).map((word) => {
			const at = index;
			index += word.length;
			return { index: at };
		});
	},
});

const segmenters: { name: string; loadMs: number; segmenter: WordSegmenter }[] = [];
let started = performance.now();
segmenters.push({ name: 'Intl.Segmenter (ICU)', segmenter: new Intl.Segmenter('zh', { granularity: 'word' }), loadMs: 0 });
segmenters[0]!.segmenter.segment('预热');
segmenters[0]!.loadMs = performance.now() - started;
try {
	started = performance.now();
	const { Jieba } = load('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): { cut(text: string, hmm: boolean): string[] } } };
	const { dict } = load('@node-rs/jieba/dict') as { dict: Uint8Array };
	const jieba = Jieba.withDict(dict);
	segmenters.push({ name: '@node-rs/jieba', segmenter: fromCut((text) => jieba.cut(text, true)), loadMs: performance.now() - started });
} catch {
	console.log('@node-rs/jieba is not installed: skipped.');
}
try {
	started = performance.now();
	const wasm = load('jieba-wasm') as { cut(text: string, hmm: boolean): string[] };
	wasm.cut('预热', true);
	segmenters.push({ name: 'jieba-wasm', segmenter: fromCut((text) => wasm.cut(text, true)), loadMs: performance.now() - started });
} catch {
	console.log('jieba-wasm is not installed: skipped.');
}

interface Case {
	input: string;
	s2tw: string;
	s2hk: string;
}
const { cases, beyondReach } = JSON.parse(readFileSync(new URL('../tests/fixtures/word-boundaries/cases.json', import.meta.url), 'utf8')) as { cases: Case[]; beyondReach: Case[] };
const all = [...cases, ...beyondReach];
const lines = readFileSync(new URL('zuozhuan.txt', import.meta.url), 'utf8').split('\n').filter((line) => line.trim());
const plain = plainOpenccConverter('cn', 'tw');
const icu = openccConverter('cn', 'tw');
const plainLines = lines.map(plain);
const icuLines = lines.map(icu);

const differing = (a: string[], b: string[]) => a.reduce((sum, line, i) => sum + [...line].filter((char, k) => char !== b[i]![k]).length, 0);

/** Median CPU time of converting every line into both editions, over the rounds. */
function medianCpu(tw: (text: string) => string, hk: (text: string) => string): number {
	const times: number[] = [];
	for (let round = 0; round < Number(values.rounds); round++) {
		const cpu = process.cpuUsage();
		for (const line of lines) {
			tw(line);
			hk(line);
		}
		const used = process.cpuUsage(cpu);
		times.push((used.user + used.system) / 1000);
	}
	return Math.round([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!);
}

const right = (config: 's2tw' | 's2hk', convert: (text: string) => string) => all.filter((test) => convert(test.input) === test[config]).length;
const rows: Record<string, Record<string, string | number>> = {};
for (const { name, segmenter, loadMs } of segmenters) {
	const tw = wordBoundedConverter(openccPipeline('cn', 'tw'), segmenter);
	const hk = wordBoundedConverter(openccPipeline('cn', 'hk'), segmenter);
	const ours = lines.map(tw);
	rows[name] = {
		'load (ms)': Math.round(loadMs),
		[`regression set, s2tw right (of ${all.length})`]: right('s2tw', tw),
		[`regression set, s2hk right (of ${all.length})`]: right('s2hk', hk),
		'Zuo Zhuan chars ≠ plain OpenCC': differing(ours, plainLines),
		'Zuo Zhuan chars ≠ ICU result': differing(ours, icuLines),
		'CPU ms, both editions (median)': medianCpu(tw, hk),
	};
}
const plainHk = plainOpenccConverter('cn', 'hk');
rows['plain OpenCC (no segmenter)'] = {
	[`regression set, s2tw right (of ${all.length})`]: right('s2tw', plain),
	[`regression set, s2hk right (of ${all.length})`]: right('s2hk', plainHk),
	'CPU ms, both editions (median)': medianCpu(plain, plainHk),
};
console.table(rows);
