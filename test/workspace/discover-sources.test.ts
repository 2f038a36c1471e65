// Which sources a run reads: the named ones when any source flag is given, else everything found.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {discoverSources, hasSourceFlags} from '../../source/workspace/discover-sources.js';
import {tempDir} from '../helpers/workspace.js';

function home() {
	const h = tempDir();
	const mk = (...p: string[]) => {
		fs.mkdirSync(path.join(h, ...p), {recursive: true});
		return path.join(h, ...p);
	};
	return {h, mk};
}

describe('discoverSources', () => {
	it('with no flags reads every source found: tapes, both Claude folders, Codex', () => {
		const {h, mk} = home();
		mk('.claude', 'projects');
		mk('.config', 'claude', 'projects');
		mk('.codex', 'sessions');
		fs.mkdirSync(path.join(h, '.tapes'));
		fs.writeFileSync(path.join(h, '.tapes', 'tapes.db'), '');
		expect(discoverSources({env: {}, home: h, cwd: h})).toEqual([
			{kind: 'tapes', path: path.join(h, '.tapes', 'tapes.db')},
			{kind: 'claude-code', path: path.join(h, '.config', 'claude', 'projects')},
			{kind: 'claude-code', path: path.join(h, '.claude', 'projects')},
			{kind: 'codex', path: path.join(h, '.codex')},
		]);
	});

	it('uses $CLAUDE_CONFIG_DIR (comma-separated) and $CODEX_HOME instead of the defaults, once per real directory', () => {
		const {h, mk} = home();
		mk('.claude', 'projects');
		const a = mk('a');
		mk('a', 'projects');
		const b = mk('b');
		mk('b', 'projects');
		fs.symlinkSync(a, path.join(h, 'a-link'));
		const codex = mk('cx');
		mk('cx', 'archived_sessions');
		const found = discoverSources({env: {CLAUDE_CONFIG_DIR: `${a}, ${b},${path.join(h, 'a-link')}`, CODEX_HOME: codex}, home: h, cwd: h});
		expect(found).toEqual([
			{kind: 'claude-code', path: path.join(a, 'projects')},
			{kind: 'claude-code', path: path.join(b, 'projects')},
			{kind: 'codex', path: codex},
		]);
	});

	it('with any source flag reads only what the flags name', () => {
		const {h, mk} = home();
		mk('.claude', 'projects');
		mk('.codex', 'sessions');
		const mine = mk('mine');
		mk('mine', 'projects');
		const flags = {claude: [mine], promptkit: [path.join(h, 'pk')], env: {}, home: h, cwd: h};
		expect(hasSourceFlags(flags)).toBe(true);
		expect(discoverSources(flags)).toEqual([
			{kind: 'claude-code', path: path.join(mine, 'projects')},
			{kind: 'promptkit', path: path.join(h, 'pk')},
		]);
		expect(discoverSources({sqlite: '/x/tapes.db', env: {}, home: h, cwd: h})).toEqual([{kind: 'tapes', path: '/x/tapes.db'}]);
	});

	it('finds nothing in an empty home', () => {
		const {h} = home();
		expect(discoverSources({env: {}, home: h, cwd: h})).toEqual([]);
	});
});
