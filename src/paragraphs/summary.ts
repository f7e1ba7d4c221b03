/**
 * What a build did to the anchor records, said once at its end: the files
 * to commit, the ids an editor's confirmation gave, the old addresses kept
 * alive, and the records that belong to no text.
 *
 * Text pages report while they render; the integration prints when the
 * build is done. The two sides meet through src/build-hand-over.ts.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { handOver } from '../build-hand-over.ts';
import { EDITIONS } from '../editions.ts';

/** One record file the build wrote. */
export interface RecordChange {
	/** The record's file, as named to the editor. */
	file: string;
	slug: string;
	kind: 'created' | 'updated' | 'moved' | 'renamed';
	/** Where the record was before, when the build moved it. */
	from?: string | undefined;
	/** The text's slug before a rename. */
	renamedFrom?: string | undefined;
	/** Whether its ids, aliases or paragraphs changed (not only where it is, or the slug it names). */
	idsChanged: boolean;
}

/** Ids an editor's confirmation retired, and the ids now in their place. */
export interface Confirmation {
	slug: string;
	retired: { id: string; now: string; position: number }[];
}

interface Report {
	changes: RecordChange[];
	confirmations: Confirmation[];
	/** Old slug → the text's slug now. */
	redirects: Map<string, string>;
	stale: { file: string; slug: string }[];
	slugs: Set<string>;
}

const current = handOver<Report>('anchor-summary');

function report(): Report {
	let found = current.active();
	if (!found) current.set((found = { changes: [], confirmations: [], redirects: new Map(), stale: [], slugs: new Set() }));
	return found;
}

export function reportRecordChange(change: RecordChange): void {
	report().changes.push(change);
}

export function reportConfirmation(confirmation: Confirmation): void {
	report().confirmations.push(confirmation);
}

/** The texts, their old addresses and the stale records, as the record index found them. */
export function reportRecords(slugs: Iterable<string>, redirects: Iterable<[from: string, to: string]>, stale: { file: string; slug: string }[]): void {
	const current = report();
	current.slugs = new Set(slugs);
	current.redirects = new Map(redirects);
	current.stale = stale;
}

/** How many records the summary names one by one (a first build of a large corpus writes thousands). */
const LISTED = 20;

/** The summary's lines, by level; empty when the build changed nothing worth saying. */
export function summaryLines(confirm = process.env.FANJIAN_CONFIRM_ANCHORS ?? ''): { info: string[]; warn: string[] } {
	const { changes, confirmations, redirects, stale, slugs } = report();
	const info: string[] = [];
	const warn: string[] = [];
	if (changes.length > 0) {
		info.push(`${changes.length === 1 ? 'One anchor record' : `${changes.length} anchor records`} written: commit ${changes.length === 1 ? 'it' : 'them'} with the texts.`);
		const listed = [...changes].sort((a, b) => a.file.localeCompare(b.file));
		for (const change of listed.slice(0, LISTED)) {
			const why = {
				created: 'a new text',
				updated: change.idsChanged ? 'its paragraphs changed' : 'it now names its text\'s slug',
				moved: `moved from ${change.from}, as its text moved`,
				renamed: `the text "${change.renamedFrom}" is now "${change.slug}"${change.from ? `; moved from ${change.from}` : ''}`,
			}[change.kind];
			info.push(`  ${change.kind.padEnd(7)} ${change.file}  (${why})`);
		}
		if (listed.length > LISTED) info.push(`  … and ${listed.length - LISTED} more`);
		const paths = changes.flatMap((change) => [change.file, ...(change.from ? [change.from] : [])]);
		info.push(`  git add -A -- ${listed.length > LISTED ? "'*.anchors.json'" : paths.join(' ')}`);
	}
	for (const { slug, retired } of confirmations) {
		for (const { id, now, position } of retired) {
			info.push(`Confirmed "${slug}": paragraph ${position} is now #${now}; the old #${id} lands on it.`);
		}
	}
	for (const requested of confirm.split(',').map((s) => s.trim()).filter((s) => s && s !== 'all')) {
		if (!slugs.has(requested)) warn.push(`--confirm ${requested}: no text has the slug "${requested}" (a slug is the entry's file name without .mdx).`);
		else if (changes.some((c) => c.slug === requested && c.kind === 'created')) info.push(`Confirmed "${requested}": its paragraphs are numbered afresh, from #p1.`);
		else if (!confirmations.some((c) => c.slug === requested)) info.push(`Confirmed "${requested}": nothing needed confirming; every id kept its words.`);
	}
	if (redirects.size > 0) {
		const list = [...redirects].map(([from, to]) => `${from} → ${to}`).join(', ');
		info.push(`Old addresses kept alive by redirect pages (${EDITIONS.map((e) => e.path).join(', ')}; #pN kept, not indexed): ${list}.`);
	}
	for (const { file, slug } of stale) {
		warn.push(
			`${file} belongs to no text: no entry has the slug "${slug}" or its words, so links to /…/${slug}/#pN are broken. ` +
				`If the text was renamed, rename the record beside it as <new-slug>.anchors.json (git mv) and build again: the old address will redirect. If the text was removed, delete the record.`,
		);
	}
	return { info, warn };
}

/** Print the summary once the build is done, then forget it. */
function printSummary(logger: AstroIntegrationLogger): void {
	const { info, warn } = summaryLines();
	for (const line of info) logger.info(line);
	for (const line of warn) logger.warn(line);
	current.set(undefined);
}

export function anchorSummary(): AstroIntegration {
	return {
		name: 'fanjian:anchors',
		hooks: {
			'astro:build:start': () => {
				current.set(undefined);
			},
			'astro:build:done': ({ logger }) => printSummary(logger),
		},
	};
}
