/**
 * Where a text's anchor record is kept: `<entry>.anchors.json` beside the
 * entry, committed with it (like a lock file). The build writes it whenever
 * the text's anchors change, and says so.
 */
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { AnchorRecord } from './anchors.ts';

export interface AnchorStore {
	load(): AnchorRecord | undefined;
	/** Keep the record; `previous` is what `load` gave, to skip writing when nothing changed. */
	save(record: AnchorRecord, previous: AnchorRecord | undefined): void;
	/** Whether the editor confirmed this text's changed paragraphs. */
	confirm: boolean;
	/** The command that confirms them, for the error message. */
	confirmCommand: string;
}

const recordSchema = z.object({
	next: z.number().int().positive(),
	paragraphs: z.array(z.object({ id: z.string().regex(/^p\d+$/), text: z.string() })),
	aliases: z.record(z.string(), z.string()),
});

/** The record file of an entry. */
export const anchorFile = (entry: string) => entry.replace(/\.mdx$/, '.anchors.json');

/**
 * The record beside an entry file (`save: false` only reads it, as in dev).
 * Confirmation comes from the environment:
 * `FANJIAN_CONFIRM_ANCHORS` names the slugs (or `all`) whose changed
 * paragraphs the editor confirmed (`npm run anchors -- --confirm <slug>`).
 */
export function fileAnchorStore(entry: string, { save = true }: { save?: boolean } = {}): AnchorStore {
	const file = anchorFile(entry);
	const slug = basename(entry, '.mdx');
	const confirmed = (process.env.FANJIAN_CONFIRM_ANCHORS ?? '').split(',').map((s) => s.trim());
	return {
		load() {
			if (!existsSync(file)) return undefined;
			let json: unknown;
			try {
				json = JSON.parse(readFileSync(file, 'utf8'));
			} catch (error) {
				throw new AstroError(`${file} is not valid JSON: ${(error as Error).message}`, `Restore it from version control (git checkout -- ${file}); it records the links already published.`);
			}
			const parsed = recordSchema.safeParse(json);
			if (!parsed.success) {
				throw new AstroError(`${file} is not an anchor record: ${parsed.error.issues[0]!.message}`, `Restore it from version control (git checkout -- ${file}).`);
			}
			return parsed.data;
		},
		save(record, previous) {
			if (!save || (previous && JSON.stringify(previous) === JSON.stringify(record))) return;
			// Only a real entry gets a record beside it (not a text rendered from memory).
			if (!existsSync(entry)) return;
			writeFileSync(file, `${JSON.stringify(record, null, '\t')}\n`);
			console.warn(`[anchors] ${file} ${previous ? 'updated' : 'created'}: commit it with ${basename(entry)}.`);
		},
		confirm: confirmed.includes(slug) || confirmed.includes('all'),
		confirmCommand: `npm run anchors -- --confirm ${slug}`,
	};
}

/** A record kept in memory (tests, and the import round trip). */
export function memoryAnchorStore(initial?: AnchorRecord, confirm = false): AnchorStore & { record: AnchorRecord | undefined } {
	const store = {
		record: initial,
		load: () => store.record,
		save: (record: AnchorRecord) => {
			store.record = record;
		},
		confirm,
		confirmCommand: 'npm run anchors -- --confirm <slug>',
	};
	return store;
}
