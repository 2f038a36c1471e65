// Rough speed check: the sync reads up to a million nodes through readAfter. Rows are the demo's
// ~1,050 nodes copied under new hashes until the table has about 200k rows.
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { seedDemo } from '../../../source/sources/demo/seed.js';
import { openTapesSource } from '../../../source/sources/tapes/reader.js';
import { useTempDir } from './temp-dir.js';

const temp = useTempDir();

it('reads well over 100k rows per second', () => {
	const p = temp('big.sqlite');
	const { messages } = seedDemo(p, { overwrite: false, now: Date.UTC(2026, 1, 19, 12) });
	const db = new Database(p);
	const copy = db.prepare(`INSERT INTO nodes (hash, bucket, type, role, content, model, provider, agent_name, stop_reason,
		prompt_tokens, completion_tokens, total_tokens, cache_creation_input_tokens, cache_read_input_tokens,
		total_duration_ns, prompt_duration_ns, project, created_at, parent_hash)
		SELECT hash || ':' || ?, bucket, type, role, content, model, provider, agent_name, stop_reason,
		prompt_tokens, completion_tokens, total_tokens, cache_creation_input_tokens, cache_read_input_tokens,
		total_duration_ns, prompt_duration_ns, project, created_at, parent_hash || ':' || ?
		FROM nodes WHERE rowid <= ?`);
	db.pragma('foreign_keys = OFF');
	db.transaction(() => {
		for (let k = 1; k < 200; k++) copy.run(k, k, messages);
	})();
	db.close();

	const result = openTapesSource(p);
	if (!result.ok) throw new Error(result.error);
	const { rows } = result.source.stats();
	const started = performance.now();
	let read = 0;
	for (let rowid = 0; ; ) {
		const batch = result.source.readAfter(rowid, 1000);
		if (batch.messages.length === 0) break;
		read += batch.messages.length;
		rowid = batch.lastRowid;
	}
	const seconds = (performance.now() - started) / 1000;
	result.source.close();
	const rate = Math.round(read / seconds);
	console.log(`readAfter: ${read} rows in ${seconds.toFixed(2)} s = ${rate} rows/s`);
	expect(read).toBe(rows);
	// The target is 300k rows/s; the assertion leaves room for slow CI machines.
	expect(rate).toBeGreaterThan(100_000);
}, 60_000);
