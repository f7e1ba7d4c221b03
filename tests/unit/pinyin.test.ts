/**
 * The pinyin aid's readings, computed at build time: polyphones read by
 * phrase, characters an edition settles, pinned readings, one reading per
 * character position in every edition; and the pieces the browser shares.
 */
import { fromHtml } from 'hast-util-from-html';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editionConverter } from '../../src/convert/edition-text.ts';
import { DEFAULT_EDITION, EDITIONS, STORAGE_SCRIPT_NAMES, type StorageScript } from '../../src/editions.ts';
import { parseReadings, serializeReadings } from '../../src/pinyin/format.ts';
import { isHan } from '../../src/pinyin/han.ts';
import { pinnedReadings, pinnedReadingsSchema, syllable } from '../../src/pinyin/pins.ts';
import { libraryReadings, textReadings, type PinnedReading } from '../../src/pinyin/readings.ts';
import { textRuns } from '../../src/pinyin/runs.ts';
import { SEED_SLUG } from '../support/site.ts';

/** A text stored in `script`, as every edition shows it: the runs the pages hand over. */
function editions(runs: string[], script: StorageScript = 'zh-Hans') {
	return new Map(EDITIONS.map((edition) => [edition.lang, runs.map(editionConverter(script, edition))]));
}

/** The readings of a text stored in simplified, each with its character: `银háng`. */
function read(text: string, pins: PinnedReading[] = []): string[] {
	const readings = textReadings(editions([text]), DEFAULT_EDITION.lang, pins);
	return Array.from(text).filter(isHan).map((char, i) => `${char}${readings[i]}`);
}

describe('polyphones are read by the phrase they are in', () => {
	it.each([
		['银行', '行', 'háng'],
		['行走', '行', 'xíng'],
		['长大', '长', 'zhǎng'],
		['长城', '长', 'cháng'],
		['重要', '重', 'zhòng'],
		['重新', '重', 'chóng'],
		['发展', '发', 'fā'],
		['头发', '发', 'fa'],
		['了解', '了', 'liǎo'],
		['好了', '了', 'le'],
		['乐器', '乐', 'yuè'],
		['快乐', '乐', 'lè'],
		['着手', '着', 'zhuó'],
		['看着', '着', 'zhe'],
	])('%s: %s is %s', (word, char, reading) => {
		expect(read(word)).toContain(`${char}${reading}`);
	});

	it('reads a long sentence clause by clause (whole, the library reads 强调 qiángtiáo)', () => {
		const p7 = '习近平强调，网络信息是跨国界流动的，信息流引领技术流、资金流、人才流，信息资源日益成为重要生产要素和社会财富，信息掌握的多寡成为国家软实力和竞争力的重要标志。';
		expect(read(p7).slice(0, 5)).toEqual(['习xí', '近jìn', '平píng', '强qiáng', '调diào']);
	});

	it('writes 一 and 不 in their own tone (GB/T 16159-2012 §6.3.11)', () => {
		expect(read('一样不是')).toEqual(['一yī', '样yàng', '不bù', '是shì']);
	});

	it('takes our supplement where the library is wrong, and says why', () => {
		expect(libraryReadings('成长治之业')[1]).toBe('zhǎng');
		expect(read('努力建久安之势、成长治之业')).toContain('长cháng');
		expect(read('千军易得，一将难求')).toContain('将jiàng');
		// The seed's ¶4: the library reads 处在 chù zài (CC-CEDICT, 现代汉语词典: chǔzài).
		expect(libraryReadings('处在')[0]).toBe('chù');
		expect(read('我国正处在这个大潮之中')).toContain('处chǔ');
		expect(read('身处其中')).toContain('处chǔ');
	});
});

describe('an edition’s own character settles the reading', () => {
	/** One text whose simplified edition reads `simplified` and whose 繁體 edition reads `traditional`. */
	const settled = (simplified: string, traditional: string) =>
		textReadings(
			new Map([
				['zh-Hans', [simplified]],
				['zh-Hant', [traditional]],
			]),
			'zh-Hans',
		);

	it.each([
		['一发', '一髮', 'fà'],
		['一发', '一發', 'fā'],
		['干', '幹', 'gàn'],
		['干', '乾', 'gān'],
		['后', '後', 'hòu'],
	])('%s shown as %s is read %s', (simplified, traditional, reading) => {
		expect(settled(simplified, traditional).at(-1)).toBe(reading);
	});

	it('keeps the neutral tone of a reading the character has (头发 tóufa under 頭髮)', () => {
		expect(settled('头发', '頭髮')).toEqual(['tóu', 'fa']);
	});

	it('reads 牵一发而动全身 as 牽一髮而動全身 shows it, fà', () => {
		expect(read('牵一发而动全身')).toContain('发fà');
	});
});

