/**
 * The Astro integration that writes each edition's feed (`/<edition>/feed.xml`)
 * at the end of a build, from the items the text pages handed over while
 * they rendered (collector.ts). `astro dev` has no feeds.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feedPath } from '../archive/paths.ts';
import { counted } from '../counted.ts';
import { EDITIONS } from '../editions.ts';
import { siteOrigin } from '../sitemap.ts';
import { setActiveFeedItems, FeedItems } from './collector.ts';
import { feedXml } from './rss.ts';

export function feeds(): AstroIntegration {
	let items: FeedItems | undefined;
	let site: URL | undefined;
	return {
		name: 'fanjian:feeds',
		hooks: {
			'astro:config:done': ({ config }) => {
				site = config.site ? new URL(config.site) : undefined;
			},
			'astro:build:start': () => {
				items = new FeedItems();
				setActiveFeedItems(items);
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (!items) throw new Error('The feeds were not opened at the start of the build.');
				setActiveFeedItems(undefined);
				for (const edition of EDITIONS) {
					const file = join(fileURLToPath(dir), feedPath(edition));
					await mkdir(dirname(file), { recursive: true });
					await writeFile(file, await feedXml(edition, items.newest(edition.lang), siteOrigin(site)));
				}
				logger.info(`Wrote ${EDITIONS.length} feeds of ${counted(items.newest(EDITIONS[0].lang).length, 'text')} each.`);
			},
		},
	};
}
