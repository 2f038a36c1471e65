// The visible slice of the session list, fetched from SQLite in blocks larger than the screen: moving
// the cursor or paging within a block costs no query, and a new filter, sort or data version starts over.
import {useMemo, useRef} from 'react';
import type {Filters, SessionSummary} from '../../core/types.js';
import {filtersKey} from '../../core/screens/sessions-filters.js';
import type {SessionsService} from '../services/types.js';
import {pushAll} from '../../core/numbers.js';

export const BLOCK = 128;

export function useSessionPage(sessions: SessionsService, f: Filters, version: number, offset: number, height: number): SessionSummary[] {
	const cache = useRef({key: '', blocks: new Map<number, SessionSummary[]>()});
	const key = `${filtersKey(f)}|${version}`;
	if (cache.current.key !== key) cache.current = {key, blocks: new Map()};
	const blocks = cache.current.blocks;
	const block = (i: number): SessionSummary[] => {
		let rows = blocks.get(i);
		if (!rows) {
			rows = sessions.page(f, i * BLOCK, BLOCK);
			if (blocks.size > 8) blocks.clear();
			blocks.set(i, rows);
		}
		return rows;
	};
	return useMemo(() => {
		const rows: SessionSummary[] = [];
		for (let i = Math.floor(offset / BLOCK); i <= Math.floor((offset + height - 1) / BLOCK); i++) {
			const fetched = block(i);
			const from = Math.max(0, offset - i * BLOCK);
			const to = Math.min(fetched.length, offset + height - i * BLOCK);
			pushAll(rows, fetched.slice(from, to));
			if (fetched.length < BLOCK) break;
		}
		return rows;
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [key, offset, height]);
}

/** The number of sessions the filters select (the sort does not change it). */
export function useSessionCount(sessions: SessionsService, f: Filters, version: number): number {
	// eslint-disable-next-line react-hooks/exhaustive-deps
	return useMemo(() => sessions.count(f), [filtersKey(f, false), version]);
}
