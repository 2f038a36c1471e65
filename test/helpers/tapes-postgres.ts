// A real PostgreSQL server per test file (started in beforeAll, stopped in afterAll), fixture databases with
// the tapes_v1 contract (fixtures/tapes-v1/schema.sql) created and dropped in it, a read-only login for the
// reader, and a writer that stores sessions the way tapes' deriver does: one transaction per session, traces
// and spans replaced, derive_seq stamped with the writing transaction's id.
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';
import pg from 'pg';
import {afterAll, beforeAll} from 'vitest';
import {startPostgres, type PostgresServer} from '../../source/bench/postgres-server.js';
import type {SessionFx} from './tapes-v1-dataset.js';

export const SCHEMA_SQL = fs.readFileSync(fileURLToPath(new URL('../../fixtures/tapes-v1/schema.sql', import.meta.url)), 'utf8');
export const READER = 'tapes_reader';
export const READER_PASSWORD = 's3cret-Pa55';

export function usePostgres(): () => PostgresServer {
	let server: PostgresServer | null = null;
	beforeAll(async () => {
		server = await startPostgres();
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
	}, 30_000);
	return () => {
		if (!server) throw new Error('the PostgreSQL server did not start');
		return server;
	};
}

export interface TapesDb {
	name: string;
	admin: pg.Client;
	/** The reader's URL, password included. */
	url: string;
	write(sessions: readonly SessionFx[], opts?: {onlyTraces?: string[]; prune?: string[]}): Promise<void>;
	remove(sessionId: string): Promise<void>;
	/** Statements the reader role sent, from the server log. */
	readerStatements(): string[];
	drop(): Promise<void>;
}

let counter = 0;

export async function createTapesDb(server: PostgresServer, opts: {schema?: string} = {}): Promise<TapesDb> {
	const name = `tapes_${process.pid}_${++counter}`;
	const root = new pg.Client({connectionString: server.adminUrl()});
	await root.connect();
	await root.query(`CREATE DATABASE ${name}`);
	// Roles are server-wide: the first file's reader serves every database.
	await root.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${READER}') THEN
		CREATE ROLE ${READER} LOGIN PASSWORD '${READER_PASSWORD}'; END IF; END $$`);
	await root.end();
	const admin = new pg.Client({connectionString: server.adminUrl(name)});
	await admin.connect();
	await admin.query(opts.schema ?? SCHEMA_SQL);
	// As the reference says deployments do: the reader may use tapes_v1 and read its views, nothing else.
	await admin.query(`GRANT USAGE ON SCHEMA tapes_v1 TO ${READER}; GRANT SELECT ON ALL TABLES IN SCHEMA tapes_v1 TO ${READER};
		REVOKE ALL ON SCHEMA public FROM PUBLIC`).catch(() => {});
	const logStart = fs.statSync(server.logFile).size;
	return {
		name,
		admin,
		url: `postgres://${READER}:${READER_PASSWORD}@${server.host}:${server.port}/${name}`,
		write: (sessions, opts) => writeSessions(admin, sessions, opts),
		async remove(sessionId) {
			await admin.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
		},
		readerStatements() {
			const text = fs.readFileSync(server.logFile, 'utf8').slice(logStart);
			return text.split('\n').filter((l) => l.startsWith(`${READER}@${name} `) && /(statement|execute [^:]*): /.test(l))
				.map((l) => l.replace(/^.*?(statement|execute [^:]*): /, ''));
		},
		async drop() {
			await admin.end();
			const c = new pg.Client({connectionString: server.adminUrl()});
			await c.connect();
			await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await c.end();
		},
	};
}

const num = (v: number | undefined) => v ?? 0;

/**
 * Each session in its own transaction, as a derive pass: session row upserted, traces and spans replaced.
 * `onlyTraces`: only these traces are written (the others keep their rows and derive_seq, as when a pass
 * changes one turn); `prune`: traces deleted in the same pass.
 */
