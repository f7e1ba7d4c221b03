/**
 * Property test of the import: random dirty texts, seeded so a failure
 * replays, go through `importText` (from cn, stored zh-Hans) into one fixture
 * site with every case as an entry; the site is built for real, and each
 * rendered paragraph of the zh-hans pages must read exactly as its input
 * after the normalisations README documents ("Add a text"): braces,
 * brackets and URLs as written, URLs never glued to the words after them,
 * the spaces after datelines and in bylines kept; and no link in the text
 * but the paragraphs' own. The expected text is computed here, from that
 * documentation, not by the import code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/random.ts';
import { importText } from '../../src/import/entry.ts';
import { paragraphsOf } from '../../src/search/paragraphs.ts';
import { markupProblems } from '../../src/texts/markup.ts';
import { elements } from '../support/pages.ts';
import { fixtureSite } from '../support/fixture-site.ts';

/** Fixed, so a failure replays; FANJIAN_ROUNDTRIP_SEED explores others. */
const SEED = Number(process.env.FANJIAN_ROUNDTRIP_SEED ?? 20140227);
const CASES = 520;

/** Simplified Han characters, all from the seed entry: none is traditional only. */
const HAN = [...new Set(readFileSync('content/cyberspace-leading-group-2014.mdx', 'utf8').match(/\p{Script=Han}/gu))];

/** One piece of generated text: as received, and as written once its pinyin is gone. */
interface Piece {
	raw: string;
	plain: string;
}
const same = (text: string): Piece => ({ raw: text, plain: text });

const SYLLABLES = ['wǎng', 'luò', 'xìn', 'xī', 'ān', 'guó', 'jiā', 'lǜ', 'wang3', 'luo4', 'xin1', 'shen2 me5', "xī'ān"];
const MARKUP = [
	'{', '}', '<', '>', '*', '_', '#', '`', '``', '```', '-{', '}-', '-{zh-hans:网络;zh-hk:网络}-', '[', ']', '|', '~', '~~', '\\', '\\*',
	'&amp;', '&lt;', '&#123;', '&nbsp;', '!', '$', '$$', '^', '=', '"', "'", '<b>', '</b>', '<br/>', '<!--', '-->', '{props.x}', '**', '__',
	'[链接](https://x.cn)', '![图](a.png)', '<https://x.cn>', '[^1]', ':::', '%', '@', '/', '.', '...', '<3', '{/* 注 */}', '</>', '<>', 'a<b',
];
const URLS = [
	'https://www.cac.gov.cn/2014-02/27/c_119538788.htm',
	'http://news.xinhuanet.com/politics/2014-02/27/c_119538788.htm?from=a_b&x=1#p8',
	'www.example.com',
	'mailto:editor@example.com',
	'editor@example.com',
	'https://例子.中国/路径',
];
const EMOJI = ['😀', '👍🏽', '🇨🇳', '👨\u200d👩\u200d👧', '❤️', '🀄', '🧧'];
const CJK_PUNCTUATION = [...'，。、；：？！“”‘’（）《》【】…—·「」『』〈〉'];
/** ASCII words; none is all lower case, so none can pass for pinyin. */
const WORDS = ['CNNIC', 'IPv6', 'Internet', 'Xinhua', 'A', 'OK', 'G20', '5G', '1,000', '3.14', 'e.G.', 'U.S.', '2014', '（2014年）', '(CNNIC)', '(a)', '(1)'];
const ASCII_PUNCTUATION = [',', ';', ':', '?', '!', ' , ', ': '];
const SPACES = [' ', '  ', '\t', '\u3000', '\u00a0', ' \u3000 '];
const ZERO_WIDTH = ['\u200b', '\ufeff', '\u2060'];
/** What a line may start with: Markdown and MDX block syntax. */
const LINE_STARTS = [
	'- ', '+ ', '* ', '1. ', '2) ', '> ', '# ', '## ', '###### ', '---', '***', '___', '===', '    ', '\t', '| a | b |', '```js ', '~~~ ',
	'<div>', 'import ', 'export ', 'import{', 'export default ', '[^1]: ', '[a]: https://x.cn ', '- [ ] ', '1\\. ', '#', '-', '+', '>', '10. ',
	'<!-- ', '$$', '|---|', ': ', '<Component />', '{1+1}', 'HTTPS://X.CN ', 'WWW.X.CN ', 'importance', 'exported ',
	// Datelines, whose space separates them from the text.
	'新华社北京3月1日电  ', '本报讯\u3000', '中新网3月1日电 ', '新华社香港3月1日电  ',
];
/** Bylines in parentheses, whose spaces separate names. */
const BYLINES = ['(记者 李明)', '（记者 王芳 张伟）', '（记者 陈大文）'];

