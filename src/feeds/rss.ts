/**
 * An edition's feed written as RSS 2.0 by @astrojs/rss: the publisher as
 * `dc:creator`, the language and a self link in the channel. Loaded only by
 * the build's integration (integration.ts), never by a page.
 */
import { getRssString } from '@astrojs/rss';
import { feedPath } from '../archive/paths.ts';
import type { Edition } from '../editions.ts';
import { ui } from '../ui.ts';
import { escapeXml } from '../xml.ts';
import { feedTitle, newerFirst, type FeedItem } from './feed.ts';

/** Half a day, in ms. */
const NOON = 12 * 60 * 60 * 1000;

/**
 * An edition's feed, newest first, with absolute links on `site`. A text is
 * dated by its day alone: its item at noon UTC, which is that day from
 * UTC−11 to UTC+11 (at midnight, a reader in the Americas saw the day before).
 */
export function feedXml(edition: Edition, items: readonly FeedItem[], site: URL): Promise<string> {
	const absolute = (path: string) => new URL(path, site).href;
	return getRssString({
		title: feedTitle(edition),
		description: ui(edition).siteTagline,
		site: absolute(`/${edition.path}/`),
		xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
		customData: `<language>${escapeXml(edition.lang)}</language><atom:link href="${escapeXml(absolute(feedPath(edition)))}" rel="self" type="application/rss+xml"/>`,
		items: [...items].sort(newerFirst).map((item) => ({
			title: item.title,
			link: absolute(item.path),
			pubDate: new Date(item.date.getTime() + NOON),
			description: item.description,
			customData: `<dc:creator>${escapeXml(item.publisher)}</dc:creator>`,
		})),
	});
}
