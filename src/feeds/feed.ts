/**
 * What an edition's feed holds: its newest texts, each with its title, date,
 * publisher and summary, or its first paragraph when it has none, all in the
 * edition's script. Pages use this module, so it stays free of the RSS
 * writer (rss.ts), which only the build's integration loads.
 */
import type { Edition } from '../editions.ts';
import { ui } from '../ui.ts';

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
export const newerFirst = (a: FeedItem, b: FeedItem) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug);

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
