// A separate process that keeps writing to a WAL-mode tapes database, as the tapes proxy does.
// Usage: node tapes-writer.mjs <db> <sessions> <nodesPerSession> <startMs>
import Database from 'better-sqlite3';
import {createTapesSchema, formatTapesTimestamp, insertTapesNode, nodeHash, tapesBucket} from '../../dist/sources/tapes/schema.js';

const [file, sessions, perSession, start] = process.argv.slice(2);
const db = new Database(file, {timeout: 10_000});
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = OFF');
if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'nodes'").get()) createTapesSchema(db);
const insert = insertTapesNode(db);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
for (let s = 0; s < Number(sessions); s++) {
	let parent = null;
	for (let i = 0; i < Number(perSession); i++) {
		const role = i % 2 ? 'assistant' : 'user';
		const fields = {role, content: [{type: 'text', text: `session ${s} message ${i}`}], model: 'gpt-4o', provider: 'openai', agentName: 'writer'};
		const hash = nodeHash(parent, {...tapesBucket(fields), s, i});
		insert({...fields, hash, parentHash: parent, project: 'concurrency', stopReason: role === 'assistant' ? 'stop' : '',
			promptTokens: role === 'assistant' ? 100 : null, completionTokens: role === 'assistant' ? 10 : null, totalTokens: null,
			cacheCreation: null, cacheRead: null, totalDurationNs: null, promptDurationNs: null,
			createdAt: formatTapesTimestamp(Number(start) + s * 7_200_000 + i * 1000)});
		parent = hash;
		// Each node is its own transaction, with pauses, so syncs land in the middle of sessions.
		if (i % 2) await sleep(2);
	}
}
db.close();