describe('one reading per character position, whatever the script', () => {
	const seed = readFileSync(`content/${SEED_SLUG}.mdx`, 'utf8');
	const paragraphs = seed.slice(seed.indexOf('---', 3) + 3).split('\n').filter((line) => line.trim() !== '');

	it('gives every Han character of the seed a reading, in every edition’s order', () => {
		const forms = editions(paragraphs);
		const readings = textReadings(forms, DEFAULT_EDITION.lang);
		for (const runs of forms.values()) expect(runs.flatMap((run) => Array.from(run).filter(isHan))).toHaveLength(readings.length);
		expect(readings.filter((reading) => reading === '')).toEqual([]);
	});

	it.each(STORAGE_SCRIPT_NAMES.map((script) => [script]))('a text stored in %s reads as the same text stored in 简体', (script) => {
		const stored = paragraphs.map(editionConverter('zh-Hans', EDITIONS.find((edition) => edition.lang === script)!));
		expect(textReadings(editions(stored, script), DEFAULT_EDITION.lang)).toEqual(textReadings(editions(paragraphs), DEFAULT_EDITION.lang));
	});
});

describe('pinned readings', () => {
	const parse = (pins: Record<string, string>) => pinnedReadingsSchema.parse(pins);

	it('win over the library and the supplement, written in either script', () => {
		expect(read('单于来朝', parse({ 单于: 'chán yú' }))).toEqual(['单chán', '于yú', '来lái', '朝cháo']);
		const traditional = textReadings(editions(['單于來朝'], 'zh-Hant'), DEFAULT_EDITION.lang, parse({ 單于: 'chan2 yu2' }));
		expect(traditional.slice(0, 2)).toEqual(['chán', 'yú']);
		expect(read('成长治之业', parse({ 成长: 'chéng zhǎng' }))).toContain('长zhǎng');
	});

	it('a text’s own pin replaces the glossary’s for the same word', () => {
		expect(pinnedReadings(parse({ 曾: 'zēng' }), parse({ 曾: 'céng', 单于: 'chán yú' }))).toEqual([
			{ word: '曾', syllables: ['zēng'] },
			{ word: '单于', syllables: ['chán', 'yú'] },
		]);
	});

	it.each([
		['lv4', 'lǜ'],
		['NV3', 'nǚ'],
		['jiu3', 'jiǔ'],
		['gui4', 'guì'],
		['le5', 'le'],
		['chán', 'chán'],
		['zzz', undefined],
		['hǎo1', undefined],
	])('syllable %s is written %s', (written, marked) => {
		expect(syllable(written)).toBe(marked);
	});

	it('refuse a reading that does not fit the word, saying how to write it', () => {
		const result = pinnedReadingsSchema.safeParse({ 曾国藩: 'zeng guo', 长: 'chxng', x: 'a' });
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((issue) => issue.message)).toMatchInlineSnapshot(`
			[
			  ""曾国藩" has 3 Han characters but its pinned reading "zeng guo" has 2 syllables: write one syllable per character, \`曾国藩: … … …\`.",
			  "The reading pinned for "长" has "chxng", not Hanyu Pinyin: write each syllable with its tone mark (chán) or tone number (chan2), neutral tone unmarked (le).",
			  ""x" has no Han character to read. Pin a word written in Chinese characters, for example \`单于: chán yú\`.",
			]
		`);
	});
});

describe('what is read, and the file', () => {
	it('reads a block as one run across inline markup, and leaves out ruby, code-like elements and other languages', () => {
		const tree = fromHtml('<p>牵一<b>发</b>而动全身</p><p>甲<ruby>乙<rt>yǐ</rt></ruby>丙<span lang="ja">漢字</span>丁</p>', { fragment: true });
		expect(textRuns(tree)).toEqual(['牵一发而动全身', '甲', '丙', '丁']);
	});

	it('counts Han characters only: no punctuation, Latin, digits, kana or 々', () => {
		expect(Array.from('中文，ABC 123、かな々〇𠮷').filter(isHan)).toEqual(['中', '文', '〇', '𠮷']);
	});

	it('round-trips readings, an unknown one included', () => {
		const readings = ['zhōng', '', 'lǜ'];
		expect(serializeReadings(readings)).toBe('zhōng - lǜ\n');
		expect(parseReadings(serializeReadings(readings))).toEqual(readings);
		expect(parseReadings(serializeReadings([]))).toEqual([]);
	});
});
