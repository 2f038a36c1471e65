// Live sync while the explorer is open: new and grown sessions appear, the cursor stays on the selected
// session in every frame (no intermediate frame shows it elsewhere), and the status bar reports the sync.
import Database from 'better-sqlite3';
import {cleanup} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {formatTapesTimestamp, insertTapesNode, nodeHash, tapesBucket} from '../../source/sources/tapes/schema.js';
import {DEFAULT_FILTERS, type SessionSummary} from '../../source/core/types.js';
import {formatCost} from '../../source/core/format.js';
import {columnWidths} from '../../source/core/screens/session-columns.js';
import {truncateToWidth} from '../../source/terminal/width.js';
import {demo, inputReady, press, renderApp, selectedLine, SIZE, tableLines, type Demo, labelPrefix} from './helpers/explorer.js';

let d: Demo;
beforeEach(async () => {
	d = await demo();
});
afterEach(() => {
	cleanup();
	d.close();
});

const label = (s: {label: string}) => labelPrefix(s.label);

interface NewNode {
	parent: string | null;
	role: 'user' | 'assistant';
	text: string;
	at: number;
	tokens?: number;
}

/** Writes nodes into the tapes source as the tapes proxy would; returns their hashes. */
function append(file: string, nodes: NewNode[], model = 'claude-opus-4-1-20250805'): string[] {
	const db = new Database(file);
	const insert = insertTapesNode(db);
	const hashes: string[] = [];
	for (const n of nodes) {
		const fields = {role: n.role, content: [{type: 'text', text: n.text}], model, provider: 'anthropic', agentName: 'claude'};
		const parent = n.parent === '$prev' ? hashes.at(-1)! : n.parent;
		const hash = nodeHash(parent, tapesBucket(fields));
		insert({...fields, hash, parentHash: parent, project: 'tapes', stopReason: n.role === 'assistant' ? 'end_turn' : '',
			promptTokens: n.tokens ?? null, completionTokens: n.tokens ? 2000 : null, totalTokens: null, cacheCreation: null, cacheRead: null,
			totalDurationNs: null, promptDurationNs: null, createdAt: formatTapesTimestamp(n.at)});
		hashes.push(hash);
	}
	db.close();
	return hashes;
}

/** The newest node of a session's chain in the tapes source. */
function leafOf(file: string, session: SessionSummary): string {
	const db = new Database(file, {readonly: true});
	let hash = (db.prepare(`SELECT hash FROM nodes WHERE hash LIKE ? || '%' AND parent_hash IS NULL`).pluck().get(session.id) as string);
	for (;;) {
		const child = db.prepare(`SELECT hash FROM nodes WHERE parent_hash = ? ORDER BY created_at DESC LIMIT 1`).pluck().get(hash) as string | undefined;
		if (!child) break;
		hash = child;
	}
	db.close();
	return hash;
}

describe('live refresh', () => {
	it('shows new and grown sessions and keeps the cursor on the selected one', async () => {
		// Wide enough for the message count column.
		const r = renderApp(d.services, undefined, {columns: 200, rows: 30});
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await inputReady(r.stdin);
		const selected = d.services.sessions.page(DEFAULT_FILTERS, 3, 1)[0]!;
		press(r.stdin, 'j', 'j', 'j');
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(selected)));

		const now = d.services.now();
		// A new session that costs more than any other (it becomes row 0), and one more message in the selected one.
		append(d.tapes, [
			{parent: null, role: 'user', text: 'A brand new expensive session', at: now - 60_000},
			{parent: '$prev', role: 'assistant', text: 'Done.', at: now - 30_000, tokens: 900_000},
		]);
		append(d.tapes, [{parent: leafOf(d.tapes, selected), role: 'user', text: 'one more thing', at: selected.endMs + 30_000}]);

		const before = r.frames.length;
		await d.loop.syncNow();
		await vi.waitFor(() => expect(r.lastFrame()).toContain('68 of 68 sessions'));
		expect(tableLines(r.lastFrame())[0]).toContain('A brand new');
		const grown = d.services.sessions.page({...DEFAULT_FILTERS, search: selected.id}, 0, 1)[0]!;
		expect(grown.messageCount).toBe(selected.messageCount + 1);
		expect(selectedLine(r.lastFrame())).toContain(label(selected));
		expect(selectedLine(r.lastFrame())).toMatch(new RegExp(`\\s${grown.messageCount}\\s`));
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${formatCost(d.services.sessions.overview(DEFAULT_FILTERS, d.services.now()).totals.totalCost)} +5`));
		// Not one frame drawn during or after the sync put the cursor on another session.
		for (const frame of r.frames.slice(before)) expect(selectedLine(frame)).toContain(label(selected));
		expect(r.lastFrame()).toMatch(/synced \d\d:\d\d:\d\d/);
	});

	it('keeps a search and the cursor through a sync that changed nothing visible', async () => {
		const r = renderApp(d.services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		await inputReady(r.stdin);
		press(r.stdin, '/', 'e', 'enter', 'j');
		const target = d.services.sessions.page({...DEFAULT_FILTERS, search: 'e'}, 1, 1)[0]!;
		await vi.waitFor(() => expect(selectedLine(r.lastFrame())).toContain(label(target)));
		await d.loop.syncNow();
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/synced \d\d:\d\d:\d\d/));
		expect(selectedLine(r.lastFrame())).toContain(label(target));
		expect(r.lastFrame()).toContain('search:e');
	});
});
