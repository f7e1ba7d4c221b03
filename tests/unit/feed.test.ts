import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/editions.ts';
import { FEED_LENGTH, NewestItems, type FeedItem } from '../../src/feeds/feed.ts';
import { feedXml } from '../../src/feeds/rss.ts';
import { seededRandom } from '../../bench/random.ts';
import { childElements, childText, NS, parseXml } from '../support/xml.ts';

const item = (n: number, day: number): FeedItem => ({
	slug: `text-${String(n).padStart(3, '0')}`,
	path: `/zh-hant/text-${String(n).padStart(3, '0')}/`,
	title: `標題${n}`,
	date: new Date(Date.UTC(2014, 0, day)),
	publisher: '新華社',
	description: `第一段${n}`,
});

describe('the newest items', () => {
	it('keeps the newest 50 of items given in any order, newest first, a day’s items by slug', () => {
		const all = Array.from({ length: 500 }, (_, n) => item(n, 1 + Math.floor(n / 3)));
		const random = seededRandom(13);
		const shuffled = [...all].sort(() => random() - 0.5);
		const newest = new NewestItems();
		for (const one of shuffled) newest.add(one);
		const expected = [...all].sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug)).slice(0, FEED_LENGTH);
		expect(newest.newest().map((i) => i.slug)).toEqual(expected.map((i) => i.slug));
		expect(FEED_LENGTH).toBe(50);
	});
});

describe('an edition’s feed', () => {
	it('is RSS 2.0 with its items, a self link and the publisher as dc:creator', async () => {
		const zhHant = EDITIONS.find((e) => e.lang === 'zh-Hant')!;
		const rss = parseXml(await feedXml(zhHant, [item(1, 1), item(2, 2)], new URL('https://example.org')), 'feed').documentElement!;
		expect(rss.getAttribute('version')).toBe('2.0');
		const [channel] = childElements(rss, NS.none, 'channel');
		expect(childText(channel!, NS.none, 'link')).toBe('https://example.org/zh-hant/');
		expect(childElements(channel!, NS.atom, 'link')[0]!.getAttribute('href')).toBe('https://example.org/zh-hant/feed.xml');
		const items = childElements(channel!, NS.none, 'item');
		expect(items.map((i) => [childText(i, NS.none, 'title'), childText(i, NS.none, 'link'), childText(i, NS.none, 'pubDate'), childText(i, NS.dc, 'creator')])).toEqual([
			['標題2', 'https://example.org/zh-hant/text-002/', 'Thu, 02 Jan 2014 12:00:00 GMT', '新華社'],
			['標題1', 'https://example.org/zh-hant/text-001/', 'Wed, 01 Jan 2014 12:00:00 GMT', '新華社'],
		]);
	});
});
