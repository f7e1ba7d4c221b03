/**
 * Turning the bytes of a received file into text, or refusing with a message
 * that says what to do. Mojibake must never reach `content/`.
 */

import { TextDecoder as WhatwgDecoder } from '@exodus/bytes/encoding.js';
import { HintedError } from '../hinted-error.ts';
import { locator } from './traced.ts';

/** A received file the import refuses, and what the editor should do. */
export class ImportError extends HintedError {}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** The 1-based line of a byte offset: line breaks before it, plus one. */
function lineAt(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
	return line;
}

/** A received file as text, and how it was read. */
export interface Decoded {
	text: string;
	/** The encoding the bytes were read as, as the provenance records it: `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `Big5-HKSCS`, `GB18030-2022`. */
	encoding: string;
	/** What else the editor should know of the reading (the Hong Kong characters of a Big5 file). */
	note?: string | undefined;
}

/** How each encoding the editor may name is read, and recorded. */
const LEGACY: Record<'gb18030' | 'big5', { label: string; decoder: () => { decode(bytes: Uint8Array): string } }> = {
	// The Encoding Standard's decoders (the browsers'), not Node's: Node's big5 puts
	// every Hong Kong (HKSCS) character in the private use area (綫 → U+E357).
	big5: { label: 'Big5-HKSCS', decoder: () => new WhatwgDecoder('big5', { fatal: true }) },
	gb18030: { label: 'GB18030-2022', decoder: () => new WhatwgDecoder('gb18030', { fatal: true }) },
};

/**
 * Decode a received file. UTF-8 (with or without BOM) and UTF-16 with a BOM
 * are read as they are; GB18030 and Big5 only when the editor names the
 * encoding, since guessing between them produces plausible-looking nonsense;
 * a named encoding the bytes do not look like is refused too. Big5 is read
 * as Big5-HKSCS, GB18030 as GB18030-2022 (both as the Encoding Standard
 * defines them). Every byte is decoded or the file refused, and so is a
 * text holding a character no font can show (private use, unassigned, or
 * U+FFFD left by an earlier failed conversion), at its line and column.
 */
export function decodeText(bytes: Uint8Array, file: string, encoding?: Encoding): Decoded {
	if (bytes.length === 0) throw new ImportError(`${file} is empty (0 bytes).`, 'Check that you saved the text before importing it.');
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked({ text: strictDecode('utf-16le', bytes.subarray(2), file), encoding: 'UTF-16LE' }, file);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked({ text: strictDecode('utf-16be', bytes.subarray(2), file), encoding: 'UTF-16BE' }, file);
	const nul = bytes.indexOf(0);
	if (nul >= 0) {
		throw new ImportError(
			`${file} is binary, not text: it has a NUL byte at line ${lineAt(bytes, nul)} (byte ${nul}).`,
			'Import a plain-text (.txt) copy of the text, not a Word, PDF or image file. If it is UTF-16 without a byte-order mark, save it as UTF-8.',
		);
	}
	if (encoding === 'big5' || encoding === 'gb18030') {
		const text = strictDecode(encoding, bytes, file);
		// Short texts give too little evidence to overrule the editor.
		const likely = legacyEncoding(bytes, 20);
		if (likely && likely !== encoding) {
			throw new ImportError(
				`${file} does not look like ${encoding}: read that way it would be nonsense; it looks like ${likely}.`,
				`Run the import again with --encoding ${likely}, and check the first lines of the entry.`,
			);
		}
		return checked({ text, encoding: LEGACY[encoding].label, note: encoding === 'big5' ? hongKongNote(bytes) : undefined }, file);
	}
	const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	const { invalid, characters } = firstInvalidUtf8(bytes, start);
	if (invalid >= 0 && characters >= 2) {
		throw new ImportError(
			`${file} is UTF-8 up to line ${lineAt(bytes, invalid)}, where it breaks (byte ${invalid}): the file was cut or damaged.`,
			'Save the text as UTF-8 again from where you copied it, and import that file.',
		);
	}
	if (invalid >= 0) {
		const guess = legacyEncoding(bytes);
		throw new ImportError(
			`${file} is not valid UTF-8 (the first bad byte is at line ${lineAt(bytes, invalid)}, byte ${invalid})${guess ? `; it looks like ${guess}` : ''}.`,
			guess
				? `If it is ${guess}, run the import again with --encoding ${guess}, or convert it first: iconv -f ${guess === 'big5' ? 'BIG5-HKSCS' : 'GB18030'} -t UTF-8 "${file}" > text.txt`
				: 'Save the file as UTF-8 and import it again.',
		);
	}
	return checked({ text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), encoding: start ? 'UTF-8 (BOM)' : 'UTF-8' }, file);
}

