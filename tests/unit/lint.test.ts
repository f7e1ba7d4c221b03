/**
 * The mixed-script lint (research/opencc.md) on hand-made cases, on the raw
 * seed, on every committed entry and on every edition of every entry, and
 * `npm run lint:content` itself. Real OpenCC dictionaries throughout.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editionConverter } from '../../src/convert/edition-text.ts';
import { glossary } from '../../src/convert/glossary.ts';
import { openccConverter } from '../../src/convert/opencc.ts';
import { EDITIONS, type StorageScript } from '../../src/editions.ts';
import { importText } from '../../src/import/entry.ts';
import { lintEntry, pinnedPassages, readEntry } from '../../src/lint/entries.ts';
import { lintScript, type DeclaredScript } from '../../src/lint/mixed-script.ts';
import { entrySchema } from '../../src/schemas/entry.ts';
import { checkTextMarkup } from '../../src/texts/markup.ts';

const summary = (text: string, script: DeclaredScript) => lintScript(text, script).map((f) => `${f.level} ${f.found}→${f.expected}@${f.offset}`);

describe('the rule', () => {
	describe.each([
		['tw', '會議并發表', ['ERROR 并→並@2']],
		['tw', '牽一發而動全身', ['WARN 發→髮@2']],
		['tw', '加強網絡和信息系統建設的關系', ['WARN 系→係@13']],
		['tw', '人民群眾', []],
		['tw', '決定著發展水平', []],
		['tw', '裏面', ['INFO 裏→裡@0']],
		['hk', '衛生', ['INFO 衛→衞@0']],
		['hk', '會議并發表', ['ERROR 并→並@2']],
		['t', '爲人民服務', []],
		['cn', '会议並发表', ['ERROR 並→并@2']],
		['cn', '乾燥的乾坤', ['WARN 乾→干@0']],
		['cn', '决定着发展水平', []],
	] as const)('declared %s: %s', (script, text, expected) => {
		it(expected.length ? `reports ${expected.join(', ')}` : 'reports nothing', () => {
			expect(summary(text, script)).toEqual(expected);
		});
	});

	it('does not flag the Taiwan form 群, which a naive s2t(c) ≠ c rule would', () => {
		expect(openccConverter('cn', 't')('群')).not.toBe('群');
		expect(lintScript('群', 'tw')).toEqual([]);
	});

	it('reports the offset in UTF-16 units past astral characters', () => {
		expect(summary('𠮷并', 'tw')).toEqual(['ERROR 并→並@2']);
	});

	it('keeps the places of one line when another line changes length', () => {
		expect(summary('并\n并', 'tw')).toEqual(['ERROR 并→並@0', 'ERROR 并→並@2']);
	});
});

describe('the raw seed, declared tw', () => {
	const raw = readFileSync('tests/fixtures/import/000_35ad70771f1f9fde.txt', 'utf8');
	const { report } = importText(raw, { file: 'seed.txt', title: '标题', date: '2014-02-27', publisher: '新华社', from: 'tw', store: 'zh-Hans' });
	const lines = raw.split('\n');
	const at = (line: number, column: number) => [...lines[line - 1]!][column - 1];

	it('has exactly 3 ERRORs and 8 WARNs and nothing else', () => {
		expect(report.received.filter((f) => f.level === 'ERROR')).toHaveLength(3);
		expect(report.received.filter((f) => f.level === 'WARN')).toHaveLength(8);
		expect(report.received).toHaveLength(11);
	});

	// Line and column in the raw file, pinyin annotations and all.
	it.each([
		['ERROR', '并', 1, 118, '並'],
		['WARN', '布', 1, 243, '佈'],
		['WARN', '云', 2, 62, '雲'],
		['ERROR', '并', 3, 154, '並'],
		['WARN', '后', 4, 331, '後'],
		['WARN', '發', 5, 62, '髮'],
		['WARN', '系', 5, 271, '係'],
		['ERROR', '并', 5, 293, '並'],
		['WARN', '志', 7, 129, '誌'],
		['WARN', '采', 7, 234, '採'],
		['WARN', '斗', 8, 312, '鬥'],
	])('reports %s %s at line %i, column %i of the raw file (write %s)', (level, char, line, column, expected) => {
		expect(at(line, column)).toBe(char);
		const finding = report.received.find((f) => f.line === line && f.column === column);
		expect(finding).toMatchObject({ level });
		expect(finding!.reason).toContain(`write ${expected}`);
	});

	it('leaves nothing to check once stored as zh-Hans', () => {
		expect(report.stored).toEqual([]);
	});
});

/** Every committed entry, read as the lint reads it. */
const entries = readdirSync('content', { recursive: true, withFileTypes: true })
	.filter((file) => file.isFile() && file.name.endsWith('.mdx'))
	.map((file) => readEntry(join(file.parentPath, file.name), readFileSync(join(file.parentPath, file.name), 'utf8')));

