// Rows of the tapes_v1 views as streams: a server-side cursor read a few hundred rows a round trip with one
// read ahead, a stream you can peek at (the reader joins three of them a session at a time), and what tells a
// connection the server ended from a statement that failed.
import type pg from 'pg';
import Cursor from 'pg-cursor';
import type {Row} from './rows.js';

/**
 * Rows per round trip. Fewer rows held at once is less for each young-generation GC to copy: in the benchmark
 * (1,000,000 spans), 5,000 took peak RSS past 400 MB; 500 against 2,000 cut the cold sync's time by a sixth
 * and its peak RSS by 100 MB; 250 was no faster than 500 (more round trips), nor was 2,000 for the short rows
 * of sessions and traces alone.
 */
const FETCH_ROWS = 500;

/** A cursor on `client` and its first rows: what a failure of the first round trip shows up in. */
export async function openCursor(client: pg.Client, text: string, values: unknown[]): Promise<{cursor: Cursor<Row>; first: Row[]}> {
	const cursor = client.query(new Cursor<Row>(text, values, {rowMode: 'array'}));
	// A failed cursor is closed already; closing it again would wait for an answer that never comes.
	return {cursor, first: await cursor.read(FETCH_ROWS)};
}

/** Rows of a cursor `open` opens when the first row is asked for (a stream never started sends nothing). */
export async function* rowsOf(open: () => Promise<{cursor: Cursor<Row>; first: Row[]}>): AsyncGenerator<Row> {
	const {cursor, first} = await open();
	let failed = false;
	let rows = first;
	// One read ahead (pg-cursor queues it): the server produces the next rows while these are mapped and written.
	let pending: Promise<Row[]> | null = null;
	try {
		for (;;) {
			if (rows.length === 0) return;
			pending = cursor.read(FETCH_ROWS);
			// Seen when awaited; a read left behind by a stop before the end must not be an unhandled rejection.
			pending.catch(() => {});
			yield* rows;
			try {
				rows = await pending;
			} catch (error) {
				failed = true;
				throw error;
			}
			pending = null;
		}
	} finally {
		if (pending) await pending.catch(() => (failed = true));
		if (!failed) await cursor.close().catch(() => {});
	}
}

/**
 * The server or the network ended the connection (not a SQL error, not a refused login): what a connection
 * kept since an earlier sync shows when the server terminated its backend before this process saw the 'end'.
 */
export function connectionLost(error: unknown): boolean {
	const e = (error ?? {}) as {code?: string; message?: string};
	if (e.code === '57P01' || e.code === '57P02' || e.code === '57P03' || e.code === 'ECONNRESET' || e.code === 'EPIPE') return true;
	return e.code === undefined && /Connection terminated|not queryable|Client was closed/i.test(e.message ?? '');
}

/** A row stream you can look at before taking from it. */
export class Peek {
	private head: Row | undefined;
	private done = false;
	constructor(private readonly it: AsyncGenerator<Row>) {}
	async peek(): Promise<Row | undefined> {
		if (this.head === undefined && !this.done) {
			const next = await this.it.next();
			if (next.done) this.done = true;
			else this.head = next.value;
		}
		return this.head;
	}
	take(): void {
		this.head = undefined;
	}
	async close(): Promise<void> {
		await this.it.return(undefined);
	}
}
