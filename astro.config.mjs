// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { searchIndex } from './src/search/integration.ts';

export default defineConfig({
	site: process.env.FANJIAN_SITE ?? 'http://localhost:4321',
	trailingSlash: 'ignore',
	build: { format: 'directory' },
	markdown: {
		// Texts must render exactly as written: no curly quotes or dashes invented.
		processor: satteri({ features: { smartPunctuation: false } }),
	},
	integrations: [mdx(), searchIndex()],
	devToolbar: { enabled: false },
});
