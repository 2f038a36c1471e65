// The private PostgreSQL server the tests and the benchmark start: found in Debian's place or $TAPEDECK_PG_BIN,
// and, when it is not installed, a failure that says how to install it (the tests never skip).
import {describe, expect, it} from 'vitest';
import {findPostgresBin, POSTGRES_MISSING, startPostgres} from '../../source/bench/postgres-server.js';
import {tempDir} from '../helpers/workspace.js';

describe('the tests\' PostgreSQL server', () => {
	it('is found where Debian installs it, and missing is a failure saying how to get it', async () => {
		expect(findPostgresBin()).not.toBeNull();
		expect(findPostgresBin({TAPEDECK_PG_BIN: tempDir()}, tempDir())).toBeNull();
		await expect(startPostgres([], null)).rejects.toThrow(POSTGRES_MISSING);
		expect(POSTGRES_MISSING).toContain('apt-get install postgresql');
	});
});
