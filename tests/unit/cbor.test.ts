import { decode, encode } from 'cborg';
import { describe, expect, it } from 'vitest';
import { decodeCbor } from '../../src/search/cbor.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('the CBOR decoder the browser uses for Pagefind’s files', () => {
	it('reads what cborg writes of the kinds Pagefind writes', () => {
		const values = [
			0,
			23,
			24,
			255,
			256,
			65_535,
			65_536,
			2 ** 32 - 1,
			2 ** 32,
			Number.MAX_SAFE_INTEGER,
			-1,
			-25,
			-257,
			-(2 ** 32),
			'',
			'網絡 𠮷',
			'a'.repeat(300),
			[],
			[1, [2, ['三', -4]], 'x'.repeat(70_000)],
			Array.from({ length: 1_000 }, (_, i) => i * 37),
			true,
			false,
			null,
			new Uint8Array([1, 2, 3]),
		];
		for (const value of values) expect(decodeCbor(encode(value)), JSON.stringify(value)).toEqual(decode(encode(value)));
	});

	it('reads a map of known length', () => {
		expect(decodeCbor(bytes(0xa2, 0x61, 0x61, 0x01, 0x02, 0x80))).toEqual(new Map<unknown, unknown>([['a', 1], [2, []]]));
	});

	it('names what it does not read, and where', () => {
		expect(() => decodeCbor(bytes(0x9f, 0x01, 0xff))).toThrow('CBOR at byte 1: additional information 31 (indefinite length or reserved) is not read here');
		expect(() => decodeCbor(bytes(0xc1, 0x01))).toThrow('CBOR at byte 1: major type 6 (a tag) is not read here');
		expect(() => decodeCbor(bytes(0xfb, 0, 0, 0, 0, 0, 0, 0, 0))).toThrow('float 27 is not read here');
		expect(() => decodeCbor(bytes(0x1b, 0x00, 0x20, 0, 0, 0, 0, 0, 0))).toThrow('an integer past 2^53');
	});

	it('refuses data that ends early or runs on', () => {
		expect(() => decodeCbor(bytes(0x63, 0x61, 0x62))).toThrow('the data ends early');
		expect(() => decodeCbor(bytes(0x19, 0x01))).toThrow('the data ends early');
		expect(() => decodeCbor(bytes(0x9a, 0xff, 0xff, 0xff, 0xff))).toThrow('4294967295 items announced, 0 bytes left');
		expect(() => decodeCbor(bytes(0x01, 0x02))).toThrow('CBOR at byte 1: the item ends here, before the data does (2 bytes)');
		expect(() => decodeCbor(bytes())).toThrow('the data ends early');
	});

	it('refuses text that is not UTF-8', () => {
		expect(() => decodeCbor(bytes(0x62, 0xc3, 0x28))).toThrow();
	});
});
