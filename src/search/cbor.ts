/**
 * A CBOR decoder (RFC 8949) for what Pagefind writes: its page list and
 * index chunks (pagefind-index.ts). Shipped to the browser with the search,
 * so it reads only the kinds Pagefind's encoder (minicbor) writes for them —
 * integers, text, byte strings, arrays and maps of known length, and the
 * simple values — and names anything else. A test decodes every file of a
 * built index with cborg as well and holds the two to the same answers;
 * cborg itself would cost the browser ~7 kB gzipped.
 */

/** Decode one CBOR item that fills `bytes`. */
export function decodeCbor(bytes: Uint8Array): unknown {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const text = new TextDecoder('utf-8', { fatal: true });
	let at = 0;
	const fail = (why: string): never => {
		throw new Error(`CBOR at byte ${at}: ${why}`);
	};
	const need = (count: number) => {
		if (at + count > bytes.length) fail('the data ends early');
	};
	/** The argument of an item whose initial byte has additional information `info`. */
	const argument = (info: number): number => {
		if (info < 24) return info;
		const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : fail(`additional information ${info} (indefinite length or reserved) is not read here`);
		need(size);
		const value =
			size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
		if (!Number.isSafeInteger(value)) fail('an integer past 2^53');
		at += size;
		return value;
	};
	/** The length of an array or map: each of its items takes a byte at least. */
	const count = (info: number): number => {
		const length = argument(info);
		if (length > bytes.length - at) fail(`${length} items announced, ${bytes.length - at} bytes left`);
		return length;
	};
	const item = (): unknown => {
		need(1);
		const initial = view.getUint8(at++);
		const major = initial >> 5;
		const info = initial & 31;
		switch (major) {
			case 0:
				return argument(info);
			case 1:
				return -1 - argument(info);
			case 2:
			case 3: {
				const length = argument(info);
				need(length);
				const slice = bytes.subarray(at, at + length);
				at += length;
				return major === 2 ? slice : text.decode(slice);
			}
			case 4:
				return Array.from({ length: count(info) }, item);
			case 5: {
				const map = new Map<unknown, unknown>();
				for (let i = count(info); i > 0; i--) map.set(item(), item());
				return map;
			}
			case 7:
				if (info === 20) return false;
				if (info === 21) return true;
				if (info === 22) return null;
				if (info === 23) return undefined;
				return fail(`simple value or float ${info} is not read here`);
			default:
				return fail(`major type ${major} (a tag) is not read here`);
		}
	};
	const value = item();
	if (at !== bytes.length) fail(`the item ends here, before the data does (${bytes.length} bytes)`);
	return value;
}
