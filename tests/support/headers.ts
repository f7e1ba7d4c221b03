/**
 * `public/_headers` as Netlify and Cloudflare Pages read it: a path pattern
 * on its own line, then indented `Name: value` lines; `#` starts a comment.
 */
import { readFileSync } from 'node:fs';

export type HeaderRules = Map<string, Record<string, string>>;

export function parseHeaders(text: string): HeaderRules {
	const rules: HeaderRules = new Map();
	let current: Record<string, string> | undefined;
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trimStart().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			current = {};
			rules.set(line.trim(), current);
			continue;
		}
		const colon = line.indexOf(':');
		if (!current || colon < 0) throw new Error(`_headers: "${line.trim()}" is not a "Name: value" line under a path`);
		current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
	}
	return rules;
}

/** The headers the site sends with every file (the `/*` rule). */
export function siteHeaders(file = 'public/_headers'): Record<string, string> {
	const all = parseHeaders(readFileSync(file, 'utf8')).get('/*');
	if (!all) throw new Error(`${file} has no "/*" rule`);
	return all;
}

/** A Content-Security-Policy as directive → sources. */
export function parseCsp(policy: string): Map<string, string[]> {
	return new Map(
		policy
			.split(';')
			.map((directive) => directive.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...sources]) => [name!.toLowerCase(), sources]),
	);
}
