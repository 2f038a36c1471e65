// The Timeline's state machine and rows: expansion, sort keeping the selection, detail scroll, replay.
import {describe, expect, it} from 'vitest';
import {initialTimelineState, timelineReducer, type TimelineState} from '../../../source/core/screens/timeline-reducer.js';
import {buildRows, type RowSource} from '../../../source/core/screens/timeline-rows.js';
import {groupSpark} from '../../../source/core/screens/timeline-spark.js';
import {inkKey} from '../../ui/helpers/keys.js';

// Groups: [0] one message, [1] three messages (1..3), [2] one message.
const SOURCE: RowSource = {
	groups: [
		{timeMs: 0, totalTokens: 10, totalCost: 0.1, deltaMs: 0, startIndex: 0, endIndex: 1},
		{timeMs: 10_000, totalTokens: 300, totalCost: null, deltaMs: 10_000, startIndex: 1, endIndex: 4},
		{timeMs: 60_000, totalTokens: 50, totalCost: 0.5, deltaMs: 45_000, startIndex: 4, endIndex: 5},
	],
	messages: [
		{timeMs: 0, totalTokens: 10, totalCost: 0.1, deltaMs: 0},
		{timeMs: 10_000, totalTokens: 100, totalCost: null, deltaMs: 10_000},
		{timeMs: 12_000, totalTokens: 150, totalCost: null, deltaMs: 2000},
		{timeMs: 15_000, totalTokens: 50, totalCost: null, deltaMs: 3000},
		{timeMs: 60_000, totalTokens: 50, totalCost: 0.5, deltaMs: 45_000},
	],
};

function loaded(): TimelineState {
	return timelineReducer(initialTimelineState(10, 6), {type: 'loaded', source: SOURCE, subSessions: 2});
}

const keys = (state: TimelineState, ...names: string[]) =>
	names.reduce((s, n) => timelineReducer(s, {type: 'input', ...inkKey(n)}), state);

describe('timeline rows', () => {
	it('lists groups, and an expanded group’s messages under it, in the chosen order', () => {
		expect(buildRows(SOURCE, 'time', new Set())).toEqual([{kind: 'group', group: 0}, {kind: 'group', group: 1}, {kind: 'group', group: 2}]);
		expect(buildRows(SOURCE, 'tokens', new Set([1])).map((r) => (r.kind === 'group' ? `g${r.group}` : `m${r.message}`)))
			.toEqual(['g1', 'm2', 'm1', 'm3', 'g2', 'g0']);
		// Unpriced sorts below every priced cost; gap sorts the longest pause first.
		expect(buildRows(SOURCE, 'cost', new Set()).map((r) => r.group)).toEqual([2, 0, 1]);
		expect(buildRows(SOURCE, 'gap', new Set()).map((r) => r.group)).toEqual([2, 1, 0]);
	});
});

