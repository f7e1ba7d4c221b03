/**
 * The pinyin file of each text: one per text, not one per edition, since
 * the readings are the same in every edition; so a reader who switches
 * edition gets it from the browser's cache, and a build writes a third of
 * the files. Its address carries a hash of what the readings are computed
 * from, so a page never meets another version's readings in a cache.
 *
 * Each edition of a text hands over its words as it renders (EditionContent).
 * In a build, a text's file is written as soon as its last edition has
 * rendered, and its words forgotten: the build never holds every text's
 * words and readings at once (that cost a build of 1,020 texts 450 MB at
 * its end). `astro dev` serves the files from memory. Pages and the
 * integration (integration.ts) meet through src/build-hand-over.ts.
 * Build-time only.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { handOver } from '../build-hand-over.ts';
import { glossary, glossaryReadings } from '../convert/glossary.ts';
import { EDITIONS } from '../editions.ts';
import type { EntryData } from '../schemas/entry.ts';
import { openccConverter } from '../convert/opencc.ts';
import { serializeReadings } from './format.ts';
import supplement from './phrases.json' with { type: 'json' };
import { isHan } from './han.ts';
import { pinnedReadings } from './pins.ts';
import { textReadings, type PinnedReading } from './readings.ts';
import { SETTLED_READINGS } from './settled.ts';

/** Where the pinyin files are, in the site. */
export const PINYIN_DIR = 'pinyin';

/** The edition pinyin-pro reads: the simplified one. */
const SIMPLIFIED = EDITIONS.find((edition) => edition.opencc === 'cn');

interface PinyinText {
	/** The entry's file, named in the build's warnings. */
	file: string;
	pins: readonly PinnedReading[];
	/** Each edition's runs (title, then body), by tag. */
	forms: Map<string, string[]>;
}

const handedOver = handOver<Map<string, PinyinText>>('pinyin-texts');

/** A pinyin file a build has written: its text's entry, and the characters no reading is known for. */
export interface WrittenPinyin {
	file: string;
	unknown: string[];
}

/** Where a running build writes the pinyin files, and those it has written. */
const output = handOver<{ dir: string; written: WrittenPinyin[] }>('pinyin-output');

/** A build starts: from now on each text's file is written into `dir` (the site's folder) once its editions have rendered. */
export function writePinyinInto(dir: string): void {
	texts().clear();
	output.set({ dir, written: [] });
}

/**
 * The build is done: write the files of any text not all of whose editions
 * rendered, and say what was written. Nothing is written after this.
 */
export function finishPinyinFiles(): WrittenPinyin[] {
	const open = output.active();
	if (!open) return [];
	// Each file written is forgotten: what is left had an edition missing.
	for (const path of [...texts().keys()]) write(open, path);
	output.set(undefined);
	return open.written;
}

function write(open: { dir: string; written: WrittenPinyin[] }, path: string): void {
	const file = pinyinFile(path)!;
	// Made here, not when the build starts: Astro empties its folder after that.
	if (open.written.length === 0) mkdirSync(join(open.dir, PINYIN_DIR), { recursive: true });
	writeFileSync(join(open.dir, path), file.content);
	open.written.push({ file: file.file, unknown: file.unknown });
	texts().delete(path);
}

function texts(): Map<string, PinyinText> {
	let found = handedOver.active();
	if (!found) handedOver.set((found = new Map()));
	return found;
}

const dataVersion = createHash('sha256').update(JSON.stringify([supplement, SETTLED_READINGS])).digest('hex');

/**
 * The address of a text's pinyin file, from everything its readings depend
 * on (its words, pinned terms and readings, the glossary, our data).
 *
 * @example pinyinPath('my-text', [title, body, terms]) // '/pinyin/my-text.3f9c2a1b7d.txt'
 */
export function pinyinPath(slug: string, inputs: unknown): string {
	const hash = createHash('sha256').update(JSON.stringify(inputs)).update(dataVersion).digest('hex').slice(0, 10);
	return `/${PINYIN_DIR}/${slug}.${hash}.txt`;
}

/** A text's pinyin file (the same for every edition) and the readings pinned for it: its own, then the glossary's. */
export function textPinyin(text: { id: string; body?: string | undefined; data: Pick<EntryData, 'title' | 'terms' | 'pinyin'> }): { path: string; pins: PinnedReading[] } {
	// Astro's content cache keeps entries parsed before `pinyin` was in the schema (it hashes
	// content.config.ts, not the schema it imports): such an entry has none pinned.
	const pins = pinnedReadings(text.data.pinyin ?? [], glossaryReadings());
	return { path: pinyinPath(text.id, [text.data.title, text.body, text.data.terms, glossary(), pins]), pins };
}

/** One edition of a text hands over its words (its title, then its body's runs, src/pinyin/runs.ts). */
export function addPinyinEdition(path: string, text: { file: string; lang: string; runs: string[]; pins: readonly PinnedReading[] }): void {
	const entry = texts().get(path) ?? { file: text.file, pins: text.pins, forms: new Map() };
	entry.forms.set(text.lang, text.runs);
	texts().set(path, entry);
	const open = output.active();
	if (open && entry.forms.size === EDITIONS.length) write(open, path);
}

/**
 * The pinyin file at `path`, and the characters no reading is known for;
 * undefined if no page of that text was rendered. In dev, where a page is
 * rendered alone, the readings are settled by the editions rendered so far.
 */
export function pinyinFile(path: string): { file: string; content: string; unknown: string[] } | undefined {
	const text = texts().get(path);
	if (!text || !SIMPLIFIED) return undefined;
	const forms = new Map(text.forms);
	if (!forms.has(SIMPLIFIED.lang)) {
		const [lang, runs] = [...forms][0]!;
		const from = EDITIONS.find((edition) => edition.lang === lang)!.opencc;
		forms.set(SIMPLIFIED.lang, runs.map(openccConverter(from, SIMPLIFIED.opencc)));
	}
	const readings = textReadings(forms, SIMPLIFIED.lang, text.pins);
	const chars = forms.get(SIMPLIFIED.lang)!.flatMap((run) => Array.from(run).filter(isHan));
	const unknown = [...new Set(chars.filter((_, i) => readings[i] === ''))];
	return { file: text.file, content: serializeReadings(readings), unknown };
}
