/**
 * npm run anchors -- --confirm <slug>[,<slug>…|all]   (--help for the usage)
 *
 * Confirms that a text's changed paragraphs are meant to replace the old
 * words: builds the site with the confirmation, so the new words get new ids,
 * the old ids become aliases of them, and the anchor record is updated
 * (commit it with the text). The build's summary says which ids it gave.
 */
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { buildArgs } from '../src/build/command.ts';
import { closest } from '../src/closest.ts';
import { parseCommandLine, refuse, type CommandSpec } from '../src/command-line.ts';
import { contentDir, entryFiles } from '../src/content-dir.ts';

const ANCHORS = {
	command: 'npm run anchors --',
	synopsis: '--confirm <slug>[,<slug>…|all]',
	summary: "Confirms that a text's paragraphs rewritten beyond a small edit are meant: builds the site so their new words get new ids and the old ids land on them. Commit the updated <slug>.anchors.json with the text.",
	options: {
		confirm: { type: 'string', value: 'slug,…|all', description: 'the texts to confirm: file names of entries without .mdx, or all' },
	},
} as const satisfies CommandSpec;

const { values } = parseCommandLine(ANCHORS);
if (!values.confirm) refuse(ANCHORS, 'name the text to confirm with --confirm <slug> (the file name of the entry, without .mdx).');
// A slug no text has confirms nothing: say so before a whole build, not in its summary.
const content = contentDir();
const slugs = entryFiles(content).map((path) => basename(path, '.mdx'));
for (const slug of values.confirm.split(',').map((s) => s.trim())) {
	if (slug === 'all' || slugs.includes(slug)) continue;
	const meant = closest(slug, slugs);
	refuse(ANCHORS, `no text has the slug "${slug}" in ${content}${meant ? ` (did you mean ${meant}?)` : ''}: a slug is the entry's file name without .mdx.`);
}
const build = spawnSync(process.execPath, buildArgs(), {
	stdio: 'inherit',
	env: { ...process.env, FANJIAN_CONFIRM_ANCHORS: values.confirm },
});
process.exit(build.status ?? 1);