describe('timeline reducer', () => {
	it('expands a merged group with Enter or space and collapses it from a message row', () => {
		let s = keys(loaded(), 'j', 'enter');
		expect(s.rows).toHaveLength(6);
		expect(s.list.cursor).toBe(1);
		s = keys(s, 'j', 'j', ' ');
		expect(s.rows).toHaveLength(3);
		expect(s.rows[s.list.cursor]).toEqual({kind: 'group', group: 1});
		// A one-message group has nothing to expand, and the status bar says so until the next key.
		const single = keys(loaded(), 'enter');
		expect({...single, hint: null}).toEqual(loaded());
		expect(single.hint).toMatch(/one message/);
		expect(keys(single, 'j').hint).toBeNull();
	});

	it('keeps the selected row selected across sorts and cycles time → tokens → cost → gap', () => {
		let s = keys(loaded(), 'G');
		expect(s.rows[s.list.cursor]).toEqual({kind: 'group', group: 2});
		s = keys(s, 's');
		expect(s.sort).toBe('tokens');
		expect(s.rows[s.list.cursor]).toEqual({kind: 'group', group: 2});
		expect(keys(s, 's', 's', 's').sort).toBe('time');
		expect(keys(loaded(), 'S').sort).toBe('gap');
	});

	it('scrolls the detail pane on its own, clamped to its lines, and from the top for a new row', () => {
		let s = timelineReducer(loaded(), {type: 'detail-lines', lines: 20});
		s = keys(s, 'J', 'J', 'J', 'J', 'J');
		expect(s.detail.scroll).toBe(14);
		expect(s.list.cursor).toBe(0);
		expect(keys(s, 'K').detail.scroll).toBe(11);
		expect(keys(s, 'j').detail.scroll).toBe(0);
	});

	it('replays in time order from the first row, a tick a step, and stops at the end or on any key', () => {
		let s = keys(loaded(), 's', 'G', 'r');
		expect(s.mode).toBe('timeline-replay');
		expect(s.sort).toBe('time');
		expect(s.list.cursor).toBe(0);
		s = timelineReducer(s, {type: 'tick'});
		expect(s.list.cursor).toBe(1);
		expect(keys(s, 'x').mode).toBe('timeline');
		expect(keys(s, 'x').list.cursor).toBe(1);
		s = timelineReducer(s, {type: 'tick'});
		expect(s.mode).toBe('timeline');
		expect(keys(keys(loaded(), 'r'), 'q').request?.kind).toBe('quit');
	});

	it('opens the sub-session list only when there are sub-sessions, and asks to open the chosen one', () => {
		const s = keys(loaded(), 'u', 'j', 'enter');
		expect(s.request).toMatchObject({kind: 'open-sub', index: 1});
		expect(s.mode).toBe('timeline');
		const none = timelineReducer(initialTimelineState(10, 6), {type: 'loaded', source: SOURCE, subSessions: 0});
		expect({...keys(none, 'u'), hint: null}).toEqual(none);
		expect(keys(none, 'u').hint).toBe('this session has no sub-sessions');
		expect(keys(loaded(), 'u', 'esc').mode).toBe('timeline');
	});

	it('t unfolds thinking, and says why not when the session has none (was: a silent toggle)', () => {
		expect(keys(loaded(), 't').thinking).toBe(true);
		const withThinking = timelineReducer(loaded(), {type: 'foldable', has: true});
		expect(keys(withThinking, 't').thinking).toBe(true);
		expect(keys(withThinking, 't', 't').thinking).toBe(false);
		const none = timelineReducer(loaded(), {type: 'foldable', has: false});
		expect(keys(none, 't').thinking).toBe(false);
		expect(keys(none, 't').hint).toBe('this session has no thinking to unfold');
		expect(keys(none, 't', 'j').hint).toBeNull();
	});

	it('o, v, y and R ask for a hand-off at the message under the cursor (a group row: its first message)', () => {
		expect(keys(loaded(), 'o').request).toMatchObject({kind: 'hand-off', what: 'page', message: 0});
		// The second group (messages 1..3), then inside it, its third message.
		expect(keys(loaded(), 'j', 'v').request).toMatchObject({kind: 'hand-off', what: 'edit', message: 1});
		expect(keys(loaded(), 'j', 'enter', 'j', 'j', 'o').request).toMatchObject({kind: 'hand-off', what: 'page', message: 2});
		expect(keys(loaded(), 'G', 'y').request).toMatchObject({kind: 'hand-off', what: 'copy', message: 4});
		expect(keys(loaded(), 'R').request).toMatchObject({kind: 'hand-off', what: 'resume'});
		// Sorted by tokens the first row is the second group: its message, not the first in time.
		expect(keys(loaded(), 's', 'g', 'o').request).toMatchObject({kind: 'hand-off', message: 1});
	});

	it('says why a key did nothing: an unbound key, n/N before a find or without matches', () => {
		expect(keys(loaded(), 'x').hint).toBe('x does nothing here · ? lists the keys');
		expect(keys(loaded(), 'n').hint).toBe('/ finds in this session first');
		const none = timelineReducer(loaded(), {type: 'found', query: 'zzz', matches: []});
		expect(keys(none, 'N').hint).toBe('no match to go to');
		// A key that does something clears it.
		expect(keys(loaded(), 'x', 'j').hint).toBeNull();
	});

	it('asks for back, export and quit; a lone key press after an export clears its message', () => {
		expect(keys(loaded(), 'esc').request?.kind).toBe('back');
		const exported = keys(loaded(), 'e');
		expect(exported.request?.kind).toBe('export');
		const noted = timelineReducer(exported, {type: 'notice', text: 'exported to x.md', ok: true});
		expect(keys(noted, 'j').notice).toBeNull();
		expect(keys(loaded(), 'ctrl+c').request?.kind).toBe('quit');
	});
});

describe('group sparkline', () => {
	it('gives three groups wide bars and marks the selected one', () => {
		const s = groupSpark([1, 8, 4], 60, 1);
		expect(s.cells.join('')).toBe('▁▁▁ ███ ▄▄▄ ');
		expect(s.selected).toEqual({start: 4, end: 7});
		expect(s.perCell).toBe(1);
	});

	it('buckets 3,000 groups by their maximum, keeping a lone spike, and marks the selected bucket', () => {
		const values = Array.from({length: 3000}, (_, i) => (i === 2999 ? 1000 : 1));
		const s = groupSpark(values, 80, 1500);
		expect(s.cells.length).toBeLessThanOrEqual(80);
		expect(s.perCell).toBe(38);
		expect(s.cells.at(-1)).toBe('█');
		expect(s.selected).toEqual({start: 39, end: 40});
	});
});

describe('a live session (issue 17 item 9)', () => {
	const grown: RowSource = {
		groups: [...SOURCE.groups, {timeMs: 90_000, totalTokens: 20, totalCost: 0.2, deltaMs: 30_000, startIndex: 5, endIndex: 6}],
		messages: [...SOURCE.messages, {timeMs: 90_000, totalTokens: 20, totalCost: 0.2, deltaMs: 30_000}],
	};
	it('follows the end when the cursor was on the last row, and stays put otherwise', () => {
		const atEnd = keys(loaded(), 'G');
		expect(atEnd.list.cursor).toBe(atEnd.rows.length - 1);
		const followed = timelineReducer(atEnd, {type: 'loaded', source: grown, subSessions: 2});
		expect(followed.list.cursor).toBe(followed.rows.length - 1);
		expect(followed.rows.length).toBe(atEnd.rows.length + 1);
		const first = timelineReducer(loaded(), {type: 'loaded', source: grown, subSessions: 2});
		expect(first.list.cursor).toBe(0);
	});
});
