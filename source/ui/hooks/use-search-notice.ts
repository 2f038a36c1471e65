// The search index's state for the status bar while a search is on screen: "search still filling: N
// messages left" or "search index off for <source>". Read when the search comes on, when the sync version
// bumps (a long fill bumps it every few seconds) and when a sync ends (a short fill that added no sessions
// does not bump it); never per key: the count walks the rows still waiting.
import {useMemo} from 'react';
import type {SearchService, SyncSnapshot} from '../services/types.js';

/** The notices with the index's line last (the status bar shows the last one); the same array when there is none. */
export function useSearchNotice(service: SearchService | undefined, on: boolean, sync: SyncSnapshot, notices: readonly string[]): readonly string[] {
	const line = useMemo(() => (on && service?.indexNotice ? service.indexNotice() : null), [service, on, sync.version, sync.lastSyncMs]);
	return useMemo(() => (line === null ? notices : [...notices, line]), [line, notices]);
}
