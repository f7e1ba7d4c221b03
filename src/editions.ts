/**
 * The script editions the site publishes, as data. Adding an edition is one
 * entry in `EDITIONS`; every route, alternate link and converter follows it.
 *
 * Vocabulary editions (OpenCC `twp`, `hkp`) are deliberately absent: they
 * rewrite wording (网络→網路, 支持→支援) and rename official bodies, so one may
 * only ship with protected terms and a label saying so (see DESIGN.md §3).
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
}

export const EDITIONS = [
	{ lang: 'zh-Hans', path: 'zh-hans', opencc: 'cn', label: '简体' },
	{ lang: 'zh-Hant', path: 'zh-hant', opencc: 'tw', label: '繁體' },
	{ lang: 'zh-HK', path: 'zh-hk', opencc: 'hk', label: '香港繁體' },
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
