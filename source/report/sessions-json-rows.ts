// The rows of `sessions --json`: built from the sessions (what the stored rows must equal byte for byte),
// or copied from each session's stored row (session_json, report/transcript-json.ts renderSessionRow).
import type {SessionJsonRow} from '../store/session-queries.js';
import {toJson} from './json.js';
import {sessionJson} from './session-json.js';
import {infoFromColumns, reclose, renderSessionRow, transcriptJson} from './transcript-json.js';
import type {SessionInfo} from '../workspace/session-info.js';
import type {ReportContext} from './sessions-report.js';

const JSON_CHUNK = 1000;

/**
 * About how much of the stored rows' JSON is written at once: pieces of a pipe's size leave the garbage
 * collector little to copy (20,000 rows of 2 KB written 1,000 at a time took a third longer, most of it
 * copying rows that were waiting to be written).
 */
const PIECE_CHARS = 32 * 1024;

/** The rows built here from the sessions: what the rows copied from session_json (v10) must equal byte for byte. */
export function* renderedRows(ctx: ReportContext, missing: Set<string>): Generator<string> {
	const sessions = ctx.queries.list(ctx.filters, 0, ctx.limit ?? -1);
	for (let i = 0; i < sessions.length; i += JSON_CHUNK) {
		const page = sessions.slice(i, i + JSON_CHUNK);
		const info = ctx.sessionInfo?.(page.map((s) => s.id)) ?? new Map<string, SessionInfo>();
		// Object.assign into the row's own object: a spread of two 20-field objects cost 14 µs a session.
		const text = toJson(page.map((s) => Object.assign(sessionJson(s), transcriptJson(s, info.get(s.id)),
			{parent_in_index: s.parentId === null ? null : !missing.has(s.parentId)})));
		yield (i === 0 ? '' : ',') + text.slice(1, -1);
	}
}

/**
 * The same rows from each session's stored row (renderSessionRow). Where every session has one (the
 * sync fills them in), or none has transcript details, a parent or subagents (a tapes index), every stored
 * row is written as it is; otherwise each is closed by those fields (reclose), as a stored row may be from
 * before its details changed. A session without one is rendered here (renderedHere).
 */
export function* prerenderedRows(ctx: ReportContext, missing: Set<string>): Generator<string | Buffer> {
	const complete = ctx.queries.allRendered();
	const rendered = renderedHere(ctx, complete);
	// A stored row is whole (v11): where every session has one, or no session has details a row rendered
	// here would need closing with, the stored rows are written as they are.
	if (complete || !ctx.queries.rowDetails()) {
		yield* storedRows(ctx, rendered);
		return;
	}
	const limit = ctx.limit ?? -1;
	let parts: string[] = [];
	let chars = 0;
	let written = 0;
	let yielded = false;
	for (let pass = 1; ; pass++) {
		let gap = false;
		for (const r of ctx.queries.listJson(ctx.filters, written, limit < 0 ? -1 : limit - written)) {
			const own = r[0] ?? rendered.get(r[1]);
			if (own === undefined) {
				gap = true;
				break;
			}
			const row = closed(own, r, missing);
			parts.push(row);
			chars += row.length;
			if (chars >= PIECE_CHARS) {
				yield (yielded ? ',' : '') + parts.join(',');
				yielded = true;
				parts = [];
				chars = 0;
			}
			written++;
		}
		if (!gap) break;
		// The streamed list keeps the connection busy: it stops at the row, the rest are rendered, and it goes
		// on from that row in the same order.
		if (pass === 3) throw new Error('the index kept changing while the report was read; run it again');
		rendered.renderRest();
	}
	if (parts.length > 0) yield (yielded ? ',' : '') + parts.join(',');
}

/** Rows a piece, copied out of the index as bytes (storedRows): 32 rows of 2 KB fill a pipe's buffer. */
const STORED_ROWS = 32;

/** Every row as it is stored, a piece at a time; a piece with a row rendered here is joined here. */
function* storedRows(ctx: ReportContext, rendered: RenderedHere): Generator<string | Buffer> {
	const ids = ctx.queries.listIds(ctx.filters, 0, ctx.limit ?? -1);
	for (let i = 0; i < ids.length; i += STORED_ROWS) {
		const piece = ids.slice(i, i + STORED_ROWS);
		const lead = i === 0 ? '' : ',';
		const {bytes, count} = ctx.queries.storedRows(piece, lead);
		if (count === piece.length && bytes) yield bytes;
		else yield lead + piece.map((id) => ctx.queries.storedRow(id) ?? rendered.get(id) ?? rendered.renderRest().get(id) ?? gone(id)).join(',');
	}
}

type RenderedHere = ReturnType<typeof renderedHere>;

/**
 * The rows of sessions the index has no stored row for, rendered here: read before the list when the
 * counts say some are missing, and again when the list meets one anyway (a stored row left without its
 * session makes the counts agree; the report reads one snapshot, so nothing else can).
 */
function renderedHere(ctx: ReportContext, complete: boolean) {
	const renderAll = () => new Map(ctx.queries.unrendered(ctx.filters).map((s) => [s.id, renderSessionRow(s, ctx.queries.detailsOf(s.id, s.parentId))]));
	let rows = complete ? new Map<string, string>() : renderAll();
	return {
		get: (id: string): string | undefined => rows.get(id),
		renderRest() {
			rows = renderAll();
			return rows;
		},
	};
}

function gone(id: string): never {
	throw new Error(`session ${id} has neither a stored JSON row nor a summary to render one from; run the report again`);
}

/** A stored row with its session's transcript details, subagent totals and parent_in_index. */
function closed(stored: string, r: SessionJsonRow, missing: Set<string>): string {
	const [, , parentId, totalTokens, totalCost] = r;
	const info = infoOf(r);
	if (info === undefined && parentId === null) return stored;
	return reclose(stored, {totalTokens, totalCost}, info, parentId === null ? null : !missing.has(parentId));
}

/** What session-info.ts would say of the row, from the columns listJson joined. */
function infoOf(r: SessionJsonRow): SessionInfo | undefined {
	const [, , , , , cwd, gitBranch, sessions, inputTokens, outputTokens, totalTokens, totalCost, unpricedSessions] = r;
	return infoFromColumns(cwd, gitBranch, sessions, inputTokens, outputTokens, totalTokens, totalCost, unpricedSessions);
}
