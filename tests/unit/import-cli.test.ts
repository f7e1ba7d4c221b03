/**
 * `npm run import` as editors run it: the real CLI in a child process,
 * writing into a temporary content folder (`--content`).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SEED_FILE = '000_35ad70771f1f9fde.txt';
const SEED = readFileSync(`tests/fixtures/import/${SEED_FILE}`);
const SEED_ENTRY = readFileSync('content/cyberspace-leading-group-2014.mdx', 'utf8');
const SEED_ARGS = ['--slug', 'cyberspace-leading-group-2014', '--title', '习近平主持召开中央网络安全和信息化领导小组第一次会议', '--date', '2014-02-27', '--publisher', '新华社', '--from', 'tw', '--store', 'zh-Hans'];
const SIMPLE_ARGS = ['--slug', 'text', '--title', '标题', '--date', '2014-02-27', '--publisher', '新华社'];

const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder holding `name` with the given bytes, and an empty content folder beside it. */
function workspace(name: string, bytes: Uint8Array | string) {
	const dir = mkdtempSync(join(tmpdir(), 'fanjian-import-'));
	dirs.push(dir);
	const file = join(dir, name);
	writeFileSync(file, bytes);
	const content = join(dir, 'content');
	mkdirSync(content);
	return { file, content };
}

function runImport(file: string, content: string, args: string[]) {
	const result = spawnSync(process.execPath, ['scripts/import.ts', file, ...args, '--content', content], { encoding: 'utf8' });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr, written: readdirSync(content) };
}

/** The body of an entry: everything after the frontmatter. */
const body = (mdx: string) => mdx.slice(mdx.indexOf('\n---\n', 4) + 5);

