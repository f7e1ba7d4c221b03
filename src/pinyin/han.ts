/**
 * Which characters of a text get a reading, and which parts of a page are
 * read: shared by the build (which computes the readings from the text's
 * tree, src/pinyin/runs.ts) and the browser (which puts them over the
 * characters, src/client/pinyin.ts). Both must count the very same
 * characters in the very same order, so the rule lives here once. Ships to
 * the browser: keep it small.
 */

/** A Han character (CJK unified ideograph, any extension, and 〇), never punctuation, kana, radicals or 々. */
const HAN = /^[\p{Unified_Ideograph}〇]$/u;

export const isHan = (char: string) => HAN.test(char);

/** Elements whose characters get no reading: a ruby the author wrote already has its own, scripts and the like are not text. */
export const UNREAD_ELEMENTS = new Set(['ruby', 'rt', 'rp', 'script', 'style', 'template', 'svg', 'math', 'textarea']);

/** Text in another language than Chinese (`lang="ja"`) gets no Mandarin reading. */
export const isChinese = (lang: string) => lang === '' || /^zh(-|$)/i.test(lang);
