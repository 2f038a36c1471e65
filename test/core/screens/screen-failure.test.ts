// The words of an error panel: the message on one clean line, the file it concerns, and advice that fits
// the kind of failure.
import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {describeFailure} from '../../../source/core/screens/screen-failure.js';

const INDEX = '/data/tapedeck/index.sqlite';

describe('describeFailure', () => {
	it('names the index for a SQLite error that names no file, and says a damaged index can be rebuilt', () => {
		const f = describeFailure('Session', new Database.SqliteError('database disk image is malformed', 'SQLITE_CORRUPT'), INDEX);
		expect(f).toEqual({
			title: 'Session stopped on an error',
			message: 'database disk image is malformed',
			where: INDEX,
			advice: expect.stringContaining('delete it, and tapedeck rebuilds it'),
		});
	});

	it('advises a retry when another process holds the index', () => {
		const f = describeFailure('Sessions', new Database.SqliteError('database is locked', 'SQLITE_BUSY'), INDEX);
		expect(f.advice).toMatch(/Another process holds the index/);
		expect(f.where).toBe(INDEX);
	});

	it('says a missing table means the index changed under the explorer', () => {
		const f = describeFailure('Sessions', new Database.SqliteError('no such table: sessions', 'SQLITE_ERROR'), INDEX);
		expect(f.advice).toMatch(/The index changed under the explorer/);
	});

	it('takes the file an error names over the index, and names none for a plain error', () => {
		const named = Object.assign(new Error('EACCES: permission denied'), {code: 'EACCES', path: '/home/u/.tapes/tapes.db'});
		expect(describeFailure('Session', named, INDEX).where).toBe('/home/u/.tapes/tapes.db');
		const plain = describeFailure('Analytics', new TypeError("Cannot read properties of undefined (reading 'x')"), INDEX);
		expect(plain.where).toBeNull();
		expect(plain.message).toBe("Cannot read properties of undefined (reading 'x')");
		expect(plain.advice).toMatch(/Nothing was written/);
	});

	it('keeps the first line only, without escape sequences, and copes with things that are not errors', () => {
		const f = describeFailure('Insights', new Error('\u001b[31mred\u001b[0m \u001b]0;title\u0007text\n    at frame (x.js:1:1)'), null);
		expect(f.message).toBe('red text');
		expect(describeFailure('Insights', 'a string', null).message).toBe('a string');
		expect(describeFailure('Insights', undefined, null).message).toBe('undefined');
		expect(describeFailure('Insights', new Error(''), null).message).toBe('Error');
	});
});