describe('importing the seed', () => {
	it('reproduces content/cyberspace-leading-group-2014.mdx byte for byte', () => {
		const { file, content } = workspace(SEED_FILE, SEED);
		const result = runImport(file, content, SEED_ARGS);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.written).toEqual(['cyberspace-leading-group-2014.mdx']);
		expect(readFileSync(join(content, 'cyberspace-leading-group-2014.mdx'), 'utf8')).toBe(SEED_ENTRY);
	});

	it('reports what it changed, and the wrong characters of the copy at their line and column', () => {
		const { file, content } = workspace(SEED_FILE, SEED);
		const { stdout } = runImport(file, content, SEED_ARGS);
		expect(stdout).toContain('12 paragraphs');
		expect(stdout).toContain('pinyin annotations removed: 265');
		expect(stdout).toContain('ASCII punctuation folded to full width: 74');
		expect(stdout).toContain(`${file}:1:118  一次會議并發(fā  ERROR  并 is never written in Taiwan traditional (tw) text: write 並.`);
		expect(stdout).not.toContain('Check these');
	});

	describe.each([
		['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), SEED])],
		['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED.toString('utf8'), 'utf16le')])],
		['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(SEED.toString('utf8'), 'utf16le').swap16()])],
	])('saved as %s', (encoding, bytes) => {
		it('gives the same entry, recording how the file was read and the hash of its bytes', () => {
			const { file, content } = workspace(SEED_FILE, bytes);
			const result = runImport(file, content, SEED_ARGS);
			expect(result.status).toBe(0);
			const mdx = readFileSync(join(content, 'cyberspace-leading-group-2014.mdx'), 'utf8');
			const label = { 'UTF-8 with a BOM': 'UTF-8 (BOM)', 'UTF-16LE with a BOM': 'UTF-16LE', 'UTF-16BE with a BOM': 'UTF-16BE' }[encoding]!;
			expect(mdx).toContain(`  encoding: ${label}\n  sha256: ${createHash('sha256').update(bytes).digest('hex')}\n`);
			const unrecorded = (entry: string) => entry.replace(/\n  (encoding|sha256|imported): .*/g, '');
			expect(unrecorded(mdx)).toBe(unrecorded(SEED_ENTRY));
		});
	});

	it('with Windows line ends gives the same text and records the whitespace step', () => {
		const { file, content } = workspace(SEED_FILE, SEED.toString('utf8').replace(/\n/g, '\r\n'));
		expect(runImport(file, content, SEED_ARGS).status).toBe(0);
		const mdx = readFileSync(join(content, 'cyberspace-leading-group-2014.mdx'), 'utf8');
		expect(body(mdx)).toBe(body(SEED_ENTRY));
		expect(mdx).toContain('"lines with whitespace normalised: 11"');
	});
});

describe('a slug another text has', () => {
	it('is refused when an entry of that name is in another folder, or a renamed text had it, writing nothing', () => {
		const { file, content } = workspace('text.txt', '网络安全和信息化。');
		mkdirSync(join(content, '2015'));
		writeFileSync(join(content, '2015', 'text.mdx'), '---\ntitle: 旧\n---\n\n旧文。\n');
		const inFolder = runImport(file, content, SIMPLE_ARGS);
		expect(inFolder.status).toBe(1);
		expect(inFolder.stderr).toMatch(/error: The slug "text" is taken: .*2015\/text\.mdx is a text with that name, and two texts cannot share one URL\.\nhint: Choose another --slug\. To replace that text, import into its folder: --content .*2015 --force\.\nNothing was written\./);
		expect(inFolder.written).toEqual(['2015']);

		rmSync(join(content, '2015'), { recursive: true });
		writeFileSync(join(content, 'railway.anchors.json'), JSON.stringify({ slug: 'railway', formerSlugs: ['text'], next: 2, paragraphs: [{ id: 'p1', text: '铁路。' }], aliases: {} }));
		const renamed = runImport(file, content, SIMPLE_ARGS);
		expect(renamed.status).toBe(1);
		expect(renamed.stderr).toMatch(/error: The slug "text" was the address of "railway" before a rename \(.*railway\.anchors\.json\): links published to \/…\/text\/ redirect there\.\nhint: Choose another --slug\./);
		expect(renamed.written).toEqual(['railway.anchors.json']);
	});

	it('is explained when the file name gives none', () => {
		const { file, content } = workspace('网络安全.txt', '网络安全和信息化。');
		const result = runImport(file, content, SIMPLE_ARGS.slice(2));
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/error: The file name 网络安全\.txt gives no slug, and the slug cannot name a text: .*\nhint: Give one with --slug, for example --slug /);
	});
});

describe('an existing entry', () => {
	it('is kept unless --force is given, and replaced with it when nobody edited it since its import', () => {
		const { file, content } = workspace('text.txt', '网络安全和信息化。');
		expect(runImport(file, content, SIMPLE_ARGS).status).toBe(0);
		writeFileSync(file, '没有网络安全就没有国家安全。');

		const refused = runImport(file, content, SIMPLE_ARGS);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(/error: .*text\.mdx already exists\.\nhint: Choose another --slug, or add --force to replace the entry\.\nNothing was written\./);
		expect(readFileSync(join(content, 'text.mdx'), 'utf8')).toContain('网络安全和信息化。');

		expect(runImport(file, content, [...SIMPLE_ARGS, '--force']).status).toBe(0);
		expect(readFileSync(join(content, 'text.mdx'), 'utf8')).toContain('没有网络安全就没有国家安全。');
		expect(readdirSync(content)).toEqual(['text.mdx']);
	});

	it.each([
		['edited since its import', (mdx: string) => mdx.replace('网络安全和信息化。', '网络安全和信息化，一体之两翼。'), /error: .*text\.mdx was edited since it was imported: replacing it would discard those edits\.\nhint: .*To replace the entry and lose the edits, give --force twice\./],
		['written by hand', () => '---\ntitle: "标题"\ndate: 2014-02-27\npublisher: "新华社"\nscript: zh-Hans\n---\n\n网络安全和信息化。\n', /error: .*text\.mdx does not record what the import wrote .*\nhint: To replace the entry anyway, give --force twice/],
	])('%s: --force refuses to discard the edits; --force twice replaces it', (_case, edit, message) => {
		const { file, content } = workspace('text.txt', '网络安全和信息化。');
		expect(runImport(file, content, SIMPLE_ARGS).status).toBe(0);
		const entry = join(content, 'text.mdx');
		const edited = edit(readFileSync(entry, 'utf8'));
		writeFileSync(entry, edited);
		writeFileSync(file, '没有网络安全就没有国家安全。');

		const refused = runImport(file, content, [...SIMPLE_ARGS, '--force']);
		expect(refused.stderr).toMatch(message);
		expect(refused.status).toBe(1);
		expect(readFileSync(entry, 'utf8')).toBe(edited);

		expect(runImport(file, content, [...SIMPLE_ARGS, '--force', '--force']).status).toBe(0);
		expect(readFileSync(entry, 'utf8')).toContain('没有网络安全就没有国家安全。');
	});
});

describe('texts from Hong Kong and the mainland in their legacy encodings (fixtures made with iconv)', () => {
	const HK_ARGS = ['--slug', 'text', '--title', '東鐵綫過海段下月通車', '--date', '2024-03-01', '--publisher', '本報', '--from', 'hk', '--store', 'zh-HK', '--encoding', 'big5'];
	const CN_ARGS = [...SIMPLE_ARGS, '--encoding', 'gb18030'];

	it.each([
		[
			'a Big5-HKSCS file, Hong Kong characters and all',
			'hk-railway.big5.txt',
			HK_ARGS,
			'read as Big5-HKSCS: 4 characters from the Hong Kong supplement (HKSCS): 綫 𨋢 哋',
			'Big5-HKSCS',
			[
				'本報訊 港鐵公司昨日宣布，東鐵綫過海段下月通車，沿綫各站的𨋢已完成檢查。',
				'（記者 陳大文）港鐵發言人話：「我哋會盡快完成餘下工程，唔會影響市民出行。」',
				'詳情可瀏覽 https\\://www\\.mtr.com.hk ，查閱最新行車時間。',
			],
		],
		[
			'a GB18030 file with a four-byte character',
			'cn-industry.gb18030.txt',
			CN_ARGS,
			'read as GB18030-2022',
			'GB18030-2022',
			[
				'新华社北京3月1日电 工业和信息化部今天发布通知，要求加快铁路沿线5G网络建设。',
				'（记者 李明）通知指出，到年底实现高速铁路沿线网络全覆盖，详见 https\\://www\\.miit.gov.cn ，欢迎查阅。',
				'该负责人\\[1\\]表示，\\{编者\\}按：增速\\<15%的地区要加大投入，㐀字为四字节编码。',
			],
		],
	])('%s: every character decoded, the dateline and byline spaces kept, no URL glued to the text', (_case, fixture, args, says, encoding, paragraphs) => {
		const bytes = readFileSync(`tests/fixtures/import/${fixture}`);
		const { file, content } = workspace(fixture, bytes);
		const result = runImport(file, content, args);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain(says);
		const mdx = readFileSync(join(content, 'text.mdx'), 'utf8');
		expect(mdx).toContain(`  encoding: ${encoding}\n  sha256: ${createHash('sha256').update(bytes).digest('hex')}\n`);
		expect(body(mdx)).toBe(`\n${paragraphs.join('\n\n')}\n`);
		expect(mdx).not.toMatch(/[\p{Co}\p{Cn}\ufffd]/u);
	});

	it.each([
		[
			'a Big5-HKSCS character a Windows converter put in the private use area',
			'東鐵\u{E357}過海段\n',
			[],
			'input.txt:1:3  U+E357  U+E357 is how Windows\' Big5 (code page 950) writes the Hong Kong character 綫 (Big5-HKSCS 8E A8): the text went through a converter without HKSCS; write 綫, or import the original Big5 file with --encoding big5.',
		],
		[
			'a GB18030 character still mapped to the private use area',
			Buffer.concat([Buffer.from('c4e3bac3', 'hex'), Buffer.from([0xfe, 0x51]), Buffer.from('0ac4e3bac3', 'hex')]),
			['--encoding', 'gb18030'],
			'input.txt:1:3  U+E816  GB18030 puts 𠂇 (U+20087) at U+E816 in the private use area: write 𠂇.',
		],
		[
			'a character from GB18030\'s user-defined area',
			Buffer.concat([Buffer.from('c4e3bac3', 'hex'), Buffer.from([0xaa, 0xa1])]),
			['--encoding', 'gb18030'],
			"input.txt:1:3  U+E000  U+E000 comes from GB18030's user-defined area: a character only the sender's font has; ask for the text in UTF-8, or write the character it shows.",
		],
		[
			'a character an earlier conversion lost (U+FFFD)',
			'第一行。\n网络\ufffd安全\n',
			[],
			'input.txt:2:3  U+FFFD  U+FFFD marks a character an earlier conversion could not read: the character is lost in this copy; find it in the original.',
		],
		[
			'an unassigned code point',
			'网络\u{2FFFF}安全',
			[],
			'input.txt:1:3  U+2FFFF  U+2FFFF is not a character (unassigned in Unicode): the file is damaged or was converted wrongly.',
		],
	])('refuses %s, naming its place and the likely cause', (_case, bytes, extra, place) => {
		const { file, content } = workspace('input.txt', bytes);
		const result = runImport(file, content, [...SIMPLE_ARGS, ...extra]);
		expect(result.stderr).toContain('holds 1 character no reader can see:\n');
		expect(result.stderr).toContain(`${file.slice(0, -'input.txt'.length)}${place}`);
		expect(result.status).toBe(1);
		expect(result.written).toEqual([]);
	});
});

/** 没有网络安全就没有国家安全，没有信息化就没有现代化。 in GB18030, byte by byte. */
const GB18030 = Uint8Array.from([
	0xc3, 0xbb, 0xd3, 0xd0, 0xcd, 0xf8, 0xc2, 0xe7, 0xb0, 0xb2, 0xc8, 0xab, 0xbe, 0xcd, 0xc3, 0xbb, 0xd3, 0xd0, 0xb9, 0xfa, 0xbc, 0xd2, 0xb0, 0xb2, 0xc8, 0xab,
	0xa3, 0xac, 0xc3, 0xbb, 0xd3, 0xd0, 0xd0, 0xc5, 0xcf, 0xa2, 0xbb, 0xaf, 0xbe, 0xcd, 0xc3, 0xbb, 0xd3, 0xd0, 0xcf, 0xd6, 0xb4, 0xfa, 0xbb, 0xaf, 0xa1, 0xa3,
]);
/** 沒有網絡安全就沒有國家安全，沒有信息化就沒有現代化。 in Big5, byte by byte. */
const BIG5 = Uint8Array.from([
	0xa8, 0x53, 0xa6, 0xb3, 0xba, 0xf4, 0xb5, 0xb8, 0xa6, 0x77, 0xa5, 0xfe, 0xb4, 0x4e, 0xa8, 0x53, 0xa6, 0xb3, 0xb0, 0xea, 0xae, 0x61, 0xa6, 0x77, 0xa5, 0xfe,
	0xa1, 0x41, 0xa8, 0x53, 0xa6, 0xb3, 0xab, 0x48, 0xae, 0xa7, 0xa4, 0xc6, 0xb4, 0x4e, 0xa8, 0x53, 0xa6, 0xb3, 0xb2, 0x7b, 0xa5, 0x4e, 0xa4, 0xc6, 0xa1, 0x43,
]);
/** 香港綫路 in Big5-HKSCS: too short for the trail bytes to tell Big5 from GB18030, but read as GB18030 its 綫 is U+E134, private use. */
const HONG_KONG = Uint8Array.from([0xad, 0xbb, 0xb4, 0xe4, 0x8e, 0xa8, 0xb8, 0xf4, 0x0a]);
/** The first bytes of a PNG image: a binary file with a line break and NULs. */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);

