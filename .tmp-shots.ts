import { launch } from './tests/support/browser.ts';
import { serveStatic } from './tests/support/server.ts';

const [root, ...paths] = process.argv.slice(2);
const site = await serveStatic(root!);
const browser = await launch();
for (const [width, height, tag] of [[390, 844, 'phone'], [1280, 900, 'desktop']] as const) {
	const page = await browser.newPage({ viewport: { width, height } } as never);
	await page.setViewportSize({ width, height });
	for (const path of paths) {
		await page.goto(site.url + path);
		const name = path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
		await page.screenshot({ path: `/tmp/shots13/${name}-${tag}.png`, fullPage: false });
		if (await page.$('.text-neighbours')) {
			await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
			await page.screenshot({ path: `/tmp/shots13/${name}-${tag}-end.png` });
		}
	}
	await page.close();
}
await browser.close();
await site.close();