export async function writeSessions(c: pg.Client, sessions: readonly SessionFx[], opts: {onlyTraces?: string[]; prune?: string[]} = {}): Promise<void> {
	for (const s of sessions) {
		await c.query('BEGIN');
		const seq = (await c.query('SELECT pg_current_xact_id()::text::bigint AS x')).rows[0].x as string;
		let input = 0, output = 0, cost = 0;
		for (const t of s.traces) {
			for (const sp of t.spans) {
				input += num(sp.usage?.prompt_tokens);
				output += num(sp.usage?.completion_tokens);
			}
			cost += t.costUsd;
		}
		await c.query(`INSERT INTO sessions (id, auth_subject, harness_id, harness_session_id, name, cwd, parent_session_id, started_at, last_seen_at,
			total_input_tokens, total_output_tokens, total_cost_usd, turn_count, derived_title, display_name)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
			ON CONFLICT (id) DO UPDATE SET last_seen_at = excluded.last_seen_at, total_input_tokens = excluded.total_input_tokens,
			total_output_tokens = excluded.total_output_tokens, total_cost_usd = excluded.total_cost_usd, turn_count = excluded.turn_count,
			derived_title = excluded.derived_title, display_name = excluded.display_name`,
		[s.id, s.authSubject ?? '', s.harness ?? 'claude', s.hsid, s.name ?? null, s.cwd ?? null, s.parent ?? null, s.startedAt, s.lastSeenAt,
			input, output, cost.toFixed(4), s.traces.length, s.derivedTitle ?? null, s.displayName ?? null]);
		if (opts.onlyTraces) await c.query('DELETE FROM span_turns_20260615 WHERE trace_id = ANY($1)', [[...opts.onlyTraces, ...(opts.prune ?? [])]]);
		else await c.query('DELETE FROM span_turns_20260615 WHERE session_id = $1', [s.id]);
		for (const t of s.traces) {
			if (opts.onlyTraces && !opts.onlyTraces.includes(t.id)) continue;
			const u = (k: 'prompt_tokens' | 'completion_tokens' | 'cache_read_input_tokens' | 'cache_creation_input_tokens') => t.spans.reduce((a, sp) => a + num(sp.usage?.[k]), 0);
			await c.query(`INSERT INTO span_turns_20260615 (org_id, trace_id, session_id, user_prompt, synthetic, started_at, ended_at, total_input_tokens,
				total_output_tokens, total_cost_usd, cache_read_tokens, cache_creation_tokens, derive_seq, content_hash)
				VALUES ('00000000-0000-0000-0000-000000000000', $1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, $11::bigint, md5($1 || $11::text))`,
			[t.id, s.id, t.prompt ?? '', t.synthetic ?? '', t.startedAt, u('prompt_tokens'), u('completion_tokens'), t.costUsd.toFixed(4),
				u('cache_read_input_tokens'), u('cache_creation_input_tokens'), seq]);
			for (const sp of t.spans) {
				await c.query(`INSERT INTO spans_20260615 (org_id, trace_id, span_id, parent_span_id, session_id, kind, name, status, call_kind, thread_id,
					model, stop_reason, started_at, duration_ns, input, output, usage, seq, derive_seq)
					VALUES ('00000000-0000-0000-0000-000000000000', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
				[t.id, sp.id, sp.parent ?? '', s.id, sp.kind, sp.name ?? '', sp.status ?? 'ok', sp.callKind ?? '', sp.thread ?? '', sp.model ?? '',
					sp.stop ?? '', sp.startedAt, Math.round((sp.durationMs ?? 0) * 1e6), sp.input ? JSON.stringify(sp.input) : null,
					sp.output ? JSON.stringify(sp.output) : null, sp.usage ? JSON.stringify(sp.usage) : null, sp.seq, seq]);
			}
		}
		await c.query('COMMIT');
	}
}
