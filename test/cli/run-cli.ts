// Runs the built CLI (dist/, built by `pretest`) as a user would, without a terminal.
import {spawnSync} from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');

export interface CliRun {
	status: number | null;
	stdout: string;
	stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		encoding: 'utf8',
		env: {PATH: process.env['PATH'] ?? '', HOME: env['HOME'] ?? process.env['HOME'] ?? '/tmp', TZ: 'UTC', ...env},
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 60_000,
	});
	return {status: r.status, stdout: r.stdout, stderr: r.stderr};
}
