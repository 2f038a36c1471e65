// Which sources a run reads. Source flags (--sqlite, --claude, --codex, --promptkit, --demo) name exactly
// what to read; with none, every source found is read: the tapes database, Claude Code's projects
// folders and Codex's sessions.
import fs from 'node:fs';
import path from 'node:path';
import type {SourceKind} from '../core/types.js';
import {resolveTapesPath, TAPES_NOT_FOUND} from '../sources/tapes/discover.js';
import {claudeRoots} from '../sources/claude-code/discover.js';
import {codexRoots} from '../sources/codex/discover.js';

export interface SourceFlags {
	sqlite?: string | undefined;
	claude?: readonly string[] | undefined;
	codex?: readonly string[] | undefined;
	promptkit?: readonly string[] | undefined;
	env: Record<string, string | undefined>;
	home: string;
	cwd: string;
}

export interface SourceSpec {
	kind: SourceKind;
	path: string;
}

export const NOTHING_FOUND = `${TAPES_NOT_FOUND}, and found no Claude Code (~/.claude/projects, ~/.config/claude/projects, ` +
	`$CLAUDE_CONFIG_DIR) or Codex (~/.codex/sessions, $CODEX_HOME) transcripts; pass --sqlite, --claude, --codex or --promptkit`;

/** True when any flag names a source, so nothing else is discovered. */
export function hasSourceFlags(f: SourceFlags): boolean {
	return Boolean(f.sqlite) || (f.claude?.length ?? 0) > 0 || (f.codex?.length ?? 0) > 0 || (f.promptkit?.length ?? 0) > 0;
}

export function discoverSources(f: SourceFlags, exists: (p: string) => boolean = fs.existsSync): SourceSpec[] {
	const explicit = hasSourceFlags(f);
	const specs: SourceSpec[] = [];
	const tapes = explicit ? f.sqlite : resolveTapesPath({env: f.env, home: f.home, cwd: f.cwd, exists});
	if (tapes) specs.push({kind: 'tapes', path: tapes});
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
