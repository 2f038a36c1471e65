// tapes' PostgreSQL through its read contract, the tapes_v1 views (tapes >= v0.35), and nothing else. A poll:
// 1. takes the snapshot bound, pg_snapshot_xmin(pg_current_snapshot()): every derive pass below it has committed;
// 2. cold, reads every session; otherwise the traces named by span_turns rows (and, when reconciling, spans rows)
//    with derive_seq between the cursor and the bound, and, whole, the sessions whose row changed in the last two
//    minutes (rollups and renames have no cursor);
// 3. streams the sessions, traces and spans of those sessions on three connections, each ordered by session,
//    and joins them a session at a time, so memory holds one session, never a table.
// The cursor becomes bound - 1, so a pass that was open at the bound is read next time. Only SELECTs are sent.
import type pg from 'pg';
import type {PollContext, RemotePoll, RemoteSessionSource, SessionChange} from '../remote-source.js';
import type {V1SessionRead, V1Span, V1Trace} from '../tapes-v1/model.js';
import {connect, describePgError, redactUrl, type ConnectOptions} from './connection.js';
import {connectionLost, openCursor, Peek, rowsOf} from './cursors.js';
import {AT, SESSION_COLUMNS, SESSION_SIGNATURE, SPAN_COLUMNS, TRACE_COLUMNS, toSession, toSpan, toTrace} from './rows.js';

/** tapes is single-tenant: every row holds the nil org (reference §6); filtering on it keeps the PK's index usable. */
const NIL_ORG = '00000000-0000-0000-0000-000000000000';
const LOOK_BACK = "interval '2 minutes'";
const IDS_PER_ROUND = 1_000;

export interface PostgresSourceOptions extends ConnectOptions {
	url: string;
	/** Only this gateway user's sessions (sessions.auth_subject). */
	user?: string | undefined;
	/** How messages name the source (default: the URL without its password). */
	where?: string;
}

interface Checkpoint {
	/** Largest derive_seq certainly read from span_turns, as text (xid8 values). */
	cursor: string;
	/** The same for spans, whose feed is read less often. */
	spansCursor?: string;
	/** The newest last_seen_at when the poll began, as PostgreSQL text. */
	seen: string | null;
}

