// The tapes SQLite schema (migration 001) and a node writer that stores rows the way tapes does.
// tapedeck never writes a user's tapes database: this is for the demo seed and test fixtures.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalJson, goJson } from './canonical-json.js';
import type { ContentBlock } from './content-block.js';

export type { ContentBlock } from './content-block.js';

const MIGRATION_001 = `
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER UNIQUE,
    applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS nodes (
    hash TEXT NOT NULL PRIMARY KEY,
    bucket TEXT,
    type TEXT,
    role TEXT,
    content TEXT,
    model TEXT,
    provider TEXT,
    agent_name TEXT,
    stop_reason TEXT,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    total_tokens INTEGER,
    cache_creation_input_tokens INTEGER,
    cache_read_input_tokens INTEGER,
    total_duration_ns INTEGER,
    prompt_duration_ns INTEGER,
    project TEXT,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    parent_hash TEXT REFERENCES nodes(hash) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS node_parent_hash ON nodes(parent_hash);
CREATE INDEX IF NOT EXISTS node_role ON nodes(role);
CREATE INDEX IF NOT EXISTS node_model ON nodes(model);
CREATE INDEX IF NOT EXISTS node_provider ON nodes(provider);
CREATE INDEX IF NOT EXISTS node_agent_name ON nodes(agent_name);
CREATE INDEX IF NOT EXISTS node_role_model ON nodes(role, model);
CREATE INDEX IF NOT EXISTS node_project ON nodes(project);
CREATE INDEX IF NOT EXISTS node_created_at ON nodes(created_at);
CREATE TABLE IF NOT EXISTS facets (
    id TEXT NOT NULL PRIMARY KEY,
    session_id TEXT NOT NULL,
    facets TEXT,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX IF NOT EXISTS facet_session_id ON facets(session_id);
INSERT OR IGNORE INTO schema_migrations (version) VALUES (1);
`;

/** Creates the tapes tables and records migration 1. Idempotent, like the reference's migrator. */
export function createTapesSchema(db: Database.Database): void {
	db.exec(MIGRATION_001);
}

/** One `nodes` row before it is written. Null means the column is NULL. */
export interface TapesNodeRecord {
	hash: string;
	parentHash: string | null;
	role: string;
	content: ContentBlock[];
	model: string;
	provider: string;
	/** Empty or null is stored as NULL (and left out of the bucket), as tapes does. */
	agentName: string | null;
	project: string | null;
	stopReason: string;
	promptTokens: number | null;
	completionTokens: number | null;
	totalTokens: number | null;
	cacheCreation: number | null;
	cacheRead: number | null;
	totalDurationNs: number | null;
	promptDurationNs: number | null;
	/** The created_at text as written, e.g. formatTapesTimestamp(ms). */
	createdAt: string;
}

/** The `bucket` a node is addressed by: sorted keys, `agent_name` only when non-empty. */
export function tapesBucket(node: {
	role: string;
	content: ContentBlock[];
	model: string;
	provider: string;
	agentName?: string | null;
}): Record<string, unknown> {
	const bucket: Record<string, unknown> = {
		content: node.content,
		model: node.model,
		provider: node.provider,
		role: node.role,
		type: 'message',
	};
	if (node.agentName) bucket.agent_name = node.agentName;
	return bucket;
}

/** tapes' content address: sha256 hex of JCS `{"content": bucket, "parent": parentHash or ""}`. */
export function nodeHash(parentHash: string | null, bucket: Record<string, unknown>): string {
	const input = canonicalJson({ content: bucket, parent: parentHash ?? '' });
	return createHash('sha256').update(input, 'utf8').digest('hex');
}

const INSERT_SQL = `INSERT INTO nodes (hash, bucket, type, role, content, model, provider, agent_name,
  stop_reason, prompt_tokens, completion_tokens, total_tokens, cache_creation_input_tokens,
  cache_read_input_tokens, total_duration_ns, prompt_duration_ns, project, created_at, parent_hash)
  VALUES (?, ?, 'message', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Prepares the insert once; the returned function writes one node (call it inside a transaction). */
export function insertTapesNode(db: Database.Database): (node: TapesNodeRecord) => void {
	const stmt = db.prepare(INSERT_SQL);
	return (node) => {
		stmt.run(
			node.hash,
			goJson(tapesBucket(node)),
			node.role,
			goJson(node.content),
			node.model,
			node.provider,
			node.agentName || null,
			node.stopReason,
			node.promptTokens,
			node.completionTokens,
			node.totalTokens,
			node.cacheCreation,
			node.cacheRead,
			node.totalDurationNs,
			node.promptDurationNs,
			node.project || null,
			node.createdAt,
			node.parentHash,
		);
	};
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * `2006-01-02 15:04:05.123456789+00:00`, as mattn/go-sqlite3 writes created_at (here always in UTC):
 * up to nine fractional digits with trailing zeros trimmed, no dot for whole seconds.
 */
export function formatTapesTimestamp(ms: number): string {
	const whole = Math.floor(ms);
	const subMsNanos = Math.min(999_999, Math.round((ms - whole) * 1_000_000));
	const d = new Date(whole);
	const nanos = d.getUTCMilliseconds() * 1_000_000 + subMsNanos;
	const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
	const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
	const fraction = nanos === 0 ? '' : `.${pad(nanos, 9).replace(/0+$/, '')}`;
	return `${date} ${time}${fraction}+00:00`;
}