/** One line of exactly 100,000 characters: a 20-character sentence, 5,000 times. */
const SENTENCE = '网络安全和信息化是一体之两翼、驱动之双轮。'.slice(1);
const LONG_LINE = SENTENCE.repeat(5000);
/** Over 5 MB: the seed, again and again. */
const FIVE_MB_COPIES = Math.ceil((5 * 1024 * 1024) / (SEED.length + 1));
const FIVE_MB = Array.from({ length: FIVE_MB_COPIES }, () => SEED.toString('utf8')).join('\n');

describe('the fixtures are what they claim', () => {
	it.each([
		['GB18030', GB18030, 'gb18030', '没有网络安全就没有国家安全，没有信息化就没有现代化。'],
		['Big5', BIG5, 'big5', '沒有網絡安全就沒有國家安全，沒有信息化就沒有現代化。'],
	])('%s bytes decode to the sentence and are not UTF-8', (_name, bytes, encoding, text) => {
		expect(new TextDecoder(encoding, { fatal: true }).decode(bytes)).toBe(text);
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
	});

	it('the long line is one line of 100,000 characters; the big file is over 5 MB', () => {
		expect([...LONG_LINE]).toHaveLength(100_000);
		expect(LONG_LINE).not.toContain('\n');
		expect(Buffer.byteLength(FIVE_MB)).toBeGreaterThan(5 * 1024 * 1024);
	});
});

