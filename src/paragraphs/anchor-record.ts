/**
 * Where a text's anchor record is kept, and which record is whose.
 *
 * A record is `<slug>.anchors.json` beside its entry, committed with it
 * (like a lock file). It belongs to the text, not to the file's path: the
 * build looks for it in the whole content folder, so a text moved into
 * another folder finds its record where it was, and the build moves the
 * record beside it. A text's identity is its slug, which is its URL; when
 * the slug changes (the entry renamed), the record is recognised by its
 * words, or by the slug written in it when the editor renamed both files,
 * and the old slug is kept in it (`formerSlugs`) so the old address lives
 * on as a redirect page. Records that belong to no text are reported.
 */
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { AnchorRecord } from './anchors.ts';
import { reportRecordChange } from './summary.ts';
import { slugProblem } from '../import/slug.ts';

export interface AnchorStore {
	load(): AnchorRecord | undefined;
	/** Keep the record; `previous` is what `load` gave. */
	save(record: AnchorRecord, previous: AnchorRecord | undefined): void;
	/** Whether the editor confirmed this text's changed paragraphs. */
	confirm: boolean;
	/** The command that confirms them, for the error message. */
	confirmCommand: string;
	/** The text's slug, named in the build's summary. */
	slug?: string;
}

const recordSchema = z.object({
	/** The slug the text had when the record was last written. */
	slug: z.string().optional(),
	/** Earlier slugs of the text: their addresses redirect to it (each must be a slug a text could take: \`indexRecords\` says why not). */
	formerSlugs: z.array(z.string()).optional(),
	next: z.number().int().positive(),
	paragraphs: z.array(z.object({ id: z.string().regex(/^p\d+$/), text: z.string() })),
	aliases: z.record(z.string(), z.string()),
});

/** A record as kept in its file. */
export type StoredRecord = z.infer<typeof recordSchema>;

const SUFFIX = '.anchors.json';

/** The record file of an entry. */
export const anchorFile = (entry: string) => entry.replace(/\.mdx$/, SUFFIX);

/** A path as named to the editor: relative to the working folder. */
const shown = (path: string) => relative(process.cwd(), path) || path;

/** Read a record file; fails with the fix when it is not one. */
export function readRecord(file: string): StoredRecord {
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(file, 'utf8'));
	} catch (error) {
		throw new AstroError(`${shown(file)} is not valid JSON: ${(error as Error).message}`, `Restore it from version control (git checkout -- ${shown(file)}); it records the links already published.`);
	}
	const parsed = recordSchema.safeParse(json);
	if (!parsed.success) {
		throw new AstroError(`${shown(file)} is not an anchor record: ${parsed.error.issues[0]!.message}`, `Restore it from version control (git checkout -- ${shown(file)}).`);
	}
	return parsed.data;
}

/** What the record index needs to know of an entry. */
export interface EntryForRecords {
	slug: string;
	/** The entry's file. */
	entry: string;
	/** The entry's body (MDX), to recognise a renamed text by its words. */
	body: string;
}

/** A text's anchor record: where it belongs, where it is, and the text's former slugs. */
export interface TextAnchors {
	slug: string;
	/** The entry's file, as named to the editor. */
	entry: string;
	/** Where the record belongs: beside the entry. */
	file: string;
	/** Where the record was found, when it is not there yet (the text moved or was renamed). */
	found?: string | undefined;
	/** The record as found. */
	record?: StoredRecord | undefined;
	/** The slug the record was written under, when it is not the text's slug now (a rename). */
	renamedFrom?: string | undefined;
	/** Earlier slugs of the text, whose addresses redirect to it. */
	formerSlugs: string[];
}

/** A record that belongs to no text. */
export interface StaleRecord {
	file: string;
	/** The slug it was written under. */
	slug: string;
}

export interface RecordIndex {
	/** Per slug, the text's record. */
	texts: Map<string, TextAnchors>;
	/** Records no text claims. */
	stale: StaleRecord[];
}

/** Every record file under a folder. */
function recordFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith(SUFFIX) && !entry.parentPath.split(/[\\/]/).includes('node_modules'))
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
}

const fileSlug = (file: string) => basename(file, SUFFIX);

/** The record whose text was once `slug` (its formerSlugs name it), as named to the editor, with the text's slug now. */
export function formerOwner(slug: string, dir: string): { file: string; slug: string } | undefined {
	for (const file of recordFiles(resolve(dir))) {
		const record = readRecord(file);
		if (record.formerSlugs?.includes(slug)) return { file: shown(file), slug: record.slug ?? fileSlug(file) };
	}
	return undefined;
}

/** The Han characters of a text: what survives markup, escapes and punctuation edits. */
const hanOnly = (text: string) => text.match(/\p{Script=Han}/gu)?.join('') ?? '';

/**
 * How much of a record's words an entry's body holds: the share of its
 * paragraphs (of 4 Han characters or more) found whole in the body.
 */
