import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { entrySchema } from '../../src/schemas/entry.ts';
import { textId } from '../../src/texts/id.ts';

const good = { title: '标题', date: new Date('2014-02-27'), publisher: '新华社', script: 'zh-Hans' };
const firstMessage = (data: unknown) => {
	const result = entrySchema.safeParse(data);
	if (result.success) throw new Error('expected a schema error');
	return `${result.error.issues[0]!.path.join('.')}: ${result.error.issues[0]!.message}`;
};

describe('entry frontmatter', () => {
	it('accepts a complete entry and parses its date', () => {
		const parsed = entrySchema.parse({ ...good, date: '2014-02-27', source: 'https://www.xinhuanet.com/x.htm' });
		expect(parsed.date.toISOString()).toBe('2014-02-27T00:00:00.000Z');
		expect(parsed.terms).toEqual([]);
	});

	it.each([
		['missing title', { ...good, title: undefined }, 'title: Every text needs a title: add `title: "…"` to its frontmatter.'],
		['empty title', { ...good, title: ' ' }, "title: The title is empty: write the text's title after `title:`."],
		['unparseable date', { ...good, date: '27/02/2014' }, 'date: "27/02/2014" is not a date. Write the publication date as YYYY-MM-DD, for example `date: 2014-02-27`.'],
		['impossible date', { ...good, date: '2014-02-30' }, 'date: "2014-02-30" is not a date. Write the publication date as YYYY-MM-DD, for example `date: 2014-02-27`.'],
		['unknown script', { ...good, script: 'zh-CN' }, 'script: "zh-CN" is not a script this site stores. Write one of: `script: zh-Hans`, `script: zh-Hant`, `script: zh-HK`.'],
		['a title YAML reads as a number', { ...good, title: 2015 }, 'title: title must be text, but YAML reads `title: 2015` as a number: put it in quotes, `title: "2015"`.'],
		['a publisher YAML reads as a date', { ...good, publisher: new Date('2014-02-27') }, 'publisher: publisher must be text, but YAML reads `publisher: 2014-02-27` as a date: put it in quotes, `publisher: "2014-02-27"`.'],
		['a mistyped field, which would be dropped', { ...good, sumary: '一句话' }, ': A field this site does not know: `sumary:` (did you mean `summary:`?). Rename or remove it; a text\'s fields are `title`, `date`, `publisher`, `source`, `script`, `summary`, `provenance`, `terms`, `pinyin`, `lint`.'],
		['fields of other sites', { ...good, author: '张三', slug: 'x' }, ': Fields this site does not know: `author:`, `slug:`. Rename or remove them; a text\'s fields are `title`, `date`, `publisher`, `source`, `script`, `summary`, `provenance`, `terms`, `pinyin`, `lint` (the slug is the file name).'],
		['missing date', { ...good, date: undefined }, 'date: Every text needs its publication date: add `date: YYYY-MM-DD` (for example `date: 2014-02-27`) to its frontmatter.'],
		['a date YAML reads as a number', { ...good, date: 2014 }, 'date: "2014" is not a date. Write the publication date as YYYY-MM-DD, for example `date: 2014-02-27`.'],
		['missing script', { ...good, script: undefined }, 'script: Every text needs the script it is stored in. Write one of: `script: zh-Hans`, `script: zh-Hant`, `script: zh-HK`.'],
		['missing publisher', { ...good, publisher: undefined }, 'publisher: Every text needs a publisher: add `publisher: "…"` (e.g. 新华社) to its frontmatter.'],
		['bad source', { ...good, source: 'xinhuanet' }, 'source: source must be a full URL such as `source: "https://…"`, or be left out.'],
		['bad term key', { ...good, terms: [{ 'zh-CN': '网络' }] }, 'terms.0: A pinned term\'s keys are edition tags (zh-Hans, zh-Hant, zh-HK) or "note".'],
	])('%s says how to fix it', (_case, data, message) => {
		expect(firstMessage(data)).toBe(message);
	});
});

it('a mistyped key inside lint is named, with the key meant', () => {
	const result = entrySchema.safeParse({ ...good, lint: { acknowlege: ['總體布局'] } });
	expect(result.success).toBe(false);
	expect(result.error?.issues.map((issue) => issue.message)).toContain(
		'lint knows only `acknowledge`, not `acknowlege` (did you mean `acknowledge`?): lint takes a list of passages whose WARNs you checked: `lint: { acknowledge: ["總體布局"] }`.',
	);
});

describe('text ids', () => {
	// A content folder of real files: a slug collides with a file that is still there.
	const content = mkdtempSync(join(tmpdir(), 'fanjian-ids-'));
	const write = (...entries: string[]) => {
		for (const entry of entries) {
			mkdirSync(dirname(join(content, entry)), { recursive: true });
			writeFileSync(join(content, entry), '');
		}
	};
	beforeAll(() => vi.stubEnv('FANJIAN_CONTENT', content));
	afterAll(() => {
		vi.unstubAllEnvs();
		rmSync(content, { recursive: true, force: true });
	});

	it('is the file name', () => {
		expect(textId({ entry: 'sub/some-text.mdx' })).toBe('some-text');
	});

	it('fails on a duplicate slug, naming both files and a fix', () => {
		write('a/same.mdx', 'b/same.mdx');
		textId({ entry: 'a/same.mdx' });
		expect(() => textId({ entry: 'b/same.mdx' })).toThrow('Two texts have the slug "same": a/same.mdx and b/same.mdx.');
	});

	it('keeps the slug of a text moved to another folder (npm run dev sees the move)', () => {
		write('moved.mdx');
		expect(textId({ entry: 'moved.mdx' })).toBe('moved');
		mkdirSync(join(content, '2014'));
		renameSync(join(content, 'moved.mdx'), join(content, '2014', 'moved.mdx'));
		expect(textId({ entry: '2014/moved.mdx' })).toBe('moved');
	});

	it.each([
		['is not a slug', 'My Text.mdx', /cannot be its URL slug: "My Text" is not lower-case ASCII words/, 'my-text.mdx'],
		['is a year (the year’s archive has that address)', '2014.mdx', /"2014" is digits only: \/<edition>\/2014\/ is the address of the archive of the year 2014/, 'text-2014.mdx'],
		['is digits only', 'archive/20140227.mdx', /"20140227" is digits only/, 'text-20140227.mdx'],
		['is the search page', 'search.mdx', /"search" is the address of the site's own page \/<edition>\/search\//, 'search-text.mdx'],
	])('fails on a file name that %s, naming the file and a slug that works', (_what, entry, message, fix) => {
		expect(() => textId({ entry })).toThrow(message);
		expect(() => textId({ entry })).toThrow(expect.objectContaining({ hint: expect.stringContaining(`\`${fix}\``) }));
		expect(() => textId({ entry })).toThrow(new RegExp(`The file name of ${entry}`));
	});

	it.each(['2014-02-27', 'news-2014', '000-35ad70771f1f9fde', 'searching'])('takes %s, which has a letter or is no year', (slug) => {
		expect(textId({ entry: `${slug}.mdx` })).toBe(slug);
	});

});
