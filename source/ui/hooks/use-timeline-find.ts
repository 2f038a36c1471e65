// The Timeline's find: a query's matches in this session (from the full-text index), as message indices,
// dispatched to the reducer; and, when the session was opened from the Search screen, landing on its message.
import {useCallback, useEffect, useMemo, useRef} from 'react';
import type {TimelineAction} from '../../core/screens/timeline-reducer.js';
import type {MessageFocus} from '../../core/screens/navigation.js';
import {parseSearchQuery} from '../../core/search-query.js';
import type {HighlightTerm} from '../../core/search-snippet.js';
import {sanitizeLine} from '../../core/sanitize.js';
import type {ExplorerServices, TimelineOutline} from '../services/types.js';

export function useTimelineFind(services: ExplorerServices, id: string, outline: TimelineOutline | null, dispatch: (a: TimelineAction) => void, focus?: MessageFocus) {
	const indexOf = useMemo(() => new Map(outline?.messages.map((m, i) => [m.facts.id, i]) ?? []), [outline]);
	const run = useCallback((query: string, focusIndex?: number) => {
		const found = services.search?.inSession(query, id) ?? {ok: false as const, error: 'search is not available here'};
		if (!found.ok) {
			dispatch({type: 'notice', text: sanitizeLine(found.error), ok: false});
			return;
		}
		const matches = found.value.map((m) => indexOf.get(m)).filter((i): i is number => i !== undefined);
		dispatch({type: 'found', query, matches, ...(focusIndex === undefined ? {} : {focus: focusIndex})});
		if (matches.length === 0 && focusIndex === undefined) dispatch({type: 'notice', text: `no message here matches ${sanitizeLine(query)}`, ok: false});
	}, [services, id, indexOf, dispatch]);
	// Once, when the outline is in: the message the Search screen opened.
	const landed = useRef(false);
	useEffect(() => {
		if (!focus || landed.current || !outline) return;
		landed.current = true;
		const at = indexOf.get(focus.messageId);
		run(focus.query, at);
	}, [outline, focus]);
	return run;
}

/** What the detail pane marks for a query. */
export function highlightTerms(query: string | undefined): HighlightTerm[] {
	if (!query) return [];
	const parsed = parseSearchQuery(query);
	return parsed.ok ? parsed.value.highlight : [];
}