function strictDecode(encoding: Encoding, bytes: Uint8Array, file: string): string {
	const decoder = encoding === 'big5' || encoding === 'gb18030' ? LEGACY[encoding].decoder() : new TextDecoder(encoding, { fatal: true });
	try {
		return decoder.decode(bytes);
	} catch {
		// Where: the first character the lenient decoder could not read.
		const lenient = encoding === 'big5' || encoding === 'gb18030' ? new WhatwgDecoder(encoding) : new TextDecoder(encoding);
		const text = lenient.decode(bytes);
		const { line, column } = locator(text)(text.indexOf('\ufffd'));
		throw new ImportError(
			`${file} is not valid ${LEGACY[encoding as 'big5']?.label ?? encoding}: line ${line}, column ${column} holds bytes that encoding does not define.`,
			'Check the encoding you named (and the file at that place), or save the file as UTF-8.',
		);
	}
}

/**
 * The Big5 byte pairs Windows' code page 950 reads as private use characters
 * (its end-user-defined areas), in order: the pairs where Big5-HKSCS puts its
 * Hong Kong characters. `[first lead, last lead, first code point]`; the
 * area from C6A1 begins mid-row.
 */
const CP950_PRIVATE: [lead: number, lastLead: number, first: number, firstTrail?: number][] = [
	[0xfa, 0xfe, 0xe000],
	[0x8e, 0xa0, 0xe311],
	[0x81, 0x8d, 0xeeb8],
	[0xc6, 0xc6, 0xf6b1, 0xa1],
	[0xc7, 0xc8, 0xf6b1 + 94],
];
/** Trails of a Big5 row, in order: 40–7E, A1–FE (157). */
const trailAt = (index: number) => (index < 63 ? 0x40 + index : 0xa1 + index - 63);
const trailIndex = (trail: number) => (trail <= 0x7e ? trail - 0x40 : trail - 0xa1 + 63);

/** The Big5 byte pair code page 950 reads as a private use code point, if any. */
export function cp950PrivateUse(codePoint: number): [lead: number, trail: number] | undefined {
	for (const [lead, lastLead, first, firstTrail = 0x40] of CP950_PRIVATE) {
		const index = codePoint - first + trailIndex(firstTrail);
		const rows = lastLead - lead + 1;
		if (codePoint >= first && index < rows * 157) return [lead + Math.floor(index / 157), trailAt(index % 157)];
	}
	return undefined;
}

/** True when a Big5 byte pair lies where code page 950 has private use: a Hong Kong (HKSCS) character. */
function isHongKongPair(lead: number, trail: number): boolean {
	return CP950_PRIVATE.some(([first, last, , firstTrail = 0x40]) => lead >= first && lead <= last && (lead !== first || trailIndex(trail) >= trailIndex(firstTrail)));
}

/** Which Hong Kong (HKSCS) characters a Big5 file holds: plain Big5 decoders lose them. */
function hongKongNote(bytes: Uint8Array): string {
	const found: string[] = [];
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i]! < 0x81) continue;
		if (isHongKongPair(bytes[i]!, bytes[i + 1]!)) found.push(new WhatwgDecoder('big5').decode(bytes.subarray(i, i + 2)));
		i++;
	}
	if (found.length === 0) return 'every character is plain Big5';
	const distinct = [...new Set(found)];
	return `${found.length} character${found.length === 1 ? '' : 's'} from the Hong Kong supplement (HKSCS): ${distinct.slice(0, 10).join(' ')}${distinct.length > 10 ? ' …' : ''}`;
}

/**
 * GB18030-2022 still maps six characters to the private use area, because
 * Unicode encodes them elsewhere (at four-byte codes); the character meant.
 */
const GB18030_PRIVATE: Record<number, string> = { 0xe816: '𠂇', 0xe817: '𠂉', 0xe818: '𠃌', 0xe831: '𡗗', 0xe83b: '𢦏', 0xe855: '𤇾' };

/** Code points no font shows as a character: private use, unassigned (noncharacters too), and U+FFFD. */
const UNSHOWABLE = /[\p{Co}\p{Cn}\ufffd]/gu;

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a text read as `encoding` holds `char`, and what to write instead. */
function likelyCause(char: string, encoding: string): string {
	const codePoint = char.codePointAt(0)!;
	if (codePoint === 0xfffd) return 'U+FFFD marks a character an earlier conversion could not read: the character is lost in this copy; find it in the original';
	if (/\p{Cn}/u.test(char)) return `${hex(codePoint)} is not a character (unassigned in Unicode): the file is damaged or was converted wrongly`;
	const meant = GB18030_PRIVATE[codePoint];
	if (meant) return `GB18030 puts ${meant} (${hex(meant.codePointAt(0)!)}) at ${hex(codePoint)} in the private use area: write ${meant}`;
	if (encoding.startsWith('GB18030')) return `${hex(codePoint)} comes from GB18030's user-defined area: a character only the sender's font has; ask for the text in UTF-8, or write the character it shows`;
	const pair = cp950PrivateUse(codePoint);
	if (pair) {
		const [lead, trail] = pair;
		let hongKong = '';
		try {
			hongKong = new WhatwgDecoder('big5', { fatal: true }).decode(Uint8Array.of(lead, trail));
		} catch {
			// A pair HKSCS leaves undefined: a font's own character.
		}
		const bytes = `${lead.toString(16).toUpperCase()} ${trail.toString(16).toUpperCase()}`;
		if (hongKong) {
			return `${hex(codePoint)} is how Windows' Big5 (code page 950) writes the Hong Kong character ${hongKong} (Big5-HKSCS ${bytes}): the text went through a converter without HKSCS; write ${hongKong}, or import the original Big5 file with --encoding big5`;
		}
		return `${hex(codePoint)} is Big5 ${bytes} in a user-defined area: a character only the sender's font has; write the character it shows`;
	}
	return `${hex(codePoint)} is a private use character: it means something only to the program or font that wrote it; write the character it stands for`;
}

