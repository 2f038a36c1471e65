// Runs the built CLI (dist/, built by `pretest`) as a user would, without a terminal.
import {spawnSync} from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');

export interface CliRun {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Who runs the CLI: `{}` is this process's user; see UNPRIVILEGED. */
export interface RunAs {
	uid?: number;
	gid?: number;
}

/**
 * A user that file modes apply to: root (as in CI) reads a mode-000 file anyway, so root runs the CLI as
 * nobody; the files it needs must then be open to everyone (see test/cli/bad-files-helpers.ts).
 */
export const UNPRIVILEGED: RunAs = process.getuid?.() === 0 ? {uid: 65534, gid: 65534} : {};

export function runCli(args: string[], env: Record<string, string> = {}, as: RunAs = {}): CliRun {
	const r = spawnSync(process.execPath, [CLI, ...args], {
		...as,
		encoding: 'utf8',
		env: {PATH: process.env['PATH'] ?? '', HOME: env['HOME'] ?? process.env['HOME'] ?? '/tmp', TZ: 'UTC', ...env},
		stdio: ['ignore', 'pipe', 'pipe'],
		// Room for a 5 MB export; past the default 1 MB, spawnSync kills the child mid-write.
		maxBuffer: 64 << 20,
		timeout: 60_000,
	});
	return {status: r.status, stdout: r.stdout, stderr: r.stderr};
}

/** Like runCli, but leaves the event loop free: needed when the test itself serves the CLI (a fake LLM). */
export async function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
	const {spawn} = await import('node:child_process');
	const child = spawn(process.execPath, [CLI, ...args], {
		env: {PATH: process.env['PATH'] ?? '', HOME: env['HOME'] ?? process.env['HOME'] ?? '/tmp', TZ: 'UTC', ...env},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
	child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
	const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
	return {status, stdout, stderr};
}
