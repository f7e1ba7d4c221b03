/**
 * An error for people: what went wrong, and what to do about it (the
 * command-line tools' counterpart of Astro's `AstroError(message, hint)`).
 */
export class HintedError extends Error {
	/** What the person should do about it. */
	readonly hint: string;
	constructor(message: string, hint: string) {
		super(message);
		this.name = new.target.name;
		this.hint = hint;
	}
}
