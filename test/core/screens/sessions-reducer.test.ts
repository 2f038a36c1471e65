// The Sessions screen's reducer: every key of the list, search and picker modes, requests, and chunks of keys.
import {describe, expect, it} from 'vitest';
import {initialSessionsState, pickerChoices, sessionsReducer, type SessionsAction, type SessionsState} from '../../../source/core/screens/sessions-reducer.js';
import {initialFilterState} from '../../../source/core/screens/sessions-filters.js';
import {DEFAULT_FILTERS} from '../../../source/core/types.js';
import {inkKey, NO_KEY} from '../../ui/helpers/keys.js';

const start = (total = 50): SessionsState => initialSessionsState(initialFilterState(DEFAULT_FILTERS, 'all'), 1000, 10, total);
const key = (name: string): SessionsAction => ({type: 'input', ...inkKey(name)});
const run = (state: SessionsState, ...names: string[]) => names.reduce((s, n) => sessionsReducer(s, key(n)), state);

describe('sessions reducer', () => {
	it('moves with j/k/arrows, pages, and jumps to the ends', () => {
		const s = start();
		expect(run(s, 'j', 'down', 'j').list.cursor).toBe(3);
		expect(run(s, 'j', 'j', 'k', 'up').list.cursor).toBe(0);
		expect(run(s, 'pagedown').list).toMatchObject({cursor: 10, offset: 10});
		expect(run(s, 'pagedown', 'pageup').list).toMatchObject({cursor: 0, offset: 0});
		expect(run(s, 'G').list).toMatchObject({cursor: 49, offset: 40});
		expect(run(s, 'end', 'g').list).toMatchObject({cursor: 0, offset: 0});
		expect(run(s, 'end', 'home').list.cursor).toBe(0);
	});

	it('returns the same state for keys that do nothing', () => {
		const s = start();
		expect(run(s, 'k')).toBe(s);
		expect(run(s, 'x').hint).toBe('x does nothing here · ? lists the keys');
		expect(run(s, 'x', 'j').hint).toBeNull();
		expect(run(s, 'c')).toBe(s);
	});

	it('sorts by the next and previous column with their natural direction, and reverses', () => {
		const s = start();
		expect(s.filters).toMatchObject({sort: 'cost', sortDir: 'desc'});
		expect(run(s, 's').filters).toMatchObject({sort: 'date', sortDir: 'desc'});
		expect(run(s, 's', 's').filters).toMatchObject({sort: 'label', sortDir: 'asc'});
		expect(run(s, 'S').filters).toMatchObject({sort: 'tokens', sortDir: 'desc'});
		expect(run(s, 'r').filters).toMatchObject({sort: 'cost', sortDir: 'asc'});
		// The cursor waits where it is until the screen has found its session in the new order.
		expect(run(s, 'j', 'j', 's').list.cursor).toBe(2);
	});

	it('keeps the cursor on its session through a sort change, keeping its line on screen', () => {
		const s = run(start(), 'pagedown', 'j', 'j');
		expect(s.list).toMatchObject({cursor: 12, offset: 10});
		const sorted = run(s, 's');
		expect(sorted.filters.sort).toBe('date');
		// The row selected in the order it was selected in, for the screen to find in the new order.
		expect(sorted.anchor).toEqual({index: 12, sort: 'cost', sortDir: 'desc'});
		expect(sorted.list).toBe(s.list);
		// Several sort keys before it is found keep the first order.
		expect(run(s, 's', 'r', 'S').anchor).toEqual(sorted.anchor);
		// The screen found it at row 30: it stays on the third line of the window.
		expect(sessionsReducer(sorted, {type: 'located', index: 30}).list).toMatchObject({cursor: 30, offset: 28});
		expect(sessionsReducer(sorted, {type: 'located', index: 1}).list).toMatchObject({cursor: 1, offset: 0});
		expect(sessionsReducer(sorted, {type: 'located', index: null}).list).toMatchObject({cursor: 0, offset: 0});
		// The last rows: the window cannot go past the end.
		expect(sessionsReducer(sorted, {type: 'located', index: 49}).list).toMatchObject({cursor: 49, offset: 40});
		expect(sessionsReducer(sorted, {type: 'located', index: 30}).anchor).toBeNull();
		// No anchor: nothing to locate.
		expect(sessionsReducer(s, {type: 'located', index: 30})).toBe(s);
	});

	it('a filter or search after a sort drops its anchor, and a key on the row follows it', () => {
		const s = run(start(), 'j', 'j', 's');
		expect(run(s, 'f').anchor).toBeNull();
		expect(run(s, 'f').list.cursor).toBe(0);
		// Enter in the same chunk as `s`: the open request follows the cursor to where the session went.
		const opened = run(s, 'enter');
		expect(opened.request).toMatchObject({kind: 'open', index: 2});
		expect(sessionsReducer(opened, {type: 'located', index: 40}).request).toMatchObject({kind: 'open', index: 40});
	});

	it('cycles status and period, and c clears every filter and the period', () => {
		const s = start();
		expect(run(s, 'f').filters.status).toBe('completed');
		expect(run(s, 'f', 'f', 'f', 'f').filters.status).toBe('unknown');
		expect(run(s, 'f', 'f', 'f', 'f', 'f').filters.status).toBe('');
		expect(run(s, 'p').period).toBe('24h');
		expect(run(s, 'p', 'p', 'p', 'p', 'p').period).toBe('all');
		const filtered = run(s, 'f', 'p', '/', 'a', 'b', 'enter');
		expect(filtered.filters).toMatchObject({status: 'completed', search: 'ab'});
		const cleared = run(filtered, 'c');
		expect(cleared.filters).toMatchObject({status: '', search: '', sort: 'cost'});
		expect(cleared.period).toBe('all');
	});

	it('searches incrementally; Enter keeps, Esc clears and leaves; q and c are text while searching', () => {
		const s = run(start(), '/', 'q', 'c', 'x');
		expect(s.mode).toBe('search');
		expect(s.filters.search).toBe('qcx');
		expect(s.request).toBeNull();
		expect(run(s, 'backspace').filters.search).toBe('qc');
		expect(run(s, 'enter')).toMatchObject({mode: 'list', filters: {search: 'qcx'}});
		expect(run(s, 'esc')).toMatchObject({mode: 'list', filters: {search: ''}});
		expect(run(s, 'down').list.cursor).toBe(1);
		expect(run(s, 'ctrl+c').request).toMatchObject({kind: 'quit'});
	});

	it('handles several keys arriving in one chunk, each in the mode the previous left', () => {
		const s = sessionsReducer(start(), {type: 'input', input: 'jj/ab\r', key: NO_KEY});
		expect(s).toMatchObject({mode: 'list', filters: {search: 'ab'}});
		expect(s.list.cursor).toBe(0);
		expect(sessionsReducer(start(), {type: 'input', input: 'jjj', key: NO_KEY}).list.cursor).toBe(3);
	});

	it('narrows a picker\'s choices as text is typed, keeping "any" to clear the filter', () => {
		const opened = run(start(), 'm');
		const options = [{value: '', sessions: 6}, {value: 'gpt-4o', sessions: 3}, {value: 'claude-opus', sessions: 2}, {value: 'GPT-5', sessions: 1}];
		const loaded = sessionsReducer(opened, {type: 'picker-loaded', column: 'model', options});
		const typed = run(loaded, 'g', 'p', 't');
		expect(typed.picker).toMatchObject({query: 'gpt', list: {total: 3, cursor: 1}});
		expect(pickerChoices(typed.picker!).map((o) => o.value)).toEqual(['', 'gpt-4o', 'GPT-5']);
		expect(run(typed, 'down', 'enter')).toMatchObject({mode: 'list', picker: null, filters: {model: 'GPT-5'}});
		// Letters that move or quit elsewhere are typed here.
		expect(run(typed, 'q', 'j').picker).toMatchObject({query: 'gptqj', list: {total: 1, cursor: 0}});
		expect(run(typed, 'q', 'j', 'enter').filters.model).toBe('');
		expect(run(typed, 'backspace', 'backspace', 'backspace').picker).toMatchObject({query: '', list: {total: 4}});
		// Typed before the choices arrived: they come narrowed.
		const early = sessionsReducer(run(opened, 'o', 'p', 'u', 's'), {type: 'picker-loaded', column: 'model', options});
		expect(early.picker).toMatchObject({query: 'opus', list: {total: 2, cursor: 1}});
	});

	it('requests open, quit and picker loads; acknowledging clears them', () => {
		const opened = run(start(), 'j', 'enter');
		expect(opened.request).toMatchObject({kind: 'open', index: 1});
		expect(sessionsReducer(opened, {type: 'handled', seq: opened.request!.seq}).request).toBeNull();
		expect(run(start(0), 'enter').request).toBeNull();
		expect(run(start(), 'q').request).toMatchObject({kind: 'quit'});
		expect(run(start(), 'ctrl+c').request).toMatchObject({kind: 'quit'});
	});

	it('picks a model, project or agent; Esc leaves the filter as it was', () => {
		for (const [k, column] of [['m', 'model'], ['P', 'project'], ['A', 'agent']] as const) {
			const picking = run(start(), k);
			expect(picking).toMatchObject({mode: 'picker', picker: {column, options: null}, request: {kind: 'load-picker', column}});
			const loaded = sessionsReducer(picking, {type: 'picker-loaded', column, options: [{value: '', sessions: 3}, {value: 'a', sessions: 2}, {value: 'b', sessions: 1}]});
			const chosen = run(loaded, 'down', 'down', 'up', 'enter');
			expect(chosen.mode).toBe('list');
			expect(chosen.filters[column]).toBe('a');
			expect(run(loaded, 'down', 'esc')).toMatchObject({mode: 'list', picker: null, filters: {[column]: ''}});
			expect(run(loaded, 'ctrl+c').request).toMatchObject({kind: 'quit'});
		}
	});

	it('opens and closes help with ? and Esc', () => {
		const help = run(start(), '?');
		expect(help.mode).toBe('help');
		expect(run(help, '?').mode).toBe('list');
		expect(run(help, 'esc').mode).toBe('list');
		expect(run(help, 'j')).toBe(help);
		expect(run(help, 'q').request).toMatchObject({kind: 'quit'});
	});

	it('follows a refresh: new version and clock, the selected row at its new index', () => {
		const s = run(start(), 'j', 'j');
		const next = sessionsReducer(s, {type: 'refreshed', version: 3, now: 2000, total: 60, index: 5});
		expect(next).toMatchObject({version: 3, now: 2000, list: {cursor: 5, offset: 0, total: 60}});
	});

	it("adopts another screen's filters and period: the same ones keep the cursor, others refilter", () => {
		const s = run(start(), 'j', 'j');
		const same = {filters: s.filters, period: s.period, custom: s.custom};
		expect(sessionsReducer(s, {type: 'adopt', filters: same})).toBe(s);
		const week = sessionsReducer(s, {type: 'adopt', filters: {...same, period: '7d'}});
		expect(week).toMatchObject({period: '7d', filters: s.filters});
		expect(week.list.cursor).toBe(0);
		const failed = sessionsReducer(s, {type: 'adopt', filters: {...same, filters: {...s.filters, status: 'failed'}}});
		expect(failed.filters.status).toBe('failed');
	});

	it('scrolls the problems list within the size the screen sets, and opens it at the top', () => {
		const open = run(sessionsReducer(start(), {type: 'problems-size', max: 2}), 'w');
		expect(open.mode).toBe('problems');
		expect(run(open, 'j', 'j', 'j').problems.scroll).toBe(2);
		expect(run(open, 'j', 'k', 'k').problems.scroll).toBe(0);
		expect(sessionsReducer(run(open, 'j', 'j'), {type: 'problems-size', max: 1}).problems.scroll).toBe(1);
		expect(run(open, 'j', 'esc', 'w').problems.scroll).toBe(0);
		expect(run(open, 'w').mode).toBe('list');
	});

	it('clamps to a new total and a new height', () => {
		const s = run(start(), 'G');
		expect(sessionsReducer(s, {type: 'total', total: 5}).list).toMatchObject({cursor: 4, offset: 0, total: 5});
		expect(sessionsReducer(s, {type: 'resize', height: 20}).list).toMatchObject({cursor: 49, offset: 30, height: 20});
	});
});

