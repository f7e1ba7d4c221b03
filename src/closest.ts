/** The name closest to a mistyped one, when one is close enough to be meant (an option, a frontmatter field). */
export function closest(name: string, names: readonly string[]): string | undefined {
	const distance = (a: string, b: string) => {
		let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
		for (let i = 1; i <= a.length; i++) {
			const row = [i];
			for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = row;
		}
		return previous[b.length]!;
	};
	const [best] = names.map((candidate) => ({ candidate, d: distance(name, candidate) })).sort((a, b) => a.d - b.d);
	return best && best.d <= Math.min(2, Math.max(1, name.length - 2)) ? best.candidate : undefined;
}
