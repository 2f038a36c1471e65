// Queries whose WHERE clause follows the filters: each distinct SQL text is prepared once and reused.
import type {Statement} from 'better-sqlite3';
import type {IndexDb} from './open-index.js';

export function statementCache(db: IndexDb): (sql: string) => Statement<unknown[]> {
	const statements = new Map<string, Statement<unknown[]>>();
	return (sql) => {
		let st = statements.get(sql);
		if (!st) {
			st = db.prepare(sql);
			statements.set(sql, st);
		}
		return st;
	};
}
