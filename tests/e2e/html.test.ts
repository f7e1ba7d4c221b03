/**
 * Valid HTML: every built page, and the pages as the search scripts leave
 * them, checked by html-validate (offline, no Java) with its recommended and
 * document rules: 0 errors.
 */
import { HtmlValidate, type Message, type RuleConfig } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../support/pages.ts';
import { servedInBrowser } from '../support/served.ts';
import { SEED_SLUG } from '../support/site.ts';

const RULES: RuleConfig = {
	// Subresource integrity guards files from other origins (CDNs); every file here is the site's own.
	'require-sri': ['error', { target: 'crossorigin' }],
	// The search box is the WAI-ARIA combobox pattern: its popup of result links is a listbox no <select> can be.
	'prefer-native-element': ['error', { exclude: ['listbox'] }],
};
const PRESETS = ['html-validate:recommended', 'html-validate:document'];

const validator = new HtmlValidate({ extends: PRESETS, rules: RULES });
/** For the DOM as the browser serialises it, which writes every boolean attribute as `hidden=""`: style rules off. */
const domValidator = new HtmlValidate({ extends: PRESETS, rules: { ...RULES, 'attribute-boolean-style': 'off', 'attribute-empty-style': 'off' } });

const describeMessage = (m: Message) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`;

async function errors(html: string, name: string, using = validator): Promise<string[]> {
	const report = await using.validateString(html, name);
	return report.results.flatMap((result) => result.messages.filter((m) => m.severity === 2).map(describeMessage));
}

describe('every built page is valid HTML', () => {
	it.each(builtPages().map((page) => [page.path, page.html]))('%s', async (path, html) => {
		expect(await errors(html, path)).toEqual([]);
	});
});

describe('pages as the scripts leave them are valid HTML', () => {
	const served = servedInBrowser();

	it('a text page with the search combobox open on results', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hant/${SEED_SLUG}/`);
		await page.focus('#search-input');
		await page.fill('#search-input', '千军易得');
		await page.waitForSelector('.search-popup:not([hidden]) [role=option]');
		await page.keyboard.press('ArrowDown');
		expect(await errors(await page.content(), 'combobox', domValidator)).toEqual([]);
		await page.close();
	});

	it('the search page with results', async () => {
		const page = await served.browser.newPage();
		await page.goto(`${served.site.url}/zh-hk/search/?q=${encodeURIComponent('千军易得')}`);
		await page.waitForSelector('.search-results li');
		expect(await errors(await page.content(), 'search page', domValidator)).toEqual([]);
		await page.close();
	});
});