function generator(random: () => number) {
	const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const han = (count: number) => same(Array.from({ length: count }, () => pick(HAN)).join(''));
	const pinyin = (): Piece => {
		const char = pick(HAN);
		const [open, close] = random() < 0.2 ? ['（', '）'] : ['(', ')'];
		return { raw: `${char}${open}${pick(SYLLABLES)}${close}`, plain: char };
	};
	const piece = (): Piece => {
		const roll = random();
		if (roll < 0.3) return han(1 + Math.floor(random() * 6));
		if (roll < 0.38) return pinyin();
		if (roll < 0.54) return same(pick(MARKUP));
		if (roll < 0.55) return same(pick(BYLINES));
		if (roll < 0.6) return same(pick(URLS));
		if (roll < 0.65) return same(pick(EMOJI));
		if (roll < 0.75) return same(pick(CJK_PUNCTUATION));
		if (roll < 0.82) return same(pick(WORDS));
		if (roll < 0.88) return same(pick(ASCII_PUNCTUATION));
		if (roll < 0.96) return same(pick(SPACES));
		return same(pick(ZERO_WIDTH));
	};
	/** One line: maybe block syntax, then pieces; the first line always has Han text. */
	const line = (first: boolean): Piece[] => {
		const pieces: Piece[] = [];
		if (random() < 0.35) pieces.push(same(pick(LINE_STARTS)));
		if (first) pieces.push(han(2));
		const count = 1 + Math.floor(random() * 12);
		for (let i = 0; i < count; i++) pieces.push(piece());
		return pieces;
	};
	/** A text: one to five lines, with single, blank or several blank lines between. */
	return (): Piece => {
		const lines = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) => line(i === 0));
		const pieces = lines.flatMap((pieces, i) => (i === 0 ? pieces : [same(pick(['\n', '\n\n', '\n\n\n', '\n \n', '\r\n', '\r'])), ...pieces]));
		return { raw: pieces.map((p) => p.raw).join(''), plain: pieces.map((p) => p.plain).join('') };
	};
}

/** Han characters and the CJK punctuation the import treats as Chinese text. */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]/u;
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/**
 * URLs as README describes them: `http(s)://` or `www.` up to a space or CJK
 * punctuation, less the ASCII punctuation that ends a sentence after them.
 */
function urlEnds(line: string): { ends: Set<number>; inside: (index: number) => boolean } {
	const spans = [...line.matchAll(/(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026]+/giu)].map((found) => {
		let url = found[0];
		for (let previous = ''; previous !== url; ) {
			previous = url;
			url = url.replace(/[.,:;!?*_~]+$/, '');
			if (url.endsWith(')') && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0)) url = url.slice(0, -1);
		}
		return [found.index, found.index + url.length] as const;
	});
	return { ends: new Set(spans.map(([, end]) => end)), inside: (index) => spans.some(([start, end]) => index >= start && index < end) };
}

/**
 * The paragraphs a reader should see, by README's rules: pinyin annotations
 * gone (the generator knows them); line ends unified; zero-width characters
 * gone (but a joiner inside an emoji kept); each line trimmed, runs of
 * spaces one space, none between two Han characters or CJK punctuation
 * marks, except after a URL,
 * after a dateline opening the line (新华社北京3月1日电, 本报讯) and inside a
 * byline ((记者 李明)); ASCII , ; : ? ! next to Chinese text full width, its
 * spaces dropped (not `:` before `//`, not a mark inside a URL, and one space
 * kept between a URL and the mark); every non-empty line a paragraph, shown
 * exactly as written.
 */
function expectedParagraphs(plain: string): string[] {
	return plain
		.replace(/\r\n?/g, '\n')
		.replace(/[\u200b\u200c\u2060\ufeff]/g, '')
		.split('\n')
		.map((line) => {
			const spaced = line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim();
			const keep = new Set(urlEnds(spaced).ends);
			const dateline = /^\S{0,30}[电電讯訊](?= )/u.exec(spaced);
			if (dateline && /\d{1,2}月\d{1,2}日|[社报報网網台刊]/u.test(dateline[0])) keep.add(dateline[0].length);
			for (const byline of spaced.matchAll(/[(（](?:特约|特約)?(?:记者|記者|通讯员|通訊員|实习生|實習生|摄影|攝影)[^()（）]{0,40}[)）]/gu)) {
				for (let i = byline.index; i < byline.index + byline[0].length; i++) keep.add(i);
			}
			let joined = '';
			for (let i = 0; i < spaced.length; i++) {
				const before = [...spaced.slice(Math.max(0, i - 2), i)].at(-1) ?? '';
				const after = String.fromCodePoint(spaced.codePointAt(i + 1) ?? 0x20);
				if (spaced[i] === ' ' && !keep.has(i) && CHINESE.test(before) && CHINESE.test(after)) continue;
				joined += spaced[i];
			}
			const urls = urlEnds(joined);
			let out = '';
			let i = 0;
			while (i < joined.length) {
				let j = i;
				while (joined[j] === ' ') j++;
				const mark = joined[j] ?? '';
				if (mark in FULL_WIDTH && !urls.inside(j)) {
					let k = j + 1;
					while (joined[k] === ' ') k++;
					const before = joined[i - 1] ?? '';
					const after = joined[k] ?? '';
					const url = mark === ':' && joined.startsWith('//', k);
					if (!url && (CHINESE.test(before) || CHINESE.test(after))) {
						out += `${j > i && urls.ends.has(i) ? ' ' : ''}${FULL_WIDTH[mark]}`;
						i = k;
						continue;
					}
					out += joined.slice(i, j + 1);
					i = j + 1;
					continue;
				}
				out += joined.slice(i, j + 1);
				i = j + 1;
			}
			return out;
		})
		.filter((line) => line.length > 0);
}

