/**
 * The script editions the site publishes, as data. Adding an edition is one
 * entry in `EDITIONS`; every route, alternate link, converter, quotation mark
 * and interface word follows it.
 *
 * Vocabulary editions of the texts (OpenCC `twp`, `hkp`) are deliberately
 * absent: they rewrite wording (网络→網路, 支持→支援) and rename official
 * bodies, so one may only ship with protected terms and a label saying so
 * (see DESIGN.md §3). The site's own interface is another matter: it is ours,
 * so it is worded as each edition's readers write (`interfaceWords`).
 *
 * Imported by browser code too (the search engine): keep it data.
 */

/** An OpenCC locale as understood by opencc-js. */
export type OpenccLocale = 'cn' | 'tw' | 'twp' | 'hk' | 'hkp' | 't';

export interface Edition {
	/** BCP-47 language tag, used for `<html lang>` and `hreflang`. */
	lang: string;
	/** URL segment: the tag in lower case (`/zh-hant/…`). */
	path: string;
	/** OpenCC locale whose character forms this edition uses. */
	opencc: OpenccLocale;
	/** The edition's name, written in its own script. */
	label: string;
	/**
	 * Quotation marks, outermost first, each as its opening and closing mark
	 * (`'「」'`); deeper quotations take the levels in turn again. A text
	 * takes them whatever marks it is stored with, unless its own script
	 * quotes the same way: then it reads as published (src/convert/quotes.ts,
	 * `editionQuotes` in src/convert/edition-text.ts).
	 */
	quotes: readonly QuoteLevel[];
	/**
	 * How the site's own interface is worded here (never the texts): the
	 * simplified strings of src/ui.ts go through this OpenCC locale, which may
	 * change vocabulary (`twp`: 搜索→搜尋, 链接→連結), then through `fixes`,
	 * word for word, where OpenCC's wording is wrong for an interface.
	 */
	interfaceWords: { opencc: OpenccLocale; fixes?: Readonly<Record<string, string>> };
}

/** One level of quotation marks: the opening mark, then the closing one (`'「」'`). */
export type QuoteLevel = string;

export const EDITIONS = [
	{
		lang: 'zh-Hans',
		path: 'zh-hans',
		opencc: 'cn',
		label: '简体',
		quotes: ['“”', '‘’'],
		interfaceWords: { opencc: 'cn' },
	},
	{
		lang: 'zh-Hant',
		path: 'zh-hant',
		opencc: 'tw',
		label: '繁體',
		quotes: ['「」', '『』'],
		// twp words a publication date as software is released (發布→釋出); Taiwan's news sites write 發布.
		// A phrase of a dictionary is a 詞組 (twp's 片語 is a set phrase, an idiom).
		interfaceWords: { opencc: 'twp', fixes: { 釋出: '發布', 片語: '詞組' } },
	},
	{
		lang: 'zh-HK',
		path: 'zh-hk',
		opencc: 'hk',
		label: '香港繁體',
		quotes: ['「」', '『』'],
		// hkp keeps the mainland's 鏈接 for a link, 默認 for a default and 加載 for loading; Hong Kong's interfaces write 連結 (複製連結, 相關連結), 預設 (預設值) and 載入 (載入中).
		interfaceWords: { opencc: 'hkp', fixes: { 鏈接: '連結', 默認: '預設', 加載: '載入' } },
	},
] as const satisfies readonly Edition[];

/** The edition used for `x-default` and for the fold of the search index. */
export const DEFAULT_EDITION: Edition = EDITIONS[0];

/**
 * Scripts an entry may be stored in, with the OpenCC locale to convert from.
 * `zh-Hant` means traditional characters in the Taiwan standard forms.
 */
export const STORAGE_SCRIPTS = {
	'zh-Hans': 'cn',
	'zh-Hant': 'tw',
	'zh-HK': 'hk',
} as const satisfies Record<string, OpenccLocale>;

export type StorageScript = keyof typeof STORAGE_SCRIPTS;

export const STORAGE_SCRIPT_NAMES = Object.keys(STORAGE_SCRIPTS) as StorageScript[];


/** `getStaticPaths` for routes under `/<edition>/`. */
export function editionPaths() {
	return EDITIONS.map((edition) => ({ params: { edition: edition.path }, props: { edition } }));
}
