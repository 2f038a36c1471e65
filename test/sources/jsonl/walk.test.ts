// Transcript folders as dotfile managers leave them: files and folders linked into place are listed,
// a link loop ends, a dangling link is passed by.
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {walkFiles} from '../../../source/sources/jsonl/walk.js';
import {tempDir} from '../../helpers/workspace.js';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

describe('walkFiles', () => {
	it('follows symlinked files and folders, once each, and stops at a loop', () => {
		const store = path.join(dir, 'dotfiles');
		fs.mkdirSync(path.join(store, 'proj-b'), {recursive: true});
		fs.writeFileSync(path.join(store, 'a.jsonl'), '{}\n');
		fs.writeFileSync(path.join(store, 'proj-b', 'b.jsonl'), '{}\n');
		const root = path.join(dir, 'projects');
		fs.mkdirSync(path.join(root, 'proj-a'), {recursive: true});
		fs.symlinkSync(path.join(store, 'a.jsonl'), path.join(root, 'proj-a', 'a.jsonl'));
		fs.symlinkSync(path.join(store, 'proj-b'), path.join(root, 'proj-b'));
		fs.symlinkSync(root, path.join(root, 'proj-a', 'loop'));
		fs.symlinkSync(path.join(dir, 'gone.jsonl'), path.join(root, 'proj-a', 'dangling.jsonl'));
		const found = walkFiles(root, {maxDepth: 10, accept: (n) => n.endsWith('.jsonl')}).map((f) => path.relative(root, f));
		expect(found).toEqual([path.join('proj-a', 'a.jsonl'), path.join('proj-b', 'b.jsonl')]);
	});

	it('names every file as path.join would, whatever shape the root is given in', () => {
		const root = path.join(dir, 'shapes');
		fs.mkdirSync(path.join(root, 'p', 'sub'), {recursive: true});
		fs.writeFileSync(path.join(root, 'p', 'a.jsonl'), '{}\n');
		fs.writeFileSync(path.join(root, 'p', 'sub', 'b.jsonl'), '{}\n');
		const accept = {maxDepth: 5, accept: (n: string) => n.endsWith('.jsonl')};
		const joined = [path.join(root, 'p', 'a.jsonl'), path.join(root, 'p', 'sub', 'b.jsonl')];
		expect(walkFiles(root, accept)).toEqual(joined);
		expect(walkFiles(`${root}${path.sep}`, accept)).toEqual(joined);
		expect(walkFiles(path.join(root, 'p', '..', '.', ''), accept)).toEqual(joined);
		// A relative root stays relative, and `.` adds nothing in front, as with path.join.
		const cwd = process.cwd();
		try {
			process.chdir(root);
			expect(walkFiles('.', accept)).toEqual([path.join('p', 'a.jsonl'), path.join('p', 'sub', 'b.jsonl')]);
			expect(walkFiles(`.${path.sep}p${path.sep}`, accept)).toEqual([path.join('p', 'a.jsonl'), path.join('p', 'sub', 'b.jsonl')]);
			process.chdir(path.join(root, 'p'));
			expect(walkFiles('..', accept)).toEqual([path.join('..', 'p', 'a.jsonl'), path.join('..', 'p', 'sub', 'b.jsonl')]);
		} finally {
			process.chdir(cwd);
		}
	});
});
