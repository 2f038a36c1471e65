import Database from 'better-sqlite3';
import { it } from 'vitest';
import { seedDemo } from '../../../source/sources/demo/seed.js';
import { parseTapesTimestamp } from '../../../source/core/tapes-time.js';
import { mapNodeRow, NODE_COLUMNS } from '../../../source/sources/tapes/node-row.js';
import { WarningTally } from '../../../source/sources/tapes/warning-tally.js';

it('prof', () => {
	const p = '/tmp/td/prof.sqlite';
	const { messages } = seedDemo(p, { overwrite: true, now: Date.UTC(2026, 1, 19, 12) });
	let db = new Database(p);
	const copy = db.prepare(`INSERT INTO nodes (hash, bucket, type, role, content, model, provider, agent_name, stop_reason, prompt_tokens, completion_tokens, total_tokens, cache_creation_input_tokens, cache_read_input_tokens, total_duration_ns, prompt_duration_ns, project, created_at, parent_hash) SELECT hash || ':' || ?, bucket, type, role, content, model, provider, agent_name, stop_reason, prompt_tokens, completion_tokens, total_tokens, cache_creation_input_tokens, cache_read_input_tokens, total_duration_ns, prompt_duration_ns, project, created_at, parent_hash || ':' || ? FROM nodes WHERE rowid <= ?`);
	db.pragma('foreign_keys = OFF');
	db.transaction(() => { for (let k = 1; k < 200; k++) copy.run(k, k, messages); })();
	db.close();
	db = new Database(p, { readonly: true });
	console.log('avg content len', db.prepare('select avg(length(content)) from nodes').pluck().get());
	const sel = `SELECT rowid, ${NODE_COLUMNS.join(', ')} FROM nodes WHERE rowid > ? ORDER BY rowid LIMIT ?`;
	const st = db.prepare(sel).raw();
	let t = performance.now(); let all: unknown[][] = [];
	for (let r = 0; ; ) { const rows = st.all(r, 5000) as unknown[][]; if (!rows.length) break; r = rows.at(-1)![0] as number; all.push(...rows); }
	console.log('sqlite raw', (performance.now() - t).toFixed(0), 'ms', all.length);
	const st2 = db.prepare('SELECT rowid, hash, created_at FROM nodes WHERE rowid > ? ORDER BY rowid LIMIT ?').raw();
	t = performance.now();
	for (let r = 0; ; ) { const rows = st2.all(r, 5000) as unknown[][]; if (!rows.length) break; r = rows.at(-1)![0] as number; }
	console.log('sqlite narrow', (performance.now() - t).toFixed(0), 'ms');
	t = performance.now(); for (const row of all) JSON.parse(row[4] as string);
	console.log('json', (performance.now() - t).toFixed(0), 'ms');
	t = performance.now(); for (const row of all) parseTapesTimestamp(row[16] as string);
	console.log('time', (performance.now() - t).toFixed(0), 'ms');
	const tally = new WarningTally('x');
	t = performance.now(); for (const row of all) mapNodeRow(row, tally);
	console.log('map', (performance.now() - t).toFixed(0), 'ms');
});
