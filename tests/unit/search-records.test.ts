/**
 * What the search keeps of each text (one record per text) and how the
 * browser chooses what to look up in it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/editions.ts';
import { TextReader } from '../../src/search/index-build.ts';
import { KEY_POOL, KEYS, parseFrequent, searchKeys } from '../../src/search/plan.ts';
import { chunkOf, parseContents, serializeContents } from '../../src/search/pagefind-index.ts';
import { readTextPage } from '../../src/search/paragraphs.ts';
import { decodeTextFields, encodeTextFields, paragraphAt, type TextFieldsSource } from '../../src/search/text-fields.ts';

const text: TextFieldsSource = {
	slug: 'cyberspace',
	titles: ['网络安全', '網絡安全', '網絡安全'],
	ids: ['p1', 'p2', 'p3', 'p9', 'p5', 'p6'],
	foldedLengths: [12, 0, 30, 5, 7, 1],
	bytes: [
		[[100, 150], [160, 170], [180, 300], [310, 340], [350, 380], [390, 400]],
		[[120, 170], [180, 190], [200, 320], [330, 360], [370, 400], [410, 420]],
		[[118, 168], [178, 188], [198, 321], [331, 361], [371, 401], [411, 421]],
	],
};

describe("a text's search fields", () => {
	it.each([0, 1, 2])('read back in edition %i as they were written', (edition) => {
		const fields = decodeTextFields(encodeTextFields(text), edition);
		expect(fields.slug).toBe('cyberspace');
		expect(fields.title).toBe(text.titles[edition]);
		expect(fields.ids).toEqual(text.ids);
		expect(fields.starts).toEqual([0, 12, 12, 42, 47, 54, 55]);
		expect(fields.ranges).toEqual(text.bytes[edition]);
	});

	it('keep another edition’s byte ranges as one number when they only shift', () => {
		const filters = encodeTextFields(text);
		expect(filters.r1).toEqual(['120']);
		expect(filters.r2![0]).toContain(',');
		expect(filters.i).toEqual(['1-3,9,5-6']);
	});

	it('say which paragraph holds a position of the folded content, skipping paragraphs with nothing searchable', () => {
		const fields = decodeTextFields(encodeTextFields(text), 0);
		expect([0, 11, 12, 41, 42, 46, 47, 54].map((at) => paragraphAt(fields, at))).toEqual([0, 0, 2, 2, 3, 3, 4, 5]);
	});
});

describe('the characters a quote is looked up by', () => {
	const rank = parseFrequent('之不可以公');
	const chars = (keys: { char: string }[]) => keys.map((key) => key.char).join('');

	it('are its rarest, each at its place in the quote, rarest first, then the others', () => {
		expect(searchKeys(Array.from('之不可以伐郑也'), rank).slice(0, KEYS)).toEqual([
			{ char: '伐', offset: 4 },
			{ char: '郑', offset: 5 },
			{ char: '也', offset: 6 },
		]);
		expect(chars(searchKeys(Array.from('之不可以伐郑也'), rank))).toBe('伐郑也以可不之');
	});

	it('prefer the less frequent of listed characters, and count a repeated one once', () => {
		expect(searchKeys(Array.from('之公之公'), rank)).toEqual([
			{ char: '公', offset: 1 },
			{ char: '之', offset: 0 },
		]);
	});

	it('are the whole quote when it is that short', () => {
		expect(searchKeys(['网'], rank)).toEqual([{ char: '网', offset: 0 }]);
	});

	it('go by held index chunks among the rarest: a character loading no chunk, or one a key loads, before a rarer one loading another', () => {
		// Rarest first: 伐 郑 也 以 可 不 之 (以 可 不 之 listed frequent, 之 the most).
		const quote = Array.from('之不可以伐郑也');
		// 郑 and 也 would load chunks 1 and 2; 伐's chunk and 以's are held.
		const chunk: Record<string, number> = { 郑: 1, 也: 2 };
		expect(chars(searchKeys(quote, rank, (char) => chunk[char]))).toBe('伐以郑也可不之');
		// 郑 and 也 share chunk 3: once 郑 is a key, 也 costs nothing more.
		expect(chars(searchKeys(quote, rank, (char) => ({ 伐: 1, 郑: 3, 也: 3, 以: 4, 可: 5, 不: 6, 之: 7 })[char]))).toBe('伐郑也以可不之');
		// Past the pool of the KEY_POOL (4) rarest, a held character is not taken: 可 不 之 are frequent.
		expect(KEY_POOL).toBe(4);
		expect(chars(searchKeys(quote, rank, (char) => (['可', '不', '之'].includes(char) ? undefined : 9)))).toBe('伐郑也以可不之');
	});
});

describe('the index chunk a character is looked up in', () => {
	// As a page list holds them: each chunk's range, its bounds the shortest prefixes that tell chunks apart.
	const ranges = (...bounds: [string, string][]) => bounds.map(([from, to], i) => ({ from, to, hash: `und_${i}` }));
	const chunks = ranges(['3', 'b'], ['上', '不'], ['与', '乙'], ['𠀀', '𪨧']);

	it('is the one whose range holds it', () => {
		expect(['3', 'abc', 'b', '上', '不', '丑', '乙', '𠀀', '𠮷', '𪨧'].map((word) => chunkOf(word, chunks))).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 3]);
	});

	it('is none for a word before the first chunk, or between two: no text holds it', () => {
		expect(['0', '!', 'c', '人', '乚', '𫠠'].map((word) => chunkOf(word, chunks))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
	});

	it('holds a word whose beginning is its last bound (a bound is a prefix)', () => {
		expect(chunkOf('bcd', chunks)).toBe(0);
	});

	it('orders by code point, as Pagefind sorts words (a character past U+FFFF after one at U+FF01)', () => {
		const wide = ranges(['！', '！'], ['𠀀', '𠀀']);
		expect([chunkOf('！', wide), chunkOf('𠀀', wide)]).toEqual([0, 1]);
	});
});

describe('the index contents the browser reads', () => {
	const meta = { chunks: [{ from: '3', to: '不', hash: 'und_1a2b3c4' }, { from: '与', to: '𪨧', hash: 'und_5d6e7f8' }], pages: ['und_0aa0aa0', 'und_0bb0bb01'] };

	it('are read back as written', () => {
		const text = serializeContents(meta);
		expect(text).toBe('2\n3\t不\tund_1a2b3c4\n与\t𪨧\tund_5d6e7f8\nund_0aa0aa0\nund_0bb0bb01\n');
		expect(parseContents(text, 'contents.txt')).toEqual(meta);
		expect(parseContents(serializeContents({ chunks: [], pages: [] }), 'contents.txt')).toEqual({ chunks: [], pages: [] });
	});

	it('refuse a word with a space in it, which a line could not hold', () => {
		expect(() => serializeContents({ chunks: [{ from: 'a b', to: 'c', hash: 'und_1' }], pages: [] })).toThrow("Pagefind's index has a word with a space in it (chunk a b…c)");
	});

	it('name the file when they are not as written', () => {
		for (const text of ['', 'x\n', '2\na\tb\tund_1\n', '1\na\tund_1\n'])
			expect(() => parseContents(text, '/pagefind/contents.txt'), JSON.stringify(text)).toThrow("/pagefind/contents.txt: not the index's contents as the build writes them");
	});
});

describe('a built text page', () => {
	const page = Buffer.from(
		'<!doctype html><html><head><title>网络</title></head><body><article><header><h1>网络 &amp; 安全</h1>' +
			'<p class="text-meta"><span>来源：新华社</span><span>发布：<time datetime="2014-02-27">2014年2月27日</time></span></p></header>' +
			'<div class="text-body" data-pagefind-body><p id="p1">没有<b>网络</b>安全<span data-pagefind-ignore>（注）</span></p><div class="para-tools"><a href="#p1">¶</a></div>\n' +
			'<ul><li>列表</li></ul><p id="p2"><span id="p7" class="anchor-alias"></span>𠮷祥</p></div></article></body></html>',
	);

	it('gives each paragraph its words and the bytes of its element', () => {
		const { title, date, paragraphs } = readTextPage('page.html', page);
		expect(title).toBe('网络 & 安全');
		expect(date).toBe('2014-02-27');
		expect(paragraphs.map((p) => [p.id, p.text])).toEqual([
			['p1', '没有网络安全'],
			['p2', '𠮷祥'],
		]);
		expect(paragraphs.map((p) => page.subarray(...p.bytes).toString())).toEqual([
			'<p id="p1">没有<b>网络</b>安全<span data-pagefind-ignore>（注）</span></p>',
			'<p id="p2"><span id="p7" class="anchor-alias"></span>𠮷祥</p>',
		]);
	});

	// The build reads a text while Astro may still be writing its page (src/build/integration.ts).
	it('is refused while still being written, or read as it is whole: never a paragraph short', () => {
		const whole = readTextPage('page.html', page);
		const bodyEnd = page.indexOf('</div></article>') + '</div></article>'.length;
		for (let length = 0; length < page.length; length++) {
			const prefix = page.subarray(0, length);
			if (length < bodyEnd) expect(() => readTextPage('page.html', prefix), `cut at byte ${length}`).toThrow(/no text body/);
			else expect(readTextPage('page.html', prefix)).toEqual(whole);
		}
	});

	it('is refused, naming the file, when it has no text body', () => {
		expect(() => readTextPage('dist/x/index.html', Buffer.from('<h1>x</h1>'))).toThrow(/dist\/x\/index\.html: no text body, title or date/);
	});

	it('caught mid-write while the build reads ahead, is read again when next asked for', async () => {
		const dist = mkdtempSync(join(tmpdir(), 'reader-'));
		const write = (bytes: Buffer) => {
			for (const edition of EDITIONS) {
				mkdirSync(join(dist, edition.path, 'net'), { recursive: true });
				writeFileSync(join(dist, edition.path, 'net', 'index.html'), bytes);
			}
		};
		try {
			const reader = new TextReader(dist, EDITIONS);
			write(page.subarray(0, page.indexOf('</article>')));
			expect(await reader.readAhead('net')).toBe(false);
			write(page);
			expect(await reader.readAhead('net')).toBe(true);
			expect((await reader.text('net')).paragraphs).toBe(2);
		} finally {
			rmSync(dist, { recursive: true, force: true });
		}
	});
});
