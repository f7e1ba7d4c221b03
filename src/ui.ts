/**
 * The words of the site's own interface, written once in simplified Chinese
 * and worded for each edition as its readers write (搜索 → 搜尋 in 繁體):
 * OpenCC's vocabulary locale and the edition's own fixes (src/editions.ts
 * `interfaceWords`), so a new edition needs no new strings. The texts are
 * never converted this way (src/convert/edition-text.ts).
 */
import { openccConverter, withPinnedTerms } from './convert/opencc.ts';
import type { Edition } from './editions.ts';

const STRINGS = {
	siteName: '繁简',
	siteTagline: '中文文献，简繁各版，逐段可引',
	texts: '文献',
	readIn: '阅读版本',
	search: '搜索',
	searchLabel: '搜索引文',
	searchPlaceholder: '输入一句引文，简繁皆可',
	searchNeedsJs: '搜索需要启用 JavaScript。不用 JavaScript 也可以按段落链接阅读全文。',
	searchTitle: '搜索引文',
	searchHint: '输入引文的简体或繁体，结果定位到段落。',
	noResults: '没有找到包含这句话的段落。',
	exact: '完全匹配',
	resultsCount: '找到 {n} 处，按日期从新到旧。',
	looseCount: '没有段落包含整句引文；以下 {n} 处包含其中最长的一段。',
	needsWords: '请输入要查找的文字。',
	moreResults: '更多结果',
	allResults: '查看全部 {n} 个结果',
	searchFailed: '搜索出错了，请稍后再试。',
	searchUnsupported: '这个浏览器不支持站内搜索，请更新浏览器。全文和段落链接照常可用。',
	paragraph: '第{n}段',
	paragraphRange: '第{n}至{m}段',
	paragraphLink: '第{n}段的链接',
	copyLink: '复制链接',
	copyLinkLabel: '复制链接（第{n}段）',
	copyCitation: '复制引文',
	copyCitationLabel: '复制引文（第{n}段）',
	published: '发布',
	publisher: '来源',
	originalSource: '原文链接',
	copied: '已复制',
	citeSelection: '复制所选引文',
	pinyin: '拼音',
	pinyinFailed: '拼音没有加载成功，请稍后再试。',
	notFoundTitle: '找不到这个页面',
	notFoundBody: '这个网址没有页面。可以从下面的文献列表找起。',
	skipToContent: '跳到正文',
	allEditions: '所有版本',
	movedTitle: '这篇文献换了网址',
	movedBody: '新网址：',
	movedParagraph: '前往新网址的第{n}段',
	// Browsing the archive.
	siteAbout: '每篇文献都有简体、繁体、香港繁体三个版本，每段都有长久有效的链接；引文不论用简体还是繁体输入，都能找到原文段落。',
	editions: '版本',
	recentTexts: '最新文献',
	allTexts: '全部文献',
	byYear: '按年份浏览',
	textCount: '{n}篇',
	months: '月份',
	continued: '（续）',
	pages: '分页',
	pageN: '第{n}页',
	previousPage: '上一页',
	nextPage: '下一页',
	earlierYear: '上一年',
	laterYear: '下一年',
	textNeighbours: '前后文献',
	earlierText: '上一篇',
	laterText: '下一篇',
	breadcrumb: '所在位置',
	feed: 'RSS 订阅',
	compareLink: '对照各版本',
	compareTitle: '各版本对照',
	compareIntro: '这篇文献的各个版本按段并排，与原文不同的字都有标记（引号按各版本的习惯改写，不标记）。一个字在另一种写法中对应几个字时，转换只能选其中一个：这些选择另有标记，并注明由词组、固定词还是单字默认决定。单字默认不看上下文，最需要核对。',
	compareBack: '返回正文',
	compareSummary: '转换概况',
	compareEdition: '版本',
	compareStored: '原文',
	compareDifferences: '改动的字',
	compareByDefault: '单字默认',
	compareByPhrase: '词组',
	compareByTerm: '本文固定词',
	compareByGlossary: '词表固定词',
	compareNotTaken: '未取',
	compareRisky: '需要核对：单字默认的选择',
	compareNoRisky: '没有单字默认的选择。',
	comparePinned: '固定词决定的选择',
	comparePhrases: '词组决定的选择',
	/** How many different choices a list holds (the summary table counts each place). */
	compareKinds: '{n}种',
	compareLegend: '标记',
	compareLegendDifference: '与原文不同的字',
	compareLegendPhrase: '一对多，由词组决定',
	compareLegendPinned: '一对多，由固定词决定',
	compareLegendDefault: '一对多，单字默认，需要核对',
	compareTable: '逐段对照',
	compareParagraph: '段',
	compareTitleRow: '标题',
	compareUnnumbered: '未编号',
} as const;

export type UiStrings = { [K in keyof typeof STRINGS]: string };

const byEdition = new Map<string, UiStrings>();

/**
 * A string with its `{n}` filled in.
 *
 * @example fill(ui(edition).pageN, 2) // '第2页'
 */
export const fill = (template: string, n: number | string) => template.replace('{n}', String(n));

/** The interface strings as an edition words them. */
export function ui(edition: Pick<Edition, 'lang' | 'interfaceWords'>): UiStrings {
	let strings = byEdition.get(edition.lang);
	if (!strings) {
		const { opencc, fixes = {} } = edition.interfaceWords;
		// Fixes apply to OpenCC's output: each word as given, everything around it kept.
		const fix = withPinnedTerms((text) => text, Object.entries(fixes).map(([match, output]) => ({ match, output })));
		const convert = openccConverter('cn', opencc);
		strings = Object.fromEntries(Object.entries(STRINGS).map(([key, value]) => [key, fix(convert(value))])) as UiStrings;
		byEdition.set(edition.lang, strings);
	}
	return strings;
}
