// Writes per-session summaries with their per-model and per-tool rows; reads single sessions back.
import type {IndexDb} from './open-index.js';
import type {ModelUsage, SessionSummary} from '../core/types.js';
import type {UsageBucket} from '../core/usage-buckets.js';
import {SESSION_COLUMNS, rawToSummary, toRow, toSummary, type SessionRow} from './session-row.js';
import {renderSessionRow} from '../report/transcript-json.js';
import {createRowDetails} from './session-row-details.js';
import {SESSION_JSON_FILLED} from './migrations-session-json.js';

export interface ToolUse {
	tool: string;
	calls: number;
	errors: number;
}

export interface SessionWrite {
	summary: SessionSummary;
	sourceId: number;
	leafId: string;
	modelUsage: ModelUsage[];
	tools: ToolUse[];
	/** Usage by quarter hour (what per-day figures and cost by model read); none when left out. */
	buckets?: UsageBucket[];
	notes?: SessionNotes;
	/**
	 * false: no JSON row for the reports now; the session is left for the fill (renderMissingJson), as a first
	 * tapes load does until its session list is final (a report renders a missing row itself meanwhile).
	 */
	json?: boolean;
}

/** What a session's figures rest on (session_notes). */
export interface SessionNotes {
	/** The price layers that priced it ('pricing-file', 'built-in', 'catalog', comma-separated; '' for none). */
	priceSource: string;
	statusReason: string;
	/** Tool calls the user declined. */
	rejections: number;
}

/** Each model's cost and cache saving over a session's buckets (cost null when none of its tokens had a price). */
function costByModel(buckets: readonly UsageBucket[]): Map<string, {cost: number | null; saving: number}> {
	const out = new Map<string, {cost: number | null; saving: number}>();
	for (const b of buckets) {
		const acc = out.get(b.model) ?? {cost: null, saving: 0};
		if (b.cost !== null) acc.cost = (acc.cost ?? 0) + b.cost;
		acc.saving += b.cacheSaving;
		out.set(b.model, acc);
	}
	return out;
}

/**
 * Every row a session's summary writes, by the column naming the session: what dropping a session removes (its
 * transcript notes in session_meta stay, as the transcript said them).
 */
export const SUMMARY_ROWS = [['sessions', 'id'], ['session_models', 'session_id'], ['session_tools', 'session_id'], ['usage_buckets', 'session_id'],
	['session_notes', 'session_id'], ['session_json', 'session_id']] as const;

/** Statements that drop one session's summary rows (SUMMARY_ROWS). */
export const summaryDrops = (db: IndexDb) => SUMMARY_ROWS.map(([table, column]) => db.prepare(`DELETE FROM ${table} WHERE ${column} = ?`));

/** How many sessions an ambiguous ID prefix lists (one more says there are others). */
const CANDIDATES = 8;

