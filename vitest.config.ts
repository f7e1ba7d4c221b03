import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		globalSetup: ['tests/global-setup.ts'],
		// Several tests build real sites; on two busy cores a build can take a minute.
		testTimeout: 180_000,
		hookTimeout: 180_000,
		// Two cores: browser tests and fixture builds must not all run at once.
		maxWorkers: 2,
	},
});
