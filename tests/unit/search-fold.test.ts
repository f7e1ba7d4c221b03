import { describe, expect, it } from 'vitest';
import { openccConverter } from '../../src/convert/opencc.ts';
import { applyEditionDiff, diffEdition } from '../../src/search/edition-diff.ts';
import { fold, parseFoldTable, searchContent, serializeFoldTable } from '../../src/search/fold.ts';
import { buildFoldTable, FoldTableBuilder } from '../../src/search/fold-table.ts';
import { refoldContent } from '../../src/search/index-build.ts';

const base = '习近平指出，没有网络安全就没有国家安全。信息技术决定着发展水平，著作等身。';
const editions = [base, openccConverter('cn', 'tw')(base), openccConverter('cn', 'hk')(base)];
const table = buildFoldTable([editions]);
const folded = (text: string) => fold(text, table).chars.join('');

describe('the search fold', () => {
	it('folds every edition of a text to the same string', () => {
		expect(new Set(editions.map(folded)).size).toBe(1);
	});

	it('merges 着/著 where the editions say so (決定著 in Taiwan is 决定着)', () => {
		expect(editions[1]).toContain('決定著');
		expect(folded('決定著')).toBe(folded('决定着'));
	});

	it('drops punctuation and spaces, and folds full-width letters and case', () => {
		expect(folded('没有，网络 安全！')).toBe(folded('没有网络安全'));
		expect(folded('ＣＮＮＩＣ')).toBe('cnnic');
	});

	it('maps each folded character back to its place in the original', () => {
		expect(fold('甲，乙 丙', new Map()).origin).toEqual([0, 2, 4]);
	});

	it('ships only entries whose representative occurs in the corpus', () => {
		expect(table.has('網')).toBe(true);
		expect(table.has('龜')).toBe(false);
		expect([...table].every(([key, value]) => key !== value)).toBe(true);
	});

	it('merges astral characters the editions disagree on, without splitting them into surrogates', () => {
		const astral = buildFoldTable([['甲𠀀乙', '甲𠀁乙']]);
		expect(astral.get('𠀁')).toBe('𠀀');
		expect([...astral.keys()].every((key) => !/^[\ud800-\udfff]$/.test(key))).toBe(true);
	});

	it('folds a record again from its content alone when a late pair changes a fold', () => {
		// 乙 is indexed as itself; a later paragraph shows 乙 as an edition's form of 甲 (and 𠀁 of 𠀀).
		const builder = new FoldTableBuilder();
		const first = ['乙乙網路𠀁', '乙乙網路𠀁'];
		builder.observe(first);
		const before = searchContent(fold(first[0]!, builder.table()).chars);
		builder.observe(['甲𠀀', '乙𠀁']);
		expect(builder.mergeLate()).toBe(true);
		const after = builder.table();
		expect(refoldContent(before, after)).toBe(searchContent(fold(first[0]!, after).chars));
		expect(refoldContent(before, after)).not.toBe(before);
	});

	it('comes out the same when texts are read in any order and noted in theirs (as the build reads them while it renders)', () => {
		// Late pairs whose merge order decides a representative: 丙 and 丁 each an edition's form of 甲, then of 乙.
		const texts = [
			[['甲乙', '丙丁']],
			[['乙甲', '丙丁']],
			[['網路甲', '網絡丁'], editions],
		];
		const inOrder = new FoldTableBuilder();
		for (const paragraphs of texts) for (const paragraph of paragraphs) inOrder.observe(paragraph);
		const readLate = new FoldTableBuilder();
		const observations = [...texts.keys()].reverse().map((i) => [i, readLate.read(texts[i]!)] as const);
		for (const [, observation] of observations.sort((a, b) => a[0] - b[0])) readLate.note(observation);
		expect(readLate.mergeLate()).toBe(inOrder.mergeLate());
		expect(serializeFoldTable(readLate.shipped())).toBe(serializeFoldTable(inOrder.shipped()));
		expect(inOrder.shipped().get('丁')).toBeDefined();
	});

	it('survives its own serialisation, astral characters included', () => {
		const withAstral = new Map([...table, ['𠮷', '吉']]);
		expect(parseFoldTable(serializeFoldTable(withAstral))).toEqual(withAstral);
	});
});

describe('edition diffs', () => {
	it.each([
		['网络安全', '網絡安全'],
		['安全网络', '安全網絡'],
		['一二三', '一二三'],
		['长度不同', '長度不同了'],
		['第1段', '第２段'],
		['甲𠮷乙', '甲吉乙'],
	])('restores %s → %s', (from, to) => {
		expect(applyEditionDiff(from, diffEdition(from, to))).toBe(to);
	});

	it('is short: only the differing characters and the gaps between them', () => {
		expect(diffEdition('网络安全和信息化', '網絡安全和信息化')).toBe('網絡');
		expect(diffEdition('安全和网络', '安全和網絡')).toBe('3網絡');
	});
});