/** Refuse a decoded text holding characters no reader could see, naming each place; then the checks of `checkText`. */
function checked(decoded: Decoded, file: string): Decoded {
	const places = [...decoded.text.matchAll(UNSHOWABLE)];
	if (places.length > 0) {
		const locate = locator(decoded.text);
		const lines = places.slice(0, 10).map((found) => {
			const { line, column } = locate(found.index);
			return `  ${file}:${line}:${column}  ${hex(found[0].codePointAt(0)!)}  ${likelyCause(found[0], decoded.encoding)}.`;
		});
		throw new ImportError(
			`${file}, read as ${decoded.encoding}, holds ${places.length} character${places.length === 1 ? '' : 's'} no reader can see:\n${lines.join('\n')}${places.length > 10 ? `\n  … and ${places.length - 10} more` : ''}`,
			'Correct each place in the file as its line says (or import the original file with the right --encoding), then import it again.',
		);
	}
	checkText(decoded.text, file);
	return decoded;
}

/** Refuse text with control characters (binary) and text with nothing but whitespace. */
function checkText(text: string, file: string): void {
	const control = /[\u0000-\u0008\u000e-\u001f\u007f]/.exec(text);
	if (control) {
		const line = text.slice(0, control.index).split('\n').length;
		throw new ImportError(
			`${file} looks binary: line ${line} has the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}.`,
			'Import a plain-text (.txt) copy of the text, not a Word, PDF or image file.',
		);
	}
	if (text.trim().length === 0) throw new ImportError(`${file} has only whitespace.`, 'Check that you saved the text before importing it.');
}

/**
 * The offset of the first byte that breaks UTF-8 (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or -1; and how many
 * multi-byte characters come before it. Text in a legacy encoding almost
 * never holds two valid multi-byte UTF-8 characters, so a file that does
 * and then breaks is damaged UTF-8, not GB18030 or Big5.
 */
function firstInvalidUtf8(bytes: Uint8Array, start: number): { invalid: number; characters: number } {
	const within = (i: number, low: number, high: number) => i < bytes.length && bytes[i]! >= low && bytes[i]! <= high;
	let characters = 0;
	let i = start;
	while (i < bytes.length) {
		const byte = bytes[i]!;
		let length: number;
		let low = 0x80;
		let high = 0xbf;
		if (byte < 0x80) length = 1;
		else if (byte >= 0xc2 && byte <= 0xdf) length = 2;
		else if (byte >= 0xe0 && byte <= 0xef) {
			length = 3;
			if (byte === 0xe0) low = 0xa0;
			if (byte === 0xed) high = 0x9f;
		} else if (byte >= 0xf0 && byte <= 0xf4) {
			length = 4;
			if (byte === 0xf0) low = 0x90;
			if (byte === 0xf4) high = 0x8f;
		} else return { invalid: i, characters };
		if (length > 1 && !within(i + 1, low, high)) return { invalid: i, characters };
		for (let k = 2; k < length; k++) if (!within(i + k, 0x80, 0xbf)) return { invalid: i, characters };
		if (length > 1) characters++;
		i += length;
	}
	return { invalid: -1, characters };
}

/**
 * Which legacy Chinese encoding the bytes look like. Both GB18030 and Big5
 * accept most double-byte text, so decoding alone cannot tell; but the
 * second byte of a Big5 character is below 0xA1 about 40% of the time, and
 * of a common GB2312 character never. Undefined when fewer double-byte
 * characters than `minimumCharacters` give evidence.
 */
function legacyEncoding(bytes: Uint8Array, minimumCharacters = 1): Encoding | undefined {
	let pairs = 0;
	let lowTrail = 0;
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i]! < 0x81 || bytes[i]! > 0xfe || i + 1 >= bytes.length) continue;
		pairs++;
		if (bytes[i + 1]! >= 0x40 && bytes[i + 1]! <= 0x7e) lowTrail++;
		i++;
	}
	if (pairs < minimumCharacters) return undefined;
	// Read the other way, a file's characters fall where no text has any: into the private use area (Big5-HKSCS's 綫 read
	// as GB18030 is U+E134), which the import refuses anyway. An encoding that reads the file so is not its encoding.
	const decodes = (encoding: 'big5' | 'gb18030') => {
		try {
			return !/\p{Co}/u.test(LEGACY[encoding].decoder().decode(bytes));
		} catch {
			return false;
		}
	};
	const looksBig5 = lowTrail / pairs > 0.1;
	if (looksBig5 && decodes('big5')) return 'big5';
	if (!looksBig5 && decodes('gb18030')) return 'gb18030';
	return decodes('big5') ? 'big5' : decodes('gb18030') ? 'gb18030' : undefined;
}
