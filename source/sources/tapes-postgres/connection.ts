// Connecting to tapes' PostgreSQL read-only, and saying in one line what went wrong. The server is named by
// its URL without the password, everywhere: in messages, in the index's list of sources, in `sources`.
import pg from 'pg';
import {redactUrl} from './discover.js';

export {redactUrl};

export interface ConnectOptions {
	connectTimeoutMs?: number;
	statementTimeoutMs?: number;
}

function passwordOf(url: string): string {
	try {
		const u = new URL(url);
		return decodeURIComponent(u.password) || u.searchParams.get('password') || '';
	} catch {
		return /password\s*=\s*'?([^'\s]+)/i.exec(url)?.[1] ?? '';
	}
}

/**
 * Sessions start read-only (default_transaction_read_only, set at connect time, so no statement is needed),
 * with a statement timeout so a stuck server cannot hold a sync forever.
 */
export async function connect(url: string, opts: ConnectOptions = {}): Promise<pg.Client> {
	const statementTimeout = opts.statementTimeoutMs ?? 120_000;
	const client = new pg.Client({
		connectionString: url,
		connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
		application_name: 'tapedeck',
		options: `-c default_transaction_read_only=on -c statement_timeout=${Math.trunc(statementTimeout)}`,
	});
	// An error on an idle connection (the server went away) must not take the process down; the next query reports it.
	client.on('error', () => {});
	try {
		await client.connect();
	} catch (error) {
		await client.end().catch(() => {});
		throw error;
	}
	return client;
}

interface PgError {
	code?: string;
	message?: string;
	column?: string;
}

/** One line naming the server and what went wrong, never the password. */
export function describePgError(where: string, url: string, error: unknown): string {
	const e = (error ?? {}) as PgError;
	const text = (e.message ?? String(error)).split('\n', 1)[0] ?? '';
	let why: string;
	switch (e.code) {
		case 'ECONNREFUSED': why = 'cannot connect: connection refused (is the server running?)'; break;
		case 'ENOTFOUND': case 'EAI_AGAIN': why = 'cannot connect: host not found'; break;
		case 'ETIMEDOUT': why = 'cannot connect: timed out'; break;
		case 'ECONNRESET': case '57P01': case '57P02': case '57P03': why = `the server closed the connection (${text})`; break;
		case '28P01': case '28000': why = `authentication failed (${text})`; break;
		case '3D000': why = `no such database (${text})`; break;
		case '3F000': case '42P01': why = `no tapes_v1 views here (${text}): tapedeck reads tapes >= v0.35, whose migrations create schema tapes_v1`; break;
		case '42703': why = `a tapes_v1 view lacks a column tapedeck reads (${text}): the server's tapes is older or newer than the v1 contract`; break;
		case '42501': why = `permission denied (${text}): grant USAGE on schema tapes_v1 and SELECT on its views`; break;
		case '57014': why = `a query was cancelled: statement timeout (${text})`; break;
		default:
			if (/timeout/i.test(text)) why = `cannot connect: timed out (${text})`;
			else if (/terminated|ended|closed/i.test(text)) why = `the server closed the connection (${text})`;
			else why = text || 'failed';
	}
	const password = passwordOf(url);
	if (password.length >= 1) why = why.split(password).join('***');
	return `${where}: ${why}`;
}
