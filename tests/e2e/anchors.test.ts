/**
 * Links that last, on sites built for real: edits keep published anchors,
 * a merged paragraph's old link lands on its words, a rewrite stops the
 * build until confirmed; citations in the reader's edition.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../support/browser.ts';
import { fixtureSite } from '../support/fixture-site.ts';
import { serveStatic, type StaticSite } from '../support/server.ts';
import { DIST, SEED_SLUG } from '../support/site.ts';

let browser: BrowserContext;

/** What the page copied: waits for the page to announce the copy, then reads the clipboard. */
async function copied(page: Page): Promise<string> {
	await page.waitForFunction(() => document.querySelector('body > p[role=status]')?.textContent);
	return page.evaluate(() => navigator.clipboard.readText());
}
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const [one, two, three, four] = ['第一段：网络安全和信息化是一体之两翼。', '第二段：没有网络安全就没有国家安全，', '第三段：没有信息化就没有现代化。', '第四段：千军易得，一将难求。'];
const original = [one, two, three, four];

/** Each edit scenario: the text after the edit, and the ids and aliases it must end with. */
const SCENARIOS: [slug: string, edited: string[], ids: string[], aliases: Record<string, string>][] = [
	['typo', [one, two.replace('，', '！'), three, four], ['p1', 'p2', 'p3', 'p4'], {}],
	['insert', [one, '新段：加强核心技术自主创新和基础设施建设。', two, three, four], ['p1', 'p5', 'p2', 'p3', 'p4'], {}],
	['delete', [one, three, four], ['p1', 'p3', 'p4'], { p2: 'p3' }],
	['split', [one, '第二段：没有网络安全', '就没有国家安全，', three, four], ['p1', 'p2', 'p5', 'p3', 'p4'], {}],
	['merge', [one, two + three, four], ['p1', 'p2', 'p4'], { p3: 'p2' }],
	['reorder', [four, three, two, one], ['p4', 'p3', 'p2', 'p1'], {}],
];

