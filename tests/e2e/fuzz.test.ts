/**
 * Hostile input: over a thousand generated queries (control characters,
 * HTML and script, bidi and zero-width marks, lone surrogates, 10,000-
 * character strings, regex and Pagefind syntax), seeded so a failure replays,
 * go through the header search box of one page. Nothing typed may run as
 * code or become markup, nothing may throw, every query must be answered
 * (results, or none: never "search failed"), and a real quote still finds
 * its paragraph afterwards.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/random.ts';
import { servedInBrowser } from '../support/served.ts';
import { SEED_SLUG } from '../support/site.ts';

const SEED = 0x6a6e66;
const QUERIES = 1_200;
/** What the page records while the queries run. */
interface Watch {
	__added: string[];
	__waiters: (() => void)[];
	__realSetTimeout: typeof setTimeout;
}

/** Markup and script that must stay text: each would set window.__pwned or open a dialog if it ran. */
const INJECTIONS = [
	'<img src=x onerror="window.__pwned=1">',
	'<svg onload=window.__pwned=1>',
	'<script>window.__pwned=1</script>',
	'"><script>alert(1)</script>',
	"'><img src=x onerror=alert(1)>",
	'<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
	'<a href="javascript:window.__pwned=1">千军易得</a>',
	'javascript:window.__pwned=1',
	'${window.__pwned=1}',
	"{{constructor.constructor('window.__pwned=1')()}}",
	'<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
	'</textarea></title><script>window.__pwned=1</script>',
	'&lt;img src=x onerror=alert(1)&gt;',
	'<details open ontoggle=window.__pwned=1>',
	'<style>*{display:none}</style>',
];
const REGEX = '.*+?^${}()|[]\\/';
const PAGEFIND = ['"', '""', '-', 'slug:', 'title:', '*', '""千军""', '-千军', '"千军易得'];
const HAN = '千军易得一将难求没有网络安全就没有国家安全網絡資訊牽一髮而動全身';
const BIDI = ['\u202e', '\u202d', '\u202a', '\u202b', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u3000', '\u180e'];

/** The kinds of hostile query, each a generator over the seeded random source. */
const KINDS: [string, (random: () => number) => string][] = [
	['control characters', (r) => chars(1 + int(r, 40), () => String.fromCharCode(int(r, 32) || 0x7f))],
	['HTML and script', (r) => pick(r, INJECTIONS) + (r() < 0.5 ? pick(r, [...HAN]) : '')],
	['bidi and zero-width marks', (r) => chars(1 + int(r, 30), () => (r() < 0.4 ? pick(r, [...HAN]) : pick(r, [...BIDI, ...INVISIBLE])))],
	['lone surrogates', (r) => chars(1 + int(r, 20), () => (r() < 0.5 ? String.fromCharCode(0xd800 + int(r, 0x800)) : pick(r, [...HAN])))],
	['10,000-character strings', (r) => chars(10_000, () => pick(r, [...HAN, ...REGEX, ' ', '\u202e', '<', '\ud83d']))],
	['regex metacharacters', (r) => chars(1 + int(r, 30), () => pick(r, [...REGEX, ...HAN]))],
	['Pagefind query syntax', (r) => pick(r, PAGEFIND) + pick(r, PAGEFIND) + pick(r, [...HAN])],
	['any code point', (r) => chars(1 + int(r, 20), () => String.fromCodePoint(int(r, 0x110000 - 0x800)))],
];

const int = (random: () => number, below: number) => Math.floor(random() * below);
const pick = <T,>(random: () => number, from: readonly T[]) => from[int(random, from.length)]!;
function chars(length: number, next: () => string): string {
	let out = '';
	for (let i = 0; i < length; i++) out += next();
	return out;
}

/** The queries, as UTF-16 code units: JSON on the way to the page would mend lone surrogates. */
function queries(): { kind: string; units: number[] }[] {
	const random = seededRandom(SEED);
	const long = KINDS.findIndex(([kind]) => kind.startsWith('10,000'));
	return Array.from({ length: QUERIES }, (_, i) => {
		// Long strings are slow to type anywhere: one query in forty.
		const index = i % 40 === 0 ? long : i % KINDS.length === long ? (i + 1) % KINDS.length : i % KINDS.length;
		const [kind, generate] = KINDS[index]!;
		const text = generate(random);
		return { kind, units: Array.from({ length: text.length }, (_, j) => text.charCodeAt(j)) };
	});
}

describe('hostile queries in the header search', () => {
	const served = servedInBrowser();

	it(`${QUERIES} generated queries run no code, add no markup, all get an answer, and search still works after`, async () => {
		const page: Page = await served.browser.newPage();
		const problems: string[] = [];
		page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
		page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
		page.on('dialog', (dialog) => {
			problems.push(`dialog: ${dialog.message()}`);
			void dialog.dismiss();
		});
		// Time runs fast: timers (the search box's debounce) fire on the next task, not after
		// their delay nor the 4 ms clamp of nested timeouts, so a thousand queries take seconds.
		await page.addInitScript(() => {
			const realSetTimeout = window.setTimeout.bind(window);
			const realClearTimeout = window.clearTimeout.bind(window);
			(window as unknown as { __realSetTimeout: typeof setTimeout }).__realSetTimeout = realSetTimeout;
			const due = new Map<number, () => void>();
			const channel = new MessageChannel();
			channel.port1.onmessage = ({ data }) => {
				const run = due.get(data as number);
				due.delete(data as number);
				run?.();
			};
			let next = 1e9;
			window.setTimeout = ((handler: TimerHandler, _ms?: number, ...args: unknown[]) => {
				const id = next++;
				due.set(id, () => (typeof handler === 'function' ? handler(...args) : undefined));
				channel.port2.postMessage(id);
				return id;
			}) as typeof setTimeout;
			window.clearTimeout = ((id?: number) => (due.delete(id as number) ? undefined : realClearTimeout(id))) as typeof clearTimeout;
		});
		await page.goto(`${served.site.url}/zh-hans/${SEED_SLUG}/`);
		await page.focus('#search-input');
		await page.waitForFunction(() => document.getElementById('search-input')?.getAttribute('role') === 'combobox');

		// Every answer ends by opening or closing the popup, which sets aria-expanded: that marks an answer.
		// Elements the search UI may add are listed; anything else appearing is markup from a query.
		await page.evaluate(() => {
			const watch = window as unknown as Watch;
			watch.__added = [];
			watch.__waiters = [];
			new MutationObserver((records) => {
				for (const record of records) {
					for (const node of record.addedNodes) {
						if (node instanceof Element && !['LI', 'A', 'SPAN', 'MARK', 'DIV', 'UL', 'P'].includes(node.tagName)) watch.__added.push(node.tagName);
					}
				}
			}).observe(document, { childList: true, subtree: true });
			new MutationObserver(() => watch.__waiters.splice(0).forEach((resolve) => resolve())).observe(document.getElementById('search-input')!, {
				attributeFilter: ['aria-expanded'],
			});
		});

		const all = queries();
		expect(new Set(all.map((q) => q.kind)).size).toBe(KINDS.length);
		const outcome = await page.evaluate(async (list) => {
			const watch = window as unknown as Watch;
			const input = document.getElementById('search-input') as HTMLInputElement;
			const status = () => document.querySelector('.search-popup .search-status')?.textContent;
			const failed: string[] = [];
			const unanswered: string[] = [];
			for (const { kind, units } of list) {
				// As a paste would: the whole query at once, then an input event.
				const query = String.fromCharCode(...units);
				const answered = new Promise<boolean>((resolve) => {
					watch.__waiters.push(() => resolve(true));
					watch.__realSetTimeout(() => resolve(false), 10_000);
				});
				input.value = query;
				input.dispatchEvent(new Event('input', { bubbles: true }));
				const label = `${kind}: ${JSON.stringify(query.slice(0, 40))}`;
				if (!(await answered)) unanswered.push(label);
				else if (status() === document.body.dataset.searchFailed) failed.push(label);
			}
			return {
				pwned: (window as unknown as { __pwned?: unknown }).__pwned,
				added: watch.__added,
				unanswered,
				failed,
				listboxMarkup: [...document.querySelectorAll('#search-input-listbox *')].filter((el) => !['LI', 'A', 'SPAN', 'MARK'].includes(el.tagName)).length,
			};
		}, all);
		expect(outcome).toEqual({ pwned: undefined, added: [], unanswered: [], failed: [], listboxMarkup: 0 });

		// The injections once more, typed through Playwright's fill as a reader's input.
		for (const injection of INJECTIONS) {
			await page.fill('#search-input', injection);
			await page.waitForFunction((q) => (document.getElementById('search-input') as HTMLInputElement).value === q && document.querySelector('.search-popup .search-status')?.textContent, injection);
		}
		expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
		expect(problems).toEqual([]);

		// A real query still finds its paragraph.
		await page.fill('#search-input', '千军易得');
		await page.waitForSelector('a[role=option][href*="#p10"]');
		expect(await page.getAttribute('a[role=option]', 'href')).toMatch(new RegExp(`^/zh-hans/${SEED_SLUG}/\\?hl=\\d+-\\d+#p10$`));
		await page.close();
	}, 120_000);
});
