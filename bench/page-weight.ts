/** What a page costs a reader on first paint, as a static host with gzip sends it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { textBodyHtml } from '../src/search/paragraphs.ts';

const gz = (data: string | Buffer) => gzipSync(data, { level: 9 }).length;

/** A text page's first paint: its HTML and the CSS and JS it links, gzipped; and its own text, gzipped. */
export function firstPaint(page: string, dist: string): { html: number; css: number; js: number; total: number; ownText: number } {
	const html = readFileSync(page, 'utf8');
	const linked = (pattern: RegExp) =>
		[...html.matchAll(pattern)].reduce((sum, match) => sum + gz(readFileSync(join(dist, match[1]!))), 0);
	const css = linked(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g) + linked(/<link[^>]+href="([^"]+\.css)"[^>]+rel="stylesheet"/g);
	const js = linked(/<script[^>]+src="([^"]+)"/g) + linked(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g);
	const body = textBodyHtml(html) ?? '';
	const ownText = gz(body.replace(/<div class="para-tools">[\s\S]*?<\/div>/g, '').replace(/<[^>]+>/g, ''));
	const htmlBytes = gz(html);
	return { html: htmlBytes, css, js, total: htmlBytes + css + js, ownText };
}

