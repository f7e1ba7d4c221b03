/**
 * The hand-over from page rendering to the feeds during a build. Each text
 * page gives its feed item (title, date, publisher, summary or first
 * paragraph, in its edition) as it renders, so no text is rendered again for
 * its feed; the integration (integration.ts) writes the feeds when the build
 * is done. In `astro dev` there is none.
 */
import { handOver } from '../build-hand-over.ts';
import { NewestItems, type FeedItem } from './feed.ts';

/** The newest items of each edition, by BCP-47 tag. */
export class FeedItems {
	private readonly byEdition = new Map<string, NewestItems>();

	add(lang: string, item: FeedItem): void {
		let items = this.byEdition.get(lang);
		if (!items) this.byEdition.set(lang, (items = new NewestItems()));
		items.add(item);
	}

	newest(lang: string): FeedItem[] {
		return this.byEdition.get(lang)?.newest() ?? [];
	}
}

const feedItems = handOver<FeedItems>('feed-items');

export const activeFeedItems = feedItems.active;
export const setActiveFeedItems = feedItems.set;
