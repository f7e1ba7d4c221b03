/**
 * Debian's Chromium driven over the DevTools protocol on a pipe, with no
 * domain enabled but Page: for timing what a reader's browser does.
 * Playwright enables the Network and Runtime domains for every page it
 * opens, and the browser then reports each request to it as it goes; on this
 * project's 2-core machine that cost ~9 ms of a later query's ~35 ms (the
 * same queries, the same site, the same requests: bench/HISTORY.md). The
 * tests keep Playwright (tests/support/browser.ts); the quote benchmark times
 * searches with this, and counts bytes at its own server.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/support/browser.ts';

/** What a page reported as uncaught (errors and rejections), collected in the page itself. */
const COLLECT_ERRORS = `window.__benchErrors = [];
addEventListener('error', (event) => __benchErrors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => __benchErrors.push(String(event.reason?.message ?? event.reason)));`;

export interface Tab {
	/** Evaluate an expression in the page, awaiting a promise; its value, as JSON. */
	evaluate<T>(expression: string): Promise<T>;
	/** What the page reported as uncaught so far. */
	errors(): Promise<string[]>;
	close(): Promise<void>;
}

export interface Chromium {
	/** A page loaded at `url`; `fresh`: in a new browser context (an empty cache). */
	open(url: string, options?: { fresh?: boolean }): Promise<Tab>;
	close(): Promise<void>;
}

interface Message {
	id?: number;
	method?: string;
	sessionId?: string;
	params?: Record<string, unknown>;
	result?: Record<string, unknown>;
	error?: { message: string };
}

export async function startChromium(): Promise<Chromium> {
	if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH.`);
	const profile = mkdtempSync(join(tmpdir(), 'fanjian-bench-'));
	const child = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
		stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
	});
	let gone = false;
	const exited = new Promise<void>((resolve) => {
		const exit = () => {
			gone = true;
			resolve();
		};
		child.once('exit', exit);
		child.once('error', exit);
	});
	const toBrowser = child.stdio[3] as Writable;
	const fromBrowser = child.stdio[4] as Readable;
	// A browser that has gone says so through `exited`; writing to its pipe then must not throw elsewhere.
	toBrowser.on('error', () => {});
	let nextId = 0;
	const pending = new Map<number, { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void; method: string }>();
	const listeners = new Set<(message: Message) => void>();
	let buffered = '';
	fromBrowser.setEncoding('utf8');
	fromBrowser.on('data', (chunk: string) => {
		buffered += chunk;
		let end: number;
		while ((end = buffered.indexOf('\0')) >= 0) {
			const message = JSON.parse(buffered.slice(0, end)) as Message;
			buffered = buffered.slice(end + 1);
			if (message.id !== undefined) {
				const call = pending.get(message.id);
				pending.delete(message.id);
				if (message.error) call?.reject(new Error(`${call.method}: ${message.error.message}`));
				else call?.resolve(message.result ?? {});
			} else for (const listener of listeners) listener(message);
		}
	});
	exited.then(() => {
		for (const call of pending.values()) call.reject(new Error(`Chromium exited during ${call.method}`));
	});
	const send = <T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string) =>
		new Promise<T>((resolve, reject) => {
			if (gone) return reject(new Error(`Chromium has exited: cannot ${method}`));
			const id = ++nextId;
			pending.set(id, { resolve: resolve as (result: Record<string, unknown>) => void, reject, method });
			toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
		});
	/** The next `method` event of a page, or an error after 30 s. */
	const event = (method: string, sessionId: string) =>
		new Promise<void>((resolve, reject) => {
			const timeout = setTimeout(() => {
				listeners.delete(listener);
				reject(new Error(`no ${method} within 30 s`));
			}, 30_000);
			const listener = (message: Message) => {
				if (message.method === method && message.sessionId === sessionId) {
					listeners.delete(listener);
					clearTimeout(timeout);
					resolve();
				}
			};
			listeners.add(listener);
		});

	return {
		async open(url, { fresh = false } = {}) {
			const { browserContextId } = fresh ? await send<{ browserContextId: string }>('Target.createBrowserContext') : { browserContextId: undefined };
			const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', ...(browserContextId ? { browserContextId } : {}) });
			const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
			await send('Page.enable', {}, sessionId);
			// A headless page has no focus of its own: without this, focusing the search box fires no focus event.
			await send('Emulation.setFocusEmulationEnabled', { enabled: true }, sessionId);
			await send('Page.addScriptToEvaluateOnNewDocument', { source: COLLECT_ERRORS }, sessionId);
			const loaded = event('Page.loadEventFired', sessionId);
			loaded.catch(() => {}); // awaited below, unless the navigation itself fails
			const { errorText } = await send<{ errorText?: string }>('Page.navigate', { url }, sessionId);
			if (errorText) throw new Error(`${url}: ${errorText}`);
			await loaded;
			const evaluate = async <T>(expression: string): Promise<T> => {
				const { result, exceptionDetails } = await send<{ result: { value: T }; exceptionDetails?: { exception?: { description?: string }; text: string } }>(
					'Runtime.evaluate',
					{ expression, awaitPromise: true, returnByValue: true },
					sessionId,
				);
				if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
				return result.value;
			};
			return {
				evaluate,
				errors: () => evaluate<string[]>('window.__benchErrors ?? []'),
				async close() {
					await send('Target.closeTarget', { targetId });
					if (browserContextId) await send('Target.disposeBrowserContext', { browserContextId });
				},
			};
		},
		async close() {
			await send('Browser.close').catch(() => {});
			await exited;
			// Chromium has exited: nothing writes to its profile any more.
			rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
		},
	};
}
