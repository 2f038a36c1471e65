// Where Claude Code keeps transcripts, and the file list of one root. Importing this module does not
// load the parser (nor zod): a sync that finds nothing changed never needs them.
import fs from 'node:fs';
import path from 'node:path';
import type {FileEntry, FileSourceAdapter} from '../jsonl/file-source.js';
import {typeValueAt} from '../jsonl/line-type.js';
import {walkFiles} from '../jsonl/walk.js';

export interface ClaudeRootOptions {
	/** --claude values: a config directory (holding projects/) or a projects directory. */
	flags: readonly string[];
	env: Record<string, string | undefined>;
	home: string;
	exists: (p: string) => boolean;
}

/** A config directory's projects/ folder when it has one, else the directory itself. */
export function projectsDir(dir: string, exists: (p: string) => boolean): string {
	const projects = path.join(dir, 'projects');
	return exists(projects) ? projects : dir;
}

/**
 * The roots to read: the --claude directories when given; else each of $CLAUDE_CONFIG_DIR
 * (comma-separated) that has projects/; else ~/.config/claude/projects and ~/.claude/projects where
 * present. The same directory reached twice (a symlink) is read once.
 */
export function claudeRoots(opts: ClaudeRootOptions): string[] {
	let roots: string[];
	if (opts.flags.length > 0) roots = opts.flags.map((d) => projectsDir(path.resolve(d), opts.exists));
	else {
		const fromEnv = (opts.env['CLAUDE_CONFIG_DIR'] ?? '').split(',').map((d) => d.trim()).filter(Boolean);
		const dirs = fromEnv.length > 0 ? fromEnv : [path.join(opts.home, '.config', 'claude'), path.join(opts.home, '.claude')];
		roots = dirs.map((d) => path.join(path.resolve(d), 'projects')).filter((p) => opts.exists(p));
	}
	return uniqueReal(roots);
}

export function uniqueReal(paths: readonly string[]): string[] {
	const seen = new Set<string>();
	return paths.filter((p) => {
		let real = p;
		try {
			real = fs.realpathSync(p);
		} catch {
			// A missing directory is kept so the sync can say it is missing.
		}
		if (seen.has(real)) return false;
		seen.add(real);
		return true;
	});
}

/** Session transcripts, then subagents (`agent-*.jsonl`), so a parent exists before its children. */
function listClaude(root: string): FileEntry[] {
	return walkFiles(root, {maxDepth: 4, accept: (name) => name.endsWith('.jsonl')})
		.map((p) => ({path: p, kind: 'lines' as const, group: p.startsWith('agent-', p.lastIndexOf(path.sep) + 1) ? 1 : 0}));
}

/** Line types with neither usage nor text; file-history snapshots alone can be hundreds of MB. */
const SKIPPED = new Set(['progress', 'file-history-snapshot', 'queue-operation']);

export const claudeAdapter: FileSourceAdapter = {
	kind: 'claude-code',
	list: listClaude,
	skipLine: (buf, start, end) => {
		const type = typeValueAt(buf, start, end);
		return type !== null && SKIPPED.has(type);
	},
	load: async () => {
		const {createClaudeParser} = await import('./parser.js');
		return {parser: (entry, saved, file) => createClaudeParser(entry, saved, file)};
	},
};
