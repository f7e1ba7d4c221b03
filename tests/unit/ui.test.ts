/**
 * The site's own interface, worded as each edition's readers write it
 * (src/ui.ts with src/editions.ts `interfaceWords`), and never the texts.
 */
import { describe, expect, it } from 'vitest';
import { editionConverter } from '../../src/convert/edition-text.ts';
import { EDITIONS } from '../../src/editions.ts';
import { ui, type UiStrings } from '../../src/ui.ts';

const edition = (lang: string) => EDITIONS.find((e) => e.lang === lang)!;
const words = (lang: string) => Object.values(ui(edition(lang))).join('\n');

describe('interface words', () => {
	it('every interface string in every edition', () => {
		const keys = Object.keys(ui(EDITIONS[0])) as (keyof UiStrings)[];
		const table = [['', ...EDITIONS.map((e) => e.lang)], ...keys.map((key) => [key, ...EDITIONS.map((e) => ui(e)[key])])];
		expect(table.map((row) => row.join(' | ')).join('\n')).toMatchInlineSnapshot(`
			" | zh-Hans | zh-Hant | zh-HK
			siteName | 繁简 | 繁簡 | 繁簡
			siteTagline | 中文文献，简繁各版，逐段可引 | 中文文獻，簡繁各版，逐段可引 | 中文文獻，簡繁各版，逐段可引
			texts | 文献 | 文獻 | 文獻
			readIn | 阅读版本 | 閱讀版本 | 閲讀版本
			search | 搜索 | 搜尋 | 搜尋
			searchLabel | 搜索引文 | 搜尋引文 | 搜尋引文
			searchPlaceholder | 输入一句引文，简繁皆可 | 輸入一句引文，簡繁皆可 | 輸入一句引文，簡繁皆可
			searchNeedsJs | 搜索需要启用 JavaScript。不用 JavaScript 也可以按段落链接阅读全文。 | 搜尋需要啟用 JavaScript。不用 JavaScript 也可以按段落連結閱讀全文。 | 搜尋需要啓用 JavaScript。不用 JavaScript 也可以按段落連結閲讀全文。
			searchTitle | 搜索引文 | 搜尋引文 | 搜尋引文
			searchHint | 输入引文的简体或繁体，结果定位到段落。 | 輸入引文的簡體或繁體，結果定位到段落。 | 輸入引文的簡體或繁體，結果定位到段落。
			noResults | 没有找到包含这句话的段落。 | 沒有找到包含這句話的段落。 | 沒有找到包含這句話的段落。
			exact | 完全匹配 | 完全匹配 | 完全匹配
			resultsCount | 找到 {n} 处，按日期从新到旧。 | 找到 {n} 處，按日期從新到舊。 | 找到 {n} 處，按日期從新到舊。
			looseCount | 没有段落包含整句引文；以下 {n} 处包含其中最长的一段。 | 沒有段落包含整句引文；以下 {n} 處包含其中最長的一段。 | 沒有段落包含整句引文；以下 {n} 處包含其中最長的一段。
			needsWords | 请输入要查找的文字。 | 請輸入要查詢的文字。 | 請輸入要查找的文字。
			moreResults | 更多结果 | 更多結果 | 更多結果
			allResults | 查看全部 {n} 个结果 | 檢視全部 {n} 個結果 | 查看全部 {n} 個結果
			searchFailed | 搜索出错了，请稍后再试。 | 搜尋出錯了，請稍後再試。 | 搜尋出錯了，請稍後再試。
			searchUnsupported | 这个浏览器不支持站内搜索，请更新浏览器。全文和段落链接照常可用。 | 這個瀏覽器不支援站內搜尋，請更新瀏覽器。全文和段落連結照常可用。 | 這個瀏覽器不支持站內搜尋，請更新瀏覽器。全文和段落連結照常可用。
			paragraph | 第{n}段 | 第{n}段 | 第{n}段
			paragraphRange | 第{n}至{m}段 | 第{n}至{m}段 | 第{n}至{m}段
			paragraphLink | 第{n}段的链接 | 第{n}段的連結 | 第{n}段的連結
			copyLink | 复制链接 | 複製連結 | 複製連結
			copyLinkLabel | 复制链接（第{n}段） | 複製連結（第{n}段） | 複製連結（第{n}段）
			copyCitation | 复制引文 | 複製引文 | 複製引文
			copyCitationLabel | 复制引文（第{n}段） | 複製引文（第{n}段） | 複製引文（第{n}段）
			published | 发布 | 發布 | 發佈
			publisher | 来源 | 來源 | 來源
			originalSource | 原文链接 | 原文連結 | 原文連結
			copied | 已复制 | 已複製 | 已複製
			citeSelection | 复制所选引文 | 複製所選引文 | 複製所選引文
			pinyin | 拼音 | 拼音 | 拼音
			pinyinFailed | 拼音没有加载成功，请稍后再试。 | 拼音沒有載入成功，請稍後再試。 | 拼音沒有載入成功，請稍後再試。
			notFoundTitle | 找不到这个页面 | 找不到這個頁面 | 找不到這個頁面
			notFoundBody | 这个网址没有页面。可以从下面的文献列表找起。 | 這個網址沒有頁面。可以從下面的文獻列表找起。 | 這個網址沒有頁面。可以從下面的文獻列表找起。
			skipToContent | 跳到正文 | 跳到正文 | 跳到正文
			allEditions | 所有版本 | 所有版本 | 所有版本
			movedTitle | 这篇文献换了网址 | 這篇文獻換了網址 | 這篇文獻換了網址
			movedBody | 新网址： | 新網址： | 新網址：
			movedParagraph | 前往新网址的第{n}段 | 前往新網址的第{n}段 | 前往新網址的第{n}段
			siteAbout | 每篇文献都有简体、繁体、香港繁体三个版本，每段都有长久有效的链接；引文不论用简体还是繁体输入，都能找到原文段落。 | 每篇文獻都有簡體、繁體、香港繁體三個版本，每段都有長久有效的連結；引文不論用簡體還是繁體輸入，都能找到原文段落。 | 每篇文獻都有簡體、繁體、香港繁體三個版本，每段都有長久有效的連結；引文不論用簡體還是繁體輸入，都能找到原文段落。
			editions | 版本 | 版本 | 版本
			recentTexts | 最新文献 | 最新文獻 | 最新文獻
			allTexts | 全部文献 | 全部文獻 | 全部文獻
			byYear | 按年份浏览 | 按年份瀏覽 | 按年份瀏覽
			textCount | {n}篇 | {n}篇 | {n}篇
			months | 月份 | 月份 | 月份
			continued | （续） | （續） | （續）
			pages | 分页 | 分頁 | 分頁
			pageN | 第{n}页 | 第{n}頁 | 第{n}頁
			previousPage | 上一页 | 上一頁 | 上一頁
			nextPage | 下一页 | 下一頁 | 下一頁
			earlierYear | 上一年 | 上一年 | 上一年
			laterYear | 下一年 | 下一年 | 下一年
			textNeighbours | 前后文献 | 前後文獻 | 前後文獻
			earlierText | 上一篇 | 上一篇 | 上一篇
			laterText | 下一篇 | 下一篇 | 下一篇
			breadcrumb | 所在位置 | 所在位置 | 所在位置
			feed | RSS 订阅 | RSS 訂閱 | RSS 訂閲
			compareLink | 对照各版本 | 對照各版本 | 對照各版本
			compareTitle | 各版本对照 | 各版本對照 | 各版本對照
			compareIntro | 这篇文献的各个版本按段并排，与原文不同的字都有标记（引号按各版本的习惯改写，不标记）。一个字在另一种写法中对应几个字时，转换只能选其中一个：这些选择另有标记，并注明由词组、固定词还是单字默认决定。单字默认不看上下文，最需要核对。 | 這篇文獻的各個版本按段並排，與原文不同的字都有標記（引號按各版本的習慣改寫，不標記）。一個字在另一種寫法中對應幾個字時，轉換只能選其中一個：這些選擇另有標記，並註明由詞組、固定詞還是單字預設決定。單字預設不看上下文，最需要核對。 | 這篇文獻的各個版本按段並排，與原文不同的字都有標記（引號按各版本的習慣改寫，不標記）。一個字在另一種寫法中對應幾個字時，轉換只能選其中一個：這些選擇另有標記，並註明由詞組、固定詞還是單字預設決定。單字預設不看上下文，最需要核對。
			compareBack | 返回正文 | 返回正文 | 返回正文
			compareSummary | 转换概况 | 轉換概況 | 轉換概況
			compareEdition | 版本 | 版本 | 版本
			compareStored | 原文 | 原文 | 原文
			compareDifferences | 改动的字 | 改動的字 | 改動的字
			compareByDefault | 单字默认 | 單字預設 | 單字預設
			compareByPhrase | 词组 | 詞組 | 詞組
			compareByTerm | 本文固定词 | 本文固定詞 | 本文固定詞
			compareByGlossary | 词表固定词 | 詞表固定詞 | 詞表固定詞
			compareNotTaken | 未取 | 未取 | 未取
			compareRisky | 需要核对：单字默认的选择 | 需要核對：單字預設的選擇 | 需要核對：單字預設的選擇
			compareNoRisky | 没有单字默认的选择。 | 沒有單字預設的選擇。 | 沒有單字預設的選擇。
			comparePinned | 固定词决定的选择 | 固定詞決定的選擇 | 固定詞決定的選擇
			comparePhrases | 词组决定的选择 | 詞組決定的選擇 | 詞組決定的選擇
			compareKinds | {n}种 | {n}種 | {n}種
			compareLegend | 标记 | 標記 | 標記
			compareLegendDifference | 与原文不同的字 | 與原文不同的字 | 與原文不同的字
			compareLegendPhrase | 一对多，由词组决定 | 一對多，由詞組決定 | 一對多，由詞組決定
			compareLegendPinned | 一对多，由固定词决定 | 一對多，由固定詞決定 | 一對多，由固定詞決定
			compareLegendDefault | 一对多，单字默认，需要核对 | 一對多，單字預設，需要核對 | 一對多，單字預設，需要核對
			compareTable | 逐段对照 | 逐段對照 | 逐段對照
			compareParagraph | 段 | 段 | 段
			compareTitleRow | 标题 | 標題 | 標題
			compareUnnumbered | 未编号 | 未編號 | 未編號"
		`);
	});

	it.each(['zh-Hant', 'zh-HK'])('%s searches (搜尋) and links (連結), never 搜索 or 鏈接', (lang) => {
		expect(words(lang)).toContain('搜尋');
		expect(words(lang)).toContain('連結');
		expect(words(lang)).not.toMatch(/搜索|鏈接/);
	});

	it.each(['zh-Hant', 'zh-HK'])('%s loads (載入), never 加載 as the mainland writes it', (lang) => {
		expect(ui(edition(lang)).pinyinFailed).toContain('載入');
		expect(words(lang)).not.toContain('加載');
	});

	it('zh-Hant dates a publication 發布, not as software is released (釋出): an edition’s fix of OpenCC', () => {
		expect(ui(edition('zh-Hant')).published).toBe('發布');
	});

	it('zh-Hans is the interface as written', () => {
		expect(ui(edition('zh-Hans')).copyLink).toBe('复制链接');
	});

	it.each([
		['zh-Hant', '網絡信息', '搜索'],
		['zh-HK', '網絡信息', '搜索'],
	])('a text in %s keeps its own words: 网络信息 stays %s, 搜索 stays %s', (lang, network, search) => {
		const convert = editionConverter('zh-Hans', edition(lang));
		expect(convert('网络信息')).toBe(network);
		expect(convert('搜索')).toBe(search);
	});
});
