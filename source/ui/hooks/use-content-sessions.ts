// The sessions whose messages match the list's search, found in the background (see session-matches.ts).
// Until they arrive the list shows what the labels match ('[]': no content matches yet); a sync finds them
// again, keeping the last ones on show meanwhile. Without a search service the queries find them inline.
import {useEffect, useState} from 'react';
import type {SearchService} from '../services/types.js';

export function useContentSessions(search: SearchService | undefined, query: string, version: number): string | undefined {
	const [found, setFound] = useState<{query: string; json: string} | null>(null);
	const active = search?.matchingSessions !== undefined && query !== '';
	useEffect(() => {
		if (!active) return;
		const controller = new AbortController();
		search!.matchingSessions!(query, controller.signal).then((json) => {
			if (json !== null && !controller.signal.aborted) setFound({query, json});
		}, () => {
			// The index failed under the search: the list's own queries meet the same failure and show it.
		});
		return () => controller.abort();
	}, [active, query, version]);
	if (!active) return undefined;
	return found?.query === query ? found.json : '[]';
}
