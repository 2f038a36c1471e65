// `/`'s matches found ahead are the list's whole search: the sessions the matcher returns (labels, projects,
// models, IDs and what the messages say) are exactly those the list's own SQL finds for the same text, and the
// list takes the set as it is (it does not scan the labels again).
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {createSessionMatcher} from '../../source/workspace/session-matches.js';
import {demo, type Demo} from '../ui/helpers/explorer.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterAll(() => d.close());

const all = {...DEFAULT_FILTERS, topLevel: false};
const idsOf = (rowids: string) => (d.ws.store.db.prepare(`SELECT id FROM sessions WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY id`).pluck().all(rowids) as string[]);
const listed = (search: string, searchSessions?: string) => d.services.sessions.page({...all, search, ...(searchSessions === undefined ? {} : {searchSessions})}, 0, 10_000)
	.map((s) => s.id).sort();

describe('session matcher', {timeout: 30_000}, () => {
	it('finds what the list finds: labels, projects, models, IDs and message words, and labels alone for a query that does not parse', async () => {
		const matcher = createSessionMatcher(d.ws.indexPath, d.ws.store.db);
		const first = d.services.sessions.page(all, 0, 1)[0]!;
		const labelWord = first.label.split(/\s+/).find((w) => w.length >= 5)!;
		const queries = [labelWord, first.project, first.id.slice(0, 8), 'migrations', 'merkle', '"open quote', 'tool:Bash test', 'zzqx-nothing'];
		let some = 0;
		for (const q of queries) {
			const found = await matcher.find(q, new AbortController().signal);
			expect(found).not.toBeNull();
			expect(idsOf(found!), q).toEqual(listed(q));
			if (idsOf(found!).length > 0) some++;
		}
		expect(some).toBeGreaterThanOrEqual(5);
	});

	it('the list takes the set found ahead as it is', async () => {
		const first = d.services.sessions.page(all, 0, 1)[0]!;
		// A label search with an empty set found ahead lists nothing: the labels are not scanned again.
		expect(listed(first.id, '[]')).toEqual([]);
		const one = d.ws.store.db.prepare(`SELECT rowid FROM sessions WHERE id = ?`).pluck().get(first.id) as number;
		expect(listed('anything', JSON.stringify([one]))).toEqual([first.id]);
	});
});
