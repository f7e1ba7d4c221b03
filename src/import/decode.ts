/**
 * Turning the bytes of a received file into text, or refusing with a message
 * that says what to do. Mojibake must never reach `content/`.
 */

export class ImportError extends Error {
	/** What the editor should do about it. */
	readonly hint: string;
	constructor(message: string, hint: string) {
		super(message);
		this.name = 'ImportError';
		this.hint = hint;
	}
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/**
 * Decode a received file. UTF-8 (with or without BOM) and UTF-16 with a BOM
 * are read as they are; GB18030 and Big5 only when the editor names the
 * encoding, since guessing between them produces plausible-looking nonsense.
 */
export function decodeText(bytes: Uint8Array, file: string, encoding?: Encoding): string {
	if (bytes.length === 0) throw new ImportError(`${file} is empty.`, 'Check that you saved the text before importing it.');
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return strictDecode('utf-16le', bytes.subarray(2), file);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return strictDecode('utf-16be', bytes.subarray(2), file);
	if (encoding && encoding !== 'utf-8') return checkText(strictDecode(encoding, bytes, file), file);
	const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
	} catch {
		const guess = guessLegacyEncoding(bytes);
		throw new ImportError(
			`${file} is not valid UTF-8${guess ? `; it looks like ${guess}` : ''}.`,
			guess
				? `If it is ${guess}, run the import again with --encoding ${guess}, or convert it first: iconv -f ${guess.toUpperCase()} -t UTF-8 "${file}" > text.txt`
				: 'Save the file as UTF-8 and import it again.',
		);
	}
	return checkText(text, file);
}

function strictDecode(encoding: Encoding, bytes: Uint8Array, file: string): string {
	try {
		return new TextDecoder(encoding, { fatal: true }).decode(bytes);
	} catch {
		throw new ImportError(`${file} is not valid ${encoding}.`, 'Check the encoding you named, or save the file as UTF-8.');
	}
}

/** Refuse binary files and files with no text. */
function checkText(text: string, file: string): string {
	const controls = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
	if (controls > 0) {
		throw new ImportError(
			`${file} looks binary: it has ${controls} control character${controls === 1 ? '' : 's'} (such as NUL).`,
			'Import a plain-text (.txt) copy of the text, not a Word, PDF or image file.',
		);
	}
	if (text.trim().length === 0) throw new ImportError(`${file} has only whitespace.`, 'Check that you saved the text before importing it.');
	return text;
}

/** Which legacy Chinese encoding decodes the bytes without error, if exactly one does. */
function guessLegacyEncoding(bytes: Uint8Array): Encoding | undefined {
	const fits = (['gb18030', 'big5'] as const).filter((encoding) => {
		try {
			new TextDecoder(encoding, { fatal: true }).decode(bytes);
			return true;
		} catch {
			return false;
		}
	});
	return fits[0];
}
