/**
 * Builds the site once before the tests that read it, exactly as
 * `npm run build` does. Set FANJIAN_SKIP_BUILD=1 to test an existing dist/.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
	if (process.env.FANJIAN_SKIP_BUILD) return;
	execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'inherit' });
}
