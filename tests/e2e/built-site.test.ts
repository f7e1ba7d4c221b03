/**
 * The built files themselves: every page of every edition, as a static host
 * would serve them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EDITION, EDITIONS } from '../../src/editions.ts';
import { ui } from '../../src/ui.ts';
import { DIST, SEED_SLUG } from '../support/site.ts';

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return htmlFiles(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

/** The visible text of a page: tags, scripts and styles removed. */
const visibleText = (html: string) =>
	html
		.replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
		.replace(/<[^>]+>/g, '')
		.replace(/&amp;/g, '&');

const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/;
const ASCII_BETWEEN_HAN = /\p{Script=Han}[,;:]\p{Script=Han}/u;

describe('the built site', () => {
	const pages = htmlFiles(DIST);

	it("has one 404 page, which says in every edition's words where its texts are", () => {
		const page = readFileSync(join(DIST, '404.html'), 'utf8');
		for (const edition of EDITIONS.filter((e) => e !== DEFAULT_EDITION)) {
			expect(page).toContain(`<li lang="${edition.lang}">${ui(edition).notFoundTitle}：<a href="/${edition.path}/" hreflang="${edition.lang}">`);
		}
	});

	it('has every page: home, 404, and per edition an index and the seed', () => {
		const paths = pages.map((file) => relative(DIST, file)).sort();
		for (const edition of EDITIONS) {
			expect(paths).toContain(`${edition.path}/index.html`);
			expect(paths).toContain(`${edition.path}/${SEED_SLUG}/index.html`);
		}
		expect(paths).toContain('index.html');
		expect(paths).toContain('404.html');
	});

	it.each(pages.map((file) => [relative(DIST, file), file]))('%s has no pinyin annotation and no ASCII , ; : between Han characters', (_path, file) => {
		const text = visibleText(readFileSync(file, 'utf8'));
		expect(text).not.toMatch(PINYIN);
		expect(text).not.toMatch(ASCII_BETWEEN_HAN);
	});

	describe.each(EDITIONS.filter((e) => e.lang !== 'zh-Hans').map((e) => [e.lang, e.path]))('the seed in %s', (_lang, path) => {
		const text = visibleText(readFileSync(join(DIST, path, SEED_SLUG, 'index.html'), 'utf8'));
		it.each(['並發表', '劉雲山', '落後', '牽一髮', '關係', '標誌', '信息採集', '奮鬥'])('reads %s', (right) => {
			expect(text).toContain(right);
		});
		it.each(['并發表', '劉云山', '落后', '牽一發', '關系', '標志', '信息采集', '奮斗'])('never reads %s', (wrong) => {
			expect(text).not.toContain(wrong);
		});
		it('quotes with corner brackets: 「兩個一百年」 and 「千軍易得，一將難求」, and no “ ” anywhere', () => {
			expect(text).toContain('與「兩個一百年」奮鬥目標');
			expect(text).toContain('「千軍易得，一將難求」');
			expect(text).not.toMatch(/[“”‘’]/);
		});
		it('words its interface as its readers write (搜尋, 複製連結), the text as it was written (網絡, 信息)', () => {
			expect(text).toMatch(/搜尋[\s\S]*網絡[\s\S]*複製連結/);
			expect(text).not.toMatch(/搜索|鏈接|網路|資訊/);
		});
	});

	it('the seed in zh-Hans quotes as stored: “两个一百年”, “千军易得，一将难求”', () => {
		const text = visibleText(readFileSync(join(DIST, 'zh-hans', SEED_SLUG, 'index.html'), 'utf8'));
		expect(text).toContain('与“两个一百年”奋斗目标');
		expect(text).toContain('“千军易得，一将难求”');
		expect(text).not.toMatch(/[「」『』]/);
	});
});
