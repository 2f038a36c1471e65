import { describe, expect, it } from 'vitest';
import { resolveTapesPath, tapesCandidatePaths } from '../../../source/sources/tapes/discover.js';

const home = '/home/ada';
const cwd = '/work/project';
const none = () => false;
const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('resolveTapesPath', () => {
	it('takes --sqlite first, existing or not', () => {
		expect(resolveTapesPath({ flag: 'x.db', env: { TAPES_SQLITE: 'y.db' }, home, cwd, exists: none })).toBe('x.db');
	});

	it('then $TAPES_SQLITE, then $TAPES_DB, skipping empty values', () => {
		expect(resolveTapesPath({ env: { TAPES_SQLITE: 'y.db', TAPES_DB: 'z.db' }, home, cwd, exists: none })).toBe('y.db');
		expect(resolveTapesPath({ flag: '', env: { TAPES_SQLITE: '', TAPES_DB: 'z.db' }, home, cwd, exists: none })).toBe('z.db');
	});

	it('then the first existing candidate, in the reference order', () => {
		expect(tapesCandidatePaths({ env: {}, home, cwd })).toEqual([
			'/home/ada/.local/share/tapes/tapes.db',
			'/home/ada/.local/share/tapes/tapes.sqlite',
			'/home/ada/.tapes/tapes.db',
			'/home/ada/.tapes/tapes.sqlite',
			'/work/project/tapes.db',
			'/work/project/tapes.sqlite',
			'/work/project/.tapes/tapes.db',
			'/work/project/.tapes/tapes.sqlite',
		]);
		const exists = only('/work/project/tapes.sqlite', '/work/project/.tapes/tapes.db');
		expect(resolveTapesPath({ env: {}, home, cwd, exists })).toBe('/work/project/tapes.sqlite');
	});

	it('honours XDG_DATA_HOME', () => {
		const exists = only('/xdg/tapes/tapes.sqlite', '/home/ada/.tapes/tapes.db');
		expect(resolveTapesPath({ env: { XDG_DATA_HOME: '/xdg' }, home, cwd, exists })).toBe('/xdg/tapes/tapes.sqlite');
	});

	it('returns null when nothing exists', () => {
		expect(resolveTapesPath({ env: {}, home, cwd, exists: none })).toBeNull();
	});
});
