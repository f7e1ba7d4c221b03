/**
 * `npm run dev` as an editor uses it: the real dev server (astro dev) on a
 * fixture site, driven through the edits an editor makes (a text's own terms,
 * the glossary made and edited, a new text in a new folder, a text moved to
 * another folder and edited there, a deleted text) and read over HTTP after
 * each, without a restart. The site starts without a glossary.json, as the
 * project's own content/ does.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch } from '../support/browser.ts';
import { fixtureSite, type DevServer } from '../support/fixture-site.ts';

const site = fixtureSite('dev');
let server: DevServer | undefined;

const glossary = (zhHant: string) => JSON.stringify({ terms: [{ 'zh-Hans': '网络', 'zh-Hant': zhHant }] });
/** The frontmatter of a text pinning 贝塔 to the given zh-Hant form. */
const pinning = (zhHant: string) => `title: 测试\ndate: 2014-02-27\npublisher: 新华社\nscript: zh-Hans\nterms: [{ zh-Hans: 贝塔, zh-Hant: ${zhHant} }]`;

beforeAll(async () => {
	site.write('alpha', ['网络安全第一段。', '阿尔法第二段。']);
	site.write('beta', ['贝塔第一段。'], pinning('貝特'));
	server = await site.dev();
});

afterAll(async () => {
	await server?.stop();
	site.remove();
});

/**
 * What the server printed, to show with a failure: each line once, where it
 * was first printed (with how often), without request lines, stack traces and
 * times; a message repeated for a minute would hide what came before it.
 */
const said = () => {
	const lines = server!.log
		.replace(/^.*\[\d{3}\] \/.*\n/gm, '')
		.replace(/^\s+at .*\n/gm, '')
		.split('\n')
		.map((line) => line.replace(/^\d\d:\d\d:\d\d /, ''))
		.filter((line) => line.trim());
	const times = new Map<string, number>();
	for (const line of lines) times.set(line, (times.get(line) ?? 0) + 1);
	const once = [...times].map(([line, count]) => (count > 1 ? `${line} (×${count})` : line));
	return `astro dev said:\n${once.join('\n').slice(-4000)}`;
};

/** The entry files .astro/content-modules.mjs now lists (which file renders each text), to show with a failure. */
const modulesListed = () => {
	const file = join(site.root, '.astro', 'content-modules.mjs');
	return existsSync(file) ? `content-modules.mjs lists: ${readFileSync(file, 'utf8').match(/(?<=^\[)"[^"]+"/gm)?.join(', ')}` : 'no content-modules.mjs';
};

/** The first paragraph of a text page, as it reads (a failure shows it, not the whole page). */
const firstParagraph = (html: string) => /<p id="p1">([^<]*)</.exec(html)?.[1] ?? `(no p1 in: ${html.slice(0, 300)})`;

/** A page as the server answers it now. */
async function get(path: string): Promise<{ status: number; html: string }> {
	const response = await fetch(`${server!.url}${path}`);
	return { status: response.status, html: await response.text() };
}

/**
 * The page, once it answers as expected: the server picks up a change a
 * moment after the file is written (and may be busy reloading itself), so
 * ask again until then, or give up after a minute with what it last said.
 */
async function once(path: string, expected: (page: { status: number; html: string }) => boolean): Promise<{ status: number; html: string }> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const page = await get(path).catch((error: Error) => ({ status: 0, html: String(error) }));
		if (expected(page) || Date.now() > deadline) return page;
		await new Promise((wait) => setTimeout(wait, 250));
	}
}

