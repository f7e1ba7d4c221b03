import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILD_NODE_FLAGS } from '../../src/build/command.ts';

describe('how the build is run', () => {
	it('npm run build passes scripts/build.ts the same Node flags as the scripts and tests that run it themselves', () => {
		const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
		expect(scripts.build).toBe(`node ${BUILD_NODE_FLAGS.join(' ')} scripts/build.ts`);
	});
});
