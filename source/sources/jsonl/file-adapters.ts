// The transcript sources' adapters by kind, each imported only when its kind is synced (by the sync, and by
// the thread that parses a first import: sync/file-parse-thread-main.ts).
import type {FileSourceAdapter} from './file-source.js';

export type TranscriptKind = 'claude-code' | 'codex' | 'promptkit';

export const FILE_ADAPTERS: Record<TranscriptKind, () => Promise<FileSourceAdapter>> = {
	'claude-code': async () => (await import('../claude-code/discover.js')).claudeAdapter,
	codex: async () => (await import('../codex/discover.js')).codexAdapter,
	promptkit: async () => (await import('../promptkit/discover.js')).promptkitAdapter,
};
