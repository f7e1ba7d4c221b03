import { describe, expect, it } from 'vitest';
import { planAnchors, type AnchorRecord } from '../../src/paragraphs/anchors.ts';

const original = ['甲段：网络安全和信息化是一体之两翼。', '乙段：没有网络安全就没有国家安全。', '丙段：千军易得，一将难求。', '丁段：要制定全面的信息技术发展战略。'];
const published: AnchorRecord = planAnchors(original, undefined).record;

/** The plan for an edited text, as id → words and alias → id. */
function edit(texts: string[], confirm = false) {
	const plan = planAnchors(texts, published, confirm);
	return {
		ids: plan.ids,
		aliases: plan.record.aliases,
		conflicts: plan.conflicts.map((c) => c.old.id),
		next: plan.record.next,
	};
}

describe('anchors that last', () => {
	it('numbers a text built for the first time p1…pN', () => {
		expect(published.paragraphs.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
		expect(published.next).toBe(5);
	});

	it.each([
		[
			'typo fix keeps every id',
			['甲段：网络安全和信息化是一体之两翼。', '乙段：没有网络安全就没有国家安全！', '丙段：千军易得，一将难求。', '丁段：要制定全面的信息技术发展战略。'],
			{ ids: ['p1', 'p2', 'p3', 'p4'], aliases: {}, conflicts: [], next: 5 },
		],
		[
			'insert: the new paragraph gets a number never used, the others keep theirs',
			[original[0]!, '新段：加强核心技术自主创新和基础设施建设。', original[1]!, original[2]!, original[3]!],
			{ ids: ['p1', 'p5', 'p2', 'p3', 'p4'], aliases: {}, conflicts: [], next: 6 },
		],
		[
			'delete: the removed id resolves to the paragraph after it',
			[original[0]!, original[2]!, original[3]!],
			{ ids: ['p1', 'p3', 'p4'], aliases: { p2: 'p3' }, conflicts: [], next: 5 },
		],
		[
			'delete the last paragraph: its id resolves to the one before',
			[original[0]!, original[1]!, original[2]!],
			{ ids: ['p1', 'p2', 'p3'], aliases: { p4: 'p3' }, conflicts: [], next: 5 },
		],
		[
			'split: the first part keeps the id, the second gets a new one',
			[original[0]!, '乙段：没有网络安全', '就没有国家安全。', original[2]!, original[3]!],
			{ ids: ['p1', 'p2', 'p5', 'p3', 'p4'], aliases: {}, conflicts: [], next: 6 },
		],
		[
			'merge: the first id stays, the second resolves to the merged paragraph',
			[original[0]!, original[1]! + original[2]!, original[3]!],
			{ ids: ['p1', 'p2', 'p4'], aliases: { p3: 'p2' }, conflicts: [], next: 5 },
		],
		[
			'reorder: every paragraph keeps its id',
			[original[3]!, original[2]!, original[1]!, original[0]!],
			{ ids: ['p4', 'p3', 'p2', 'p1'], aliases: {}, conflicts: [], next: 5 },
		],
		[
			'rewrite beyond a small edit: a conflict the editor must confirm',
			[original[0]!, '乙段：完全不同的一句话，讲的是另一件事情。', original[2]!, original[3]!],
			{ ids: ['p1', 'p5', 'p3', 'p4'], aliases: { p2: 'p5' }, conflicts: ['p2'], next: 6 },
		],
	])('%s', (_name, texts, expected) => {
		expect(edit(texts)).toEqual(expected);
	});

	it('a text that lost every paragraph is a conflict, not a silent loss of its ids', () => {
		const plan = planAnchors([], published);
		expect(plan.conflicts.map((c) => c.old.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
	});

	it('once confirmed, a rewrite gets a new id and the old id lands on it', () => {
		expect(edit([original[0]!, '乙段：完全不同的一句话，讲的是另一件事情。', original[2]!, original[3]!], true)).toEqual({
			ids: ['p1', 'p5', 'p3', 'p4'],
			aliases: { p2: 'p5' },
			conflicts: [],
			next: 6,
		});
	});

	it('never gives a retired id to other words, and aliases follow their target', () => {
		// p2 merged into p1, then p1's paragraph deleted: p2 must follow to where p1 went.
		const merged = planAnchors([original[0]! + original[1]!, original[2]!, original[3]!], published).record;
		const deleted = planAnchors([original[2]!, original[3]!, '新段落，全新的内容。'], merged);
		expect(deleted.ids).toEqual(['p3', 'p4', 'p5']);
		expect(deleted.record.aliases).toEqual({ p1: 'p3', p2: 'p3' });
		expect(deleted.conflicts).toEqual([]);
	});
});
