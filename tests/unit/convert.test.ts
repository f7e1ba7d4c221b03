import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editionConverter, editionQuotes } from '../../src/convert/edition-text.ts';
import { openccConverter, withPinnedTerms } from '../../src/convert/opencc.ts';
import { convertTree, labelKeptPassages, requoteTree } from '../../src/convert/tree.ts';
import { urlSpans } from '../../src/convert/urls.ts';
import { EDITIONS } from '../../src/editions.ts';
import { SEED_SLUG } from '../support/site.ts';

const cn2tw = openccConverter('cn', 'tw');
const zhHant = EDITIONS.find((edition) => edition.lang === 'zh-Hant')!;
const convertHtml = (html: string, convert = editionConverter('zh-Hans', zhHant)) => {
	const tree = fromHtml(html, { fragment: true });
	convertTree(tree, convert);
	return toHtml(tree);
};

describe('conversion of HTML', () => {
	it('keeps phrase context across inline markup: 牽一<b>发</b>而动全身 → 髮', () => {
		expect(convertHtml('<p>牽一<b>发</b>而动全身</p>')).toBe('<p>牽一<b>髮</b>而動全身</p>');
	});

	it('converting each text node alone would get it wrong (the test above can fail)', () => {
		expect(cn2tw('发')).toBe('發');
		expect(convertHtml('<p>牵一<b>发</b>而动全身</p>')).toBe('<p>牽一<b>髮</b>而動全身</p>');
	});

	it('folds stray characters of the other script, but not characters both scripts use', () => {
		expect(editionConverter('zh-Hans', EDITIONS[0])('牽一发而动全身，覆盖')).toBe('牵一发而动全身，覆盖');
	});

	it('leaves URLs, code, scripts and styles alone', () => {
		const html =
			'<p><a href="/发展/?q=发">发展</a><code>发展</code></p><pre>发展</pre><script>var s="发展"</script><style>.发{}</style>';
		expect(convertHtml(html)).toBe(
			'<p><a href="/发展/?q=发">發展</a><code>发展</code></p><pre>发展</pre><script>var s="发展"</script><style>.发{}</style>',
		);
	});

	it('leaves anything marked data-no-convert or translate="no" alone', () => {
		expect(convertHtml('<p>发展<span data-no-convert>发展</span><span translate="no">发展</span></p>')).toBe(
			'<p>發展<span data-no-convert="">发展</span><span translate="no">发展</span></p>',
		);
	});

	it('converts alt, title and aria-label, and the description meta', () => {
		expect(convertHtml('<img alt="网络" title="发展"><a aria-label="链接" href="#">x</a><meta name="description" content="网络">')).toBe(
			'<img alt="網絡" title="發展"><a aria-label="鏈接" href="#">x</a><meta name="description" content="網絡">',
		);
	});

	it('does not carry phrase context from one block into the next', () => {
		expect(convertHtml('<p>牽一</p><p>发</p>')).toBe('<p>牽一</p><p>發</p>');
	});
});

describe('stray characters of the other script take the form of their phrase', () => {
	// Each case: the text's stored script, its words with a stray character, and the words in each edition.
	describe.each([
		['zh-Hant', '頭发', { 'zh-Hans': '头发', 'zh-Hant': '頭髮', 'zh-HK': '頭髮' }],
		['zh-Hant', '經濟发展', { 'zh-Hans': '经济发展', 'zh-Hant': '經濟發展', 'zh-HK': '經濟發展' }],
		['zh-Hant', '他的頭发很長，經濟发展很快。', { 'zh-Hans': '他的头发很长，经济发展很快。', 'zh-Hant': '他的頭髮很長，經濟發展很快。', 'zh-HK': '他的頭髮很長，經濟發展很快。' }],
		['zh-HK', '理发店', { 'zh-Hans': '理发店', 'zh-Hant': '理髮店', 'zh-HK': '理髮店' }],
		['zh-Hans', '头發很长', { 'zh-Hans': '头发很长', 'zh-Hant': '頭髮很長', 'zh-HK': '頭髮很長' }],
		['zh-Hans', '牽一发而动全身', { 'zh-Hans': '牵一发而动全身', 'zh-Hant': '牽一髮而動全身', 'zh-HK': '牽一髮而動全身' }],
	] as const)('in a %s text, %s', (script, text, expected) => {
		it.each(EDITIONS.map((edition) => [edition.lang, edition] as const))('reads %s', (lang, edition) => {
			expect(editionConverter(script, edition)(text)).toBe(expected[lang]);
		});
	});

	it('one character at a time would get it wrong (the cases above can fail)', () => {
		expect(openccConverter('cn', 'tw')('发')).toBe('發');
		expect(openccConverter('tw', 'cn')('發')).toBe('发');
	});
});

