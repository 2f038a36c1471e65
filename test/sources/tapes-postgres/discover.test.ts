// Where tapes' server is: flags, environment, tapes' own config (project, then home), and the defaults
// used only when a flag is given without a URL; the HTTP API is found only when no database is.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {discoverSources} from '../../../source/workspace/discover-sources.js';
import {redactUrl, tomlString} from '../../../source/sources/tapes-postgres/discover.js';
import {tempDir} from '../../helpers/workspace.js';

const none = () => false;

function withConfig(dir: string, text: string) {
	fs.mkdirSync(path.join(dir, '.tapes'), {recursive: true});
	fs.writeFileSync(path.join(dir, '.tapes', 'config.toml'), text);
}

describe('tapes server discovery', () => {
	it('reads storage.postgres_dsn from the project config before the home one', () => {
		const home = tempDir();
		const cwd = tempDir();
		withConfig(home, '[storage]\npostgres_dsn = "postgres://home@h/tapes"\n');
		expect(discoverSources({env: {}, home, cwd}, none)).toEqual([{kind: 'tapes-postgres', path: 'postgres://home@h/tapes'}]);
		withConfig(cwd, '# local\n[proxy]\nport = 8080\n[storage]\npostgres_dsn = \'postgres://tapes:tapes@localhost:5432/tapes?sslmode=disable\' # from tapes local up\n');
		expect(discoverSources({env: {}, home, cwd}, none)).toEqual([{kind: 'tapes-postgres', path: 'postgres://tapes:tapes@localhost:5432/tapes?sslmode=disable'}]);
		expect(discoverSources({env: {TAPES_DATABASE_URL: 'postgres://env@e/t'}, home, cwd}, none)).toEqual([{kind: 'tapes-postgres', path: 'postgres://env@e/t'}]);
	});

	it('finds the API only when no database is, and uses the defaults only for a flag given without a URL', () => {
		const home = tempDir();
		withConfig(home, 'api-url = "http://tapes.internal:8081"\n');
		expect(discoverSources({env: {}, home, cwd: tempDir()}, none)).toEqual([{kind: 'tapes-api', path: 'http://tapes.internal:8081'}]);
		expect(discoverSources({env: {TAPES_API_URL: 'http://x:1', TAPES_DATABASE_URL: 'postgres://db/t'}, home, cwd: tempDir()}, none))
			.toEqual([{kind: 'tapes-postgres', path: 'postgres://db/t'}]);
		expect(discoverSources({postgres: '', env: {}, home: tempDir(), cwd: tempDir()}, none))
			.toEqual([{kind: 'tapes-postgres', path: 'postgres://tapes:tapes@localhost:5432/tapes'}]);
		expect(discoverSources({tapesApi: '', env: {TAPES_DATABASE_URL: 'postgres://db/t'}, home: tempDir(), cwd: tempDir()}, none))
			.toEqual([{kind: 'tapes-api', path: 'http://localhost:8081'}]);
		expect(discoverSources({env: {}, home: tempDir(), cwd: tempDir()}, none)).toEqual([]);
	});

	it('shows a URL without its password, wherever the password is', () => {
		expect(redactUrl('postgres://tapes:hunter2@db:5432/tapes?sslmode=disable')).toBe('postgres://tapes@db:5432/tapes?sslmode=disable');
		expect(redactUrl('postgres://db/tapes?user=me&password=hunter2')).toBe('postgres://db/tapes?user=me');
		expect(redactUrl('host=db user=me password=hunter2 dbname=tapes')).toBe('host=db user=me password=*** dbname=tapes');
		expect(redactUrl('http://me:pw@tapes:8081')).toBe('http://me@tapes:8081');
		expect(tomlString('[storage]\npostgres_dsn = "a\\"b"', 'storage', 'postgres_dsn')).toBe('a"b');
	});
});
