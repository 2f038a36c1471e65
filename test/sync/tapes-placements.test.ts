// Where a keyless tapes load put each node, found by the node's row in the source.
import {describe, expect, it} from 'vitest';
import {createPlacements} from '../../source/sync/tapes-placements.js';

describe('tapes placements', () => {
	it('finds each node stored by its row, and nothing at a row with none', () => {
		const p = createPlacements();
		// More rows than the first arrays hold, with gaps (rows that stored nothing).
		for (let i = 1; i <= 40_000; i++) p.add(i * 3, {sessionId: `s${i % 7}`, ts: i * 1000, model: i % 2 ? 'opus' : 'sonnet'});
		expect(p.size).toBe(40_000);
		expect(p.find(3)).toEqual({sessionId: 's1', ts: 1000, model: 'opus'});
		expect(p.find(60_000)).toEqual({sessionId: 's1', ts: 20_000_000, model: 'sonnet'});
		expect(p.find(120_000)).toEqual({sessionId: 's2', ts: 40_000_000, model: 'sonnet'});
		expect(p.find(4)).toBeUndefined();
		expect(p.find(0)).toBeUndefined();
		expect(p.find(120_003)).toBeUndefined();
	});

	it('takes rows in rising order only, and forgets what came after a rewind', () => {
		const p = createPlacements();
		p.add(5, {sessionId: 'a', ts: 1, model: ''});
		expect(() => p.add(5, {sessionId: 'b', ts: 2, model: ''})).toThrow('placements: row 5 after 5');
		p.add(9, {sessionId: 'b', ts: 2, model: ''});
		p.rewind(1);
		expect(p.find(9)).toBeUndefined();
		// The rows of a transaction run again are taken again.
		p.add(9, {sessionId: 'c', ts: 3, model: ''});
		expect(p.find(9)).toEqual({sessionId: 'c', ts: 3, model: ''});
		expect(p.find(5)).toEqual({sessionId: 'a', ts: 1, model: ''});
	});

	it('lists the rows placed in given sessions, in rising order, leaving out those rewound and sessions with none', () => {
		const p = createPlacements();
		const at = (rowid: number, sessionId: string) => p.add(rowid, {sessionId, ts: rowid, model: 'm'});
		[[1, 'a'], [2, 'b'], [3, 'a'], [7, 'c'], [8, 'a'], [9, 'b']].forEach(([r, s]) => at(r as number, s as string));
		expect(p.rowsOf(['a', 'b'])).toEqual(new Map([['a', [1, 3, 8]], ['b', [2, 9]]]));
		expect(p.rowsOf(['nowhere'])).toEqual(new Map());
		p.rewind(4);
		expect(p.rowsOf(['a', 'b', 'c'])).toEqual(new Map([['a', [1, 3]], ['b', [2]], ['c', [7]]]));
	});
});