export function createSessionsRepo(db: IndexDb) {
	const placeholders = SESSION_COLUMNS.split(',').map((c) => `@${c.trim()}`).join(', ');
	const upsert = db.prepare(`INSERT OR REPLACE INTO sessions (${SESSION_COLUMNS}) VALUES (${placeholders})`);
	const clearModels = db.prepare(`DELETE FROM session_models WHERE session_id = ?`);
	const clearTools = db.prepare(`DELETE FROM session_tools WHERE session_id = ?`);
	const insertModel = db.prepare(`INSERT INTO session_models (session_id, model, base_input, input, output, cache_write,
		cache_write_1h, cache_read, messages, cost, cache_saving) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
	const insertTool = db.prepare(`INSERT INTO session_tools (session_id, tool, calls, errors) VALUES (?, ?, ?, ?)`);
	const clearBuckets = db.prepare(`DELETE FROM usage_buckets WHERE session_id = ?`);
	const insertBucket = db.prepare(`INSERT INTO usage_buckets (session_id, start_ms, model, input, output, cache_read, cache_write,
		cost, cache_saving, messages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
	const upsertNotes = db.prepare(`INSERT OR REPLACE INTO session_notes (session_id, price_source, status_reason, rejections) VALUES (?, ?, ?, ?)`);
	const notesOf = db.prepare(`SELECT price_source AS priceSource, status_reason AS statusReason, rejections FROM session_notes WHERE session_id = ?`);
	const byId = db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`);
	const rawById = db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`).raw();
	const putJson = db.prepare(`INSERT OR REPLACE INTO session_json (session_id, json) VALUES (?, ?)`);
	const details = createRowDetails(db);
	const parentNow = db.prepare(`SELECT parent_id FROM sessions WHERE id = ?`).raw();
	const dropJson = db.prepare(`DELETE FROM session_json WHERE session_id = ?`);
	const dropChildrenJson = db.prepare(`DELETE FROM session_json WHERE session_id IN (SELECT id FROM sessions WHERE parent_id = ?)`);
	const unfilled = db.prepare(`DELETE FROM meta WHERE key = '${SESSION_JSON_FILLED}'`);
	/**
	 * The stored rows a session's write makes stale besides its own (v11): the roll-up of the parent it
	 * left and of the one it is under, and, for a session new to the index, its waiting subagents'
	 * parent_in_index. Dropped, they are rendered again by the sync's fill.
	 */
	const dropFamilyRows = (id: string, parentBefore: string | null | undefined, parent: string | null) => {
		let dropped = 0;
		if (parentBefore) dropped += dropJson.run(parentBefore).changes;
		if (parent && parent !== parentBefore) dropped += dropJson.run(parent).changes;
		if (parentBefore === undefined) dropped += dropChildrenJson.run(id).changes;
		if (dropped > 0) unfilled.run();
	};
	const byPrefix = db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id >= ? AND id < ? ORDER BY id LIMIT ${CANDIDATES + 1}`);
	const endOf = db.prepare(`SELECT end_ms FROM sessions WHERE id = ?`).pluck();
	const ownerOf = db.prepare(`SELECT source_id FROM sessions WHERE id = ?`).pluck();
	const drops = summaryDrops(db);
	const modelsOf = db.prepare(`SELECT model, base_input AS baseInput, input, output, cache_write AS cacheWrite,
		cache_write_1h AS cacheWrite1h, cache_read AS cacheRead, messages FROM session_models WHERE session_id = ? ORDER BY model`);
	const toolsOf = db.prepare(`SELECT tool, calls, errors FROM session_tools WHERE session_id = ? ORDER BY calls DESC, tool`);

	const unrendered = db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions s WHERE NOT EXISTS (SELECT 1 FROM session_json j WHERE j.session_id = s.id) LIMIT ?`).raw();
	return {
		/**
		 * Renders the JSON of sessions that have none (an index from before v8, or rows a trigger cleared);
		 * returns how many. Call inside a transaction.
		 */
		renderMissingJson(limit: number): number {
			const rows = unrendered.all(limit) as unknown[][];
			for (const r of rows) {
				const summary = rawToSummary(r);
				putJson.run(summary.id, renderSessionRow(summary, details(summary.id, summary.parentId)));
			}
			return rows.length;
		},
		/** Replaces a session's summary rows. Call inside a transaction. */
		write(w: SessionWrite, nowMs: number): void {
			const before = parentNow.get(w.summary.id) as [string | null] | undefined;
			upsert.run(toRow(w.summary, w.sourceId, w.leafId, nowMs));
			if (w.json === false) {
				dropFamilyRows(w.summary.id, before === undefined ? undefined : before[0], w.summary.parentId);
				dropJson.run(w.summary.id);
				unfilled.run();
			} else {
				// Rendered from the row as the reports read it back, so the text is what they would build. A row
				// rendered before its session_meta or a subagent is written is dropped then, and filled after the sync.
				const stored = rawToSummary(rawById.get(w.summary.id) as unknown[]);
				dropFamilyRows(stored.id, before === undefined ? undefined : before[0], stored.parentId);
				putJson.run(w.summary.id, renderSessionRow(stored, details(stored.id, stored.parentId)));
			}
			clearModels.run(w.summary.id);
			clearTools.run(w.summary.id);
			const priced = costByModel(w.buckets ?? []);
			for (const m of w.modelUsage) {
				const c = priced.get(m.model);
				insertModel.run(w.summary.id, m.model, m.baseInput, m.input, m.output, m.cacheWrite, m.cacheWrite1h, m.cacheRead, m.messages,
					c?.cost ?? null, c?.cost === null || c === undefined ? null : c.saving);
			}
			for (const t of w.tools) insertTool.run(w.summary.id, t.tool, t.calls, t.errors);
			clearBuckets.run(w.summary.id);
			for (const b of w.buckets ?? []) {
				insertBucket.run(w.summary.id, b.startMs, b.model, b.input, b.output, b.cacheRead, b.cacheWrite, b.cost, b.cacheSaving, b.messages);
			}
			if (w.notes) upsertNotes.run(w.summary.id, w.notes.priceSource, w.notes.statusReason, w.notes.rejections);
		},
		notes(id: string): SessionNotes | undefined {
			return notesOf.get(id) as SessionNotes | undefined;
		},
		get(id: string): SessionSummary | undefined {
			const row = byId.get(id) as SessionRow | undefined;
			return row ? toSummary(row) : undefined;
		},
		/**
		 * Finds a session by its full ID or by a unique prefix of it of any length (people paste short IDs);
		 * an ambiguous prefix gives the first candidates, to list.
		 */
		find(idOrPrefix: string): {session?: SessionSummary; ambiguous: boolean; candidates: SessionSummary[]} {
			const exact = byId.get(idOrPrefix) as SessionRow | undefined;
			if (exact) return {session: toSummary(exact), ambiguous: false, candidates: []};
			if (idOrPrefix.length === 0) return {ambiguous: false, candidates: []};
			const rows = (byPrefix.all(idOrPrefix, idOrPrefix + '\uffff') as SessionRow[]).map(toSummary);
			if (rows.length === 1) return {session: rows[0]!, ambiguous: false, candidates: []};
			// A prefix of a tapes session also matches its subagent threads (`<id>:<thread>`): the session is meant.
			const root = rows.find((r) => rows.every((o) => o === r || o.id.startsWith(`${r.id}:`)));
			if (root) return {session: root, ambiguous: false, candidates: []};
			return {ambiguous: rows.length > 1, candidates: rows};
		},
		/** Removes a session's summary rows (its messages went to another session: SUMMARY_ROWS). Call inside a transaction. */
		drop(id: string): void {
			for (const st of drops) st.run(id);
		},
		/** The source whose session this ID is, if any. */
		ownerOf(id: string): number | undefined {
			return ownerOf.get(id) as number | undefined;
		},
		endOf(id: string): number | undefined {
			return endOf.get(id) as number | undefined;
		},
		modelUsage(id: string): ModelUsage[] {
			return modelsOf.all(id) as ModelUsage[];
		},
		tools(id: string): ToolUse[] {
			return toolsOf.all(id) as ToolUse[];
		},
	};
}

export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
