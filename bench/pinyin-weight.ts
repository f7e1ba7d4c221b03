/**
 * What turning the pinyin aid on costs: each text's pinyin file as a static
 * host with gzip sends it, against the text's own words gzipped (the budget:
 * ≤ 1.5 ×, src/pinyin/format.ts). Nothing of it is on first paint
 * (page-weight.ts measures that page without it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_EDITION } from '../src/editions.ts';
import { firstPaint } from './page-weight.ts';

const gz = (data: Buffer) => gzipSync(data, { level: 9 }).length;

export interface PinyinWeight {
	texts: number;
	/** The pinyin file over the text's own words, gzipped: median and largest over the site's texts. */
	median: number;
	max: number;
	/** The text with the largest ratio, and its bytes. */
	worst: { slug: string; file: number; ownText: number };
}

/** The pinyin files of every text of a built site (undefined if it has no text pages). */
export function pinyinWeight(dist: string): PinyinWeight | undefined {
	const edition = join(dist, DEFAULT_EDITION.path);
	if (!existsSync(edition)) return undefined;
	const texts = readdirSync(edition, { withFileTypes: true }).flatMap((entry) => {
		const page = join(edition, entry.name, 'index.html');
		const path = entry.isDirectory() && existsSync(page) ? /data-pinyin="([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1] : undefined;
		if (!path) return [];
		const sizes = { slug: entry.name, file: gz(readFileSync(join(dist, path))), ownText: firstPaint(page, dist).ownText };
		return [{ ...sizes, ratio: sizes.file / sizes.ownText }];
	});
	if (texts.length === 0) return undefined;
	const ratios = texts.map((text) => text.ratio).sort((a, b) => a - b);
	const worst = texts.reduce((a, b) => (b.ratio > a.ratio ? b : a));
	return { texts: texts.length, median: ratios[Math.floor(ratios.length / 2)]!, max: worst.ratio, worst: { slug: worst.slug, file: worst.file, ownText: worst.ownText } };
}

/** One line for the benchmark's table. */
export function describePinyin(weight: PinyinWeight | undefined): string {
	if (!weight) return '– (no text pages: build the site first)';
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
	return `× ${weight.median.toFixed(2)} of the text (median of ${weight.texts}), at most × ${weight.max.toFixed(2)} (${weight.worst.slug}: ${kb(weight.worst.file)} for ${kb(weight.worst.ownText)})`;
}
