/**
 * npm run anchors -- --confirm <slug>[,<slug>…|all]
 *
 * Confirms that a text's changed paragraphs are meant to replace the old
 * words: builds the site with the confirmation, so the new words get new ids,
 * the old ids become aliases of them, and the anchor record is updated
 * (commit it with the text). The build's summary says which ids it gave.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { confirm: { type: 'string' } } });
if (!values.confirm) {
	console.error('error: name the text to confirm.\nhint: npm run anchors -- --confirm <slug> (the file name of the entry, without .mdx)');
	process.exit(1);
}
const build = spawnSync(process.execPath, ['scripts/build.ts'], {
	stdio: 'inherit',
	env: { ...process.env, FANJIAN_CONFIRM_ANCHORS: values.confirm },
});
process.exit(build.status ?? 1);
