/**
 * A build's pinyin files, computed and written on a thread of their own
 * (write-thread.ts): the readings were about a tenth of rendering's work
 * (profiled on 1,020 texts), and Astro renders pages on one thread, so
 * another core does them meanwhile.
 * The pages send each text's words as soon as all its editions have
 * rendered (files.ts); the build waits for the last file before it ends.
 * Build-time only.
 */
import { Worker } from 'node:worker_threads';
import type { PinnedReading } from './readings.ts';

/** A text whose pinyin file is to be written. */
export interface PinyinJob {
	/** The file's address in the site (`/pinyin/<slug>.<hash>.txt`). */
	path: string;
	/** The text's entry, named in the build's warnings. */
	file: string;
	/** Each edition's runs (title, then body), by tag; the simplified edition's among them. */
	forms: Map<string, string[]>;
	/** The tag of the simplified edition, which pinyin-pro reads. */
	simplified: string;
	pins: readonly PinnedReading[];
}

/** A pinyin file written: its text's entry, and the characters no reading is known for. */
export interface WrittenPinyin {
	file: string;
	unknown: string[];
}

/** What the thread answers: a file written, or that every file sent is written. */
export type WriterReply = WrittenPinyin | { done: true };

export class PinyinWriter {
	readonly #worker: Worker;
	readonly #written: WrittenPinyin[] = [];
	readonly #done: Promise<WrittenPinyin[]>;

	/** Start the thread, writing into `dir` (the site's folder). */
	constructor(dir: string) {
		this.#worker = new Worker(new URL('./write-thread.ts', import.meta.url), { workerData: { dir } });
		// A build that fails before its end never waits for the thread: it must not keep the process alive.
		this.#worker.unref();
		this.#done = new Promise((resolve, reject) => {
			this.#worker.on('message', (reply: WriterReply) => {
				if ('done' in reply) resolve(this.#written);
				else this.#written.push(reply);
			});
			this.#worker.on('error', reject);
			this.#worker.on('exit', (code) => reject(new Error(`The pinyin files' thread stopped (exit code ${code}) before writing every file.`)));
		});
		// Nobody may be waiting yet: a failure is reported by finish().
		this.#done.catch(() => {});
	}

	write(job: PinyinJob): void {
		this.#worker.postMessage(job);
	}

	/** Wait for every file sent, then stop the thread; the files written, in the order sent. */
	async finish(): Promise<WrittenPinyin[]> {
		this.#worker.ref();
		this.#worker.postMessage('finish');
		try {
			return await this.#done;
		} finally {
			await this.#worker.terminate();
		}
	}
}

