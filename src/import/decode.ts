/**
 * Turning the bytes of a received file into text, or refusing with a message
 * that says what to do. Mojibake must never reach `content/`.
 */

import { HintedError } from '../hinted-error.ts';

/** A received file the import refuses, and what the editor should do. */
export class ImportError extends HintedError {}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** The 1-based line of a byte offset: line breaks before it, plus one. */
function lineAt(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
	return line;
}

/**
 * Decode a received file. UTF-8 (with or without BOM) and UTF-16 with a BOM
 * are read as they are; GB18030 and Big5 only when the editor names the
 * encoding, since guessing between them produces plausible-looking nonsense;
 * a named encoding the bytes do not look like is refused too.
 */
export function decodeText(bytes: Uint8Array, file: string, encoding?: Encoding): string {
	if (bytes.length === 0) throw new ImportError(`${file} is empty (0 bytes).`, 'Check that you saved the text before importing it.');
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return checkText(strictDecode('utf-16le', bytes.subarray(2), file), file);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return checkText(strictDecode('utf-16be', bytes.subarray(2), file), file);
	const nul = bytes.indexOf(0);
	if (nul >= 0) {
		throw new ImportError(
			`${file} is binary, not text: it has a NUL byte at line ${lineAt(bytes, nul)} (byte ${nul}).`,
			'Import a plain-text (.txt) copy of the text, not a Word, PDF or image file. If it is UTF-16 without a byte-order mark, save it as UTF-8.',
		);
	}
	if (encoding && encoding !== 'utf-8') {
		const text = strictDecode(encoding, bytes, file);
		// Short texts give too little evidence to overrule the editor.
		const likely = legacyEncoding(bytes, 20);
		if (likely && likely !== encoding) {
			throw new ImportError(
				`${file} does not look like ${encoding}: read that way it would be nonsense; it looks like ${likely}.`,
				`Run the import again with --encoding ${likely}, and check the first lines of the entry.`,
			);
		}
		return checkText(text, file);
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
				? `If it is ${guess}, run the import again with --encoding ${guess}, or convert it first: iconv -f ${guess.toUpperCase()} -t UTF-8 "${file}" > text.txt`
				: 'Save the file as UTF-8 and import it again.',
		);
	}
	return checkText(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), file);
}

function strictDecode(encoding: Encoding, bytes: Uint8Array, file: string): string {
	try {
		return new TextDecoder(encoding, { fatal: true }).decode(bytes);
	} catch {
		throw new ImportError(`${file} is not valid ${encoding}.`, 'Check the encoding you named, or save the file as UTF-8.');
	}
}

/** Refuse text with control characters (binary) and text with nothing but whitespace. */
function checkText(text: string, file: string): string {
	const control = /[\u0000-\u0008\u000e-\u001f\u007f]/.exec(text);
	if (control) {
		const line = text.slice(0, control.index).split('\n').length;
		throw new ImportError(
			`${file} looks binary: line ${line} has the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}.`,
			'Import a plain-text (.txt) copy of the text, not a Word, PDF or image file.',
		);
	}
	if (text.trim().length === 0) throw new ImportError(`${file} has only whitespace.`, 'Check that you saved the text before importing it.');
	return text;
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
	const decodes = (encoding: Encoding) => {
		try {
			new TextDecoder(encoding, { fatal: true }).decode(bytes);
			return true;
		} catch {
			return false;
		}
	};
	const looksBig5 = lowTrail / pairs > 0.1;
	if (looksBig5 && decodes('big5')) return 'big5';
	if (!looksBig5 && decodes('gb18030')) return 'gb18030';
	return decodes('big5') ? 'big5' : decodes('gb18030') ? 'gb18030' : undefined;
}