describe('anchors across edits of built texts', () => {
	const site = fixtureSite('anchors');
	afterAll(() => site.remove());
	const record = (slug: string) => JSON.parse(readFileSync(join(site.content, `${slug}.anchors.json`), 'utf8'));
	/** The paragraph ids of a built page, in order. */
	const builtIds = (slug: string) => [...readFileSync(join(site.dist, 'zh-hant', slug, 'index.html'), 'utf8').matchAll(/<p id="(p\d+)"/g)].map((m) => m[1]);

	it('publishes p1…p4 for each text and records them beside the entry', () => {
		for (const [slug] of SCENARIOS) site.write(slug, original);
		site.write('rewrite', original);
		const build = site.build({ astroOnly: true });
		expect(build.status, build.output).toBe(0);
		for (const [slug] of SCENARIOS) expect(record(slug).paragraphs.map((p: { id: string }) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
	});

	describe('after the edits, rebuilt', () => {
		beforeAll(() => {
			for (const [slug, edited] of SCENARIOS) site.write(slug, edited);
			const build = site.build({ astroOnly: true });
			if (build.status !== 0) throw new Error(build.output);
		});

		it.each(SCENARIOS)('%s: ids and aliases as published', (slug, _edited, ids, aliases) => {
			expect(builtIds(slug)).toEqual(ids);
			expect(record(slug).aliases).toEqual(aliases);
			const html = readFileSync(join(site.dist, 'zh-hant', slug, 'index.html'), 'utf8');
			for (const [alias, target] of Object.entries(aliases)) expect(html).toMatch(new RegExp(`<p id="${target}"><span id="${alias}" class="anchor-alias"></span>`));
		});

		it('an old link to #p3 of the merged text lands on the merged paragraph, in Chromium', async () => {
			const server = await serveStatic(site.dist);
			try {
				const page = await browser.newPage();
				await page.goto(`${server.url}/zh-hant/merge/#p3`);
				const landed = await page.$eval(':target', (target) => {
					const paragraph = target.closest('p')!;
					return { paragraph: paragraph.id, text: paragraph.textContent };
				});
				expect(landed.paragraph).toBe('p2');
				expect(landed.text).toContain('沒有信息化就沒有現代化');
				// The paragraph is highlighted as the target (style recalculation may lag the navigation a little).
				await page.waitForFunction(() => getComputedStyle(document.getElementById('p2')!).backgroundColor !== 'rgba(0, 0, 0, 0)', null, { timeout: 5_000 });
				await page.close();
			} finally {
				await server.close();
			}
		});
	});

	it('a paragraph rewritten beyond a small edit stops the build and says how to confirm', () => {
		site.write('rewrite', [one, '第二段：完全换了一种说法，讲别的事情了。', three, four]);
		const build = site.build({ astroOnly: true });
		expect(build.status).not.toBe(0);
		expect(build.output).toContain('rewrite.mdx: a paragraph changed beyond a small edit');
		expect(build.output).toMatch(/rewrite\.mdx:10 {2}#p2 was "第二段：没有网络安全就没有国家安全，"; paragraph 2 now reads "第二段：完全换了一种说法，讲别的事情了。"/);
		expect(build.output).toContain('npm run anchors -- --confirm rewrite');
		// Said in full as its first page fails (and again as the build's error), not for each of the text's six pages.
		expect(build.output.split('changed beyond a small edit').length - 1).toBeLessThanOrEqual(3);
		expect(build.output).toContain('content/rewrite.mdx was refused: see its first error above.');
		// Run by `npm run anchors -- --confirm typo` (another text), the failed build names that command to run again.
		const confirming = site.build({ env: { FANJIAN_CONFIRM_ANCHORS: 'typo' } });
		expect(confirming.status).not.toBe(0);
		expect(confirming.output).toContain('Fix the error above and run `npm run anchors -- --confirm typo` again.');
	});

	it('once confirmed, the new words get a new id and the old id lands on them, and the build says which', () => {
		const build = site.build({ astroOnly: true, env: { FANJIAN_CONFIRM_ANCHORS: 'rewrite,typo,no-such-text' } });
		expect(build.status, build.output).toBe(0);
		expect(record('rewrite').paragraphs.map((p: { id: string }) => p.id)).toEqual(['p1', 'p5', 'p3', 'p4']);
		expect(record('rewrite').aliases).toEqual({ p2: 'p5' });
		expect(build.output).toContain('Confirmed "rewrite": paragraph 2 is now #p5; the old #p2 lands on it.');
		expect(build.output).toContain('Confirmed "typo": nothing needed confirming; every id kept its words.');
		expect(build.output).toContain('--confirm no-such-text: no text has the slug "no-such-text"');
		expect(build.output).toMatch(/One anchor record written: commit it with the texts\.\n.*updated content\/rewrite\.anchors\.json/);
	});
});

describe('citations', () => {
	let server: StaticSite;
	beforeAll(async () => {
		server = await serveStatic(DIST);
		await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
	});
	afterAll(async () => {
		await server?.close();
	});

	it.each([
		['zh-hans', '“习近平强调，建设网络强国，要把人才资源汇聚起来，建设一支政治强、业务精、作风好的强大队伍。‘千军易得，一将难求’，要培养造就世界水平的科学家、网络科技领军人才、卓越工程师、高水平创新团队。”——习近平主持召开中央网络安全和信息化领导小组第一次会议，新华社，2014年2月27日，第10段。'],
		['zh-hant', '「習近平強調，建設網絡強國，要把人才資源匯聚起來，建設一支政治強、業務精、作風好的強大隊伍。『千軍易得，一將難求』，要培養造就世界水平的科學家、網絡科技領軍人才、卓越工程師、高水平創新團隊。」——習近平主持召開中央網絡安全和信息化領導小組第一次會議，新華社，2014年2月27日，第10段。'],
	])('copy citation of ¶10 in %s gives quote (its own quotation a level deeper), title, publisher, date, ¶ and link', async (edition, expected) => {
		const page = await browser.newPage();
		await page.goto(`${server.url}/${edition}/${SEED_SLUG}/`);
		await page.hover('#p10');
		await page.click('[data-cite="p10"]');
		expect(await copied(page)).toBe(`${expected}${server.url}/${edition}/${SEED_SLUG}/#p10`);
		await page.close();
	});

	it('copies a selection as a citation whose link marks the selection on landing', async () => {
		const page = await browser.newPage();
		await page.goto(`${server.url}/zh-hant/${SEED_SLUG}/`);
		await page.evaluate(() => {
			const paragraph = document.getElementById('p10')!;
			const text = [...paragraph.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.includes('千軍易得'))!;
			const start = text.textContent!.indexOf('千軍易得');
			const range = document.createRange();
			range.setStart(text, start);
			range.setEnd(text, start + 4);
			getSelection()!.removeAllRanges();
			getSelection()!.addRange(range);
		});
		await page.waitForSelector('[data-cite-selection]:not([hidden])');
		await page.click('[data-cite-selection]');
		const cited = await copied(page);
		expect(cited).toMatch(/^「千軍易得」——習近平主持召開中央網絡安全和信息化領導小組第一次會議，新華社，2014年2月27日，第10段。http:\/\/127\.0\.0\.1:\d+\/zh-hant\/cyberspace-leading-group-2014\/\?hl=\d+-\d+#p10$/);
		const link = cited.slice(cited.indexOf('http'));
		const landing = await browser.newPage();
		await landing.goto(link.replace('/zh-hant/', '/zh-hans/'));
		await landing.waitForSelector('mark.landing');
		expect(await landing.$eval('mark.landing', (mark) => [mark.closest('p')!.id, mark.textContent])).toEqual(['p10', '千军易得']);
		await page.close();
		await landing.close();
	});
});
