/**
 * Writes every text's pinyin file at the end of a build (the pages handed
 * over their words as they rendered: files.ts), and serves them in `astro
 * dev`. Says which characters have no known reading, and how to pin one.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forgetPinyinTexts, pinyinFile, PINYIN_DIR, takePinyinPaths } from './files.ts';

export function pinyinFiles(): AstroIntegration {
	return {
		name: 'fanjian:pinyin',
		hooks: {
			'astro:build:start': () => forgetPinyinTexts(),
			'astro:build:done': ({ dir, logger }) => {
				const started = performance.now();
				const out = fileURLToPath(dir);
				mkdirSync(join(out, PINYIN_DIR), { recursive: true });
				const paths = takePinyinPaths();
				for (const path of paths) {
					const file = pinyinFile(path)!;
					writeFileSync(join(out, path), file.content);
					if (file.unknown.length > 0) {
						logger.warn(
							`${file.file}: no pinyin is known for ${file.unknown.join(' ')}; the aid shows none over ${file.unknown.length === 1 ? 'it' : 'them'}. Pin a reading in the frontmatter: \`pinyin: { ${file.unknown[0]}: … }\`.`,
						);
					}
				}
				forgetPinyinTexts();
				logger.info(`Wrote the pinyin of ${paths.length} text${paths.length === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms.`);
			},
			'astro:server:setup': ({ server }) => {
				server.middlewares.use((request, response, next) => {
					const path = decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname);
					const file = path.startsWith(`/${PINYIN_DIR}/`) ? pinyinFile(path) : undefined;
					if (!file) return next();
					response.setHeader('content-type', 'text/plain; charset=utf-8');
					response.end(file.content);
				});
			},
		},
	};
}