function wordsShared(record: StoredRecord, body: string): number {
	const paragraphs = record.paragraphs.map((paragraph) => hanOnly(paragraph.text)).filter((han) => han.length >= 4);
	if (paragraphs.length === 0) return 0;
	const han = hanOnly(body);
	return paragraphs.filter((paragraph) => han.includes(paragraph)).length / paragraphs.length;
}

/** A record is taken for a renamed text's when the text holds at least half of its paragraphs. */
const SAME_TEXT = 0.5;

/**
 * Pair every entry with its anchor record, wherever in `dir` the record is.
 *
 * 1. A record named after the entry's slug is the entry's, in any folder.
 * 2. An entry without one takes a record that no entry is named after
 *    (its text was renamed) when the entry holds most of that record's
 *    words, and no other entry or record competes for the match.
 * 3. The records left belong to no text: stale.
 *
 * Fails when a text has two records, or when an old address of one text
 * is another text's address.
 */
export function indexRecords(entries: readonly EntryForRecords[], dir: string): RecordIndex {
	const files = recordFiles(resolve(dir));
	const byName = new Map<string, string[]>();
	for (const file of files) byName.set(fileSlug(file), [...(byName.get(fileSlug(file)) ?? []), file]);
	const slugs = new Set(entries.map((entry) => entry.slug));
	const texts = new Map<string, TextAnchors>();
	const claimed = new Set<string>();

	const place = (entry: EntryForRecords, found: string | undefined): TextAnchors => {
		const file = resolve(anchorFile(entry.entry));
		const record = found ? readRecord(found) : undefined;
		const writtenAs = record?.slug ?? (found ? fileSlug(found) : undefined);
		const renamedFrom = writtenAs !== undefined && writtenAs !== entry.slug ? writtenAs : undefined;
		const formerSlugs = [...new Set([...(record?.formerSlugs ?? []), ...(renamedFrom ? [renamedFrom] : [])])].filter((slug) => slug !== entry.slug).sort();
		if (found) claimed.add(found);
		return { slug: entry.slug, entry: entry.entry, file, found: found && found !== file ? found : undefined, record, renamedFrom, formerSlugs };
	};

	// 1. By name.
	const unpaired: EntryForRecords[] = [];
	for (const entry of entries) {
		const named = byName.get(entry.slug) ?? [];
		if (named.length > 1) {
			const beside = resolve(anchorFile(entry.entry));
			throw new AstroError(
				`The text "${entry.slug}" (${entry.entry}) has ${named.length} anchor records: ${named.map(shown).join(', ')}.`,
				`Keep the one that holds the links published so far (the oldest in \`git log -- '*${entry.slug}${SUFFIX}'\`), move it to ${shown(beside)}, and delete the other${named.length > 2 ? 's' : ''}.`,
			);
		}
		if (named.length === 1) texts.set(entry.slug, place(entry, named[0]));
		else unpaired.push(entry);
	}

	// 2. By words: a renamed text and the record it left behind.
	const orphans = files.filter((file) => !slugs.has(fileSlug(file)));
	const records = new Map(orphans.map((file) => [file, readRecord(file)]));
	const best = new Map<string, { file: string; share: number; tie: boolean }>();
	const bestOf = new Map<string, { slug: string; share: number; tie: boolean }>();
	for (const entry of unpaired) {
		for (const file of orphans) {
			const share = wordsShared(records.get(file)!, entry.body);
			if (share < SAME_TEXT) continue;
			const forEntry = best.get(entry.slug);
			if (!forEntry || share > forEntry.share) best.set(entry.slug, { file, share, tie: false });
			else if (share === forEntry.share) forEntry.tie = true;
			const forFile = bestOf.get(file);
			if (!forFile || share > forFile.share) bestOf.set(file, { slug: entry.slug, share, tie: false });
			else if (share === forFile.share) forFile.tie = true;
		}
	}
	for (const entry of unpaired) {
		const match = best.get(entry.slug);
		const mutual = match && !match.tie && bestOf.get(match.file)?.slug === entry.slug && !bestOf.get(match.file)!.tie;
		texts.set(entry.slug, place(entry, mutual ? match.file : undefined));
	}

	// An old address must be one a text could have (not a year's archive, not the search page),
	// and not another text's address, nor two texts' old address.
	const formerOf = new Map<string, string>();
	for (const text of texts.values()) {
		for (const former of text.formerSlugs) {
			const wrong = slugProblem(former);
			if (wrong) {
				throw new AstroError(
					`The text "${text.slug}" (${text.entry}) was once "${former}", but its old address cannot redirect to it: ${wrong.problem}`,
					`In ${shown(text.found ?? text.file)}, remove "${former}" from formerSlugs${text.renamedFrom === former ? ` and set "slug" to "${text.slug}"` : ''}; links published to /…/${former}/ cannot be kept.`,
				);
			}
			if (slugs.has(former)) {
				const other = entries.find((entry) => entry.slug === former)!;
				throw new AstroError(
					`The slug "${former}" is ${other.entry}'s, but it was also "${text.slug}"'s (${text.entry}) before a rename: links published to /…/${former}/ would land on another text.`,
					`Give ${other.entry} another slug (rename the file), or, if you mean to reuse the address, remove "${former}" from formerSlugs in ${shown(text.found ?? text.file)}.`,
				);
			}
			const earlier = formerOf.get(former);
			if (earlier) {
				throw new AstroError(
					`Two texts, "${earlier}" and "${text.slug}", were both once "${former}".`,
					`Remove "${former}" from formerSlugs in the anchor record of the text whose old address it is not.`,
				);
			}
			formerOf.set(former, text.slug);
		}
	}

	const stale = files.filter((file) => !claimed.has(file)).map((file) => ({ file, slug: records.get(file)?.slug ?? fileSlug(file) }));
	return { texts, stale };
}

