// v12 of the index: the messages' unique key (source, ID) as an index of its own, `messages_key`, instead of
// the table's UNIQUE constraint, so a first tapes sync of a large source can drop it for the load and build it
// once after (store/bulk-load.ts). Its hashes are random keys: kept during a load of a million nodes, every
// commit rewrote most of its pages (6.9 GB written for a 0.8 GB index, against 2.3 GB without it).
// A constraint cannot be dropped, only the table rebuilt, so the step rebuilds it only while it is empty (a
// new index); an index that holds messages already keeps its constraint, and every load into it keeps it.
import type {IndexDb} from './open-index.js';

const MESSAGES_TABLE = `
	CREATE TABLE messages (
		source_id INTEGER NOT NULL,
		id TEXT NOT NULL,
		session_id TEXT NOT NULL,
		parent_id TEXT,
		seq INTEGER NOT NULL,
		ts REAL NOT NULL,
		model TEXT NOT NULL,
		facts TEXT NOT NULL,
		body TEXT
	);
	CREATE INDEX messages_session ON messages (session_id, ts);
`;

/** The key's index; a no-op where the table's constraint is the key (an index from before v12 with messages). */
export const MESSAGES_KEY_INDEX = 'CREATE UNIQUE INDEX IF NOT EXISTS messages_key ON messages (source_id, id);';

/** The index the table's UNIQUE constraint makes (indexes from before v12 that had messages then). */
export const MESSAGES_CONSTRAINT_INDEX = 'sqlite_autoindex_messages_1';

export function messagesKeyMigration(db: IndexDb): void {
	const constrained = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).pluck().get(MESSAGES_CONSTRAINT_INDEX) !== undefined;
	if (!constrained) return void db.exec(MESSAGES_KEY_INDEX);
	if (db.prepare('SELECT 1 FROM messages LIMIT 1').pluck().get() !== undefined) return;
	db.exec(`DROP TABLE messages;${MESSAGES_TABLE}${MESSAGES_KEY_INDEX}`);
}
