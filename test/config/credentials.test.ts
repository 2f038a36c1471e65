// Key lookup: flag, then environment, then the credentials file, for one provider only; never shown.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {inspect} from 'node:util';
import {describe, expect, it} from 'vitest';
import {ApiKey, credentialsFilePath, findApiKey, parseCredentialsToml, redactSecrets} from '../../source/config/credentials.js';

const FILE = `version = 1
# keys for tapes
[providers.openai]
api_key = "sk-file-openai-123456"

[providers."anthropic"]
api_key = 'sk-ant-file-987654321'  # literal string

[providers.ollama]
model = "llama3.2"
`;

const lookup = (provider: string, over: {flagKey?: string; env?: Record<string, string>; file?: string | null} = {}) =>
	findApiKey({
		provider, flagKey: over.flagKey, env: over.env ?? {}, credentialsFile: '/creds.toml',
		readFile: () => {
			if (over.file === null) throw Object.assign(new Error('ENOENT'), {code: 'ENOENT'});
			return over.file ?? FILE;
		},
	});

describe('parseCredentialsToml', () => {
	it('reads [providers.<name>] api_key in every quoting', () => {
		expect(parseCredentialsToml(FILE)).toEqual({openai: 'sk-file-openai-123456', anthropic: 'sk-ant-file-987654321'});
	});
	it('skips what it does not understand instead of failing', () => {
		expect(parseCredentialsToml('[[weird]]\napi_key = 3\n[providers.openai]\napi_key = "unterminated\n')).toEqual({});
	});
});

describe('findApiKey', () => {
	it('flag beats environment beats file', () => {
		expect(lookup('openai', {flagKey: 'sk-flag-1', env: {OPENAI_API_KEY: 'sk-env-1'}})?.key.reveal()).toBe('sk-flag-1');
		expect(lookup('openai', {env: {OPENAI_API_KEY: 'sk-env-1'}})).toMatchObject({source: 'env', where: '$OPENAI_API_KEY'});
		expect(lookup('openai', {env: {OPENAI_API_KEY: 'sk-env-1'}})?.key.reveal()).toBe('sk-env-1');
		expect(lookup('openai')).toMatchObject({source: 'file', where: '/creds.toml'});
		expect(lookup('anthropic')?.key.reveal()).toBe('sk-ant-file-987654321');
	});

	it('never falls back to another provider\'s key (the reference bug)', () => {
		const onlyAnthropic = '[providers.anthropic]\napi_key = "sk-ant-only"\n';
		expect(lookup('openai', {file: onlyAnthropic})).toBeNull();
		expect(lookup('openai', {env: {ANTHROPIC_API_KEY: 'sk-ant-env'}, file: null})).toBeNull();
		expect(lookup('anthropic', {env: {OPENAI_API_KEY: 'sk-openai-env'}, file: null})).toBeNull();
	});

	it('a missing or unreadable file is no key, not an error', () => {
		expect(lookup('openai', {file: null})).toBeNull();
	});
});

describe('credentialsFilePath', () => {
	it('prefers the project .tapes when it has the file, and creates nothing', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tapedeck-creds-'));
		const home = path.join(dir, 'home');
		expect(credentialsFilePath(dir, home)).toBe(path.join(home, '.tapes', 'credentials.toml'));
		expect(fs.existsSync(path.join(home, '.tapes'))).toBe(false);
		fs.mkdirSync(path.join(dir, '.tapes'));
		fs.writeFileSync(path.join(dir, '.tapes', 'credentials.toml'), FILE);
		expect(credentialsFilePath(dir, home)).toBe(path.join(dir, '.tapes', 'credentials.toml'));
		fs.rmSync(dir, {recursive: true, force: true});
	});
});

describe('keys never show', () => {
	const key = new ApiKey('sk-proj-supersecretvalue1234');
	it('ApiKey prints as [redacted] however it is logged', () => {
		expect(String(key)).toBe('[redacted]');
		expect(`${key}`).toBe('[redacted]');
		expect(JSON.stringify({key})).toBe('{"key":"[redacted]"}');
		expect(inspect({key})).not.toContain('supersecret');
		expect(key.reveal()).toBe('sk-proj-supersecretvalue1234');
	});
	it('redactSecrets removes encoded echoes of the key: base64 at any alignment, base64url, URL-encoded, other case', () => {
		const secret = new ApiKey('my+custom/key=with?odd&chars');
		const value = secret.reveal();
		const echoes = [
			value.toUpperCase(), value.toLowerCase(), encodeURIComponent(value), encodeURIComponent(value).toLowerCase(),
			Buffer.from(value).toString('base64'), Buffer.from(`Bearer ${value}`).toString('base64'), Buffer.from(`user:${value}`).toString('base64'),
			Buffer.from(`x${value}`).toString('base64url'), Buffer.from(`ab${value}`).toString('base64'),
		];
		for (const echo of echoes) {
			const out = redactSecrets(`error: got ${echo} in the request`, [secret]);
			expect(out, echo).toContain('[redacted]');
			// Nothing of the key's part of the echo survives (the ends may hold an encoded prefix such as "Bearer ").
			for (let i = 12; i + 24 <= echo.length; i += 4) expect(out, echo).not.toContain(echo.slice(i, i + 12));
		}
		expect(redactSecrets('nothing secret here', [secret])).toBe('nothing secret here');
	});

	it('redactSecrets removes the key and anything shaped like one', () => {
		expect(redactSecrets('bad key sk-proj-supersecretvalue1234 here', [key])).toBe('bad key [redacted] here');
		expect(redactSecrets('Incorrect API key provided: sk-abc12345*****wxyz')).toBe('Incorrect API key provided: [redacted]');
		expect(redactSecrets('custom-key-without-prefix!', [new ApiKey('custom-key')])).toBe('[redacted]-without-prefix!');
	});
});
