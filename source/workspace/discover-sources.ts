// Which sources a run reads. Source flags (--sqlite, --postgres, --tapes-api, --claude, --codex, --promptkit,
// --demo) name exactly what to read; with none, every source found is read: the tapes SQLite file, the tapes
// server its config or environment names (PostgreSQL, else the HTTP API), Claude Code's projects folders and
// Codex's sessions.
import fs from 'node:fs';
import path from 'node:path';
import type {SourceKind} from '../core/types.js';
import {resolveTapesPath, TAPES_NOT_FOUND} from '../sources/tapes/discover.js';
import {claudeRoots} from '../sources/claude-code/discover.js';
import {codexRoots} from '../sources/codex/discover.js';
import {DEFAULT_TAPES_API, discoverPostgresUrl, discoverTapesApi, postgresUrlOfFlag} from '../sources/tapes-postgres/discover.js';

export interface SourceFlags {
	sqlite?: string | undefined;
	claude?: readonly string[] | undefined;
	codex?: readonly string[] | undefined;
	promptkit?: readonly string[] | undefined;
	/** --postgres: a URL, or '' for the local default. */
	postgres?: string | undefined;
	/** --tapes-api: a URL, or '' for http://localhost:8081. */
	tapesApi?: string | undefined;
	env: Record<string, string | undefined>;
	home: string;
	cwd: string;
}

export interface SourceSpec {
	kind: SourceKind;
	/** A file or folder; for a server, its URL (which may hold a password: never shown or stored as it is). */
	path: string;
}

/** Kinds read from a server rather than from files. */
export const REMOTE_KINDS: ReadonlySet<SourceKind> = new Set(['tapes-postgres', 'tapes-api']);

export const NOTHING_FOUND = `${TAPES_NOT_FOUND}, and found no Claude Code (~/.claude/projects, ~/.config/claude/projects, ` +
	`$CLAUDE_CONFIG_DIR) or Codex (~/.codex/sessions, $CODEX_HOME) transcripts; pass --sqlite, --postgres, --tapes-api, --claude, --codex or --promptkit`;

/** True when any flag names a source, so nothing else is discovered. */
export function hasSourceFlags(f: SourceFlags): boolean {
	return Boolean(f.sqlite) || f.postgres !== undefined || f.tapesApi !== undefined || (f.claude?.length ?? 0) > 0 || (f.codex?.length ?? 0) > 0 || (f.promptkit?.length ?? 0) > 0;
}

export function discoverSources(f: SourceFlags, exists: (p: string) => boolean = fs.existsSync): SourceSpec[] {
	const explicit = hasSourceFlags(f);
	const specs: SourceSpec[] = [];
	const tapes = explicit ? f.sqlite : resolveTapesPath({env: f.env, home: f.home, cwd: f.cwd, exists});
	if (tapes) specs.push({kind: 'tapes', path: tapes});
	const lookup = {env: f.env, home: f.home, cwd: f.cwd};
	const postgres = explicit ? (f.postgres === undefined ? undefined : postgresUrlOfFlag(f.postgres)) : discoverPostgresUrl(lookup);
	if (postgres) specs.push({kind: 'tapes-postgres', path: postgres});
	// Found, not named, the API is read only when no database is: both would be the same sessions.
	const api = explicit ? (f.tapesApi === undefined ? undefined : f.tapesApi.trim() || DEFAULT_TAPES_API) : postgres ? undefined : discoverTapesApi(lookup);
	if (api) specs.push({kind: 'tapes-api', path: api});
	const claude = explicit ? (f.claude ?? []) : [];
	if (!explicit || claude.length > 0) {
		for (const p of claudeRoots({flags: claude, env: f.env, home: f.home, exists})) specs.push({kind: 'claude-code', path: p});
	}
	const codex = explicit ? (f.codex ?? []) : [];
	if (!explicit || codex.length > 0) {
		for (const p of codexRoots({flags: codex, env: f.env, home: f.home, exists})) specs.push({kind: 'codex', path: p});
	}
	for (const p of f.promptkit ?? []) specs.push({kind: 'promptkit', path: path.resolve(p)});
	return specs;
}
