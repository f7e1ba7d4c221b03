// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { buildMode } from './src/build/integration.ts';
import { anchorSummary } from './src/paragraphs/summary.ts';
import { feeds } from './src/feeds/integration.ts';
import { devReload } from './src/texts/dev-reload.ts';
import { MARKDOWN_FEATURES } from './src/texts/markdown.ts';
import { pinyinFiles } from './src/pinyin/integration.ts';
import { searchWords } from './src/search/words.ts';
import { bareUrlsStayText } from './src/texts/markup.ts';

// Environment settings, so the same code builds any corpus anywhere:
// FANJIAN_CONTENT (the texts, default content/, read in src/content-dir.ts),
// FANJIAN_OUT (the built site, default dist/), FANJIAN_SITE (its origin).
export default defineConfig({
	site: process.env.FANJIAN_SITE ?? 'http://localhost:4321',
	outDir: process.env.FANJIAN_OUT ?? './dist',
	// One cache per output, so builds of different sites can run side by side
	// (scripts/build.ts builds beside the output and passes its name as the key).
	cacheDir: `./node_modules/.astro/${(process.env.FANJIAN_CACHE_KEY ?? process.env.FANJIAN_OUT ?? 'dist').replace(/\W+/g, '-')}`,
	trailingSlash: 'ignore',
	// Every stylesheet and script is a file of its own, never inlined, so the
	// Content-Security-Policy in public/_headers needs no hashes (issue 6).
	// Two pages render at once (on Astro's one thread): one page's file is
	// written while the next renders, instead of the thread waiting on the disk
	// (bench/HISTORY.md). More did not pay: 3 or 4 rendered no faster.
	build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
	markdown: {
		// Texts render exactly as written: no curly quotes or dashes invented
		// (the lint reads them with the same features, src/texts/markdown.ts),
		// and a bare URL stays text (GFM would make it a link).
		processor: satteri({ features: { ...MARKDOWN_FEATURES }, mdastPlugins: [bareUrlsStayText] }),
	},
	integrations: [
		// A text's body is static markup (no components): `optimize` compiles it to
		// one HTML string instead of a JSX call per element. The built site is
		// byte-identical; the 1,020-text bench renders ~10 % faster (bench/HISTORY.md).
		mdx({ optimize: true }),
		buildMode(),
		pinyinFiles(),
		searchWords(),
		feeds(),
		anchorSummary(),
		devReload(),
		{
			name: 'fanjian:site-origin',
			hooks: {
				'astro:config:setup': ({ command, logger }) => {
					if (command === 'build' && !process.env.FANJIAN_SITE) {
						logger.warn('FANJIAN_SITE is not set: canonical and alternate links, sitemap.xml and robots.txt name http://localhost:4321. Set FANJIAN_SITE=https://your.domain when you build the site you deploy.');
					}
				},
			},
		},
	],
	devToolbar: { enabled: false },
	// Astro inlines a page script smaller than this limit (and Vite any small
	// asset as a data: URL); 0 keeps them all external files, for the CSP.
	// preserveSymlinks: test fixture sites link to this project's src/; without
	// it Vite resolves the links out of their root and their CSS is not emitted.
	vite: {
		build: {
			assetsInlineLimit: 0,
			rolldownOptions: {
				// Astro marks each content entry's asset module with the directive
				// "use astro:head-inject" and reads it before bundling; Rolldown then
				// warns, once per entry, that the directive may not survive bundling.
				// The warning is Astro's own and harmless: keep it out of the build's
				// output, so the editor sees what matters.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
		resolve: { preserveSymlinks: true },
		// A build run beside `npm run dev` (`npm run anchors`, say) writes its pages into .dist.next and
		// swaps it with dist (scripts/build.ts): not the dev server's business, which printed a line per page.
		server: { watch: { ignored: ['**/dist/**', '**/.dist.next/**', '**/.dist.previous/**'] } },
		plugins: [
			{
				// The page script loads its parts on use (search, citations, pinyin, landing), none with CSS. Vite's
				// module preload put the list of each part's imports into it, which every page's first paint carried
				// (~0.1 kB gzip); the one import two parts share is asked for beside them (src/client/enhance.ts).
				// Astro sets the client build's own options, so this is said to the client environment itself.
				name: 'fanjian:no-module-preload',
				configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
			},
		],
	},
});