export function openPostgresSource(opts: PostgresSourceOptions): RemoteSessionSource {
	const where = opts.where ?? redactUrl(opts.url);
	// Connections open on first use, each at most once; the three of a read open side by side (each is a
	// round of authentication, SCRAM's key stretching included).
	interface Kept {
		opened: Promise<pg.Client>;
		/** Opened by an earlier sync and not used since this one began: it may be dead without our knowing. */
		suspect: boolean;
	}
	const clients = new Map<number, Kept>();
	const fail = (error: unknown) => new Error(describePgError(where, opts.url, error));
	const kept = (i: number): Kept => {
		let entry = clients.get(i);
		if (!entry) {
			const connecting = connect(opts.url, opts);
			// Kept between syncs (the explorer's refreshes), a connection the server or the network ended is
			// forgotten, so the next read opens a new one instead of failing on it.
			const forget = () => clients.get(i)?.opened === connecting && clients.delete(i);
			connecting.then((c) => c.once('error', forget).once('end', forget), () => {});
			// Awaited by whoever asked; one left behind by a failed read is still closed (or was never open).
			clients.set(i, (entry = {opened: connecting, suspect: false}));
		}
		return entry;
	};
	/** A sync begins: every connection kept from an earlier one is suspect until a statement on it succeeds. */
	const begin = () => {
		for (const entry of clients.values()) entry.suspect = true;
	};
	/**
	 * `work` on connection i. The 'end' of a connection the server ended may arrive after the next sync has
	 * begun; so when the first statement on a kept connection fails because the connection is gone, that
	 * connection is dropped and the statement sent once more on a new one. A new connection's failure, a SQL
	 * error or a refused login is reported as it is. (No probe: a quiet sync stays three statements.)
	 */
	const on = async <T>(i: number, work: (c: pg.Client) => Promise<T>): Promise<T> => {
		const entry = kept(i);
		const retry = entry.suspect;
		try {
			const result = await work(await entry.opened);
			entry.suspect = false;
			return result;
		} catch (error) {
			if (!retry || !connectionLost(error)) throw error;
			if (clients.get(i) === entry) clients.delete(i);
			entry.opened.then((c) => c.end(), () => {}).catch(() => {});
			const again = kept(i);
			return work(await again.opened);
		}
	};
	const guard = async <T>(work: () => Promise<T>): Promise<T> => {
		try {
			return await work();
		} catch (error) {
			throw fail(error);
		}
	};
	// $1 org, $2 user (when given), then the IDs of this round (when not cold).
	const userSql = opts.user === undefined ? '' : ' AND auth_subject = $2';
	const base: unknown[] = opts.user === undefined ? [NIL_ORG] : [NIL_ORG, opts.user];
	const idsParam = `$${base.length + 1}::uuid[]`;
	const sessionsOfUser = opts.user === undefined ? '' : ` AND session_id IN (SELECT id FROM tapes_v1.sessions WHERE org_id = $1${userSql})`;

	/** `ids` null: every session. `traceIds`: read only these traces' spans (every trace's row is read). */
	async function* readSessions(ids: string[] | null, problems: string[], traceIds: string[] | null = null): AsyncGenerator<{read: V1SessionRead; signature: string}> {
		const only = ids ? ` AND id = ANY(${idsParam})` : '';
		const onlyChild = ids ? ` AND session_id = ANY(${idsParam})` : '';
		const onlyTraces = ids && traceIds ? ` AND trace_id = ANY($${base.length + 2}::text[])` : '';
		const values = ids ? (traceIds ? [...base, ids, traceIds] : [...base, ids]) : base;
		const traceValues = ids ? [...base, ids] : base;
		// (A kept connection found dead at a cursor's first round trip is replaced there.)
		const open = (i: number, text: string, vals: unknown[]) => rowsOf(() => on(i, (c) => openCursor(c, text, vals)));
		// Ordered by the uuid columns themselves (qualified: the bare names are the ::text outputs), so the
		// server walks its (session_id, started_at) indexes instead of sorting every row of a table as text;
		// a uuid's order is its lowercase text's, the order the join below compares in.
		const sessions = open(0, `SELECT ${SESSION_COLUMNS} FROM tapes_v1.sessions s WHERE org_id = $1${userSql}${only} ORDER BY s.id`, traceValues);
		const traces = new Peek(open(1, `SELECT ${TRACE_COLUMNS} FROM tapes_v1.span_turns t WHERE org_id = $1 AND session_id IS NOT NULL` +
			`${sessionsOfUser}${onlyChild} ORDER BY t.session_id, t.started_at, t.trace_id`, traceValues));
		const spans = new Peek(open(2, `SELECT ${SPAN_COLUMNS} FROM tapes_v1.spans p WHERE org_id = $1 AND session_id IS NOT NULL` +
			`${sessionsOfUser}${onlyChild}${onlyTraces} ORDER BY p.session_id, p.started_at`, values));
		try {
			for await (const row of sessions) {
				const session = toSession(row);
				const sessionTraces: V1Trace[] = [];
				const sessionSpans: V1Span[] = [];
				// Both streams are ordered like the sessions: rows of sessions not listed (none, in practice) are passed by.
				for (let r = await traces.peek(); r && (r[AT.traceSession] as string) <= session.id; r = await traces.peek()) {
					if (r[AT.traceSession] === session.id) sessionTraces.push(toTrace(r));
					traces.take();
				}
				for (let r = await spans.peek(); r && (r[AT.spanSession] as string) <= session.id; r = await spans.peek()) {
					if (r[AT.spanSession] === session.id) sessionSpans.push(toSpan(r, problems));
					spans.take();
				}
				yield {read: {session, traces: sessionTraces, spans: sessionSpans}, signature: String(row[AT.signature])};
			}
		} finally {
			await Promise.all([traces.close(), spans.close(), sessions.return(undefined)]);
		}
	}

	/**
	 * `plan` null: every session, whole. Otherwise per session the traces to read (null: all of it); a session
	 * named but not found is gone (deleted, or pruned to nothing).
	 */
	async function* changes(plan: Map<string, Set<string> | null> | null, problems: string[]): AsyncGenerator<SessionChange> {
		try {
			if (!plan) {
				yield* readSessions(null, problems);
				return;
			}
			const whole = [...plan].filter(([, t]) => t === null).map(([id]) => id);
			const partial = [...plan].filter(([, t]) => t !== null).map(([id]) => id);
			for (const [ids, byTrace] of [[whole, false], [partial, true]] as const) {
				for (let i = 0; i < ids.length; i += IDS_PER_ROUND) {
					const round = ids.slice(i, i + IDS_PER_ROUND).sort();
					const traceIds = byTrace ? round.flatMap((id) => [...plan.get(id)!]) : null;
					const found = new Set<string>();
					for await (const change of readSessions(round, problems, traceIds)) {
						found.add(change.read.session.id);
						yield byTrace ? {...change, changedTraces: plan.get(change.read.session.id)!} : change;
					}
					for (const id of round) if (!found.has(id)) yield {gone: id};
				}
			}
		} catch (error) {
			throw error instanceof Error && error.message.startsWith(`${where}: `) ? error : fail(error);
		}
	}

	return {
		where,
		poll: (saved: unknown, ctx: PollContext) => guard(async (): Promise<RemotePoll> => {
			begin();
			const from = saved as Checkpoint | null;
			const {c, head} = await on(0, async (k) => ({c: k, head: await k.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS bound,
				(SELECT max(last_seen_at)::text FROM tapes_v1.sessions WHERE org_id = $1) AS seen`, [NIL_ORG])}));
			// Every column read, checked at once: a view that lacks one fails here, before anything is written.
			await c.query(`SELECT 1 FROM (SELECT ${SESSION_COLUMNS} FROM tapes_v1.sessions LIMIT 0) s, (SELECT ${TRACE_COLUMNS} FROM tapes_v1.span_turns LIMIT 0) t,
				(SELECT ${SPAN_COLUMNS} FROM tapes_v1.spans LIMIT 0) p`);
			const bound = String(head.rows[0].bound);
			const upTo = (BigInt(bound) - 1n).toString();
			const checkpoint: Checkpoint = {cursor: upTo, spansCursor: upTo, seen: head.rows[0].seen ?? from?.seen ?? null};
			const problems: string[] = [];
			if (!from) {
				const total = await c.query(`SELECT count(*)::int AS n FROM tapes_v1.sessions WHERE org_id = $1${userSql}`, base);
				return {total: Number(total.rows[0].n), changes: changes(null, problems), checkpoint, problems};
			}
			// Traces whose derive_seq moved; spans (a full scan: no index on derive_seq) only when reconciling, as a
			// derive pass that changes a span changes its trace's rollups (and so the trace's derive_seq) too.
			// The spans feed keeps its own cursor, so what it finds is what changed since it last ran.
			const values: unknown[] = [NIL_ORG, bound, from.cursor, from.seen ?? '-infinity'];
			const param = (v: unknown) => `$${values.push(v)}`;
			const spansAfter = from.spansCursor ?? from.cursor;
			if (!ctx.thorough) checkpoint.spansCursor = spansAfter;
			const spansParam = ctx.thorough ? param(spansAfter) : '';
			// --user: another user's sessions are not read (projection rows carry no subject: by their session).
			const subject = opts.user === undefined ? '' : ` AND auth_subject = ${param(opts.user)}`;
			const ofUser = subject ? ` AND session_id IN (SELECT id FROM tapes_v1.sessions WHERE org_id = $1${subject})` : '';
			const feed = (view: string, after: string) => `SELECT session_id::text AS id, trace_id, NULL AS signature FROM tapes_v1.${view}
				WHERE org_id = $1 AND session_id IS NOT NULL AND derive_seq > ${after}::bigint AND derive_seq < $2::bigint${ofUser}`;
			// (An index that had no session at the last poll looks back over all of them: they are all new.)
			const recent = ` UNION SELECT id::text, NULL, ${SESSION_SIGNATURE} FROM tapes_v1.sessions WHERE org_id = $1
				AND last_seen_at > $4::timestamptz - ${LOOK_BACK}${subject}`;
			const named = await c.query(`${feed('span_turns', '$3')}${ctx.thorough ? ` UNION ${feed('spans', spansParam)}` : ''}${recent}`, values);
			// The feed's sessions are read for the traces it names (their rows are read too); the look-back's others
			// whole, when their row changed since it was read.
			const plan = new Map<string, Set<string> | null>();
			const rows = named.rows as Array<Record<string, unknown>>;
			for (const r of rows) {
				if (r['trace_id'] === null) continue;
				const id = String(r['id']);
				(plan.get(id) ?? plan.set(id, new Set()).get(id)!).add(String(r['trace_id']));
			}
			for (const r of rows) {
				const id = String(r['id']);
				if (r['trace_id'] === null && !plan.has(id) && ctx.signatureOf(id) !== r['signature']) plan.set(id, null);
			}
			return {total: plan.size, changes: changes(plan, problems), checkpoint, problems};
		}),
		keys: (signal?: AbortSignal) => guard(async () => {
			const ids = new Set<string>();
			for await (const row of rowsOf(() => on(0, (c) => openCursor(c, `SELECT id::text AS id FROM tapes_v1.sessions WHERE org_id = $1${userSql}`, base)))) {
				if (signal?.aborted) break;
				ids.add(String(row[0]));
			}
			return ids;
		}),
		close: async () => {
			const open = [...clients.values()];
			clients.clear();
			await Promise.all(open.map((c) => c.opened.then((opened) => opened.end()).catch(() => {})));
		},
	};
}
