/**
 * Quotation marks as each edition writes them (src/convert/quotes.ts, the
 * marks from src/editions.ts): by depth, across paragraphs, leaving
 * apostrophes, Latin quotations and kept pieces alone.
 */
import { describe, expect, it } from 'vitest';
import { quoted, requote, requoteParagraphs } from '../../src/convert/quotes.ts';
import { EDITIONS } from '../../src/editions.ts';

const marks = (lang: string) => EDITIONS.find((edition) => edition.lang === lang)!.quotes;
const HANS = marks('zh-Hans');
const HANT = marks('zh-Hant');

describe('the editions’ quotation marks', () => {
	it.each([
		['zh-Hans', ['“”', '‘’']],
		['zh-Hant', ['「」', '『』']],
		['zh-HK', ['「」', '『』']],
	])('%s quotes with %j', (lang, expected) => {
		expect(marks(lang)).toEqual(expected);
	});

	it('are one opening and one closing mark each, so a text keeps its length in every edition', () => {
		for (const edition of EDITIONS) for (const level of edition.quotes) expect(level).toMatch(/^[^\ud800-\udfff]{2}$/u);
	});
});

describe('a line in an edition’s marks', () => {
	it.each([
		// [what, stored, zh-Hans, zh-Hant]
		['a quotation', '与“两个一百年”奋斗目标', '与“两个一百年”奋斗目标', '与「两个一百年」奋斗目标'],
		['a quotation stored in corner brackets', '與「兩個一百年」奮鬥目標', '與“兩個一百年”奮鬥目標', '與「兩個一百年」奮鬥目標'],
		['a quotation in a quotation', '他说：“我想‘走’了。”', '他说：“我想‘走’了。”', '他说：「我想『走』了。」'],
		['a traditional text’s nesting, by depth', '他說：「我說『好』。」', '他說：“我說‘好’。”', '他說：「我說『好』。」'],
		['three levels deep', '甲：“乙：‘丙：“丁”’”', '甲：“乙：‘丙：“丁”’”', '甲：「乙：『丙：「丁」』」'],
		['a single quotation, single in every edition', '所谓‘网络’', '所谓‘网络’', '所谓『网络』'],
		['singles nested, a level deeper', '‘甲‘乙’’', '‘甲“乙”’', '『甲「乙」』'],
		['doubles nested by mistake, as levels', '他说“我想“走”了”', '他说“我想‘走’了”', '他说「我想『走』了」'],
		['two quotations side by side', '“千军易得”，“一将难求”', '“千军易得”，“一将难求”', '「千军易得」，「一将难求」'],
		['a quotation of Latin words in Chinese', '他说：“OK”。', '他说：“OK”。', '他说：「OK」。'],
		['Latin words quoted in a Chinese quotation', '他说：“He said ‘hi’ there”。', '他说：“He said ‘hi’ there”。', '他说：「He said ‘hi’ there」。'],
		['a quotation in Latin text', 'He said “it’s ‘fine’” and left', 'He said “it’s ‘fine’” and left', 'He said “it’s ‘fine’” and left'],
		['a Latin sentence before a Chinese one', 'Don’t say “no”. 他说“好”', 'Don’t say “no”. 他说“好”', 'Don’t say “no”. 他说「好」'],
		['apostrophes', 'don’t 和 students’ 和 ’90s', 'don’t 和 students’ 和 ’90s', 'don’t 和 students’ 和 ’90s'],
		['an apostrophe in a quotation', '标题是“Don’t Panic”', '标题是“Don’t Panic”', '标题是「Don’t Panic」'],
		['a quotation left open', '他说：“未完', '他说：“未完', '他说：「未完'],
		['a closing mark without its opening', '未完”了', '未完”了', '未完」了'],
		['a quotation with a URL', '见“https://example.com/a?b=1”', '见“https://example.com/a?b=1”', '见「https://example.com/a?b=1」'],
		['astral Han beside a quotation', '𠀋“甲”𠀋', '𠀋“甲”𠀋', '𠀋「甲」𠀋'],
	])('%s', (_what, stored, hans, hant) => {
		expect(requote(stored, HANS)).toBe(hans);
		expect(requote(stored, HANT)).toBe(hant);
		expect(requote(stored, HANT).length).toBe(stored.length);
	});

	it('is the same when done twice', () => {
		const once = requote('他说：“我想‘走’了。” don’t', HANT);
		expect(requote(once, HANT)).toBe(once);
	});
});

describe('paragraphs in an edition’s marks', () => {
	it('opens every paragraph of a quotation that spans them and closes it in the last, as one quotation', () => {
		const stored = [['他说：“第一段，‘引’'], ['“第二段，‘再引’'], ['“第三段。”'], ['之后“新的”。']];
		expect(requoteParagraphs(stored, HANT)).toEqual([['他说：「第一段，『引』'], ['「第二段，『再引』'], ['「第三段。」'], ['之后「新的」。']]);
		expect(requoteParagraphs(requoteParagraphs(stored, HANT), HANS)).toEqual(stored);
	});

	it('ends a quotation left open when the next paragraph does not take it up', () => {
		expect(requoteParagraphs([['他说：“未完'], ['另起“一段”。']], HANT)).toEqual([['他说：「未完'], ['另起「一段」。']]);
	});

	it('matches marks across the pieces of a paragraph and over kept pieces (code, kept passages)', () => {
		expect(requoteParagraphs([['用“', null, '”命令和“', '<b>粗</b>', '”']], HANT)).toEqual([['用「', null, '」命令和「', '<b>粗</b>', '」']]);
	});

	it('returns the pieces as given when there is no mark', () => {
		expect(requoteParagraphs([['没有引号', null]], HANT)).toEqual([['没有引号', null]]);
	});
});

describe('a quote as a citation gives it', () => {
	it.each([
		['words', '千军易得', '“千军易得”', '「千军易得」'],
		['a paragraph with its own quotation, one level deeper', '建设队伍。“千军易得，一将难求”，要培养', '“建设队伍。‘千军易得，一将难求’，要培养”', '「建设队伍。『千军易得，一将难求』，要培养」'],
		['one whole quotation, not quoted twice', '“千军易得，一将难求”', '“千军易得，一将难求”', '「千军易得，一将难求」'],
		['a selection that cut a quotation at its end', '千军易得，一将难求”', '“千军易得，一将难求”', '「千军易得，一将难求」'],
		['a selection that cut a quotation at its start', '“千军易得', '“千军易得”', '「千军易得」'],
		['Latin words with their own quotation', 'He said “hi”', '“He said “hi””', '「He said “hi”」'],
	])('%s', (_what, quote, hans, hant) => {
		expect(quoted(quote, HANS)).toBe(hans);
		expect(quoted(quote, HANT)).toBe(hant);
	});
});