describe('bad input ends with a clear message and nothing written', () => {
	it.each([
		['an empty file', new Uint8Array(), [], /error: \S+input\.txt is empty \(0 bytes\)\.\nhint: Check that you saved the text/],
		['a binary file', PNG, [], /error: \S+input\.txt is binary, not text: it has a NUL byte at line 3 \(byte 8\)\.\nhint: Import a plain-text \(\.txt\) copy/],
		['a file with control characters', '网络\n安全\u001b[0m', [], /error: \S+input\.txt looks binary: line 2 has the control character U\+001B\.\nhint: /],
		['a GB18030 file', GB18030, [], /error: \S+input\.txt is not valid UTF-8 \(the first bad byte is at line 1, byte 2\); it looks like gb18030\.\nhint: If it is gb18030, run the import again with --encoding gb18030/],
		['a Big5 file', BIG5, [], /error: \S+input\.txt is not valid UTF-8 \(the first bad byte is at line 1, byte 0\); it looks like big5\.\nhint: If it is big5, run the import again with --encoding big5/],
		['a short Big5-HKSCS file of Hong Kong characters', HONG_KONG, [], /error: \S+input\.txt is not valid UTF-8 \(the first bad byte is at line 1, byte 0\); it looks like big5\.\nhint: If it is big5, run the import again with --encoding big5/],
		['a Big5 file named GB18030', BIG5, ['--encoding', 'gb18030'], /error: \S+input\.txt does not look like gb18030: .* it looks like big5\.\nhint: Run the import again with --encoding big5/],
		['a UTF-8 file cut on line 3', Buffer.concat([Buffer.from('网络\n安全\n信息'), Buffer.from([0xe4, 0xbf])]), [], /error: \S+input\.txt is UTF-8 up to line 3, where it breaks \(byte 20\): the file was cut or damaged\.\nhint: Save the text as UTF-8 again/],
		['whitespace only', ' \n\t\u3000\r\n\u00a0 \n', [], /error: \S+input\.txt has only whitespace\.\nhint: Check that you saved the text/],
		['zero-width characters only', '\u200b\ufeff\u200d\n\u2060', [], /error: input\.txt has no text left after cleaning: it holds only whitespace and zero-width characters\.\nhint: /],
		['a traditional copy stored as traditional with simplified-only characters', '會議并發表講話。', ['--from', 'tw', '--store', 'zh-Hant'], /error: input\.txt: stored as zh-Hant, the text would keep 1 character that zh-Hant never uses:\n  input\.txt:1:3  會議并發表講話  并 is never written in Taiwan traditional \(tw\) text: write 並\.\nhint: Correct them in the file, or check --from/],
	])('%s', (_case, bytes, extra, message) => {
		const { file, content } = workspace('input.txt', bytes);
		const result = runImport(file, content, [...SIMPLE_ARGS, ...extra]);
		expect(result.stderr).toMatch(message);
		expect(result.stderr).toMatch(/\nNothing was written\.\n$/);
		expect(result.status).toBe(1);
		expect(result.written).toEqual([]);
	});
});

