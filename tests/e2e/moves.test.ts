/**
 * Editors move and rename texts: on a site built for real after each step
 * (`npm run build`, caches kept between builds as on an editor's machine),
 * every published id and alias still names the same words, the anchor
 * record follows the text, a renamed text's old address redirects to the
 * same paragraph in every edition, and the build says what it did.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/editions.ts';
import { axeViolations } from '../support/axe.ts';
import { launch } from '../support/browser.ts';
import { fixtureSite } from '../support/fixture-site.ts';
import { htmlErrors } from '../support/html-validate.ts';
import { serveStatic, type StaticSite } from '../support/server.ts';

const site = fixtureSite('moves');
const [one, two, three, four] = ['第一段：网络安全和信息化是一体之两翼。', '第二段：没有网络安全就没有国家安全，', '第三段：没有信息化就没有现代化。', '第四段：千军易得，一将难求。'];
const added = '新段：加强核心技术自主创新和基础设施建设。';
/** After the edits: ¶2 and ¶3 merged (#p3 an alias of #p2), a new paragraph #p5. */
const EDITED = [one, two + three, added, four];
const PUBLISHED = { ids: ['p1', 'p2', 'p5', 'p4'], aliases: { p3: 'p2' }, words: ['第一段', '第二段', '新段', '第四段'] };

/** The paragraph ids, aliases and words of a built text page. */
function published(slug: string, edition = 'zh-hans') {
	const html = readFileSync(join(site.dist, edition, slug, 'index.html'), 'utf8');
	const paragraphs = [...html.matchAll(/<p id="(p\d+)">((?:<span id="p\d+" class="anchor-alias"><\/span>)*)([^<]{3})/g)];
	return {
		ids: paragraphs.map((m) => m[1]),
		aliases: Object.fromEntries(paragraphs.flatMap((m) => [...m[2]!.matchAll(/id="(p\d+)"/g)].map((alias) => [alias[1], m[1]]))),
		words: paragraphs.map((m) => m[3]!.replace(/[：:].*/, '')),
	};
}
const record = (path: string) => JSON.parse(readFileSync(join(site.content, path), 'utf8'));
const move = (from: string, to: string) => {
	mkdirSync(join(site.content, to, '..'), { recursive: true });
	renameSync(join(site.content, from), join(site.content, to));
};
function build(): string {
	const { status, output } = site.build();
	if (status !== 0) throw new Error(`The build failed:\n${output.slice(-3000)}`);
	return output;
}

let browser: BrowserContext;
let firstBuild = '';
beforeAll(() => {
	site.write('nanning', [one, two, three, four]);
	site.write('other', ['另一篇文章的第一段，与南宁无关。', '另一篇文章的第二段，也与深圳无关。']);
	firstBuild = build();
	site.write('nanning', EDITED);
	build();
	expect(published('nanning')).toEqual(PUBLISHED);
});
afterAll(async () => {
	await browser?.close();
	site.remove();
});

describe('the first build of new texts', () => {
	it('ends with one summary of the records to commit, and prints nothing per entry besides', () => {
		expect(firstBuild).toContain('2 anchor records written: commit them with the texts.');
		expect(firstBuild).toContain('git add -A -- content/nanning.anchors.json content/other.anchors.json');
		expect(firstBuild).not.toContain('MODULE_LEVEL_DIRECTIVE');
		// Besides Astro's list of the pages it wrote, an entry is named in the summary only: no warning or notice per entry.
		expect(firstBuild.split('\n').filter((line) => line.includes('nanning') && !line.includes('/index.html'))).toEqual([
			expect.stringContaining('created content/nanning.anchors.json  (a new text)'),
			expect.stringContaining('git add -A -- content/nanning.anchors.json'),
		]);
	});
});

/** Each step: what the editor does, then where the text and its record are, and its old addresses. */
const STEPS: [step: string, act: () => void, slug: string, recordAt: string, gone: string, formerSlugs: string[] | undefined, says: string][] = [
	['moved into a sub-folder', () => move('nanning.mdx', '2024/nanning.mdx'), 'nanning', '2024/nanning.anchors.json', 'nanning.anchors.json', undefined, 'moved   content/2024/nanning.anchors.json  (moved from content/nanning.anchors.json, as its text moved)'],
	['moved back', () => move('2024/nanning.mdx', 'nanning.mdx'), 'nanning', 'nanning.anchors.json', '2024/nanning.anchors.json', undefined, 'moved   content/nanning.anchors.json  (moved from content/2024/nanning.anchors.json, as its text moved)'],
	['renamed', () => move('nanning.mdx', 'nanning-shenzhen.mdx'), 'nanning-shenzhen', 'nanning-shenzhen.anchors.json', 'nanning.anchors.json', ['nanning'], 'renamed content/nanning-shenzhen.anchors.json  (the text "nanning" is now "nanning-shenzhen"; moved from content/nanning.anchors.json)'],
	['renamed back', () => move('nanning-shenzhen.mdx', 'nanning.mdx'), 'nanning', 'nanning.anchors.json', 'nanning-shenzhen.anchors.json', ['nanning-shenzhen'], 'renamed content/nanning.anchors.json  (the text "nanning-shenzhen" is now "nanning"; moved from content/nanning-shenzhen.anchors.json)'],
];

