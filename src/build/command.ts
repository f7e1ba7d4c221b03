/**
 * How `npm run build` runs scripts/build.ts, for the scripts and tests that
 * run it themselves: the same Node flags as package.json's `build` script
 * (tests/unit/build-command.test.ts keeps the two the same).
 *
 * `--max-semi-space-size=2`: the process that starts the build reads every
 * text as soon as Astro has written its pages (src/search/index-build.ts),
 * parsing much and keeping little; with V8's default young generation its
 * heap grew to 186–196 MB with 50–85 MB of it in use. With 2 MB semi-spaces it held
 * 140 MiB resident at the build's peak instead of 249 (1,020 texts, 2
 * interleaved builds each), and the wall time did not change beyond the
 * machine's noise. Astro's own process keeps V8's defaults: it renders on
 * the build's critical path, where smaller semi-spaces would cost time.
 */
export const BUILD_NODE_FLAGS = ['--max-semi-space-size=2'] as const;

/** The arguments after `process.execPath` that run scripts/build.ts, its path as the caller names it. */
export const buildArgs = (script = 'scripts/build.ts'): string[] => [...BUILD_NODE_FLAGS, script];
