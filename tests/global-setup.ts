/**
 * Builds the site once before the tests that read it, exactly as
 * `npm run build` does (scripts/build.ts: build beside, then swap in).
 * Set FANJIAN_SKIP_BUILD=1 to test an existing build (FANJIAN_OUT or dist/).
 */
import { execFileSync } from 'node:child_process';
import { buildArgs } from '../src/build/command.ts';

export default function setup(): void {
	if (process.env.FANJIAN_SKIP_BUILD) return;
	execFileSync(process.execPath, buildArgs(), { stdio: 'inherit' });
}
