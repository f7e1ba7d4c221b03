/**
 * Traditional characters that settle the reading of the simplified one they
 * share: 发 is fā or fà, but 發 is only fā and 髮 only fà. Where an edition
 * shows one of these (OpenCC chose it by phrase: 頭髮, 發展), the reading of
 * that position must be one its character has (src/pinyin/readings.ts).
 *
 * Pairs from 《通用规范汉字表》(2013), appendix 1 (规范字与繁体字、异体字对照表),
 * where one simplified character stands for several traditional ones;
 * readings as 《现代汉语词典》 (7th ed.) gives them for the traditional
 * character's senses. A traditional character that keeps several readings of
 * its simplified one (著, 乾坤/乾燥 both 乾, 劃) is listed only if it still
 * rules some out. First reading first: it is taken when the library's
 * reading is not one of them.
 */
export const SETTLED_READINGS: Readonly<Record<string, readonly string[]>> = {
	發: ['fā'], // 发展, 出发
	髮: ['fà'], // 头发, 千钧一发
	乾: ['gān', 'qián'], // 干燥 (乾隆 is written 乾 in simplified too)
	幹: ['gàn'], // 干部, 能干
	後: ['hòu'], // 落后, 以后
	隻: ['zhī'], // 一只
	鬥: ['dòu'], // 奋斗
	盡: ['jìn'], // 尽力
	儘: ['jǐn'], // 尽管, 尽早
	蔔: ['bo', 'bǔ'], // 萝卜 luóbo
	髒: ['zāng'], // 肮脏
	臟: ['zàng'], // 心脏
	沖: ['chōng'], // 冲洗 (衝 keeps chōng and chòng)
	捲: ['juǎn'], // 卷入 (卷 keeps juàn and juǎn)
	僕: ['pú'], // 仆人 (仆 pū: 前仆后继)
	樸: ['pǔ'], // 朴素 (朴 piáo, pō, pò)
	摺: ['zhé'], // 折叠
	係: ['xì'], // 关系
	瞭: ['liǎo', 'liào'], // 了解, 瞭望 (了 le)
	佔: ['zhàn'], // 占领 (占 zhān: 占卜)
	葉: ['yè'], // 树叶 (叶 xié: 叶韵)
	適: ['shì'], // 适合 (适 kuò)
	捨: ['shě'], // 舍得 (舍 shè: 宿舍)
	麴: ['qū'], // 酒曲
	麯: ['qū'],
	穀: ['gǔ'], // 谷物 (谷 yù: 吐谷浑)
	籲: ['yù'], // 呼吁 (吁 xū)
	廠: ['chǎng'], // 工厂
	廣: ['guǎng'], // 广大
	價: ['jià'], // 价格 (价 jiè)
	彆: ['biè'], // 别扭
	醃: ['yān'], // 腌制 (腌 ā: 腌臜)
	縴: ['qiàn'], // 纤夫
	纖: ['xiān'], // 纤维
	蔘: ['shēn'], // 人参
	闢: ['pì'], // 开辟 (辟 bì)
	蠟: ['là'], // 蜡烛 (蜡 zhà)
	萬: ['wàn'], // 万 (万 mò: 万俟)
	築: ['zhù'], // 建筑 (筑 zhú)
	據: ['jù'], // 根据 (据 jū: 拮据)
	癥: ['zhēng'], // 症结
	嚥: ['yàn'], // 咽下
	桿: ['gǎn'], // 枪杆, 笔杆 (杆 gān: 旗杆)
	壞: ['huài'], // 坏 (坏 pī)
	讎: ['chóu'], // 仇 (仇 qiú: surname)
	濛: ['méng'], // 蒙蒙细雨
	懞: ['méng'],
	臺: ['tái'], // 台湾, 舞台 (台 tāi: 天台)
	檯: ['tái'],
	颱: ['tái'],
	採: ['cǎi'], // 采集 (采 cài: 采邑)
};
