import { describe, expect, it } from 'vitest';
import { archiveOf, LISTING_LIMIT, yearPages, type Dated } from '../../src/archive/calendar.ts';
import { yearPath } from '../../src/archive/paths.ts';

/** `count` texts in a month, newest first, spread over its days. */
function month(year: number, m: number, count: number, prefix = `${year}-${m}`): Dated[] {
	return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${String(i).padStart(3, '0')}`, data: { date: new Date(Date.UTC(year, m - 1, 28 - Math.floor((i * 28) / count))) } }));
}

/** A year page as month:count pairs, `+` marking a month continued from the page before. */
const shape = (pages: ReturnType<typeof yearPages>) => pages.map((page) => page.months.map((part) => `${part.continued ? '+' : ''}${part.month}:${part.texts.length}`).join(' '));

describe('a year cut into listing pages', () => {
	it.each([
		['months that fit on one page stay on one page', [[12, 30], [11, 40], [3, 50]], 200, ['12:30 11:40 3:50']],
		['a month that does not fit starts the next page, whole', [[5, 90], [4, 90], [3, 90]], 200, ['5:90 4:90', '3:90']],
		['exactly the limit fills one page', [[5, 100], [4, 100]], 200, ['5:100 4:100']],
		['a month larger than a page is split, and the next month fills its last page', [[5, 250], [4, 40]], 200, ['5:200', '+5:50 4:40']],
		['a month larger than a page, after a part-filled page, starts a new page', [[6, 10], [5, 450]], 200, ['6:10', '5:200', '+5:200', '+5:50']],
		['with a small page size', [[12, 3], [11, 2], [10, 4]], 4, ['12:3', '11:2', '10:4']],
	] as const)('%s', (_name, months, limit, expected) => {
		const texts = months.flatMap(([m, count]) => month(2014, m, count));
		const pages = yearPages(2014, texts, limit);
		expect(shape(pages)).toEqual(expected);
		expect(pages.map((page) => page.page)).toEqual(expected.map((_, i) => i + 1));
		for (const page of pages) expect(page.months.reduce((sum, part) => sum + part.texts.length, 0)).toBeLessThanOrEqual(limit);
		expect(pages.flatMap((page) => page.months.flatMap((part) => part.texts))).toEqual(texts);
	});

	it('holds at most 200 texts a page by default', () => {
		expect(LISTING_LIMIT).toBe(200);
		expect(shape(yearPages(2014, month(2014, 1, 201)))).toEqual(['1:200', '+1:1']);
	});
});

describe('the archive', () => {
	const texts = [...month(2015, 2, 3), ...month(2014, 12, 150), ...month(2014, 11, 100), ...month(2012, 1, 1)];
	const archive = archiveOf(texts);

	it('lists the years newest first with their counts and months', () => {
		expect(archive.years.map((y) => [y.year, y.count, y.months.map((m) => `${m.month}:${m.count}@${m.page}`)])).toEqual([
			[2015, 3, ['2:3@1']],
			[2014, 250, ['12:150@1', '11:100@2']],
			[2012, 1, ['1:1@1']],
		]);
	});

	it('gives each text the page that lists it and its neighbours in time, newest text without a later one', () => {
		const place = (id: string) => {
			const { earlier, later, ...rest } = archive.places.get(id)!;
			return { ...rest, earlier: earlier?.id, later: later?.id };
		};
		expect(place('2015-2-000')).toEqual({ year: 2015, month: 2, page: 1, later: undefined, earlier: '2015-2-001' });
		expect(place('2015-2-002')).toEqual({ year: 2015, month: 2, page: 1, later: '2015-2-001', earlier: '2014-12-000' });
		expect(place('2014-11-000')).toEqual({ year: 2014, month: 11, page: 2, later: '2014-12-149', earlier: '2014-11-001' });
		expect(place('2012-1-000')).toEqual({ year: 2012, month: 1, page: 1, later: '2014-11-099', earlier: undefined });
	});

	it('chains every text once, oldest to newest, through "later"', () => {
		const visited: string[] = [];
		for (let text = texts.at(-1); text; text = archive.places.get(text.id)!.later) visited.push(text.id);
		expect(visited).toEqual(texts.map((t) => t.id).reverse());
	});

	it('refuses texts that are not newest first', () => {
		expect(() => archiveOf([...month(2012, 1, 1), ...month(2015, 2, 1)])).toThrow(/not newest first \(2015-2-000 after 2012-1-000\)/);
	});
});

describe('listing addresses', () => {
	it.each([
		[2014, 1, '/zh-hant/2014/'],
		[2014, 2, '/zh-hant/2014/page/2/'],
		[999, 1, '/zh-hant/0999/'],
	])('year %i, page %i is %s', (year, page, path) => {
		expect(yearPath({ path: 'zh-hant' }, year, page)).toBe(path);
	});
});
