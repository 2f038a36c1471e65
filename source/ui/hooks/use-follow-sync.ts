// When a background sync changes the index (or moves the clock under a sliding period), the Sessions
// screen's list is re-read in one step with the selected session's new position, so the cursor stays
// on that session and the frame never shows the intermediate state.
import {useEffect, useRef, type Dispatch} from 'react';
import {queryFilters} from '../../core/screens/sessions-filters.js';
import type {SessionsAction, SessionsState} from '../../core/screens/sessions-reducer.js';
import type {SessionSummary} from '../../core/types.js';
import {nestedTotal} from '../../core/screens/nested-rows.js';
import {expansionsFor, nestedLocate} from './use-nested-rows.js';
import type {SessionsService, SyncSnapshot} from '../services/types.js';

export function useFollowSync(
	sync: SyncSnapshot,
	sessions: SessionsService,
	now: () => number,
	state: SessionsState,
	rows: readonly SessionSummary[],
	dispatch: Dispatch<SessionsAction>,
): void {
	const latest = useRef({state, rows});
	latest.current = {state, rows};
	useEffect(() => {
		const {state: s, rows: visible} = latest.current;
		const sliding = s.period !== 'all' && s.period !== 'custom';
		if (sync.version === s.version && !(sliding && sync.lastSyncMs !== null)) return;
		const at = now();
		const f = {...queryFilters(s, at), topLevel: true};
		const selected = visible[s.list.cursor - s.list.offset]?.id;
		const index = selected === undefined ? null : nestedLocate(sessions, f, s.expanded, selected);
		const total = nestedTotal(sessions.count(f), expansionsFor(sessions, f, s.expanded));
		dispatch({type: 'refreshed', version: sync.version, now: at, total, index});
		// Runs when a sync finished: a new version, or a new sync time under a sliding period.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [sync.version, sync.lastSyncMs]);
}
