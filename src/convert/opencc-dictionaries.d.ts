/** opencc-js ships each of OpenCC's dictionaries as a module of its own (`opencc-js/dict/STCharacters`), without types: each is one string. */
declare module 'opencc-js/dict/*' {
	const dictionary: string;
	export default dictionary;
}
