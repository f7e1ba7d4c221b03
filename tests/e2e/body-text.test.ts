/**
 * A text's body is published as the text written, on a site built for real:
 * a bare URL stays text (only an author's own link is a link), an imported
 * URL is never glued to the words after it, the spaces after a dateline and
 * inside a byline survive the import, and the markup an author may use
 * (links, emphasis, HTML elements, comments, escapes) renders as meant.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../../src/import/entry.ts';
import { fixtureSite } from '../support/fixture-site.ts';
import { elements } from '../support/pages.ts';

const site = fixtureSite('body-text');

const HAND_WRITTEN = [
	'详情见 https://www.mtr.com.hk，欢迎查阅。',
	'网址 www.gov.cn 与信箱 editor@example.com 都是文字。',
	'作者写的[链接](https://www.cac.gov.cn/)是链接，*强调*是强调，<span data-no-convert>并</span>不转换。',
	'转义的 \\{编者\\} 与 \\[1\\] 与 增速\\<15% 都照写{/* 编者的注释，不发表 */}。',
];
const RECEIVED = ['新华社北京3月1日电  工业和信息化部今天发布通知。', '(记者 李明)详见 https://www.miit.gov.cn , 欢迎查阅。', '本报讯  港铁公司昨日宣布。'].join('\n');

/** The text body of a built page in zh-hans: its paragraphs' words (¶ tools left out) and every link in it. */
function body(slug: string) {
	const html = readFileSync(join(site.dist, 'zh-hans', slug, 'index.html'), 'utf8');
	const tree = fromHtml(/<div class="text-body"[^>]*>([\s\S]*)<\/div><\/article>/.exec(html)![1]!, { fragment: true });
	for (const tools of elements(tree).filter((element) => element.properties.className?.toString().includes('para-tools'))) tools.children = [];
	const paragraphs = tree.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'p').map((p) => toString(p));
	const links = elements(tree).filter((element) => element.tagName === 'a').map((a) => `${String(a.properties.href)} ${toString(a)}`);
	return { paragraphs, links, html };
}

beforeAll(() => {
	site.write('hand-written', HAND_WRITTEN);
	const { mdx } = importText(RECEIVED, { file: 'received.txt', title: '通知', date: '2024-03-01', publisher: '新华社', from: 'cn', store: 'zh-Hans' });
	site.writeFiles({ 'imported.mdx': mdx });
	const build = site.build({ astroOnly: true });
	if (build.status !== 0) throw new Error(build.output.slice(-3000));
});
afterAll(() => site.remove());

describe('a hand-written text', () => {
	it('shows every bare URL as the text written, the Chinese after it outside any link', () => {
		const { paragraphs } = body('hand-written');
		expect(paragraphs.slice(0, 2)).toEqual(['详情见 https://www.mtr.com.hk，欢迎查阅。', '网址 www.gov.cn 与信箱 editor@example.com 都是文字。']);
	});

	it('links only what the author linked', () => {
		expect(body('hand-written').links).toEqual(['https://www.cac.gov.cn/ 链接']);
	});

	it('renders emphasis, kept passages, escapes and comments as the author meant', () => {
		const { paragraphs, html } = body('hand-written');
		expect(paragraphs.slice(2)).toEqual(['作者写的链接是链接，强调是强调，并不转换。', '转义的 {编者} 与 [1] 与 增速<15% 都照写。']);
		expect(html).toContain('<em>强调</em>');
		expect(html).toMatch(/<span data-no-convert[^>]*>并<\/span>/);
		expect(html).not.toContain('编者的注释');
	});
});

describe('an imported text', () => {
	it('keeps the space after a dateline and inside a byline, and the URL apart from the words after it', () => {
		expect(body('imported').paragraphs).toEqual(['新华社北京3月1日电 工业和信息化部今天发布通知。', '(记者 李明)详见 https://www.miit.gov.cn ，欢迎查阅。', '本报讯 港铁公司昨日宣布。']);
	});

	it('has no link in its text, only the paragraphs\' own', () => {
		expect(body('imported').links).toEqual([]);
	});
});
