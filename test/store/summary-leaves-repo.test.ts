// The leaves and waiting summaries behind cross-file summary titles, against a real index: the first
// session seen keeps a leaf, a waiting summary is taken once, and both tables stay within their bounds.
import {describe, expect, it} from 'vitest';
import {openIndex} from '../../source/store/open-index.js';
import {createSummaryLeavesRepo} from '../../source/store/summary-leaves-repo.js';

function repo(limits = {leaves: 1000, orphans: 1000}) {
	const opened = openIndex(':memory:');
	if (!opened.ok) throw new Error(opened.error);
	return createSummaryLeavesRepo(opened.db, limits);
}

describe('summary leaves repository', () => {
	it('keeps the first session of a leaf, per source', () => {
		const r = repo();
		r.addLeaf(1, 'u1', 's1');
		r.addLeaf(1, 'u1', 's2');
		r.addLeaf(2, 'u1', 's3');
		expect([r.sessionOf(1, 'u1'), r.sessionOf(2, 'u1'), r.sessionOf(1, 'u2')]).toEqual(['s1', 's3', undefined]);
	});

	it('hands a waiting summary over once, the latest for its leaf', () => {
		const r = repo();
		expect(r.anyParked(1)).toBe(false);
		r.park(1, 'u1', 'first');
		r.park(1, 'u1', 'second');
		expect([r.anyParked(1), r.anyParked(2)]).toEqual([true, false]);
		expect(r.unpark(2, 'u1')).toBeUndefined();
		expect(r.unpark(1, 'u1')).toBe('second');
		expect(r.unpark(1, 'u1')).toBeUndefined();
		expect(r.anyParked(1)).toBe(false);
	});

	it('drops the oldest rows past its bounds', () => {
		const r = repo({leaves: 2, orphans: 1});
		for (const n of [1, 2, 3]) {
			r.addLeaf(1, `u${n}`, `s${n}`);
			r.park(1, `x${n}`, `t${n}`);
		}
		r.prune();
		expect([1, 2, 3].map((n) => r.sessionOf(1, `u${n}`))).toEqual([undefined, 's2', 's3']);
		expect([1, 2, 3].map((n) => r.unpark(1, `x${n}`))).toEqual([undefined, undefined, 't3']);
	});
});
