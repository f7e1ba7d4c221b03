/**
 * Something the build's integrations open for the pages it renders (the
 * build mode, the feeds), or that the pages tell the build (the anchor
 * records' summary): Astro bundles the pages apart from the config, so each
 * side has its own copy of every module, and the two meet on a global
 * symbol. In `astro dev` nothing is open.
 */
export function handOver<T>(name: string): { active(): T | undefined; set(value: T | undefined): void } {
	const key = Symbol.for(`fanjian.${name}`);
	const registry = globalThis as unknown as Record<symbol, T | undefined>;
	return {
		active: () => registry[key],
		set: (value) => {
			registry[key] = value;
		},
	};
}
