// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { searchIndex } from './src/search/integration.ts';
import { feeds } from './src/feeds/integration.ts';

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
	build: { format: 'directory', inlineStylesheets: 'never' },
	markdown: {
		// Texts must render exactly as written: no curly quotes or dashes invented.
		processor: satteri({ features: { smartPunctuation: false } }),
	},
	integrations: [
		mdx(),
		searchIndex(),
		feeds(),
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
	vite: { build: { assetsInlineLimit: 0 }, resolve: { preserveSymlinks: true } },
});
