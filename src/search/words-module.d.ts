/** The search's words in each edition, by `lang` (src/search/words.ts). */
declare module 'virtual:fanjian/search-words' {
	const words: Record<string, import('./words.ts').SearchWords>;
	export default words;
}
