// Writes per-session summaries with their per-model and per-tool rows; reads single sessions back.
import type {IndexDb} from './open-index.js';
import type {ModelUsage, SessionSummary} from '../core/types.js';
import {SESSION_COLUMNS, toRow, toSummary, type SessionRow} from './session-row.js';

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
}

/** How many sessions an ambiguous ID prefix lists (one more says there are others). */
const CANDIDATES = 8;

export function createSessionsRepo(db: IndexDb) {
	const placeholders = SESSION_COLUMNS.split(',').map((c) => `@${c.trim()}`).join(', ');
	const upsert = db.prepare(`INSERT OR REPLACE INTO sessions (${SESSION_COLUMNS}) VALUES (${placeholders})`);
	const clearModels = db.prepare(`DELETE FROM session_models WHERE session_id = ?`);
	const clearTools = db.prepare(`DELETE FROM session_tools WHERE session_id = ?`);
	const insertModel = db.prepare(`INSERT INTO session_models (session_id, model, base_input, input, output, cache_write,
		cache_write_1h, cache_read, messages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
	const insertTool = db.prepare(`INSERT INTO session_tools (session_id, tool, calls, errors) VALUES (?, ?, ?, ?)`);
	const byId = db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`);
	const byPrefix = db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id >= ? AND id < ? ORDER BY id LIMIT ${CANDIDATES + 1}`);
	const endOf = db.prepare(`SELECT end_ms FROM sessions WHERE id = ?`).pluck();
	const modelsOf = db.prepare(`SELECT model, base_input AS baseInput, input, output, cache_write AS cacheWrite,
		cache_write_1h AS cacheWrite1h, cache_read AS cacheRead, messages FROM session_models WHERE session_id = ? ORDER BY model`);
	const toolsOf = db.prepare(`SELECT tool, calls, errors FROM session_tools WHERE session_id = ? ORDER BY calls DESC, tool`);

	return {
		/** Replaces a session's summary rows. Call inside a transaction. */
		write(w: SessionWrite, nowMs: number): void {
			upsert.run(toRow(w.summary, w.sourceId, w.leafId, nowMs));
			clearModels.run(w.summary.id);
			clearTools.run(w.summary.id);
			for (const m of w.modelUsage) {
				insertModel.run(w.summary.id, m.model, m.baseInput, m.input, m.output, m.cacheWrite, m.cacheWrite1h, m.cacheRead, m.messages);
			}
			for (const t of w.tools) insertTool.run(w.summary.id, t.tool, t.calls, t.errors);
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
			return {ambiguous: rows.length > 1, candidates: rows};
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