describe('a text moved and renamed between builds', () => {
	describe.each(STEPS)('%s', (_step, act, slug, recordAt, gone, formerSlugs, says) => {
		let output = '';
		beforeAll(() => {
			act();
			output = build();
		});

		it('builds, and every id and alias names the same words in every edition', () => {
			for (const edition of EDITIONS) expect(published(slug, edition.path)).toEqual(PUBLISHED);
		});

		it('moves the anchor record beside the entry, keeping every id, alias and number', () => {
			expect(record(recordAt)).toMatchObject({ slug, next: 6, aliases: PUBLISHED.aliases });
			expect(record(recordAt).paragraphs.map((p: { id: string }) => p.id)).toEqual(PUBLISHED.ids);
			expect(record(recordAt).formerSlugs).toEqual(formerSlugs);
			expect(existsSync(join(site.content, gone))).toBe(false);
		});

		it('says which record to commit', () => {
			expect(output).toContain('One anchor record written: commit it with the texts.');
			expect(output).toContain(says);
		});

		it.runIf(formerSlugs)('leaves a redirect page at the old address in every edition, and says so', () => {
			const former = formerSlugs![0]!;
			for (const edition of EDITIONS) {
				const html = readFileSync(join(site.dist, edition.path, former, 'index.html'), 'utf8');
				expect(html).toContain('<meta name="robots" content="noindex">');
				expect(html).toContain(`<link rel="canonical" href="http://localhost:4321/${edition.path}/${slug}/">`);
				expect(html).toContain(`data-moved-to="/${edition.path}/${slug}/"`);
				for (const id of ['p1', 'p2', 'p3', 'p4', 'p5']) expect(html).toContain(`<li id="${id}"><a href="/${edition.path}/${slug}/#${id}">`);
			}
			expect(output).toContain(`Old addresses kept alive by redirect pages (zh-hans, zh-hant, zh-hk; #pN kept, not indexed): ${former} → ${slug}.`);
			expect(readFileSync(join(site.dist, 'sitemap.xml'), 'utf8')).not.toContain(`/${former}/`);
		});
	});

	it('after renaming back, the first address is the text again, not a redirect', () => {
		expect(readFileSync(join(site.dist, 'zh-hant', 'nanning', 'index.html'), 'utf8')).not.toContain('data-moved-to');
	});
});

describe('a renamed text\'s old address, in Chromium', () => {
	let server: StaticSite;
	beforeAll(async () => {
		server = await serveStatic(site.dist);
		browser = await launch();
	});
	afterAll(async () => {
		await server?.close();
	});

	it.each([
		['#p5', 'p5', 'p5', '新段'],
		['an alias, #p3', 'p3', 'p2', '第二段'],
	])('with JavaScript: goes on to the new address, landing on the same paragraph (%s)', async (_name, id, paragraph, words) => {
		const page = await browser.newPage();
		await page.goto(`${server.url}/zh-hant/nanning-shenzhen/?hl=0-2#${id}`);
		await page.waitForURL(`${server.url}/zh-hant/nanning/?hl=0-2#${id}`);
		const landed = await page.$eval(':target', (target) => ({ paragraph: target.closest('p')!.id, text: target.closest('p')!.textContent }));
		expect(landed.paragraph).toBe(paragraph);
		expect(landed.text).toContain(words);
		await page.close();
	});

	it('without JavaScript: offers the paragraph in the address, one link away', async () => {
		const noJs = await launch({ javaScriptEnabled: false });
		try {
			const page = await noJs.newPage();
			await page.goto(`${server.url}/zh-hk/nanning-shenzhen/#p5`);
			const offered = await page.$$eval('.moved-paragraphs a', (links) => links.filter((link) => link.checkVisibility()).map((link) => [link.getAttribute('href'), link.textContent]));
			expect(offered).toEqual([['/zh-hk/nanning/#p5', '前往新網址的第3段']]);
			await page.click('.moved-paragraphs a:visible');
			expect(page.url()).toBe(`${server.url}/zh-hk/nanning/#p5`);
			expect(await page.$eval(':target', (target) => target.id)).toBe('p5');
		} finally {
			await noJs.close();
		}
	});

	it('is valid HTML with no axe violations (WCAG 2.2 AA)', async () => {
		const html = readFileSync(join(site.dist, 'zh-hans', 'nanning-shenzhen', 'index.html'), 'utf8');
		expect(await htmlErrors(html, 'moved page')).toEqual([]);
		// The page as a reader without JavaScript sees it: its own script (the redirect) kept from running.
		const page = await browser.newPage();
		await page.route('**/*MovedPage*.js', (route) => route.abort());
		await page.goto(`${server.url}/zh-hans/nanning-shenzhen/#p1`);
		const violations = await axeViolations(page);
		expect(violations).toEqual([]);
		expect(page.url()).toBe(`${server.url}/zh-hans/nanning-shenzhen/#p1`);
		await page.close();
	});
});

describe('a record whose text is gone', () => {
	it('is reported as stale, with what to do', () => {
		rmSync(join(site.content, 'other.mdx'));
		const output = build();
		expect(output).toContain('content/other.anchors.json belongs to no text: no entry has the slug "other" or its words, so links to /…/other/#pN are broken.');
		expect(output).toContain('If the text was renamed, rename the record beside it as <new-slug>.anchors.json (git mv) and build again');
		expect(existsSync(join(site.content, 'other.anchors.json'))).toBe(true);
	});
});
