/** A count with its noun, singular for one: `counted(1, 'text')` is "1 text", `counted(3, 'text')` "3 texts". */
export const counted = (count: number, noun: string, plural = `${noun}s`): string => `${count} ${count === 1 ? noun : plural}`;