const random = seededRandom(SEED);
const nextText = generator(random);
const cases = Array.from({ length: CASES }, (_, i) => ({ slug: `case-${String(i + 1).padStart(3, '0')}`, ...nextText() }));

const site = fixtureSite('roundtrip');
const { content, dist: out } = site;

/** What MDX would not read as the text written, per entry (the import escapes it all). */
const unreadable = new Map<string, string[]>();

beforeAll(() => {
	for (const { slug, raw } of cases) {
		const { mdx } = importText(raw, { file: `${slug}.txt`, title: `测试 ${slug}`, date: '2014-02-27', publisher: '新华社', from: 'cn', store: 'zh-Hans' });
		writeFileSync(join(content, `${slug}.mdx`), mdx);
		unreadable.set(slug, markupProblems(mdx).map((problem) => `${problem.line}:${problem.column} ${problem.message}`));
	}
	const build = site.build({ astroOnly: true });
	if (build.status !== 0) throw new Error(`The fixture site did not build:\n${build.output.slice(-4000)}`);
}, 900_000);

afterAll(() => {
	// FANJIAN_KEEP_FIXTURE=1 keeps the generated entries and the built site, to look into a failure.
	if (process.env.FANJIAN_KEEP_FIXTURE) {
		console.log(`Fixture site kept in ${site.root}`);
		return;
	}
	site.remove();
});

describe(`import → build → page, ${CASES} random texts (seed ${SEED})`, () => {
	it('the generator makes what the test claims to cover', () => {
		const all = cases.map((c) => c.raw).join('\n');
		for (const needle of ['{', '}', '<', '>', '[', ']', '*', '_', '#', '`', '-{', 'https://', '👨\u200d👩\u200d👧', '，', '&amp;', '\\', '\n\n', '\n- ', '\n+ ', '\n1. ', '\n> ', '\nimport ', '\r', '\n新华社北京3月1日电  ', '(记者 李明)']) {
			expect(all).toContain(needle);
		}
		// URLs with a mark after them, as a careless copy has them.
		expect(all).toMatch(/(https?:\/\/|www\.)\S+( , |, |: )/);
		expect(cases.filter((c) => c.raw !== c.plain).length).toBeGreaterThan(CASES / 10);
	});

	it.each(cases.map((c) => [c.slug, c] as const))('%s reads as written', (slug, { raw, plain }) => {
		const html = readFileSync(join(out, 'zh-hans', slug, 'index.html'), 'utf8');
		const body = /<div class="text-body"[^>]*>([\s\S]*)<\/div><\/article>/.exec(html)?.[1];
		expect(body, `${slug}: no text body in the page`).toBeDefined();
		const tree = fromHtml(body!, { fragment: true });
		// The paragraphs, each followed by its tools (¶ link, copy buttons).
		const blocks = tree.children
			.filter((node): node is Element => node.type === 'element' && !String(node.properties.className).includes('para-tools'))
			.map((node) => node.tagName);
		const shown = paragraphsOf(tree).map((paragraph) => paragraph.text);
		const context = `raw: ${JSON.stringify(raw)}`;
		expect(blocks.every((tag) => tag === 'p'), `${slug}: only paragraphs, not ${blocks.join(' ')}; ${context}`).toBe(true);
		expect(shown, context).toEqual(expectedParagraphs(plain));
		// No link but the paragraphs' own ¶: a URL in a text is text.
		const links = elements(tree).filter((element) => element.tagName === 'a').map((a) => String(a.properties.href));
		expect(links.filter((href) => !/^#p\d+$/.test(href)), context).toEqual([]);
		// The entry holds nothing MDX would read as syntax: the import escaped every { } < > [ ].
		expect(unreadable.get(slug), context).toEqual([]);
	});
});
