/**
 * What a text's pinyin file holds, from its editions' words: computed off
 * the main thread in a build (writer.ts), on request in `astro dev`
 * (files.ts). Build-time only.
 */
import { serializeReadings } from './format.ts';
import { isHan } from './han.ts';
import { textReadings, type EditionForms, type PinnedReading } from './readings.ts';

/** A text's pinyin file, and the characters no reading is known for. `simplified` names the edition of `forms` pinyin-pro reads. */
export function pinyinFileContent(forms: EditionForms, simplified: string, pins: readonly PinnedReading[]): { content: string; unknown: string[] } {
	const readings = textReadings(forms, simplified, pins);
	const chars = forms.get(simplified)!.flatMap((run) => Array.from(run).filter(isHan));
	const unknown = [...new Set(chars.filter((_, i) => readings[i] === ''))];
	return { content: serializeReadings(readings), unknown };
}
