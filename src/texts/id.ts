/**
 * A text's id is its slug: the file name without `.mdx`, so that URLs stay
 * short and do not depend on sub-folders. Two files with one name would give
 * two texts one URL: that fails the build.
 */
import { AstroError } from 'astro/errors';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { contentDir } from '../content-dir.ts';
import { SLUG, slugFromFileName } from '../import/slug.ts';

/** The file each slug was last seen in (relative to the content folder). */
const seen = new Map<string, string>();

export function textId({ entry }: { entry: string }): string {
	const slug = basename(entry, '.mdx');
	if (!SLUG.test(slug)) {
		throw new AstroError(
			`The file name of ${entry} is not a URL slug: "${slug}".`,
			`Rename it to lower-case ASCII words joined by hyphens, for example \`${slugFromFileName(slug) || 'my-text'}.mdx\`.`,
		);
	}
	const other = seen.get(slug);
	// A file seen before may since have been moved or deleted (`npm run dev` outlives both): only one still there collides.
	if (other !== undefined && other !== entry && existsSync(join(contentDir(), other))) {
		throw new AstroError(
			`Two texts have the slug "${slug}": ${other} and ${entry}.`,
			`Rename one of them, for example \`${entry.replace(/\.mdx$/, '-2.mdx')}\`; each text needs its own URL.`,
		);
	}
	seen.set(slug, entry);
	return slug;
}
