// How a transcript file is read given its cursor: not at all, from the offset, or again from the start.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {headFingerprint, planRead} from '../../source/sync/file-plan.js';
import {tempDir} from '../helpers/workspace.js';

const cursor = (over: object = {}) => ({sourceId: 1, file: 'f', size: 100, mtimeMs: 5, ino: 7, offset: 100, lastRowid: 0, rows: 4, ...over});
const stat = (over: object = {}) => ({size: 100, mtimeMs: 5, ino: 7, ...over});
const head = () => 'h';

describe('planRead', () => {
	it('reads a new file from the start and skips an unchanged one', () => {
		expect(planRead(stat(), undefined, '', head)).toEqual({action: 'reread', reason: 'new'});
		expect(planRead(stat(), cursor(), '', head)).toEqual({action: 'skip'});
	});
	it('reads a grown file from the offset, with the line count', () => {
		expect(planRead(stat({size: 150, mtimeMs: 6}), cursor(), '', head)).toEqual({action: 'append', offset: 100, line: 4});
	});
	it('reads a shrunk or replaced file again', () => {
		expect(planRead(stat({size: 50}), cursor(), '', head)).toEqual({action: 'reread', reason: 'shrunk'});
		expect(planRead(stat({ino: 8}), cursor(), '', head)).toEqual({action: 'reread', reason: 'replaced'});
		expect(planRead(stat({size: 150}), cursor(), '3:abc', () => '3:def')).toEqual({action: 'reread', reason: 'replaced'});
	});
	it('fingerprints the first bytes, so a grown file keeps its fingerprint', () => {
		const file = path.join(tempDir(), 'a.jsonl');
		fs.writeFileSync(file, '{"a":1}\n');
		const before = headFingerprint(file);
		fs.appendFileSync(file, '{"b":2}\n');
		expect(headFingerprint(file, Number(before.split(':')[0]))).toBe(before);
		fs.writeFileSync(file, '{"c":3}\n{"b":2}\n');
		expect(headFingerprint(file, Number(before.split(':')[0]))).not.toBe(before);
	});
});
