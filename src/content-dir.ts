import { resolve } from 'node:path';

/**
 * The folder the texts are read from: `content/` unless `FANJIAN_CONTENT`
 * names another (the benchmark builds its corpus this way).
 */
export function contentDir(): string {
	return resolve(process.env.FANJIAN_CONTENT ?? 'content');
}
