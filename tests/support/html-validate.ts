/**
 * html-validate (offline, no Java) with its recommended and document rules,
 * as the site is held to: the errors of a page, one line each.
 */
import { HtmlValidate, type Message, type RuleConfig } from 'html-validate';

const RULES: RuleConfig = {
	// Subresource integrity guards files from other origins (CDNs); every file here is the site's own.
	'require-sri': ['error', { target: 'crossorigin' }],
	// The search box is the WAI-ARIA combobox pattern: its popup of result links is a listbox no <select> can be.
	'prefer-native-element': ['error', { exclude: ['listbox'] }],
};
const PRESETS = ['html-validate:recommended', 'html-validate:document'];

/** For pages as built. */
export const validator = new HtmlValidate({ extends: PRESETS, rules: RULES });
/** For the DOM as the browser serialises it, which writes every boolean attribute as `hidden=""`: style rules off. */
export const domValidator = new HtmlValidate({ extends: PRESETS, rules: { ...RULES, 'attribute-boolean-style': 'off', 'attribute-empty-style': 'off' } });

const describeMessage = (m: Message) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`;

/** Every error html-validate finds in a page. */
export async function htmlErrors(html: string, name: string, using = validator): Promise<string[]> {
	const report = await using.validateString(html, name);
	return report.results.flatMap((result) => result.messages.filter((m) => m.severity === 2).map(describeMessage));
}
