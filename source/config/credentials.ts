// API keys for the insights providers: --insights-key, then the provider's environment variable, then
// the tapes credentials file ([providers.<name>] api_key in ./.tapes/credentials.toml when that file
// exists, else ~/.tapes/credentials.toml). A key is looked up for one provider only: the reference
// fell back to the other provider's key and so sent an Anthropic key to OpenAI (reference §2.16).
// Nothing here creates a directory, and a key never appears in a message: it lives in an ApiKey,
// which prints as [redacted] however it is logged or serialized.
import fs from 'node:fs';
import path from 'node:path';
import {readRegularFile} from '../sources/regular-file.js';

const REDACTED = '[redacted]';

export class ApiKey {
	readonly #value: string;
	constructor(value: string) {
		this.#value = value;
	}
	/** The key itself, for the SDK constructor only. */
	reveal(): string {
		return this.#value;
	}
	toString(): string {
		return REDACTED;
	}
	toJSON(): string {
		return REDACTED;
	}
	[Symbol.for('nodejs.util.inspect.custom')](): string {
		return REDACTED;
	}
}

export const KEY_ENV: Readonly<Record<string, string>> = {openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY'};

export type KeySource = 'flag' | 'env' | 'file';

export interface FoundKey {
	key: ApiKey;
	source: KeySource;
	/** Where it came from, for messages: "--insights-key", "$OPENAI_API_KEY", a file path. Never the key. */
	where: string;
}

/** The file tapes keeps keys in: the project's ./.tapes when it has one, else the home directory's. */
export function credentialsFilePath(cwd: string, home: string, exists: (p: string) => boolean = fs.existsSync): string {
	const local = path.join(cwd, '.tapes', 'credentials.toml');
	return exists(local) ? local : path.join(home, '.tapes', 'credentials.toml');
}

function unquote(raw: string): string | null {
	const v = raw.trim();
	if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1);
	if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
		try {
			return JSON.parse(v) as string;
		} catch {
			return null;
		}
	}
	return null;
}

/**
 * The `[providers.<name>] api_key = "…"` entries of a credentials file. Only the part of TOML this file
 * uses is read (tables, quoted string values, comments); anything else is skipped, so an unusual
 * line never stops the program and its content is never echoed.
 */
export function parseCredentialsToml(text: string): Record<string, string> {
	const keys: Record<string, string> = {};
	let table: string | null = null;
	for (const rawLine of text.split(/\r?\n/)) {
		const line = rawLine.trim();
		if (line === '' || line.startsWith('#')) continue;
		const header = /^\[\s*providers\s*\.\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*\]$/.exec(line);
		if (header) {
			table = (header[1] ?? header[2] ?? header[3] ?? '').toLowerCase();
			continue;
		}
		if (line.startsWith('[')) {
			table = null;
			continue;
		}
		const kv = /^(api_key|"api_key")\s*=\s*(.+?)\s*(#[^"']*)?$/.exec(line);
		if (table && kv) {
			const value = unquote(kv[2] ?? '');
			if (value) keys[table] = value;
		}
	}
	return keys;
}

export interface KeyLookup {
	provider: string;
	flagKey?: string;
	env: Record<string, string | undefined>;
	credentialsFile: string;
	readFile?: (p: string) => string;
}

/** The credentials file's text; throws for anything but a regular file of at most 1 MB (a FIFO would block). */
function readCredentials(file: string): string {
	const read = readRegularFile(file, 1 << 20);
	if (!read.ok) throw new Error(read.error);
	return read.value;
}

/** The key for exactly this provider, or null. An unreadable credentials file counts as no key there. */
export function findApiKey(q: KeyLookup): FoundKey | null {
	const flag = q.flagKey?.trim();
	if (flag) return {key: new ApiKey(flag), source: 'flag', where: '--insights-key'};
	const envName = KEY_ENV[q.provider];
	const fromEnv = envName ? q.env[envName]?.trim() : undefined;
	if (envName && fromEnv) return {key: new ApiKey(fromEnv), source: 'env', where: `$${envName}`};
	let text: string;
	try {
		text = (q.readFile ?? readCredentials)(q.credentialsFile);
	} catch {
		return null;
	}
	const fromFile = parseCredentialsToml(text)[q.provider]?.trim();
	return fromFile ? {key: new ApiKey(fromFile), source: 'file', where: q.credentialsFile} : null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The base64 and base64url text that encodes `value` whole, whatever bytes come before it (0, 1 or 2 mod 3). */
function base64Forms(value: string): string[] {
	const bytes = Buffer.from(value, 'utf8');
	const forms: string[] = [];
	for (let shift = 0; shift < 3; shift++) {
		const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
		// Characters that also carry bits of the bytes before, or of the padding after, differ by context.
		const core = encoded.slice(Math.ceil((shift * 8) / 6), Math.floor((shift + bytes.length) / 3) * 4);
		if (core.length < 8) continue;
		forms.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return forms;
}

/**
 * Removes secrets from a message before it is shown or stored: the given keys verbatim, and anything
 * shaped like a provider key, since an error body may echo a key in part.
 */
export function redactSecrets(text: string, keys: ReadonlyArray<ApiKey | null | undefined> = []): string {
	let out = text;
	for (const k of keys) {
		const value = k?.reveal();
		if (!value || value.length < 4) continue;
		// The key as typed and URL-encoded, in any case; then base64 (and base64url) of it at each of the three
		// byte alignments it can have inside a longer encoded string ("Bearer <key>", "user:<key>").
		for (const form of new Set([value, encodeURIComponent(value)])) out = out.replace(new RegExp(escapeRegExp(form), 'gi'), REDACTED);
		for (const form of base64Forms(value)) out = out.split(form).join(REDACTED);
	}
	return out.replace(/\b(sk-(?:ant-|proj-)?[A-Za-z0-9_*-]{8,})/g, REDACTED);
}