describe('one clock for a period (issue 17 item 4)', () => {
	it('measures a period chosen with p from the moment it was chosen, and carries that moment to other screens', async () => {
		const {filterStateOf, queryFilters} = await import('../../../source/core/screens/sessions-filters.js');
		const {initialAnalyticsState} = await import('../../../source/core/screens/analytics-reducer.js');
		const s = start();
		expect(s.now).toBe(1000);
		const chosen = sessionsReducer(s, {type: 'input', ...inkKey('p'), now: 90_000_000});
		expect(chosen.period).toBe('24h');
		expect(chosen.now).toBe(90_000_000);
		expect(queryFilters(chosen, chosen.now).fromMs).toBe(90_000_000 - 86_400_000);
		// Analytics opened with these filters counts from the same moment, whatever its own clock says.
		const analytics = initialAnalyticsState(filterStateOf(chosen), 99_999_999);
		expect(analytics.now).toBe(90_000_000);
		// Back on the list, a period chosen elsewhere comes with its clock.
		const adopted = sessionsReducer(s, {type: 'adopt', filters: {...filterStateOf(chosen), now: 95_000_000}});
		expect(adopted).toMatchObject({period: '24h', now: 95_000_000});
		// Other keys leave the clock alone.
		expect(sessionsReducer(chosen, {type: 'input', ...inkKey('j'), now: 1}).now).toBe(90_000_000);
	});
});