describe('npm run dev picks up, without a restart,', () => {
	it('(the texts as they were at the start)', async () => {
		const alpha = await once('/zh-hant/alpha/', (page) => page.status === 200);
		expect(alpha.status, said()).toBe(200);
		expect(firstParagraph(alpha.html), said()).toBe('網絡安全第一段。');
		expect(firstParagraph((await get('/zh-hant/beta/')).html), said()).toBe('貝特第一段。');
	});

	it('(and serves a text page’s pinyin file, read from the editions rendered so far)', async () => {
		const page = await once('/zh-hans/alpha/', (answer) => answer.status === 200);
		const path = /data-pinyin="([^"]+)"/.exec(page.html)?.[1];
		expect(path, said()).toMatch(/^\/pinyin\/alpha\.[0-9a-f]+\.txt$/);
		const file = await get(path!);
		expect(file.status, said()).toBe(200);
		// Title 测试, then 网络安全第一段。阿尔法第二段。
		expect(file.html.trim().split(' ').slice(0, 8), said()).toEqual(['cè', 'shì', 'wǎng', 'luò', 'ān', 'quán', 'dì', 'yī']);
	});

	it("an edit to a text's own terms", async () => {
		site.write('beta', ['贝塔第一段。'], pinning('貝他'));
		const beta = await once('/zh-hant/beta/', (page) => page.html.includes('貝他第一段'));
		expect(firstParagraph(beta.html), said()).toBe('貝他第一段。');
	});

	it('a glossary.json made', async () => {
		writeFileSync(join(site.content, 'glossary.json'), glossary('網路'));
		const alpha = await once('/zh-hant/alpha/', (page) => page.html.includes('網路安全'));
		expect(firstParagraph(alpha.html), said()).toBe('網路安全第一段。');
	});

	it('an edit to glossary.json', async () => {
		writeFileSync(join(site.content, 'glossary.json'), glossary('網際網路'));
		const alpha = await once('/zh-hant/alpha/', (page) => page.html.includes('網際網路安全'));
		expect(firstParagraph(alpha.html), said()).toBe('網際網路安全第一段。');
	});

	it('a new text in a new folder, with its page and its place in the list', async () => {
		site.write('2015/gamma', ['伽马新的一段。']);
		const gamma = await once('/zh-hant/gamma/', (page) => page.status === 200);
		expect(gamma.status, said()).toBe(200);
		expect(firstParagraph(gamma.html), said()).toBe('伽馬新的一段。');
		const list = await once('/zh-hant/', (page) => page.html.includes('/zh-hant/gamma/'));
		expect(list.html.includes('/zh-hant/gamma/'), said()).toBe(true);
		// Asked for every 250 ms from the save on, the page was never an error: it waited for Astro to list the file.
		expect(server!.log, said()).not.toContain('Unexpected error while rendering');
	});

	it('a text moved to another folder, at the same address', async () => {
		mkdirSync(join(site.content, '2014'));
		renameSync(join(site.content, 'alpha.mdx'), join(site.content, '2014', 'alpha.mdx'));
		// Wait until the server has seen the old file go (and read the moved one again).
		await once('/zh-hant/', () => server!.log.includes('alpha.mdx is gone'));
		const alpha = await once('/zh-hant/alpha/', (page) => page.status === 200 && page.html.includes('阿爾法第二段'));
		expect(alpha.status, `${modulesListed()}\n${said()}`).toBe(200);
		expect(alpha.html.includes('阿爾法第二段'), said()).toBe(true);
		expect(server!.log).not.toContain('Two texts have the slug');
		expect(server!.log, said()).not.toMatch(/Unexpected error while rendering|Failed to load url/);
	});

	it('an edit to the moved text', async () => {
		site.write('2014/alpha', ['网络安全第一段。', '阿尔法改过的第二段。']);
		const alpha = await once('/zh-hant/alpha/', (page) => page.html.includes('阿爾法改過的第二段'));
		expect(alpha.html.includes('阿爾法改過的第二段'), said()).toBe(true);
	});

	it('(and not a build run beside it, as `npm run anchors` runs one: its pages are none of its business)', async () => {
		for (const folder of ['.dist.next', 'dist']) {
			mkdirSync(join(site.root, folder, 'zh-hans'), { recursive: true });
			writeFileSync(join(site.root, folder, 'zh-hans', 'index.html'), '<!doctype html><title>built</title>');
		}
		await new Promise((wait) => setTimeout(wait, 1_000));
		expect((await get('/zh-hant/alpha/')).status, said()).toBe(200);
		expect(server!.log, said()).not.toMatch(/\[watch\].*dist/);
	});

	it('a deleted text: its page is gone, and so is its place in the list', async () => {
		rmSync(join(site.content, '2015', 'gamma.mdx'));
		// Asked for once the server has seen the file go (Astro's module list drops it then): a request already
		// under way when the watcher reports it can still fail on the file gone, as it would with any deleted module.
		const modules = join(site.root, '.astro', 'content-modules.mjs');
		for (const deadline = Date.now() + 30_000; readFileSync(modules, 'utf8').includes('2015/gamma.mdx') && Date.now() < deadline; ) await new Promise((wait) => setTimeout(wait, 100));
		expect((await once('/zh-hant/gamma/', (page) => page.status === 404)).status, said()).toBe(404);
		const list = await once('/zh-hant/', (page) => !page.html.includes('/zh-hant/gamma/'));
		expect(list.html.includes('/zh-hant/gamma/'), said()).toBe(false);
		expect((await get('/zh-hant/alpha/')).status, said()).toBe(200);
		// No page asked for since failed on the file gone (Vite would show that error in the next page opened).
		expect(server!.log, said()).not.toContain('Failed to load url');
	});
});

