/**
 * Has a build write every text's pinyin file as its pages render (the pages
 * hand over their words: files.ts; a thread of its own reads and writes
 * them: writer.ts), and serves the files in `astro dev`.
 * Says which characters have no known reading, and how to pin one.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { finishPinyinFiles, pinyinFile, PINYIN_DIR, writePinyinWith } from './files.ts';
import { PinyinWriter } from './writer.ts';

export function pinyinFiles(): AstroIntegration {
	let outDir = '';
	return {
		name: 'fanjian:pinyin',
		hooks: {
			'astro:config:done': ({ config }) => {
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': () => writePinyinWith(new PinyinWriter(outDir)),
			'astro:build:done': async ({ logger }) => {
				const written = await finishPinyinFiles();
				for (const { file, unknown } of written) {
					if (unknown.length === 0) continue;
					logger.warn(
						`${file}: no pinyin is known for ${unknown.join(' ')}; the aid shows none over ${unknown.length === 1 ? 'it' : 'them'}. Pin a reading in the frontmatter: \`pinyin: { ${unknown[0]}: … }\`.`,
					);
				}
				logger.info(`Wrote the pinyin of ${written.length} text${written.length === 1 ? '' : 's'}.`);
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((request, response, next) => {
					const path = decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname);
					if (!path.startsWith(`/${PINYIN_DIR}/`)) return next();
					pinyinFile(path).then((file) => {
						if (!file) return next();
						response.setHeader('content-type', 'text/plain; charset=utf-8');
						response.end(file.content);
					}, next);
				});
			},
		},
	};
}
