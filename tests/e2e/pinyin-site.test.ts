/**
 * The pinyin aid on a fixture site built for real: pinned readings (the
 * glossary's, and a text's own, which wins) in the built file, and the
 * build and the browser counting the very same characters whatever the
 * markup (inline elements, a ruby of the author's, another language, code).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReadings } from '../../src/pinyin/format.ts';
import { launch } from '../support/browser.ts';
import { fixtureSite } from '../support/fixture-site.ts';
import { serveStatic, type StaticSite } from '../support/server.ts';

const site = fixtureSite('pinyin');
let server: StaticSite;
/** What the build printed. */
let output = '';

beforeAll(() => {
	site.writeFiles({ 'glossary.json': JSON.stringify({ pinyin: { 单于: 'chán yú', 曾: 'zēng' } }) });
	site.write('pinned', ['单于来朝，曾子曰。'], 'title: 单于\ndate: 2014-02-27\npublisher: 新华社\nscript: zh-Hans\npinyin: { 曾子: ceng2 zi3 }');
	site.write('markup', [
		'牵一<b>发</b>而动全身，<ruby>魑<rt>chī</rt></ruby>魅<span lang="ja">漢字かな</span>，`代码`与[链接](https://example.com/路径)。',
		'> 引文里的“重要”二字',
		'- 列表一行\n- 列表二行',
	]);
	site.write('rare', ['其䓕也。']);
	const built = site.build();
	expect(built.status, built.output).toBe(0);
	output = built.output;
});
afterAll(async () => {
	await server?.close();
	site.remove();
});

/** The readings the build wrote for a text, from its page's address for them. */
function builtReadings(slug: string): string[] {
	const page = readFileSync(join(site.dist, 'zh-hans', slug, 'index.html'), 'utf8');
	const path = /data-pinyin="([^"]+)"/.exec(page)![1]!;
	return parseReadings(readFileSync(join(site.dist, path), 'utf8'));
}

describe('pinned readings, built', () => {
	it('the glossary’s pin is read wherever its word is, and a text’s own pin wins for its word', () => {
		// Title 单于, then 单于来朝，曾子曰。
		expect(builtReadings('pinned')).toEqual(['chán', 'yú', 'chán', 'yú', 'lái', 'cháo', 'céng', 'zǐ', 'yuē']);
	});
});

describe('the files a build writes', () => {
	it('a character no reading is known for is written as unknown, and the build names it with the fix', () => {
		// Title 测试, then 其䓕也。
		expect(builtReadings('rare')).toEqual(['cè', 'shì', 'qí', '', 'yě']);
		expect(output).toMatch(/rare\.mdx: no pinyin is known for 䓕; the aid shows none over it\. Pin a reading in the frontmatter: `pinyin: \{ 䓕: … \}`/);
		expect(output).toContain('Wrote the pinyin of 3 texts.');
	});
});

describe('the build and the browser read the same characters', () => {
	it.each([['zh-hans'], ['zh-hant'], ['zh-hk']])('in %s, every reading lands on a character and none is left over', async (edition) => {
		server ??= await serveStatic(site.dist);
		const browser = await launch();
		try {
			const page = await browser.newPage();
			await page.goto(`${server.url}/${edition}/markup/`);
			await page.click('button[data-pinyin]');
			await page.waitForSelector('button[data-pinyin][aria-pressed="true"]');
			const read = await page.$$eval('ruby.pinyin', (rubies) => rubies.map((r) => `${r.firstChild?.textContent}${r.querySelector('rt')!.dataset.pinyin}`));
			expect(read.length).toBe(builtReadings('markup').length);
			// The title first, then the body; the phrase read across <b>.
			expect(read.slice(0, 2)).toEqual([edition === 'zh-hans' ? '测cè' : '測cè', edition === 'zh-hans' ? '试shì' : '試shì']);
			expect(read).toContain(edition === 'zh-hans' ? '发fà' : '髮fà');
			// The author's ruby and the Japanese passage get none; code, a link's words, a quotation and a list do.
			expect(read.join(' ')).not.toMatch(/魑|漢|か/u);
			expect(read).toEqual(expect.arrayContaining(['代dài', '接jiē', '要yào', '列liè']));
		} finally {
			await browser.close();
		}
	});
});
