/**
 * The cleaning steps and the import pipeline, called directly (the CLI is
 * tested in import-cli.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { cleanText, escapeMdx, foldPunctuation, normaliseWhitespace, stripPinyin } from '../../src/import/clean.ts';
import { cp950PrivateUse } from '../../src/import/decode.ts';
import { editedSinceImport, importText, type ImportOptions } from '../../src/import/entry.ts';
import { markupProblems } from '../../src/texts/markup.ts';
import { replaceTraced, trace } from '../../src/import/traced.ts';

const OPTIONS: ImportOptions = { file: 'text.txt', title: '标题', date: '2014-02-27', publisher: '新华社', from: 'cn', store: 'zh-Hans' };
const bodyOf = (raw: string, options: Partial<ImportOptions> = {}) => {
	const { mdx } = importText(raw, { ...OPTIONS, ...options });
	return mdx.slice(mdx.indexOf('\n---\n', 4) + 5).trim();
};

describe('pinyin annotations', () => {
	it.each([
		['tone marks, one syllable each', '中央網(wǎng)絡(luò)安全', '中央網絡安全'],
		['tone marks, two syllables at once', '网络(wǎngluò)安全', '网络安全'],
		['tone marks, syllables apart', '网络(wǎng luò)安全', '网络安全'],
		['tone numbers', '网(wang3)络(luo4)安全', '网络安全'],
		['tone numbers, two syllables', '网络(wang3 luo4)安全', '网络安全'],
		['the neutral tone as 5', '什么(shen2 me5)', '什么'],
		['ü with a tone mark', '绿(lǜ)色', '绿色'],
		['full-width parentheses', '網（wǎng）絡（luò）', '網絡'],
		['an apostrophe between syllables', '西安(xī’ān)', '西安'],
	])('are removed: %s', (_case, raw, clean) => {
		expect(stripPinyin(raw).text).toBe(clean);
	});

	it.each([
		['a year in full-width parentheses', '规划（2014年）发布'],
		['an acronym', '中国互联网络信息中心(CNNIC)发布'],
		['an English gloss', '网络(network)安全'],
		['a number', '第一(1)条'],
		['letters after a non-Han character', '见附件(wǎng)'.replace('件', ' ')],
		['toneless letters (reported, below)', '妈(ma)妈'],
	])('real parentheses are kept: %s', (_case, raw) => {
		expect(stripPinyin(raw).text).toBe(raw);
	});

	it('counts what it removed', () => {
		expect(stripPinyin('網(wǎng)絡(luò)，（2014年）').count).toBe(2);
	});
});

describe('punctuation', () => {
	it.each([
		['安全,发展', '安全，发展'],
		['安全; 发展', '安全；发展'],
		['指出:没有', '指出：没有'],
		['是吗?是的!', '是吗？是的！'],
		['《规则》,并', '《规则》，并'],
	])('folds %s to %s', (raw, clean) => {
		expect(foldPunctuation(raw).text).toBe(clean);
	});

	it.each([
		['网 , , A', '网，, A'],
		['A , ,网', 'A ,，网'],
		['网,,络', '网，，络'],
	])('a folded mark takes its spaces along: %s → %s', (raw, clean) => {
		expect(foldPunctuation(raw).text).toBe(clean);
	});

	it.each(['1,000', 'CNNIC, 2014', 'https://www.cac.gov.cn/', 'a: b', '网址 https://x.cn/a?b=1', '见https://x.cn/a,b;c?d=中', 'https://x.cn,欢迎'])('leaves %s alone', (raw) => {
		expect(foldPunctuation(raw).text).toBe(raw);
	});

	it.each([
		['https://www.mtr.com.hk ,欢迎查阅', 'https://www.mtr.com.hk ，欢迎查阅'],
		['见 www.x.cn  ;  详见', '见 www.x.cn ；详见'],
	])('never glues a URL to the text after it: %s → %s', (raw, clean) => {
		expect(foldPunctuation(raw).text).toBe(clean);
	});
});

describe('whitespace', () => {
	it.each([
		['CRLF and CR to LF', '甲\r\n乙\r丙', '甲\n乙\n丙'],
		['zero-width characters and BOMs removed', '\ufeff网\u200b络', '网络'],
		['lines trimmed', '  网络 \t\n\u3000安全\u3000', '网络\n安全'],
		['runs of spaces become one', 'CNNIC  \u00a0 2014', 'CNNIC 2014'],
		['no space between two Han characters', '网 络 安全 CNNIC', '网络安全 CNNIC'],
		['none beside CJK punctuation between Chinese text', '段落 。？还有 ，逗号和「 引号 」。 下一句', '段落。？还有，逗号和「引号」。下一句'],
		['but beside punctuation next to Latin text', 'CNNIC 。 IPv6 ，', 'CNNIC 。 IPv6 ，'],
		['a joiner inside an emoji kept, elsewhere removed', '家👨\u200d👩\u200d👧人\u200d们', '家👨\u200d👩\u200d👧人们'],
	])('%s', (_case, raw, clean) => {
		expect(normaliseWhitespace(raw).text).toBe(clean);
	});

	it.each([
		['a dateline, two spaces', '新华社北京3月1日电  工业和信息化部今天发布', '新华社北京3月1日电 工业和信息化部今天发布'],
		['a dateline, an ideographic space', '中新网3月1日电\u3000记者从交通运输部获悉', '中新网3月1日电 记者从交通运输部获悉'],
		['a Hong Kong dateline', '本報訊  港鐵公司昨日宣布', '本報訊 港鐵公司昨日宣布'],
		['a dateline, one space', '本报讯 记者从铁路局获悉', '本报讯 记者从铁路局获悉'],
		['a byline in parentheses', '(记者 李明)工业和信息化部', '(记者 李明)工业和信息化部'],
		['a byline of two names', '（記者 陳大文 王小明）港鐵表示', '（記者 陳大文 王小明）港鐵表示'],
		['a URL ending in Han characters', '见https://例子.中国/路径 欢迎', '见https://例子.中国/路径 欢迎'],
		['not a dateline: 电 in running text', '他来电 说明情况', '他来电说明情况'],
	])('keeps a space that carries meaning between two Han characters: %s', (_case, raw, clean) => {
		expect(normaliseWhitespace(raw).text).toBe(clean);
		expect(normaliseWhitespace(raw).unsure).toEqual([]);
	});

	it('reports a wide space it removed beside CJK punctuation as unsure too (lines of verse)', () => {
		const { traced, unsure } = cleanText('床前明月光，\u3000疑是地上霜。');
		expect(traced.text).toBe('床前明月光，疑是地上霜。');
		expect(unsure).toEqual([{ line: 1, column: 7, text: '明月光，\u3000疑是地上', reason: 'a wide space beside CJK punctuation was removed; if it separates a dateline, a byline, names or lines of verse, put it back in the entry' }]);
	});

	it('reports a wide space it removed between two Han characters as unsure, at its raw place', () => {
		const { traced, unsure } = cleanText('第一行\n床前明月光  疑是地上霜');
		expect(traced.text).toBe('第一行\n床前明月光疑是地上霜');
		expect(unsure).toEqual([{ line: 2, column: 6, text: '前明月光  疑是地上', reason: 'a wide space between Han characters was removed; if it separates a dateline, a byline, names or lines of verse, put it back in the entry' }]);
	});

	it('counts the raw lines it changed', () => {
		expect(normaliseWhitespace('甲 \r\n乙\n 丙 丁\n戊').count).toBe(2);
	});
});

describe('all the cleaning at once', () => {
	it('drops the space a removed pinyin annotation leaves between two Han characters', () => {
		expect(cleanText('网(wǎng) 络(luò) 安全').traced.text).toBe('网络安全');
	});
});

describe('places in the raw file', () => {
	it('are traced through every step', () => {
		const traced = replaceTraced(trace('a  b'), / +/g, () => ' ').traced;
		expect(traced).toEqual({ source: 'a  b', text: 'a b', origin: [0, 1, 3, 4] });
	});

	it('an unsure pinyin is reported at its line and column in the raw file, not in the cleaned text', () => {
		const raw = '第一行。\r\n  網(wǎng)絡(luò)  信息(xin)化';
		const { unsure } = cleanText(raw);
		expect(unsure).toEqual([
			{ line: 2, column: 16, text: 'luò)  信息(x', reason: 'a wide space between Han characters was removed; if it separates a dateline, a byline, names or lines of verse, put it back in the entry' },
			{ line: 2, column: 20, text: '  信息(xin)化', reason: '"(xin)" may be a pinyin annotation without tone marks; it was kept' },
		]);
		expect([...raw.split('\n')[1]!][19]).toBe('(');
	});

	it('an unsure place is in the import report at the same raw place', () => {
		const { report } = importText('\n\n  妈(ma)妈', OPTIONS);
		expect(report.unsure).toMatchObject([{ line: 3, column: 4 }]);
	});
});

describe('escaping for MDX', () => {
	it.each([
		['<b>{x}</b>', '\\<b\\>\\{x\\}\\</b\\>'],
		['# 标题', '\\# 标题'],
		['1. 第一', '1\\. 第一'],
		['- 一', '\\- 一'],
		['import 网络', '&#105;mport 网络'],
		['export { a }', '&#101;xport \\{ a \\}'],
		['importance', 'importance'],
		['见IPv6https://x.cn/a_b</b>', '见IPv6https\\://x.cn/a\\_b\\</b\\>'],
		['www.example.com', 'www\\.example.com'],
	])('%s → %s', (paragraph, escaped) => {
		expect(escapeMdx(paragraph)).toBe(escaped);
	});
});

describe('markup MDX would not read as written', () => {
	it('names an unclosed tag once, with one fix, not its ">" again as a second mistake', () => {
		const problems = markupProblems('---\ntitle: x\n---\n\n<b>未闭合的加粗\n');
		expect(problems.map((problem) => [problem.line, problem.column, problem.found])).toEqual([[5, 1, '<b>']]);
		expect(problems[0]!.message).toContain('close it (</b>), or, if the "<" is text, write it escaped: \\< (as in \\<b>未闭合的加粗)');
	});
});

describe('importing a text', () => {
	it('makes every non-empty line a paragraph', () => {
		expect(bodyOf('甲。\n\n\n乙。\n丙。')).toBe('甲。\n\n乙。\n\n丙。');
	});

	it('converts a traditional copy to the stored script', () => {
		expect(bodyOf('網絡安全和信息化。', { from: 'tw' })).toBe('网络安全和信息化。');
	});

	it('converts the title and publisher too', () => {
		const { mdx } = importText('網絡。', { ...OPTIONS, from: 'tw', title: '網絡安全', publisher: '新華社' });
		expect(mdx).toContain('title: "网络安全"\n');
		expect(mdx).toContain('publisher: "新华社"\n');
	});

	it('records what it did under provenance', () => {
		const { mdx } = importText('網(wǎng)絡,安全', { ...OPTIONS, from: 'tw' });
		expect(mdx).toMatch(/provenance:\n  file: "text\.txt"\n  encoding: UTF-8\n  sha256: [0-9a-f]{64}\n  from: tw\n  steps:\n    - "pinyin annotations removed: 1"\n    - "ASCII punctuation folded to full width: 1"\n    - "characters converted tw → zh-Hans: 2"\n  imported: [0-9a-f]{64}\n---/);
	});

	it('records how the file was read and the hash of its bytes, when told', () => {
		const { mdx } = importText('网络。', { ...OPTIONS, received: { encoding: 'Big5-HKSCS', sha256: 'a'.repeat(64) } });
		expect(mdx).toContain(`  encoding: Big5-HKSCS\n  sha256: ${'a'.repeat(64)}\n`);
	});

	it.each([
		['as the import wrote it', (mdx: string) => mdx, 'unchanged'],
		['with a word changed in the body', (mdx: string) => mdx.replace('安全', '发展'), 'edited'],
		['with a term pinned in the frontmatter', (mdx: string) => mdx.replace('script: zh-Hans', 'script: zh-Hans\nterms: [{ zh-Hans: 网络, zh-Hant: 網絡 }]'), 'edited'],
		['without the import\'s hash (written by hand)', (mdx: string) => mdx.replace(/\n  imported: .*/, ''), 'unknown'],
	] as const)('tells whether an entry was edited since it was imported: %s', (_case, edit, state) => {
		const { mdx } = importText('网络安全。', OPTIONS);
		expect(editedSinceImport(edit(mdx))).toBe(state);
	});

	it('writes an entry MDX reads as the text written: every { } < > [ ] escaped', () => {
		const { mdx } = importText('该负责人[1]{1}表示，{编者}：增速<15%，a>b', OPTIONS);
		expect(markupProblems(mdx)).toEqual([]);
		expect(bodyOf('该负责人[1]{1}表示')).toBe('该负责人\\[1\\]\\{1\\}表示');
	});

	it.each([
		['2014-02-30', 'The date "2014-02-30" is not a date.'],
		['27/02/2014', 'The date "27/02/2014" is not a date.'],
	])('refuses the date %s', (date, message) => {
		expect(() => importText('网络。', { ...OPTIONS, date })).toThrow(message);
	});
});

describe('Big5 characters a Windows converter put in the private use area', () => {
	it('are traced back to their Big5 bytes, for every one of the 6,217 (checked against Node\'s own code page 950 decoder)', () => {
		const windows = new TextDecoder('big5');
		const wrong: string[] = [];
		let count = 0;
		for (let lead = 0x81; lead <= 0xfe; lead++) {
			for (let trail = 0x40; trail <= 0xfe; trail++) {
				if (trail > 0x7e && trail < 0xa1) continue;
				const char = windows.decode(Uint8Array.of(lead, trail));
				if (!/^\p{Co}$/u.test(char)) continue;
				count++;
				const pair = cp950PrivateUse(char.codePointAt(0)!);
				if (pair?.[0] !== lead || pair[1] !== trail) wrong.push(`${lead.toString(16)}${trail.toString(16)}`);
			}
		}
		expect(count).toBe(6217);
		expect(wrong).toEqual([]);
	});
});
