// Incremental sync of one tapes database into the index: reads only rows after the cursor, in chunked transactions.
import type {IndexStore} from '../store/index-store.js';
import type {TapesSource} from '../sources/tapes/reader.js';
import type {PricingTable, Warning} from '../core/types.js';
import {messageFacts, type MessageFacts} from '../core/message-facts.js';
import {summarizeSession} from '../core/summarize.js';
import {HOUR_MS} from '../core/time.js';
import type {MessagePlace} from '../store/messages-repo.js';
import {toolUses} from './tool-uses.js';
import {WarningTally} from './warnings.js';

/** A message continues its parent's session only within this much inactivity (the reference's 1 h window). */
export const SESSION_GAP_MS = HOUR_MS;
const CHUNK_ROWS = 20_000;
const RECENT_LIMIT = 200_000;

export interface SyncProgress {
	source: string;
	read: number;
	total: number;
}

export interface SyncSummary {
	source: string;
	newMessages: number;
	sessionsTouched: number;
	warnings: Warning[];
}

export interface TapesSyncDeps {
	store: IndexStore;
	source: TapesSource;
	sourceId: number;
	pricing: PricingTable;
	now: () => number;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function syncTapes(
	deps: TapesSyncDeps,
	onProgress: (p: SyncProgress) => void = () => {},
	signal?: AbortSignal,
): Promise<SyncSummary> {
	const {store, source, sourceId, pricing} = deps;
	const fileKey = 'nodes';
	const tally = new WarningTally();
	const cursor = store.cursors.get(sourceId, fileKey) ?? {
		sourceId, file: fileKey, size: 0, mtimeMs: 0, ino: 0, offset: 0, lastRowid: 0, rows: 0,
	};
	const stats = source.stats();
	// A VACUUM can renumber rowids; start over then (inserts are idempotent, so nothing doubles).
	if (stats.maxRowid < cursor.lastRowid) cursor.lastRowid = 0;
	const summary: SyncSummary = {source: source.path, newMessages: 0, sessionsTouched: 0, warnings: []};
	if (stats.maxRowid === cursor.lastRowid) return summary;

	let recent = new Map<string, MessagePlace>();
	const sessionEnds = new Map<string, number>();
	const allTouched = new Set<string>();
	let read = 0;
	for (;;) {
		if (signal?.aborted) break;
		const batch = source.readAfter(cursor.lastRowid, CHUNK_ROWS);
		tally.addAll(batch.warnings);
		if (batch.messages.length === 0 && batch.lastRowid === cursor.lastRowid) break;
		store.db.transaction(() => {
			const touched = new Map<string, MessageFacts[]>();
			for (const {rowid, message} of batch.messages) {
				const parent = message.parentId
					? (recent.get(message.parentId) ?? store.messages.place(sourceId, message.parentId))
					: undefined;
				if (message.parentId && !parent) {
					tally.add({where: `${source.path}: nodes`, message: 'parent node not found (dangling parent); it starts its own session', count: 1});
				}
				let sessionId = message.id;
				if (parent) {
					const end = sessionEnds.get(parent.sessionId) ?? store.sessions.endOf(parent.sessionId) ?? parent.ts;
					if (message.timestamp - end <= SESSION_GAP_MS) sessionId = parent.sessionId;
				}
				const facts = messageFacts(message, parent?.model ?? '');
				if (!store.messages.insert(sourceId, sessionId, rowid, facts, null)) continue;
				recent.set(message.id, {sessionId, ts: facts.timestamp, model: facts.model});
				sessionEnds.set(sessionId, Math.max(sessionEnds.get(sessionId) ?? -Infinity, facts.timestamp));
				const list = touched.get(sessionId);
				if (list) list.push(facts);
				else touched.set(sessionId, [facts]);
				summary.newMessages++;
			}
			const nowMs = deps.now();
			for (const [sessionId, fresh] of touched) {
				const existed = store.sessions.endOf(sessionId) !== undefined;
				const messages = existed ? store.messages.factsForSession(sessionId) : fresh;
				const {summary: s, modelUsage} = summarizeSession({id: sessionId, source: 'tapes', messages, pricing});
				const leaf = messages.reduce((a, b) => (b.timestamp >= a.timestamp ? b : a));
				store.sessions.write({summary: s, sourceId, leafId: leaf.id, modelUsage, tools: toolUses(messages)}, nowMs);
				allTouched.add(sessionId);
			}
			cursor.lastRowid = batch.lastRowid;
			cursor.rows += batch.messages.length;
			store.cursors.put(cursor);
		})();
		read += batch.messages.length;
		onProgress({source: source.path, read, total: stats.rows});
		if (recent.size > RECENT_LIMIT) recent = new Map();
		await yieldToLoop();
	}
	summary.sessionsTouched = allTouched.size;
	summary.warnings = tally.list();
	return summary;
}
