/**
 * The polyphone sets (tests/fixtures/pinyin/, drawn from CC-CEDICT: see its
 * README): how often pinyin-pro alone, and ours, read the polyphone of an
 * idiom or set phrase as the dictionary does. The figures are the README's:
 * a change of library or data that moves them fails here until the README
 * says so.
 */
import { describe, expect, it } from 'vitest';
import { libraryMisses, ourMisses, polyphoneSet } from '../support/polyphones.ts';

const percent = (misses: string[], total: number) => Math.floor(((total - misses.length) / total) * 1000) / 10;

describe('the polyphone set (305 idioms and set phrases)', () => {
	const cases = polyphoneSet('polyphones.tsv');

	it('has at least 150 cases, each a polyphone in a phrase', () => {
		expect(cases.length).toBeGreaterThanOrEqual(150);
		for (const c of cases) expect(Array.from(c.phrase)[c.at], c.phrase).toBe(c.char);
	});

	it('pinyin-pro alone reads 237 of 305 (77.7 %)', () => {
		const misses = libraryMisses(cases);
		expect([cases.length - misses.length, percent(misses, cases.length)]).toEqual([237, 77.7]);
	});

	it('ours reads at least 99 %, and misses none', () => {
		const misses = ourMisses(cases);
		expect(percent(misses, cases.length)).toBeGreaterThanOrEqual(99);
		expect(misses).toEqual([]);
	});
});

describe('the held-out set (305 phrases our supplement was not written from)', () => {
	const cases = polyphoneSet('polyphones-held-out.tsv');

	it('pinyin-pro alone reads 245 of 305 (80.3 %), ours 247 (80.9 %)', () => {
		const library = libraryMisses(cases);
		const ours = ourMisses(cases);
		expect([cases.length - library.length, percent(library, cases.length)]).toEqual([245, 80.3]);
		expect([cases.length - ours.length, percent(ours, cases.length)]).toEqual([247, 80.9]);
	});

	it('ours misses these (dictionary reading ≠ ours)', () => {
		expect(ourMisses(cases)).toEqual([
			"用得着:着 zháo≠zhe",
			"镇得住:得 de≠dé",
			"人比人得死:得 děi≠dé",
			"只争朝夕:只 zhǐ≠zhī",
			"数黄道黑:数 shǔ≠shù",
			"数见不鲜:数 shuò≠shù",
			"有缘无分:分 fèn≠fēn",
			"教书匠:教 jiāo≠jiào",
			"睡回笼觉:觉 jiào≠jué",
			"吃空饷:空 kòng≠kōng",
			"怪腔怪调:调 diào≠tiáo",
			"朝不虑夕:朝 zhāo≠cháo",
			"倾箱倒箧:倒 dào≠dǎo",
			"吃干抹净:干 gān≠gàn",
			"人给家足:给 jǐ≠gěi",
			"供货商:供 gōng≠gòng",
			"将伯之助:将 qiāng≠jiāng",
			"开花结实:结 jiē≠jié",
			"一字不落:落 là≠luò",
			"长篇累牍:累 lěi≠lèi",
			"率尔操觚:率 shuài≠lǜ",
			"坑蒙拐骗:蒙 mēng≠méng",
			"磨豆腐:磨 mò≠mó",
			"足高气强:强 jiàng≠qiáng",
			"强扭的瓜不甜:强 qiǎng≠qiáng",
			"地塞米松:塞 sài≠sāi",
			"扇尾沙锥:扇 shān≠shàn",
			"神不守舍:舍 shè≠shě",
			"毕宿五:宿 xiù≠sù",
			"上吐下泻:吐 tù≠tǔ",
			"狗血喷头:血 xiě≠xuè",
			"扎线带:扎 zā≠zhā",
			"种植园:种 zhòng≠zhǒng",
			"转败为胜:转 zhuàn≠zhuǎn",
			"钻坚仰高:钻 zuān≠zuàn",
			"喷薄欲出:薄 bó≠báo",
			"抽丝剥茧:剥 bō≠bāo",
			"外场人:场 cháng≠chǎng",
			"担仔面:担 dàn≠dān",
			"裁缝店:缝 féng≠feng",
			"文攻武吓:吓 hè≠xià",
			"稻荷寿司:荷 hè≠hé",
			"混水摸鱼:混 hún≠hùn",
			"夹肢窝:夹 gā≠jiá",
			"半间不界:间 gān≠jiān",
			"清风劲节:劲 jìng≠jìn",
			"勒脖子:勒 lēi≠lè",
			"吃干抹净:抹 mā≠mǒ",
			"刨丝器:刨 bào≠páo",
			"翘居群首:翘 qiáo≠qiào",
			"煞性子:煞 shā≠shà",
			"心神不属:属 zhǔ≠shǔ",
			"日月晕:晕 yùn≠yūn",
			"粘船鱼:粘 zhān≠nián",
			"三七仔:仔 zǐ≠zǎi",
			"挨饿受冻:挨 ái≠āi",
			"拗不过:拗 niù≠ào",
			"游戏手把:把 bà≠bǎ"
		]);
	});
});
