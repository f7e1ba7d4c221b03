import { describe, expect, it } from 'vitest';
import { counted } from '../../src/counted.ts';

describe('counted', () => {
	it('names one thing in the singular and any other number in the plural', () => {
		expect([0, 1, 2, 12].map((n) => counted(n, 'text'))).toEqual(['0 texts', '1 text', '2 texts', '12 texts']);
		expect(counted(1, 'entry', 'entries')).toBe('1 entry');
		expect(counted(3, 'entry', 'entries')).toBe('3 entries');
	});
});
