// Where Codex keeps rollouts (${CODEX_HOME:-~/.codex}/sessions and archived_sessions), and the file list of
// one root. The parser (and zod) load only when a file changed.
import path from 'node:path';
import type {FileEntry, FileSourceAdapter} from '../jsonl/file-source.js';
import {typeValueAt} from '../jsonl/line-type.js';
import {walkFiles} from '../jsonl/walk.js';
import {uniqueReal} from '../claude-code/discover.js';

export interface CodexRootOptions {
	flags: readonly string[];
	env: Record<string, string | undefined>;
	home: string;
	exists: (p: string) => boolean;
}

const hasRollouts = (dir: string, exists: (p: string) => boolean) =>
	exists(path.join(dir, 'sessions')) || exists(path.join(dir, 'archived_sessions'));

/** --codex directories when given; else each of $CODEX_HOME (comma-separated) or ~/.codex that has rollouts. */
export function codexRoots(opts: CodexRootOptions): string[] {
	if (opts.flags.length > 0) return uniqueReal(opts.flags.map((d) => path.resolve(d)));
	const homes = (opts.env['CODEX_HOME'] ?? '').split(',').map((d) => d.trim()).filter(Boolean);
	const dirs = homes.length > 0 ? homes : [path.join(opts.home, '.codex')];
	return uniqueReal(dirs.map((d) => path.resolve(d)).filter((d) => hasRollouts(d, opts.exists)));
}

/**
 * A Codex home: sessions/ then archived_sessions/ (a rollout in both is read from sessions/ only). Any
 * other directory is read as a folder of rollouts.
 */
function listCodex(root: string): FileEntry[] {
	const accept = (name: string) => name.endsWith('.jsonl');
	const parts = ['sessions', 'archived_sessions'].map((d) => path.join(root, d));
	const found = parts.map((d) => walkFiles(d, {maxDepth: 5, accept}));
	const files = found.some((f) => f.length > 0) ? found : [walkFiles(root, {maxDepth: 5, accept})];
	const seen = new Set<string>();
	const out: FileEntry[] = [];
	for (const list of files) {
		for (const p of list) {
			const name = path.basename(p);
			if (seen.has(name)) continue;
			seen.add(name);
			out.push({path: p, kind: 'lines', group: 0});
		}
	}
	return out;
}

export const codexAdapter: FileSourceAdapter = {
	kind: 'codex',
	list: listCodex,
	// Among events only token counts and aborted turns: the rest repeat the response items. Reasoning items
	// are read for their summary (what the model said it was doing), their encrypted part only measured.
	skipLine: (buf, start, end) => {
		const type = typeValueAt(buf, start, end, 1);
		if (type === 'event_msg') {
			const event = typeValueAt(buf, start, end, 2);
			return event !== 'token_count' && event !== 'turn_aborted';
		}
		return false;
	},
	sessionOfState: (saved) => (saved as {sessionId?: string} | null)?.sessionId ?? null,
	load: async () => {
		const {createCodexParser} = await import('./parser.js');
		return {parser: (entry, saved, file) => createCodexParser(entry, saved, file)};
	},
};
