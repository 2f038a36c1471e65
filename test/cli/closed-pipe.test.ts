// A reader that stops early (`tapedeck sessions --json | head`) closes the pipe: the report ends quietly
// with status 0, as other Unix tools do, instead of an EPIPE stack trace.
import {spawn} from 'node:child_process';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {generateTapes} from '../../source/bench/generate-tapes.js';
import {tempDir} from '../helpers/workspace.js';
import {CLI} from './run-cli.js';

describe('a closed pipe', () => {
	it.each([['--json'], ['--csv'], ['--sort', 'cost']].map((flags) => [flags.join(' '), flags] as const))('sessions %s stops with 0 and says nothing', async (_name, format) => {
		const dir = tempDir();
		const sqlite = path.join(dir, 'tapes.sqlite');
		// Far more output than a pipe holds (64 KB), so the writer is still writing when the reader leaves.
		generateTapes(sqlite, {sessions: 3000, nodesPerSession: 2, startMs: Date.UTC(2026, 0, 1)});
		const child = spawn(process.execPath, [CLI, 'sessions', ...format, '--sqlite', sqlite, '--index', path.join(dir, 'index.sqlite')],
			{stdio: ['ignore', 'pipe', 'pipe'], env: {PATH: process.env['PATH'] ?? '', HOME: dir, TZ: 'UTC'}});
		let stderr = '';
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		// Like `head -c 100`: read one chunk, then close the read end.
		child.stdout.once('data', () => child.stdout.destroy());
		const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
		expect(stderr).toBe('');
		expect(status).toBe(0);
	}, 60_000);
});