/** What the editor asked to confirm (`npm run anchors -- --confirm …`): slugs, or `all`. */
const confirmedSlugs = () => (process.env.FANJIAN_CONFIRM_ANCHORS ?? '').split(',').map((s) => s.trim());

/**
 * Fails when a text has no record here but had one in version control (a
 * record deleted, or never checked out): building on would number its
 * paragraphs afresh, and every #pN already published would land on other
 * words. The fix is to restore the record; an editor who means to number
 * the text afresh (a slug taken again by another text) confirms it by its
 * slug (`all` is not enough). Asks git once; outside a git work tree, or
 * without git, nothing is known and nothing is checked.
 */
export function refuseLostRecords(index: RecordIndex, dir: string): void {
	const bare = [...index.texts.values()].filter((text) => !text.record);
	if (bare.length === 0) return;
	const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
	let known: string[];
	try {
		// Every record path committed under the folder, newest first, then those only staged.
		known = `${git('log', '--format=', '--name-only', '--relative', '--', `*${SUFFIX}`)}\n${git('ls-files', '--', `*${SUFFIX}`)}`.split('\n').filter(Boolean);
	} catch {
		return;
	}
	const confirmed = confirmedSlugs();
	const lost = bare.flatMap((text) => {
		const path = known.find((file) => fileSlug(file) === text.slug);
		if (!path || confirmed.includes(text.slug)) return [];
		let from = 'HEAD';
		try {
			git('cat-file', '-e', `HEAD:./${path}`);
		} catch {
			// Deleted in a commit: restore it from the one before.
			from = `${git('log', '-1', '--format=%h', '--diff-filter=D', '--', path).trim()}^`;
		}
		return [{ text, file: shown(join(resolve(dir), path)), from }];
	});
	if (lost.length === 0) return;
	throw new AstroError(
		`${lost.length === 1 ? 'A text has' : `${lost.length} texts have`} no anchor record, but git has one: ${lost.map(({ text, file }) => `${text.entry} (${file})`).join(', ')}. Without it the build would number the paragraphs afresh, and the links already published to /…/<slug>/#pN would land on other words.`,
		`Restore the record${lost.length === 1 ? '' : 's'}: ${lost.map(({ file, from }) => `git checkout ${from} -- ${file}`).join('; ')}. Only if the slug now names another text, whose paragraphs should be numbered afresh: ${lost.map(({ text }) => `npm run anchors -- --confirm ${text.slug}`).join('; ')}.`,
	);
}

/**
 * The store of one text's record. `save: false` only reads it (as in dev,
 * where a half-typed save must not retire published ids). Saving writes the
 * record beside the entry, with the text's slug and former slugs, removes
 * it from where it was found, and tells the build's summary.
 * Confirmation comes from the environment: `FANJIAN_CONFIRM_ANCHORS` names
 * the slugs (or `all`) whose changed paragraphs the editor confirmed
 * (`npm run anchors -- --confirm <slug>`).
 */
export function recordStore(text: TextAnchors, { save = true }: { save?: boolean } = {}): AnchorStore {
	const confirmed = confirmedSlugs();
	return {
		load: () => text.record && { next: text.record.next, paragraphs: text.record.paragraphs, aliases: text.record.aliases },
		save(record) {
			if (!save) return;
			const stored: StoredRecord = { slug: text.slug, ...(text.formerSlugs.length > 0 ? { formerSlugs: text.formerSlugs } : {}), ...record };
			const same = text.record && JSON.stringify(recordSchema.parse(text.record)) === JSON.stringify(recordSchema.parse(stored));
			if (same && !text.found) return;
			const idsChanged = !text.record || JSON.stringify([text.record.next, text.record.paragraphs, text.record.aliases]) !== JSON.stringify([record.next, record.paragraphs, record.aliases]);
			mkdirSync(dirname(text.file), { recursive: true });
			writeFileSync(text.file, `${JSON.stringify(stored, null, '\t')}\n`);
			if (text.found) rmSync(text.found, { force: true });
			reportRecordChange({
				file: shown(text.file),
				slug: text.slug,
				kind: !text.record ? 'created' : text.renamedFrom ? 'renamed' : text.found ? 'moved' : 'updated',
				from: text.found && shown(text.found),
				renamedFrom: text.renamedFrom,
				idsChanged,
			});
		},
		confirm: confirmed.includes(text.slug) || confirmed.includes('all'),
		confirmCommand: `npm run anchors -- --confirm ${text.slug}`,
		slug: text.slug,
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
