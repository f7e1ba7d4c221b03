/**
 * The thread that computes and writes a build's pinyin files (started by
 * writer.ts): one file per text sent, in the order sent; on `finish`, it
 * says every file is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { pinyinFileContent } from './file-content.ts';
import type { PinyinJob, WriterReply } from './writer.ts';

const port = parentPort!;
const { dir } = workerData as { dir: string };
let folderMade = false;

port.on('message', (message: PinyinJob | 'finish') => {
	if (message === 'finish') {
		port.postMessage({ done: true } satisfies WriterReply);
		return;
	}
	const { content, unknown } = pinyinFileContent(message.forms, message.simplified, message.pins);
	const target = join(dir, message.path);
	// Made at the first file, not when the build starts: Astro empties its folder after that.
	if (!folderMade) mkdirSync(dirname(target), { recursive: true });
	folderMade = true;
	writeFileSync(target, content);
	port.postMessage({ file: message.file, unknown } satisfies WriterReply);
});
