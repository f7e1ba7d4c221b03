/**
 * A text's id is its slug: the file name without `.mdx`, so that URLs stay
 * short and do not depend on sub-folders. Two files with one name would give
 * two texts one URL: that fails the build.
 */
import { AstroError } from 'astro/errors';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { contentDir } from '../content-dir.ts';
import { slugProblem } from '../import/slug.ts';

/** The file each slug was last seen in (relative to the content folder). */
const seen = new Map<string, string>();

/** Fail when an entry's file name cannot be its slug (its URL). */
export function checkSlug(entry: string): void {
	const wrong = slugProblem(basename(entry, '.mdx'));
	if (!wrong) return;
	throw new AstroError(
		`The file name of ${entry} cannot be its URL slug: ${wrong.problem}`,
		`Rename it to lower-case ASCII words joined by hyphens (not digits alone), for example \`${wrong.example}.mdx\`.`,
	);
}

/** Fail when other entry files (`others`, named as `entry` is) have this entry's slug: two texts cannot have one URL. */
export function checkSlugUnique(entry: string, others: readonly string[]): void {
	if (others.length === 0) return;
	throw new AstroError(
		`Two texts have the slug "${basename(entry, '.mdx')}": ${others[0]} and ${entry}.`,
		`Rename one of them, for example \`${entry.replace(/\.mdx$/, '-2.mdx')}\`; each text needs its own URL.`,
	);
}

export function textId({ entry }: { entry: string }): string {
	const slug = basename(entry, '.mdx');
	checkSlug(entry);
	const other = seen.get(slug);
	// A file seen before may since have been moved or deleted (`npm run dev` outlives both): only one still there collides.
	if (other !== undefined && other !== entry && existsSync(join(contentDir(), other))) checkSlugUnique(entry, [other]);
	seen.set(slug, entry);
	return slug;
}
