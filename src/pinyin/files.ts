/**
 * The pinyin file of each text: one per text, not one per edition, since
 * the readings are the same in every edition; so a reader who switches
 * edition gets it from the browser's cache, and a build writes a third of
 * the files. Its address carries a hash of what the readings are computed
 * from, so a page never meets another version's readings in a cache.
 *
 * Each edition of a text hands over its words as it renders (EditionContent).
 * In a build, a text's words are sent to be read and written (writer.ts, on
 * a thread of its own) as soon as its last edition has rendered, and
 * forgotten here: the build never holds every text's words and readings at
 * once (that cost a build of 1,020 texts 450 MB at its end). `astro dev`
 * reads a text when its file is asked for. Pages and the integration
 * (integration.ts) meet through src/build-hand-over.ts.
 * Build-time only.
 */
import { createHash } from 'node:crypto';
import { handOver } from '../build-hand-over.ts';
import { glossary, glossaryReadings } from '../convert/glossary.ts';
import { EDITIONS } from '../editions.ts';
import type { EntryData } from '../schemas/entry.ts';
import { openccConverter } from '../convert/opencc.ts';
import supplement from './phrases.json' with { type: 'json' };
import { pinnedReadings } from './pins.ts';
import type { PinnedReading } from './readings.ts';
import { SETTLED_READINGS } from './settled.ts';
// Types only: the writer's thread is the integration's to start, never a page's.
import type { PinyinJob, PinyinWriter, WrittenPinyin } from './writer.ts';

/** Where the pinyin files are, in the site. */
export const PINYIN_DIR = 'pinyin';

/** The edition pinyin-pro reads: the simplified one. */
const SIMPLIFIED = EDITIONS.find((edition) => edition.opencc === 'cn')!;

interface PinyinText {
	/** The entry's file, named in the build's warnings. */
	file: string;
	pins: readonly PinnedReading[];
	/** Each edition's runs (title, then body), by tag. */
	forms: Map<string, string[]>;
}

const handedOver = handOver<Map<string, PinyinText>>('pinyin-texts');

/** The writer of a running build's files. */
const output = handOver<PinyinWriter>('pinyin-output');

/** A build starts: from now on each text's words go to `writer` once its editions have rendered. */
export function writePinyinWith(writer: PinyinWriter): void {
	texts().clear();
	output.set(writer);
}

/**
 * The build is done: send the words of any text not all of whose editions
 * rendered, and wait for every file; say what was written. Nothing is
 * sent after this.
 */
export async function finishPinyinFiles(): Promise<WrittenPinyin[]> {
	const writer = output.active();
	if (!writer) return [];
	// Each text sent is forgotten: what is left had an edition missing.
	for (const path of [...texts().keys()]) send(writer, path);
	output.set(undefined);
	return writer.finish();
}

function send(writer: PinyinWriter, path: string): void {
	writer.write(pinyinJob(path)!);
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
	const writer = output.active();
	if (writer && entry.forms.size === EDITIONS.length) send(writer, path);
}

/**
 * What writing the pinyin file at `path` needs: the text's words in every
 * edition rendered, the simplified among them; undefined if no page of that
 * text was rendered. In dev, where a page is rendered alone, the readings
 * are settled by the editions rendered so far.
 */
function pinyinJob(path: string): PinyinJob | undefined {
	const text = texts().get(path);
	if (!text) return undefined;
	const forms = new Map(text.forms);
	if (!forms.has(SIMPLIFIED.lang)) {
		const [lang, runs] = [...forms][0]!;
		const from = EDITIONS.find((edition) => edition.lang === lang)!.opencc;
		forms.set(SIMPLIFIED.lang, runs.map(openccConverter(from, SIMPLIFIED.opencc)));
	}
	return { path, file: text.file, forms, simplified: SIMPLIFIED.lang, pins: text.pins };
}

/**
 * The pinyin file at `path` (`astro dev` serves it), and the characters no
 * reading is known for. pinyin-pro is loaded here only: a build reads on the
 * writer's thread, and its own thread need not hold the dictionary too.
 */
export async function pinyinFile(path: string): Promise<{ file: string; content: string; unknown: string[] } | undefined> {
	const job = pinyinJob(path);
	if (!job) return undefined;
	const { pinyinFileContent } = await import('./file-content.ts');
	return { file: job.file, ...pinyinFileContent(job.forms, job.simplified, job.pins) };
}
