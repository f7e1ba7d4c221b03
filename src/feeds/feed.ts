/**
 * An edition's feed: RSS 2.0 (written by @astrojs/rss) of its newest texts,
 * each with its title, date, publisher (`dc:creator`) and summary, or its
 * first paragraph when it has none, all in the edition's script.
 */
import { getRssString } from '@astrojs/rss';
import { feedPath } from '../archive/paths.ts';
import type { Edition } from '../editions.ts';
import { ui } from '../ui.ts';
import { escapeXml } from '../xml.ts';

/** How many texts a feed holds. */
export const FEED_LENGTH = 50;

/** One text in one edition, as its feed gives it. */
export interface FeedItem {
	slug: string;
	/** The page's path (`/zh-hant/<slug>/`). */
	path: string;
	title: string;
	date: Date;
	publisher: string;
	/** The summary, or the first paragraph. */
	description: string;
}

/** Newest first, then by slug: the order of the archive. */
const newerFirst = (a: FeedItem, b: FeedItem) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug);

/**
 * The newest `length` items of those added, in any order: items come one
 * page at a time while the site renders, and only the newest are kept.
 */
export class NewestItems {
	private items: FeedItem[] = [];
	private readonly length: number;

	constructor(length = FEED_LENGTH) {
		this.length = length;
	}

	add(item: FeedItem): void {
		this.items.push(item);
		if (this.items.length >= 2 * this.length) this.trim();
	}

	newest(): FeedItem[] {
		this.trim();
		return [...this.items];
	}

	private trim(): void {
		this.items = this.items.sort(newerFirst).slice(0, this.length);
	}
}

/** The feed's name, also on the `<link rel="alternate">` that points to it. */
export const feedTitle = (edition: Edition) => `${ui(edition).siteName} · ${edition.label}`;

/** An edition's feed, newest first, with absolute links on `site`. */
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
			pubDate: item.date,
			description: item.description,
			customData: `<dc:creator>${escapeXml(item.publisher)}</dc:creator>`,
		})),
	});
}