describe('large input makes a correct entry', () => {
	it('a GB18030 file named with --encoding gb18030', () => {
		const { file, content } = workspace('input.txt', GB18030);
		expect(runImport(file, content, [...SIMPLE_ARGS, '--encoding', 'gb18030']).status).toBe(0);
		expect(body(readFileSync(join(content, 'text.mdx'), 'utf8'))).toBe('\n没有网络安全就没有国家安全，没有信息化就没有现代化。\n');
	});

	it('a Big5 file named with --encoding big5, converted to simplified', () => {
		const { file, content } = workspace('input.txt', BIG5);
		expect(runImport(file, content, [...SIMPLE_ARGS, '--encoding', 'big5', '--from', 'tw']).status).toBe(0);
		expect(body(readFileSync(join(content, 'text.mdx'), 'utf8'))).toBe('\n没有网络安全就没有国家安全，没有信息化就没有现代化。\n');
	});

	it('one line of 100,000 characters becomes one paragraph, unchanged', () => {
		const { file, content } = workspace('input.txt', LONG_LINE);
		const result = runImport(file, content, SIMPLE_ARGS);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(': 1 paragraph.');
		expect(body(readFileSync(join(content, 'text.mdx'), 'utf8'))).toBe(`\n${LONG_LINE}\n`);
	});

	it('a 5 MB file becomes the seed entry, again and again', () => {
		const { file, content } = workspace('input.txt', FIVE_MB);
		const result = runImport(file, content, [...SIMPLE_ARGS, '--from', 'tw']);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain(`${12 * FIVE_MB_COPIES} paragraphs`);
		expect(result.stdout).toMatch(/… and \d+ more/);
		const seedBody = body(SEED_ENTRY).trim();
		expect(body(readFileSync(join(content, 'text.mdx'), 'utf8'))).toBe(`\n${Array.from({ length: FIVE_MB_COPIES }, () => seedBody).join('\n\n')}\n`);
	}, 120_000);
});
