/** The files Pagefind wrote for a built site, read in Node as the browser reads them (src/search/pagefind-index.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeCbor } from '../../src/search/cbor.ts';
import { afterSignature, readMeta, type Meta } from '../../src/search/pagefind-index.ts';

/** One of Pagefind's files gunzipped, its signature checked: the bytes after it. */
export const unpack = (file: string): Buffer => Buffer.from(afterSignature(gunzipSync(readFileSync(file)), file));

/** The page list's file under a site's pagefind/. */
export function metaFile(pagefindDir: string): string {
	const name = readdirSync(pagefindDir).find((file) => file.endsWith('.pf_meta'));
	if (!name) throw new Error(`${pagefindDir}: no page list`);
	return join(pagefindDir, name);
}

/** The page list of the index under a site's pagefind/, as the browser reads it. */
export const indexMeta = (pagefindDir: string): Meta => readMeta(decodeCbor(unpack(metaFile(pagefindDir))), metaFile(pagefindDir));
