/**
 * What a text's pinyin file holds, from its editions' words: computed off
 * the main thread in a build (writer.ts), on request in `astro dev`
 * (files.ts). Build-time only.
 */
import { EDITIONS } from '../editions.ts';
import { serializeReadings } from './format.ts';
import { isHan } from './han.ts';
import { textReadings, type EditionForms, type PinnedReading } from './readings.ts';

/** The edition pinyin-pro reads: the simplified one. */
export const SIMPLIFIED = EDITIONS.find((edition) => edition.opencc === 'cn')!;

/** A text's pinyin file, and the characters no reading is known for. `forms` holds the simplified edition's runs. */
export function pinyinFileContent(forms: EditionForms, pins: readonly PinnedReading[]): { content: string; unknown: string[] } {
	const readings = textReadings(forms, SIMPLIFIED.lang, pins);
	const chars = forms.get(SIMPLIFIED.lang)!.flatMap((run) => Array.from(run).filter(isHan));
	const unknown = [...new Set(chars.filter((_, i) => readings[i] === ''))];
	return { content: serializeReadings(readings), unknown };
}