describe('committed entries', () => {
	it('there is at least the seed', () => {
		expect(entries.map((entry) => entry.file)).toContain('content/cyberspace-leading-group-2014.mdx');
	});

	it('would fail on a simplified entry read as traditional (the checks below can fail)', () => {
		const seed = entries.find((entry) => entry.data.script === 'zh-Hans')!;
		expect(lintEntry(seed, { script: 'tw', convert: (text) => text }).filter((f) => f.level === 'ERROR').length).toBeGreaterThan(100);
	});

	it.each(entries.map((entry) => [entry.file, entry]))('%s has no ERROR in its declared script', (_file, entry) => {
		const pinned = pinnedPassages([...entry.data.terms, ...glossary()], entry.data.script);
		expect(lintEntry(entry, { pinned }).filter((f) => f.level === 'ERROR')).toEqual([]);
	});

	describe.each(EDITIONS.map((edition) => [edition.lang, edition]))('in the %s edition', (_lang, edition) => {
		it.each(entries.map((entry) => [entry.file, entry]))('%s has no ERROR', (file, entry) => {
			const convert = editionConverter(entry.data.script as StorageScript, edition, entry.data.terms, file);
			if (edition.lang !== entry.data.script) expect(convert(entry.body)).not.toBe(entry.body);
			const pinned = pinnedPassages([...entry.data.terms, ...glossary()], edition.lang);
			expect(lintEntry(entry, { script: edition.opencc, convert, pinned }).filter((f) => f.level === 'ERROR')).toEqual([]);
		});
	});
});

const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A content folder with the given entries. */
function contentWith(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'fanjian-lint-'));
	dirs.push(dir);
	for (const [name, source] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), source);
	}
	return dir;
}

/** An entry's source; title and publisher are written in its script. */
const entry = (script: string, body: string, extra = '') => {
	const [title, publisher] = script === 'zh-Hans' ? ['标题', '新华社'] : ['標題', '新華社'];
	return `---\ntitle: "${title}"\ndate: 2014-02-27\npublisher: "${publisher}"\nscript: ${script}\n${extra}---\n\n${body}\n`;
};