describe('npm run dev, a save with a page open', () => {
	it('reloads the page once, onto the text as saved (Astro alone reloaded it twice a save, its re-reads twice more)', async () => {
		const browser = await launch();
		try {
			const page = await browser.newPage();
			await page.goto(`${server!.url}/zh-hans/alpha/`);
			await page.waitForLoadState('load');
			let loads = 0;
			page.on('load', () => loads++);
			const saved = Date.now();
			site.write('2014/alpha', ['网络安全第一段。', '阿尔法的第二稿。'], `title: 第二稿\ndate: 2014-02-27\npublisher: 新华社\nscript: zh-Hans`);
			const deadline = saved + 60_000;
			let shown = '';
			while (Date.now() < deadline) {
				shown = await page.evaluate(() => `${document.querySelector('h1')?.textContent} ${document.querySelector('#p2')?.textContent}`).catch(() => '');
				if (shown === '第二稿 阿尔法的第二稿。') break;
				await new Promise((wait) => setTimeout(wait, 100));
			}
			expect(shown, said()).toBe('第二稿 阿尔法的第二稿。');
			// The entry is read again 0.3 s and 2 s after the save: neither may reload it again.
			await new Promise((wait) => setTimeout(wait, Math.max(0, saved + 4_000 - Date.now())));
			expect(loads, said()).toBeGreaterThanOrEqual(1);
			// Two, should the store be written twice (a busy machine may split Astro's one write).
			expect(loads, said()).toBeLessThanOrEqual(2);
		} finally {
			await browser.close();
		}
	}, 120_000);
});

