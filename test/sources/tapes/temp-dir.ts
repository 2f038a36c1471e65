// A per-test temp directory for real SQLite files, removed after the test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

export function useTempDir(): (name: string) => string {
	let dir: string | undefined;
	afterEach(() => {
		if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
		dir = undefined;
	});
	return (name) => {
		dir ??= mkdtempSync(path.join(tmpdir(), 'tapedeck-'));
		return path.join(dir, name);
	};
}