describe('URLs written in the text are never converted', () => {
	const zhHans = EDITIONS.find((edition) => edition.lang === 'zh-Hans')!;
	const pinned = [{ 'zh-Hans': '网络', 'zh-Hant': '網路', 'zh-HK': '網絡' }];
	// Each case: stored script, pinned terms, the text's HTML, and the HTML in the zh-Hant (or, for a traditional text, zh-Hans) edition.
	it.each([
		['a non-ASCII URL in the text', 'zh-Hans', [], '<p>见https://zh.wikipedia.org/wiki/网络。</p>', '<p>見https://zh.wikipedia.org/wiki/网络。</p>'],
		['a URL that is a link, and its href', 'zh-Hans', [], '<p><a href="https://zh.wikipedia.org/wiki/网络">https://zh.wikipedia.org/wiki/网络</a>发展</p>', '<p><a href="https://zh.wikipedia.org/wiki/网络">https://zh.wikipedia.org/wiki/网络</a>發展</p>'],
		['a URL across inline markup', 'zh-Hans', [], '<p>见https://zh.wikipedia.org/<b>wiki/网络</b> 发展</p>', '<p>見https://zh.wikipedia.org/<b>wiki/网络</b> 發展</p>'],
		['two URLs, a query and a fragment, and punctuation after them', 'zh-Hans', [], '<p>（见 https://例子.cn/网络?q=发展#头发）和www.网络.cn。</p>', '<p>（見 https://例子.cn/网络?q=发展#头发）和www.网络.cn。</p>'],
		['a URL holding a pinned term', 'zh-Hans', pinned, '<p>网络：https://zh.wikipedia.org/wiki/网络</p>', '<p>網路：https://zh.wikipedia.org/wiki/网络</p>'],
		['a URL with a stray character in a traditional text', 'zh-Hant', [], '<p>頭发：https://zh.wikipedia.org/wiki/頭發</p>', '<p>头发：https://zh.wikipedia.org/wiki/頭發</p>'],
		['a URL in a title attribute', 'zh-Hans', [], '<p><abbr title="网络 https://例子.cn/网络">网</abbr></p>', '<p><abbr title="網絡 https://例子.cn/网络">網</abbr></p>'],
	] as const)('%s', (_case, script, terms, html, expected) => {
		const edition = script === 'zh-Hans' ? zhHant : zhHans;
		expect(convertHtml(html, editionConverter(script, edition, terms, `urls-${script}-${terms.length}`))).toBe(expected);
	});

	it('in every edition, ASCII or not', () => {
		const html = '<p>见https://zh.wikipedia.org/wiki/网络与http://example.com/fa%E5%8F%91，网络。</p>';
		for (const edition of EDITIONS) {
			const out = convertHtml(html, editionConverter('zh-Hans', edition));
			expect(out).toContain('https://zh.wikipedia.org/wiki/网络与http://example.com/fa%E5%8F%91，');
		}
	});

	it.each([
		['见https://zh.wikipedia.org/wiki/网络。', ['https://zh.wikipedia.org/wiki/网络']],
		['(see https://en.wikipedia.org/wiki/Foo_(bar)).', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
		['见“https://例子.cn/网络”，或mailto:网络@例子.cn！', ['https://例子.cn/网络', 'mailto:网络@例子.cn']],
		['HTTP://EXAMPLE.COM/网络, www.example.com.', ['HTTP://EXAMPLE.COM/网络', 'www.example.com']],
		['https:// 网络，www.。', []],
	])('finds the URLs in %s', (text, urls) => {
		expect(urlSpans(text).map(([start, end]) => text.slice(start, end))).toEqual(urls);
	});
});

describe('pinned terms', () => {
	it('convert as pinned, everything around them as OpenCC does', () => {
		const convert = withPinnedTerms(cn2tw, [{ match: '网络', output: '網路' }]);
		expect(convert('网络安全和信息化')).toBe('網路安全和信息化');
	});
});

describe('the seed in every edition', () => {
	const mdx = readFileSync(`content/${SEED_SLUG}.mdx`, 'utf8');
	const body = mdx.slice(mdx.indexOf('---', 3) + 3);
	const [, zhHant, zhHk] = EDITIONS.map((edition) => editionConverter('zh-Hans', edition)(body));

	describe.each([
		['zh-Hant', zhHant!],
		['zh-HK', zhHk!],
	])('%s', (_name, text) => {
		it.each([
			['並', 3, '并'],
			['劉雲山', 1, '劉云山'],
			['落後', 1, '落后'],
			['牽一髮', 1, '牽一發'],
			['關係', 1, '關系'],
			['標誌', 1, '標志'],
			['信息採集', 1, '信息采集'],
			['奮鬥', 1, '奮斗'],
		])('has %s ×%i and never %s', (right, count, wrong) => {
			expect(text.split(right).length - 1).toBe(count);
			expect(text).not.toContain(wrong);
		});

		it('has no 并發表', () => expect(text).not.toContain('并發表'));
	});
});

describe('passages kept unconverted', () => {
	it('carry the language they are written in, unless the author gave one', () => {
		const tree = fromHtml('<p>发展<span data-no-convert>发展</span><span data-no-convert lang="en">CNNIC</span></p>', { fragment: true });
		labelKeptPassages(tree, 'zh-Hans');
		convertTree(tree, cn2tw);
		expect(toHtml(tree)).toBe('<p>發展<span data-no-convert="" lang="zh-Hans">发展</span><span data-no-convert="" lang="en">CNNIC</span></p>');
	});
});

describe('quotation marks of an HTML tree', () => {
	const requoted = (html: string, lang: string) => {
		const tree = fromHtml(html, { fragment: true });
		const restore = requoteTree(tree, EDITIONS.find((edition) => edition.lang === lang)!.quotes);
		const out = toHtml(tree);
		restore();
		expect(toHtml(tree), 'restored').toBe(toHtml(fromHtml(html, { fragment: true })));
		return out;
	};

	it.each([
		['nesting across inline markup', '<p>他说：“我想<b>‘走’</b>了”</p>', '<p>他说：「我想<b>『走』</b>了」</p>'],
		[
			'a quotation over two paragraphs, with blank lines between',
			'<p>他说：“第一段，</p>\n\n<p>“第二段<a href="#x">‘引’</a>。”</p>',
			'<p>他说：「第一段，</p>\n\n<p>「第二段<a href="#x">『引』</a>。」</p>',
		],
		[
			'code, a link and a URL inside quotation marks, themselves untouched',
			'<p>运行“<code>echo “hi”</code>”，见“<a href="https://example.com/“x”">https://example.com/a</a>”</p>',
			'<p>运行「<code>echo “hi”</code>」，见「<a href="https://example.com/“x”">https://example.com/a</a>」</p>',
		],
		[
			'passages kept unconverted and text in another language',
			'<p>“甲<span data-no-convert>“乙”</span><span translate="no">‘丙’</span><span lang="en">“d”</span>”</p>',
			'<p>「甲<span data-no-convert="">“乙”</span><span translate="no">‘丙’</span><span lang="en">“d”</span>」</p>',
		],
		['an apostrophe and a Latin quotation', '<p>Don’t say “no”. 他说“好”</p>', '<p>Don’t say “no”. 他说「好」</p>'],
		['attributes read by people', '<img alt="“网络”" title="说“‘发展’”">', '<img alt="「网络」" title="说「『发展』」">'],
		['a line break inside a quotation', '<p>“甲<br>“乙”。”</p>', '<p>「甲<br>『乙』。」</p>'],
		['a code block between the paragraphs of a quotation', '<p>“甲，</p><pre>“x”</pre><p>“乙。”</p>', '<p>「甲，</p><pre>“x”</pre><p>「乙。」</p>'],
	])('%s, in 繁體', (_what, html, hant) => {
		expect(requoted(html, 'zh-Hant')).toBe(hant);
	});

	it('a traditional text stored with 「『』」 reads “‘’” in 简体', () => {
		expect(requoted('<p>他說：「我說<em>『好』</em>」</p><p>「第二段」</p>', 'zh-Hans')).toBe('<p>他說：“我說<em>‘好’</em>”</p><p>“第二段”</p>');
	});
});

describe('the quotation marks a text takes in an edition', () => {
	it.each([
		['zh-Hans', 'zh-Hans', undefined],
		['zh-Hans', 'zh-Hant', ['「」', '『』']],
		['zh-Hant', 'zh-Hans', ['“”', '‘’']],
		['zh-Hant', 'zh-HK', undefined],
		['zh-HK', 'zh-Hant', undefined],
	])('a text stored in %s, read in %s: %j (none to change where the edition quotes as the text’s own script)', (script, lang, expected) => {
		expect(editionQuotes(script, EDITIONS.find((edition) => edition.lang === lang)!)).toEqual(expected);
	});
});