describe('npm run dev shows a saved mistake', () => {
	type Overlay = { title: string; message: string; hint: string; place: string; marked: string } | undefined;
	/**
	 * What a refused text's error page says (its title, message, hint, place and the line it marks), or undefined
	 * for any other page. Nor may any page show Vite's error overlay: Astro's broadcast its error to every open page.
	 */
	const overlay = (page: Page): Promise<Overlay> =>
		page.evaluate(() => {
			if (document.querySelector('vite-error-overlay')) return { title: 'Vite error overlay', message: '', hint: '', place: '', marked: '' };
			const root = document.querySelector('#refused');
			const text = (selector: string) => root?.querySelector(selector)?.textContent?.trim() ?? '';
			const marked = root?.querySelector('pre mark')?.cloneNode(true) as Element | undefined;
			marked?.querySelector('.n')?.remove();
			return root ? { title: text('h1'), message: text('.message'), hint: text('.hint'), place: text('.place'), marked: marked?.textContent ?? '' } : undefined;
		});
	/**
	 * The page's overlay once `expected` holds of it (and of the page's text), or as last seen after
	 * 30 s. The dev server reloads open pages as it reads the entry again: each look survives that.
	 */
	async function until(page: Page, expected: (shown: Overlay, text: string) => boolean): Promise<Overlay> {
		const deadline = Date.now() + 30_000;
		let shown: Overlay;
		for (;;) {
			try {
				// A look that does not answer within 5 s (a page stuck mid-reload) is given up, and made again.
				const look = Promise.all([overlay(page), page.evaluate(() => document.body?.textContent ?? '')]);
				const [seen, text] = await Promise.race([look, new Promise<never>((_, fail) => setTimeout(() => fail(new Error('no answer')), 5_000))]);
				shown = seen;
				if (expected(shown, text)) return shown;
			} catch {
				// The page was reloading: look again.
			}
			if (Date.now() > deadline) return shown;
			await new Promise((wait) => setTimeout(wait, 100));
		}
	}
	const correct = `title: 测试\ndate: 2014-02-27\npublisher: 新华社\nscript: zh-Hans`;

	it("on the text's pages, with its line and the fix, until it is fixed", async () => {
		const browser = await launch();
		try {
			const page = await browser.newPage();
			await page.goto(`${server!.url}/zh-hant/alpha/`);
			expect(await until(page, () => true), said()).toBeUndefined();
			// Another text, open meanwhile: none of this is its business.
			const bystander = await browser.newPage();
			await bystander.goto(`${server!.url}/zh-hans/beta/`);

			// `sumary:` for `summary:`, on line 6 of the file: Astro would show the new body under the old frontmatter.
			site.write('2014/alpha', ['网络安全第一段。', '阿尔法的第三稿。'], `${correct}\nsumary: 摘要`);
			const shown = await until(page, (overlay) => overlay?.message.includes('sumary') === true);
			expect(shown?.title, said()).toBe('The build would refuse content/2014/alpha.mdx as saved');
			expect(shown?.message).toMatch(/^content\/2014\/alpha\.mdx:6: .*sumary.*summary/);
			expect(shown?.hint).not.toBe('');
			expect(shown?.place).toBe('content/2014/alpha.mdx:6');
			expect(shown?.marked).toBe('sumary: 摘要');
			expect((await get('/zh-hant/alpha/')).status).toBe(500);
			// In the page itself: without JavaScript (Astro's error page was a title alone, its message sent by WebSocket).
			expect((await get('/zh-hant/alpha/')).html).toContain('A field this site does not know: `sumary:`');
			await new Promise((wait) => setTimeout(wait, 1_000));
			expect(await overlay(bystander), said()).toBeUndefined();

			// Its page in another edition, opened meanwhile, says so too.
			const other = await browser.newPage();
			await other.goto(`${server!.url}/zh-hans/alpha/`);
			expect((await until(other, (overlay) => overlay !== undefined))?.message, said()).toContain('sumary');

			// Fixed: the open page reloads, without the overlay, onto the text as now saved.
			site.write('2014/alpha', ['网络安全第一段。', '阿尔法的第三稿。'], `${correct}\nsummary: 摘要`);
			expect(await until(page, (overlay, text) => overlay === undefined && text.includes('阿爾法的第三稿')), said()).toBeUndefined();
		} finally {
			await browser.close();
		}
	}, 300_000);

	it('a new text first saved with a mistake: once fixed, its open page shows it', async () => {
		const browser = await launch();
		try {
			const page = await browser.newPage();
			await page.goto(`${server!.url}/zh-hans/fresh/`);
			site.write('2017/fresh', ['新鲜的第一段。'], `${correct}\nsumary: 摘要`);
			await new Promise((wait) => setTimeout(wait, 1_500));
			site.write('2017/fresh', ['新鲜的第一段。'], correct);
			// Its page answered "Unexpected error while rendering → fresh" until a restart: Astro had not listed the file yet.
			expect(await until(page, (overlay, text) => overlay === undefined && text.includes('新鲜的第一段')), said()).toBeUndefined();
			expect((await get('/zh-hans/fresh/')).status).toBe(200);
		} finally {
			await browser.close();
		}
	}, 120_000);

	it('a second file with a text\'s name, in another folder: the text\'s pages say so until one is renamed', async () => {
		const copy = join(site.content, '2016', 'alpha.mdx');
		mkdirSync(dirname(copy), { recursive: true });
		writeFileSync(copy, readFileSync(join(site.content, '2014', 'alpha.mdx'), 'utf8').replace('阿尔法', '另一个阿尔法'));
		const refused = await once('/zh-hant/alpha/', (page) => page.status === 500);
		expect(refused.status, said()).toBe(500);
		// The terminal says it once the save has settled (not with each request, as Astro's error page did).
		const message = /Two texts have the slug "alpha": content\/(2014|2016)\/alpha\.mdx and content\/(?!\1)(2014|2016)\/alpha\.mdx\./;
		for (let waited = 0; !message.test(server!.log) && waited < 10_000; waited += 100) await new Promise((wait) => setTimeout(wait, 100));
		expect(server!.log, said()).toMatch(message);
		rmSync(copy);
		expect((await once('/zh-hant/alpha/', (page) => page.status === 200)).status, said()).toBe(200);
	});
});
