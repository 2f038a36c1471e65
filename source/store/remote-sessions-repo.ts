// Sessions of a remote source (tapes' PostgreSQL or HTTP API) as its sync needs them: which ones the index
// holds (to notice the ones deleted on the server), a session's subagent-thread sessions (`<id>:<thread>`,
// replaced with it), and per-session signatures of what was last read (the HTTP source's change check).
import type {IndexDb} from './open-index.js';

const SIGNATURE_SQL = `SELECT head FROM file_state WHERE source_id = ? AND file = ?`;
const key = (id: string) => `session:${id}`;

/** The stored signatures alone, on any connection (a reader thread's read-only one). */
export function createSignatureReader(db: IndexDb): (sourceId: number, id: string) => string | undefined {
	const signature = db.prepare(SIGNATURE_SQL).pluck();
	return (sourceId, id) => signature.get(sourceId, key(id)) as string | undefined;
}

export function createRemoteSessionsRepo(db: IndexDb) {
	const all = db.prepare(`SELECT id FROM sessions WHERE source_id = ?`).pluck();
	const any = db.prepare(`SELECT 1 FROM sessions WHERE source_id = ? LIMIT 1`).pluck();
	// Every thread session of `id` sorts between `id:` and `id;` (';' follows ':').
	const threads = db.prepare(`SELECT id FROM sessions WHERE source_id = ? AND id > ? AND id < ?`).pluck();
	const signature = db.prepare(SIGNATURE_SQL).pluck();
	const putSignature = db.prepare(`INSERT OR REPLACE INTO file_state (source_id, file, head) VALUES (?, ?, ?)`);
	const dropSignature = db.prepare(`DELETE FROM file_state WHERE source_id = ? AND file = ?`);
	const traces = db.prepare(`SELECT DISTINCT substr(id, 1, instr(id, '/') - 1) FROM messages WHERE source_id = ? AND session_id = ?`).pluck();
	return {
		/** The server-side session IDs the index holds for this source (a thread session counts as its session). */
		rootIds(sourceId: number): Set<string> {
			const ids = new Set<string>();
			for (const id of all.iterate(sourceId) as IterableIterator<string>) ids.add(id.split(':', 1)[0]!);
			return ids;
		},
		holdsAny(sourceId: number): boolean {
			return any.get(sourceId) !== undefined;
		},
		threadSessions(sourceId: number, id: string): string[] {
			return threads.all(sourceId, `${id}:`, `${id};`) as string[];
		},
		/** The traces a session's stored messages come from (message IDs are `<trace>/<span>…`). */
		storedTraces(sourceId: number, sessionId: string): string[] {
			return traces.all(sourceId, sessionId) as string[];
		},
		signature(sourceId: number, id: string): string | undefined {
			return signature.get(sourceId, key(id)) as string | undefined;
		},
		setSignature(sourceId: number, id: string, value: string | null): void {
			if (value === null) dropSignature.run(sourceId, key(id));
			else putSignature.run(sourceId, key(id), value);
		},
	};
}

export type RemoteSessionsRepo = ReturnType<typeof createRemoteSessionsRepo>;
