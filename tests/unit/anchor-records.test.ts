/**
 * Which anchor record is whose: records are found by the text's slug in any
 * folder, a renamed text by its words or by the slug its record was written
 * under; what belongs to no text is stale; what is ambiguous fails with the fix.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexRecords, refuseLostRecords, type EntryForRecords } from '../../src/paragraphs/anchor-record.ts';

const WORDS = {
	railway: ['南宁至深圳高速铁路今天全线开通运营。', '全线设站十八座，最高时速三百五十公里。'],
	harbour: ['港珠澳大桥今天通车，全长五十五公里。', '大桥连接香港、珠海和澳门三地。'],
};

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Record files: path → the slug written in it, its words, its former slugs. */
type Records = Record<string, [slug: string | undefined, words: string[], formerSlugs?: string[]]>;
/** Entries: path → words. */
type Entries = Record<string, string[]>;
type Pairing = Record<string, { found: string | null; file: string; formerSlugs: string[]; record: 'yes' | 'none' }>;

/** A content folder with record files and entries. */
function folder(records: Records, entries: Entries) {
	dir = mkdtempSync(join(tmpdir(), 'records-'));
	for (const [path, [slug, words, formerSlugs]] of Object.entries(records)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		const record = { ...(slug ? { slug } : {}), ...(formerSlugs ? { formerSlugs } : {}), next: words.length + 1, paragraphs: words.map((text, i) => ({ id: `p${i + 1}`, text })), aliases: {} };
		writeFileSync(join(dir, path), JSON.stringify(record));
	}
	const list: EntryForRecords[] = Object.entries(entries).map(([path, words]) => ({
		slug: path.replace(/^.*\//, '').replace(/\.mdx$/, ''),
		entry: join(dir, path),
		body: `---\ntitle: x\n---\n\n${words.join('\n\n')}\n`,
	}));
	return { list, dir };
}

/** Per slug: where its record is found (relative), where it belongs, its former slugs; and the stale records. */
function pairing(records: Records, entries: Entries) {
	const { list } = folder(records, entries);
	const index = indexRecords(list, dir);
	const rel = (path: string | undefined) => path && relative(dir, path);
	return {
		texts: Object.fromEntries([...index.texts].map(([slug, text]) => [slug, { found: rel(text.found) ?? null, file: rel(text.file), formerSlugs: text.formerSlugs, record: text.record ? 'yes' : 'none' }])),
		stale: index.stale.map((record) => rel(record.file)),
	};
}

describe('which anchor record is whose', () => {
	it.each<[string, Records, Entries, Pairing]>([
		[
			'a record beside its entry',
			{ 'railway.anchors.json': ['railway', WORDS.railway] },
			{ 'railway.mdx': WORDS.railway },
			{ railway: { found: null, file: 'railway.anchors.json', formerSlugs: [], record: 'yes' } },
		],
		[
			'a text moved into a sub-folder finds its record where it was',
			{ 'railway.anchors.json': ['railway', WORDS.railway] },
			{ '2024/railway.mdx': WORDS.railway },
			{ railway: { found: 'railway.anchors.json', file: '2024/railway.anchors.json', formerSlugs: [], record: 'yes' } },
		],
		[
			'a record written before records named their slug is found by its file name',
			{ 'railway.anchors.json': [undefined, WORDS.railway] },
			{ 'railway.mdx': WORDS.railway },
			{ railway: { found: null, file: 'railway.anchors.json', formerSlugs: [], record: 'yes' } },
		],
		[
			'a renamed text takes the record its words match, and keeps the old slug',
			{ 'railway.anchors.json': ['railway', WORDS.railway], 'harbour.anchors.json': ['harbour', WORDS.harbour] },
			{ 'nanning-shenzhen.mdx': WORDS.railway, 'harbour.mdx': WORDS.harbour },
			{
				'nanning-shenzhen': { found: 'railway.anchors.json', file: 'nanning-shenzhen.anchors.json', formerSlugs: ['railway'], record: 'yes' },
				harbour: { found: null, file: 'harbour.anchors.json', formerSlugs: [], record: 'yes' },
			},
		],
		[
			'a renamed text whose editor renamed its record too is known by the slug written in it',
			{ 'nanning-shenzhen.anchors.json': ['railway', WORDS.railway] },
			{ 'nanning-shenzhen.mdx': ['全然不同的文字，与原文无关。'] },
			{ 'nanning-shenzhen': { found: null, file: 'nanning-shenzhen.anchors.json', formerSlugs: ['railway'], record: 'yes' } },
		],
		[
			'a renamed back text drops its own slug from the old ones',
			{ 'nanning-shenzhen.anchors.json': ['nanning-shenzhen', WORDS.railway, ['railway']] },
			{ 'railway.mdx': WORDS.railway },
			{ railway: { found: 'nanning-shenzhen.anchors.json', file: 'railway.anchors.json', formerSlugs: ['nanning-shenzhen'], record: 'yes' } },
		],
		[
			'a new text whose words match no record starts afresh',
			{},
			{ 'railway.mdx': WORDS.railway },
			{ railway: { found: null, file: 'railway.anchors.json', formerSlugs: [], record: 'none' } },
		],
		[
			'two new texts with the same words as one lost record: neither takes it',
			{ 'railway.anchors.json': ['railway', WORDS.railway] },
			{ 'copy-one.mdx': WORDS.railway, 'copy-two.mdx': WORDS.railway },
			{
				'copy-one': { found: null, file: 'copy-one.anchors.json', formerSlugs: [], record: 'none' },
				'copy-two': { found: null, file: 'copy-two.anchors.json', formerSlugs: [], record: 'none' },
			},
		],
	])('%s', (_name, records, entries, expected) => {
		expect(pairing(records, entries).texts).toEqual(expected);
	});

	it('reports a record no text claims as stale', () => {
		expect(pairing({ 'railway.anchors.json': ['railway', WORDS.railway], 'gone.anchors.json': ['gone', WORDS.harbour] }, { 'railway.mdx': WORDS.railway }).stale).toEqual(['gone.anchors.json']);
	});

	it.each<[string, Records, Entries, RegExp]>([
		[
			'a text with two records',
			{ 'railway.anchors.json': ['railway', WORDS.railway], '2024/railway.anchors.json': ['railway', WORDS.railway] },
			{ '2024/railway.mdx': WORDS.railway },
			/The text "railway" .* has 2 anchor records: .*railway\.anchors\.json, .*railway\.anchors\.json\./,
		],
		[
			'an old address that is another text\'s address',
			{ 'nanning-shenzhen.anchors.json': ['nanning-shenzhen', WORDS.railway, ['harbour']], 'harbour.anchors.json': ['harbour', WORDS.harbour] },
			{ 'nanning-shenzhen.mdx': WORDS.railway, 'harbour.mdx': WORDS.harbour },
			/The slug "harbour" is .*harbour\.mdx's, but it was also "nanning-shenzhen"'s .* before a rename/,
		],
		[
			'an old address that is a year\'s archive (a slug of digits alone, allowed before the archive)',
			{ 'railway.anchors.json': ['railway', WORDS.railway, ['2014']] },
			{ 'railway.mdx': WORDS.railway },
			/The text "railway" .* was once "2014", but its old address cannot redirect to it: "2014" is digits only: \/<edition>\/2014\/ is the address of the archive of the year 2014\./,
		],
		[
			'a renamed text whose old address is the search page',
			{ 'search.anchors.json': ['search', WORDS.railway] },
			{ 'railway.mdx': WORDS.railway },
			/The text "railway" .* was once "search", but its old address cannot redirect to it: "search" is the address of the site's own page/,
		],
	])('fails on %s, saying what to do', (_name, records, entries, message) => {
		const { list } = folder(records, entries);
		expect(() => indexRecords(list, dir)).toThrow(message);
	});

	it.each<[string, Records, string]>([
		['kept in formerSlugs', { 'railway.anchors.json': ['railway', WORDS.railway, ['2014']] }, 'remove "2014" from formerSlugs; links published to /…/2014/ cannot be kept.'],
		['the slug the record was written under', { '2014.anchors.json': ['2014', WORDS.railway] }, 'remove "2014" from formerSlugs and set "slug" to "railway"; links published to /…/2014/ cannot be kept.'],
	])('names the record to mend when an old address that cannot redirect is %s', (_name, records, hint) => {
		const { list } = folder(records, { 'railway.mdx': WORDS.railway });
		expect(() => indexRecords(list, dir)).toThrow(expect.objectContaining({ hint: expect.stringMatching(/^In .*\.anchors\.json, /) }));
		expect(() => indexRecords(list, dir)).toThrow(expect.objectContaining({ hint: expect.stringContaining(hint) }));
	});
});

describe('a record git has but the content folder lost', () => {
	const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, encoding: 'utf8' });
	/** A folder in git: railway's entry and record committed, harbour's entry new; then `lose` runs. */
	function committed(lose: () => void) {
		const { list } = folder({ 'news/railway.anchors.json': ['railway', WORDS.railway] }, { 'news/railway.mdx': WORDS.railway });
		git('init', '-q');
		git('add', '-A');
		git('commit', '-qm', 'railway');
		writeFileSync(join(dir, 'harbour.mdx'), WORDS.harbour.join('\n\n'));
		lose();
		return [...list, { slug: 'harbour', entry: join(dir, 'harbour.mdx'), body: WORDS.harbour.join('\n\n') }];
	}
	const record = () => join(dir, 'news/railway.anchors.json');
	const shownRecord = () => relative(process.cwd(), record());
	const hintOf = (run: () => void): string => {
		try {
			run();
		} catch (error) {
			return (error as { hint: string }).hint;
		}
		throw new Error('it did not fail');
	};
	afterEach(() => delete process.env.FANJIAN_CONFIRM_ANCHORS);

	it('fails on a record deleted in the working tree, naming the command that restores it', () => {
		const list = committed(() => rmSync(record()));
		const run = () => refuseLostRecords(indexRecords(list, dir), dir);
		expect(run).toThrow(/A text has no anchor record, but git has one: .*news\/railway\.mdx .*the links already published to \/…\/<slug>\/#pN would land on other words/);
		expect(hintOf(run)).toContain(`git checkout HEAD -- ${shownRecord()}.`);
		git('checkout', 'HEAD', '--', 'news/railway.anchors.json');
		expect(() => refuseLostRecords(indexRecords(list, dir), dir)).not.toThrow();
	});

	it('fails on a record whose deletion was committed, restoring it from the commit before', () => {
		const list = committed(() => {
			git('rm', '-q', 'news/railway.anchors.json');
			git('commit', '-qm', 'lost');
		});
		const run = () => refuseLostRecords(indexRecords(list, dir), dir);
		const from = /git checkout (\S+\^) -- /.exec(hintOf(run))?.[1];
		expect(from).toBe(`${git('log', '-1', '--format=%h').trim()}^`);
		git('checkout', from!, '--', 'news/railway.anchors.json');
		expect(existsSync(record())).toBe(true);
		expect(() => refuseLostRecords(indexRecords(list, dir), dir)).not.toThrow();
	});

	it('numbers the text afresh only when the editor confirms it by its slug', () => {
		const list = committed(() => rmSync(record()));
		const run = () => refuseLostRecords(indexRecords(list, dir), dir);
		expect(hintOf(run)).toContain('npm run anchors -- --confirm railway');
		process.env.FANJIAN_CONFIRM_ANCHORS = 'all';
		expect(run).toThrow(/no anchor record, but git has one/);
		process.env.FANJIAN_CONFIRM_ANCHORS = 'harbour,railway';
		expect(run).not.toThrow();
	});

	it('lets a new text (never in git) and a folder outside git build as before', () => {
		expect(() => refuseLostRecords(indexRecords(committed(() => {}), dir), dir)).not.toThrow();
		const { list } = folder({}, { 'railway.mdx': WORDS.railway });
		expect(() => refuseLostRecords(indexRecords(list, dir), dir)).not.toThrow();
	});
});
