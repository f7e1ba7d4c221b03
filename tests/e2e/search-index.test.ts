/**
 * The search index as built: one Pagefind record per text, whose fragment
 * holds only the fields a result needs, pointing at each paragraph's bytes
 * in every edition's page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { describe, expect, it } from 'vitest';
import { EDITIONS } from '../../src/editions.ts';
import { fold, parseFoldTable } from '../../src/search/fold.ts';
import { decodeCbor } from '../../src/search/cbor.ts';
import { parseContents } from '../../src/search/pagefind-index.ts';
import { decodeTextFields } from '../../src/search/text-fields.ts';
import { indexMeta, metaFile, unpack } from '../support/pagefind-files.ts';
import { DIST, SEED_SLUG } from '../support/site.ts';

const PAGEFIND = join(DIST, 'pagefind');
const fragments = readdirSync(join(PAGEFIND, 'fragment')).map((name) => {
	const raw = gunzipSync(readFileSync(join(PAGEFIND, 'fragment', name))).toString('utf8');
	return JSON.parse(raw.slice('pagefind_dcd'.length)) as { url: string; content: string; word_count: number; filters: Record<string, string[]> };
});

describe('the search index', () => {
	it('has one record per text, not per paragraph or edition', () => {
		expect(fragments.map((fragment) => fragment.url)).toEqual([`/zh-hans/${SEED_SLUG}/`]);
	});

	it('keeps no text in the fragment a result fetches, only its fields', () => {
		const [seed] = fragments;
		expect(seed!.content).toBe('');
		expect(readFileSync(join(PAGEFIND, 'fragment', readdirSync(join(PAGEFIND, 'fragment'))[0]!)).length).toBeLessThan(600);
	});

	it('is read by the browser’s CBOR decoder as cborg reads it: the page list and every index chunk', () => {
		const files = [metaFile(PAGEFIND), ...readdirSync(join(PAGEFIND, 'index')).map((name) => join(PAGEFIND, 'index', name))];
		expect(files.length).toBeGreaterThan(1);
		for (const file of files) expect(decodeCbor(unpack(file)), file).toEqual(decode(unpack(file)));
		const meta = indexMeta(PAGEFIND);
		expect(meta.pages).toHaveLength(1);
		expect(meta.chunks.map((chunk) => `index/${chunk.hash}.pf_index`).sort()).toEqual(readdirSync(join(PAGEFIND, 'index')).map((name) => `index/${name}`).sort());
		// What the browser reads of it, published beside it.
		expect(parseContents(readFileSync(join(PAGEFIND, 'contents.txt'), 'utf8'), 'contents.txt')).toEqual(meta);
		// No sort: the build numbers texts oldest first instead, and the browser reads newest first backwards.
		expect((decode(unpack(metaFile(PAGEFIND))) as unknown[])[4]).toEqual([]);
	});

	it('writes at most two files per text, and a page list that grows with texts', () => {
		const files = readdirSync(PAGEFIND, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
		const pageList = files.find((entry) => entry.name.endsWith('.pf_meta'))!;
		expect(readFileSync(join(pageList.parentPath, pageList.name)).length).toBeLessThan(1024);
		// The bundle (pagefind.js and its wasm, unused by the pages; the entry, the page list, contents.txt, fold.txt, frequent.txt) and one chunk per ~20,000 characters.
		expect(files.length).toBeLessThan(20);
	});

	describe.each(EDITIONS.map((edition, index) => [edition.lang, edition, index] as const))('in %s', (_lang, edition, index) => {
		const fields = decodeTextFields(fragments[0]!.filters, index);
		const page = readFileSync(join(DIST, edition.path, SEED_SLUG, 'index.html'));

		it('points at each paragraph’s own bytes in the page', () => {
			expect(fields.ids).toHaveLength(12);
			fields.ids.forEach((id, i) => {
				const html = page.subarray(...fields.ranges[i]!).toString('utf8');
				expect(html).toMatch(new RegExp(`^<p id="${id}"[^>]*>`));
				expect(html).toMatch(/<\/p>$/);
				expect(html).not.toMatch(/para-tools|<\/p>[\s\S]*<p/);
			});
		});

		it('gives the title as the page shows it', () => {
			expect(page.toString('utf8')).toContain(`<h1>${fields.title}</h1>`);
		});
	});

	it('says where each paragraph starts in the folded content', () => {
		const table = parseFoldTable(readFileSync(join(PAGEFIND, 'fold.txt'), 'utf8'));
		const page = readFileSync(join(DIST, 'zh-hans', SEED_SLUG, 'index.html'), 'utf8');
		const words = [...page.matchAll(/<p id="p\d+"[^>]*>([\s\S]*?)<\/p>/g)].map(([, html]) => html!.replace(/<[^>]+>/g, ''));
		const lengths = words.map((text) => fold(text, table).chars.length);
		const { starts } = decodeTextFields(fragments[0]!.filters, 0);
		expect(starts.slice(1).map((end, i) => end - starts[i]!)).toEqual(lengths);
		expect(fragments[0]!.word_count).toBe(starts.at(-1));
	});
});