describe('an entry', () => {
	const lint = (source: string) => lintEntry(readEntry('x.mdx', source));

	it('is placed by paragraph and column, and by line in the file', () => {
		const [finding] = lint(entry('zh-Hant', '第一段。\n\n會議并發表講話。'));
		expect(finding).toMatchObject({ level: 'ERROR', found: '并', paragraph: 2, column: 3, line: 10 });
	});

	it('counts a paragraph wrapped over two lines as one', () => {
		const [finding] = lint(entry('zh-Hant', '第一段，\n接著寫。\n\n會議并發表。'));
		expect(finding).toMatchObject({ paragraph: 2, column: 3, line: 11 });
	});

	it('numbers only what the site numbers: headings, lists, quotations and tables are not paragraphs', () => {
		const body = [
			'## 小標并', // heading
			'甲段并。', // ¶1
			'- 列表并\n- 列表二', // list
			'> 引文并\n>\n> 引文二', // quotation holding two paragraphs
			'乙段，\n接著寫并。', // ¶2, over two lines
			'| 表并 | 二 |\n|---|---|\n| 三 | 四 |', // table
			'<p>丙段并</p>', // ¶3, written as JSX
			'<div>\n\n丁段并\n\n</div>', // a paragraph inside a <div>: not top-level
			'戊段并。', // ¶4
		].join('\n\n');
		expect(lint(entry('zh-Hant', body)).map((f) => [f.line, f.paragraph, f.block, f.column])).toEqual([
			[8, 0, 'heading', 6],
			[10, 1, undefined, 3],
			[12, 0, 'list', 5],
			[15, 0, 'quote', 5],
			[20, 2, undefined, 8],
			[22, 0, 'table', 4],
			[26, 3, undefined, 6],
			[30, 0, '<div>', 3],
			[34, 4, undefined, 3],
		]);
	});

	it('reports MDX the site could not read, at its line and column', () => {
		expect(() => lint(entry('zh-Hant', '第一段。\n\n第二段 {沒有關上。'))).toThrow(/^x\.mdx:10:5: the text is not valid MDX: /);
	});

	it('lints the title, naming the field', () => {
		const [finding] = lint(entry('zh-Hant', '正文。').replace('"標題"', '"會議并發表"'));
		expect(finding).toMatchObject({ level: 'ERROR', field: 'title', paragraph: 0, column: 3, line: 2 });
	});

	it('skips code and passages marked not to convert, as the site does', () => {
		expect(lint(entry('zh-Hant', '正文 `并` <span data-no-convert>并</span> <b translate="no">并</b>。'))).toEqual([]);
		expect(lint(entry('zh-Hant', '正文 <span>并</span>。'))).toHaveLength(1);
	});

	it('skips URLs, which the site keeps as written in every edition', () => {
		const body = '網络：見 https://zh.wikipedia.org/wiki/网络 與[條目](https://zh.wikipedia.org/wiki/网络)。';
		expect(lint(entry('zh-Hant', body)).map((f) => [f.found, f.column])).toEqual([['络', 2]]);
	});

	it('marks a WARN acknowledged when a listed passage covers it, and only then', () => {
		const findings = lint(entry('zh-Hant', '總體布局，布告。', 'lint: { acknowledge: ["總體布局"] }\n'));
		expect(findings.map((f) => [f.found, f.column, f.acknowledged])).toEqual([
			['布', 3, true],
			['布', 6, false],
		]);
	});

	it('skips passages pinned by terms or the glossary: the author decided them', () => {
		const source = entry('zh-Hans', '台湾《聯合報》报道。');
		expect(lintEntry(readEntry('x.mdx', source)).map((f) => f.found)).toEqual(['聯', '報']);
		expect(lintEntry(readEntry('x.mdx', source), { pinned: pinnedPassages([{ 'zh-Hans': '聯合報', 'zh-Hant': '聯合報' }], 'zh-Hans') })).toEqual([]);
	});

	it('never acknowledges an ERROR', () => {
		const [finding] = lint(entry('zh-Hant', '會議并發表。', 'lint: { acknowledge: ["會議并發表"] }\n'));
		expect(finding).toMatchObject({ level: 'ERROR', acknowledged: false });
	});

	it('refuses a frontmatter the build would refuse, saying how to fix it', () => {
		expect(() => lint(entry('zh-CN', '正文。'))).toThrow(/x\.mdx:5: frontmatter script: "zh-CN" is not a script this site stores/);
	});

	it('names the line and the fix of frontmatter YAML cannot read', () => {
		expect(() => lint(entry('zh-Hans', '正文。').replace('title: "标题"', 'title: 标题: 副题'))).toThrow(
			expect.objectContaining({ message: expect.stringMatching(/^x\.mdx:2:10: the frontmatter is not valid YAML: the value of title holds ": "/), hint: expect.stringContaining('Put the value in double quotes: title: "标题: 副题"') }),
		);
		expect(() => lint(entry('zh-Hans', '正文。').replace('title: "标题"', 'title: "标题'))).toThrow(/^x\.mdx:2:8: the frontmatter is not valid YAML: a quotation mark \(\"\) is opened and never closed\./);
	});

	it('names the line of a field it does not know, and of a date the calendar lacks', () => {
		expect(() => lint(entry('zh-Hans', '正文。', 'sumary: 一句话\n'))).toThrow(/x\.mdx:6: frontmatter: A field this site does not know: `sumary:` \(did you mean `summary:`\?\)/);
		expect(() => lint(entry('zh-Hans', '正文。').replace('date: 2014-02-27', 'date: 2014-13-40'))).toThrow(/x\.mdx:3: "2014-13-40" is not a date \(2014 has no 13\/40\)/);
	});

	it.each([
		[{ acknowledge: ['总体布局'] }, undefined],
		[{ acknowledge: '总体布局' }, 'lint.acknowledge: lint takes a list of passages whose WARNs you checked: `lint: { acknowledge: ["總體布局"] }`.'],
		[{ acknowledge: [' '] }, 'lint.acknowledge.0: An acknowledged passage is empty: write the words around the character, for example `總體布局`.'],
		[{ ignore: ['布'] }, 'lint: lint knows only `acknowledge`, not `ignore`: lint takes a list of passages whose WARNs you checked: `lint: { acknowledge: ["總體布局"] }`.'],
	])('frontmatter lint: %j → %s', (lint, message) => {
		const result = entrySchema.safeParse({ title: '标题', date: '2014-02-27', publisher: '新华社', script: 'zh-Hant', lint });
		const issue = result.error?.issues.at(-1);
		expect(issue && `${issue.path.join('.')}: ${issue.message}`).toBe(message);
	});
});

describe('npm run lint:content', () => {
	const run = (args: string[], env: Record<string, string> = {}) =>
		spawnSync(process.execPath, ['scripts/lint-content.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

	it('passes on the committed content', () => {
		const out = execFileSync(process.execPath, ['scripts/lint-content.ts'], { encoding: 'utf8' });
		expect(out).toMatch(/lint:content: \d+ entr(y|ies), 0 ERROR/);
	});

	it('fails on an ERROR, naming file, line, paragraph, column and the fix', () => {
		const dir = contentWith({ 'bad.mdx': entry('zh-Hant', '會議并發表。') });
		const result = run([], { FANJIAN_CONTENT: dir });
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('bad.mdx:8  ERROR  ¶1:3');
		expect(result.stdout).toContain('write 並');
		expect(result.stdout).toContain('1 ERROR');
	});

	it('passes on a WARN, and with --strict only when it is acknowledged', () => {
		const open = contentWith({ 'warn.mdx': entry('zh-Hant', '總體布局。') });
		expect(run(['--content', open]).status).toBe(0);
		expect(run(['--content', open, '--strict']).status).toBe(1);
		const acknowledged = contentWith({ 'warn.mdx': entry('zh-Hant', '總體布局。', 'lint: { acknowledge: ["總體布局"] }\n') });
		const result = run(['--content', acknowledged, '--strict']);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('WARN (acknowledged)');
	});

	it('shows with --strict --quiet the WARN that fails it, and names an acknowledgement whose words are gone', () => {
		const open = contentWith({ 'warn.mdx': entry('zh-Hant', '總體布局。') });
		const quiet = run(['--content', open, '--strict', '--quiet']);
		expect(quiet.status).toBe(1);
		expect(quiet.stdout).toMatch(/warn\.mdx:8 {2}WARN {2}¶1:3 /);
		expect(run(['--content', open, '--quiet']).stdout).not.toContain('WARN  ');
		const stale = contentWith({ 'stale.mdx': entry('zh-Hant', '總體佈局。', 'lint: { acknowledge: ["總體布局"] }\n') });
		const result = run(['--content', stale]);
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/stale\.mdx:6 {2}INFO {2}lint\.acknowledge: "總體布局" is not in the text: remove it from the list\./);
	});

	it('refuses --strict or --quiet with --choices, which they do not change', () => {
		const result = run(['--choices', 'cyberspace-leading-group-2014', '--strict']);
		expect(result.status).toBe(2);
		expect(result.stderr.split('\n')[0]).toBe('error: --choices lists the choices of one text: --strict and --quiet are for the lint, not with it.');
	});

	it('finds every { } < > [ ] MDX would not publish as written, before any build', () => {
		const dir = contentWith({ 'markup.mdx': entry('zh-Hans', '该负责人[1]{1}表示。\n\n{编者}按：增速<15%。\n\n[链接](https://x.cn)、*强调*、<span data-no-convert>并</span>、\\{转义\\}、{/* 注 */}。') });
		const result = run(['--content', dir]);
		expect(result.status).toBe(1);
		const errors = result.stdout.split('\n').filter((line) => line.includes('  ERROR  '));
		expect(errors.map((line) => line.slice(line.indexOf('markup.mdx'), line.indexOf('  ERROR  ')))).toEqual([
			'markup.mdx:8:5',
			'markup.mdx:8:7',
			'markup.mdx:8:8',
			'markup.mdx:10:1',
			'markup.mdx:10:9',
		]);
		expect(result.stdout).toContain('write it escaped: \\< (as in {编者}按：增速\\<15%。)');
		expect(result.stdout).toContain('5 ERROR');
	});

	it('refuses what the build refuses in a file name or a body: a slug taken twice, a name that is no slug, an empty text', () => {
		const dir = contentWith({
			'a/same.mdx': entry('zh-Hans', '正文。'),
			'b/same.mdx': entry('zh-Hans', '正文二。'),
			'Bad_Name.mdx': entry('zh-Hans', '正文。'),
			'empty.mdx': entry('zh-Hans', '{/* 待补 */}\n'),
			'new.mdx': '',
		});
		const result = run(['--content', dir]);
		expect(result.status).toBe(1);
		const at = `${relative(process.cwd(), dir)}/`;
		const errors = result.stdout.split('\n').filter((line) => line.includes('ERROR  ')).map((line) => line.split(at).join(''));
		expect(errors).toEqual([
			expect.stringMatching(/^Bad_Name\.mdx:1:1 {2}ERROR {2}the file name cannot be the text's URL slug: "Bad_Name" is not lower-case ASCII words joined by hyphens\. Rename it, for example bad-name\.mdx\.$/),
			'a/same.mdx:1:1  ERROR  b/same.mdx has the same slug, "same": each text needs its own URL. Rename one of them.',
			'b/same.mdx:1:1  ERROR  a/same.mdx has the same slug, "same": each text needs its own URL. Rename one of them.',
			expect.stringMatching(/^empty\.mdx:7 {2}ERROR {2}the text has no words: nothing after its frontmatter would be published, an empty page\. Write its paragraphs/),
			expect.stringMatching(/^new\.mdx:1 {2}ERROR {2}the file is empty: it has neither a frontmatter nor a text\. Write its frontmatter/),
		]);
		expect(() => checkTextMarkup('empty.mdx', entry('zh-Hans', '\n'))).toThrow(/^empty\.mdx:7: the text has no words/);
		expect(() => checkTextMarkup('new.mdx', ' \n')).toThrow(/^new\.mdx:1: the file is empty/);
		expect(() => checkTextMarkup('full.mdx', entry('zh-Hans', '正文。'))).not.toThrow();
	});

	it('says what to do about an entry it cannot read', () => {
		const dir = contentWith({ 'broken.mdx': entry('zh-Hant', '正文。').replace('date: 2014-02-27', 'date: 27/02/2014') });
		const result = run(['--content', dir]);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/error: .*broken\.mdx:3: frontmatter date: "27\/02\/2014" is not a date\. Write the publication date as YYYY-MM-DD/);
	});
});
