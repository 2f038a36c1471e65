// The list's search as it is applied: a query reaches the list together with the sessions whose messages
// match it, found in the background (see session-matches.ts), and only while no key is coming in, so the
// list changes once per query and never between two keys. Until then the previous query's list stays.
// Without a search service (tests that give none) the typed query applies at once and its SQL finds them.
import {useEffect, useRef, useState} from 'react';
import type {SearchService} from '../services/types.js';

export interface AppliedSearch {
	search: string;
	/** The matching sessions' rowids as JSON; absent when the query finds them itself. */
	found?: string;
}

/** How long after the last key a result may change the list. */
const QUIET_MS = 120;

export function useContentSessions(service: SearchService | undefined, typed: string, search: string, version: number): AppliedSearch {
	const lastKey = useRef(0);
	const seen = useRef(typed);
	if (seen.current !== typed) {
		seen.current = typed;
		lastKey.current = performance.now();
	}
	const [applied, setApplied] = useState<AppliedSearch>({search: ''});
	const background = service?.matchingSessions !== undefined;
	useEffect(() => {
		if (!background || search === '') return;
		const controller = new AbortController();
		let timer: NodeJS.Timeout | undefined;
		service!.matchingSessions!(search, controller.signal).then((found) => {
			if (found === null || controller.signal.aborted) return;
			const apply = () => {
				const wait = lastKey.current + QUIET_MS - performance.now();
				if (wait > 0) timer = setTimeout(apply, wait);
				else setApplied({search, found});
			};
			apply();
		}, () => {
			// The index failed under the search: the list's own queries meet the same failure and show it.
		});
		return () => {
			controller.abort();
			clearTimeout(timer);
		};
	}, [background, search, version]);
	if (!background) return {search};
	return search === '' ? {search: ''} : applied;
}
