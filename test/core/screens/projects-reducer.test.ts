// The Projects screen's reducer: cursor window, sort, period with its clock, clear, requests, help, chunks.
import {describe, expect, it} from 'vitest';
import {initialProjectsState, projectsReducer, PROJECT_SORTS, type ProjectsAction, type ProjectsState} from '../../../source/core/screens/projects-reducer.js';
import {initialFilterState} from '../../../source/core/screens/sessions-filters.js';
import {DEFAULT_FILTERS} from '../../../source/core/types.js';
import {inkKey, NO_KEY} from '../../ui/helpers/keys.js';

const start = (total = 10, height = 4): ProjectsState =>
	projectsReducer(initialProjectsState(initialFilterState({...DEFAULT_FILTERS, model: 'gpt-5'}, '7d')), {type: 'layout', total, height});
const key = (name: string, now?: number): ProjectsAction => ({type: 'input', ...inkKey(name), ...(now === undefined ? {} : {now})});
const run = (state: ProjectsState, ...names: string[]) => names.reduce((s, n) => projectsReducer(s, key(n)), state);

describe('projects reducer', () => {
	it('moves a windowed cursor over the projects', () => {
		const s = start();
		expect(run(s, 'j', 'j').list).toMatchObject({cursor: 2, offset: 0});
		expect(run(s, 'G').list).toMatchObject({cursor: 9, offset: 6});
		expect(run(s, 'G', 'g').list.cursor).toBe(0);
		expect(run(s, 'pagedown').list.cursor).toBe(4);
		expect(run(s, 'k')).toBe(s);
		// Fewer projects after a sync: the cursor stays on the list.
		expect(projectsReducer(run(s, 'G'), {type: 'layout', total: 3, height: 4}).list.cursor).toBe(2);
	});

	it('walks the sorts both ways and starts the list again from the top', () => {
		const s = run(start(), 'j', 'j');
		expect(s.sort).toBe(PROJECT_SORTS[0]);
		const next = run(s, 's');
		expect(next.sort).toBe(PROJECT_SORTS[1]);
		expect(next.list.cursor).toBe(0);
		expect(run(s, 'S').sort).toBe(PROJECT_SORTS[PROJECT_SORTS.length - 1]);
		expect(run(s, ...PROJECT_SORTS.map(() => 's')).sort).toBe(PROJECT_SORTS[0]);
	});

	it('measures a period chosen here from the moment it was chosen', () => {
		const s = start();
		const next = projectsReducer(s, key('p', 1234));
		expect(next.period).toBe('30d');
		expect(next.now).toBe(1234);
		expect(projectsReducer(next, {type: 'clock', now: 1234})).toBe(next);
		expect(projectsReducer(next, {type: 'clock', now: 99}).now).toBe(99);
	});

	it('clears filters and period, or says there is nothing to clear', () => {
		const cleared = run(start(), 'c');
		expect(cleared.period).toBe('all');
		expect(cleared.filters.model).toBe('');
		expect(run(cleared, 'c').hint).toBe('no filters to clear');
	});

	it('asks to open the project under the cursor, go back or quit, once each', () => {
		const s = run(start(), 'j');
		const opened = run(s, 'enter');
		expect(opened.request).toMatchObject({kind: 'open', index: 1});
		// Keys after a request in the same chunk wait for it.
		expect(projectsReducer(s, {type: 'input', input: 'jq', key: inkKey('j').key}).list.cursor).toBe(2);
		expect(run(opened, 'j')).toMatchObject({list: {cursor: 1}});
		expect(projectsReducer(opened, {type: 'handled', seq: opened.request!.seq}).request).toBeNull();
		for (const k of ['esc', 'backspace', 'left', 'h']) expect(run(s, k).request?.kind).toBe('back');
		expect(run(s, 'q').request?.kind).toBe('quit');
		// Nothing to open in an empty period.
		const empty = start(0);
		expect(run(empty, 'enter').request).toBeNull();
		expect(run(empty, 'enter').hint).toBe('no project in this period');
	});

	it('reads the keys an open kept when the project is gone, and says so (they were dropped)', () => {
		const s = run(start(), 'j');
		// Enter, then two keys down in the same chunk: they wait for the Sessions list.
		const opened = projectsReducer(s, {type: 'input', input: '\rjj', key: NO_KEY});
		expect(opened.request).toMatchObject({kind: 'open', index: 1, rest: [{input: 'j'}, {input: 'j'}]});
		const unmet = projectsReducer(opened, {type: 'handled', seq: opened.request!.seq, unmet: 'that project is no longer in the list'});
		expect(unmet).toMatchObject({request: null, list: {cursor: 3}, hint: 'that project is no longer in the list'});
		// A kept key that asks for something else gets its request; one that names itself keeps its own hint.
		const quitting = projectsReducer(s, {type: 'input', input: '\rq', key: NO_KEY});
		expect(projectsReducer(quitting, {type: 'handled', seq: quitting.request!.seq, unmet: 'gone'}).request?.kind).toBe('quit');
		const typed = projectsReducer(s, {type: 'input', input: '\rz', key: NO_KEY});
		expect(projectsReducer(typed, {type: 'handled', seq: typed.request!.seq, unmet: 'gone'}).hint).toContain('z does nothing here');
		// Carried out, the kept keys are the next screen's, not read here.
		expect(projectsReducer(opened, {type: 'handled', seq: opened.request!.seq}).list.cursor).toBe(1);
	});

	it('opens and closes the help, and names a key that does nothing', () => {
		const help = run(start(), '?');
		expect(help.mode).toBe('help');
		expect(run(help, 'j').list.cursor).toBe(0);
		expect(run(help, 'esc').mode).toBe('projects');
		expect(run(start(), 'z').hint).toContain('z does nothing here');
		expect(run(start(), 'z', 'j').hint).toBeNull();
	});
});
