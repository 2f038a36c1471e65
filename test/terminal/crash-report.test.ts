// A crash prints one sanitized line and appends the stack to the log; without a writable log, the line alone.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {crashReport} from '../../source/terminal/crash-report.js';
import {tempDir} from '../helpers/workspace.js';

describe('crashReport', () => {
	it('returns one clean line naming the log, and appends the stack there', () => {
		const log = path.join(tempDir(), 'crash.log');
		const line = crashReport(new Error('boom \u001b[31mred\u001b[0m\nsecond line'), log, '1.2.3');
		expect(line).toBe(`internal error: boom red (the details are in ${log}; please report it)`);
		crashReport('not an error', log, '1.2.3');
		const text = fs.readFileSync(log, 'utf8');
		expect(text).toMatch(/tapedeck 1\.2\.3\nError: boom[\s\S]*\n\s+at [\s\S]*not an error\n/);
	});

	it('gives the line alone when the log cannot be written', () => {
		const file = path.join(tempDir(), 'a-file');
		fs.writeFileSync(file, '');
		expect(crashReport(new Error('boom'), path.join(file, 'crash.log'), '1')).toBe('internal error: boom');
	});
});
