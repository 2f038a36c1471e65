// Where tapes' server is: --postgres URL (alone: the local default), else $TAPES_DATABASE_URL, else
// $TAPES_STORAGE_POSTGRES_DSN or storage.postgres_dsn in tapes' own config (./.tapes/config.toml, then
// ~/.tapes/config.toml), which `tapes local up` writes. The HTTP API: --tapes-api URL (alone:
// http://localhost:8081), else $TAPES_API_URL or api-url in ~/.tapes/config.toml (tapesctl's settings).
import fs from 'node:fs';
import path from 'node:path';
/** The local database `tapes local up` starts (and docker-compose uses), for `--postgres` given without a URL. */
export const DEFAULT_POSTGRES_URL = 'postgres://tapes:tapes@localhost:5432/tapes';
export const DEFAULT_TAPES_API = 'http://localhost:8081';

export interface TapesServerLookup {
	env: Record<string, string | undefined>;
	home: string;
	cwd: string;
	readFile?: (p: string) => string | null;
}

const nonEmpty = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

function readOrNull(p: string): string | null {
	try {
		return fs.readFileSync(p, 'utf8');
	} catch {
		return null;
	}
}

/** A string value of `key` in `[section]` (or at the top when section is ''), from the TOML lines tapes writes. */
export function tomlString(text: string, section: string, key: string): string | undefined {
	let current = '';
	for (const raw of text.split(/\r?\n/)) {
		const line = raw.replace(/\s+#.*$/, '').trim();
		const header = /^\[([^\]]+)\]$/.exec(line);
		if (header) {
			current = header[1]!.trim();
			continue;
		}
		const m = /^([A-Za-z0-9_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')$/.exec(line);
		if (!m) continue;
		// `storage.postgres_dsn = "…"` at the top is the same key as `postgres_dsn` under [storage].
		const full = current ? `${current}.${m[1]}` : m[1]!;
		if (full === (section ? `${section}.${key}` : key)) return m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
	}
	return undefined;
}

function configFiles(o: TapesServerLookup): string[] {
	return [path.join(o.cwd, '.tapes', 'config.toml'), path.join(o.home, '.tapes', 'config.toml')];
}

/** The PostgreSQL URL tapes is configured with, when it is configured. */
export function discoverPostgresUrl(o: TapesServerLookup): string | undefined {
	const read = o.readFile ?? readOrNull;
	const fromEnv = nonEmpty(o.env['TAPES_DATABASE_URL']) ?? nonEmpty(o.env['TAPES_STORAGE_POSTGRES_DSN']);
	if (fromEnv) return fromEnv;
	for (const file of configFiles(o)) {
		const text = read(file);
		const dsn = text === null ? undefined : nonEmpty(tomlString(text, 'storage', 'postgres_dsn'));
		if (dsn) return dsn;
	}
	return undefined;
}

/** `--postgres` given: its URL, or the default when given without one. */
export function postgresUrlOfFlag(flag: string): string {
	return nonEmpty(flag) ?? DEFAULT_POSTGRES_URL;
}

export function discoverTapesApi(o: TapesServerLookup): string | undefined {
	const read = o.readFile ?? readOrNull;
	const fromEnv = nonEmpty(o.env['TAPES_API_URL']);
	if (fromEnv) return fromEnv;
	const text = read(path.join(o.home, '.tapes', 'config.toml'));
	return text === null ? undefined : nonEmpty(tomlString(text, '', 'api-url'));
}

/** The URL as shown: the password (in the userinfo or as a `password` parameter) removed. */
export function redactUrl(url: string): string {
	try {
		const u = new URL(url);
		u.password = '';
		u.searchParams.delete('password');
		// `http://host:8081`, as given, not `http://host:8081/`.
		return u.pathname === '/' && !u.search && !u.hash ? u.toString().slice(0, -1) : u.toString();
	} catch {
		// Not a URL (a key=value DSN): drop anything that looks like a password.
		return url.replace(/password\s*=\s*('[^']*'|\S+)/gi, 'password=***');
	}
}

