// Timing helpers for the benchmarks: wall time of commands and in-process work, medians and percentiles.
import {spawnSync} from 'node:child_process';

export function timeCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
	const start = process.hrtime.bigint();
	const r = spawnSync(cmd, args, {env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30});
	const ms = Number(process.hrtime.bigint() - start) / 1e6;
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
	return ms;
}

export function median(values: number[]): number {
	return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[i]!;
}

/** Median of `runs` timings of a command, after one warm-up run. */
export function medianCommand(runs: number, cmd: string, args: string[], env?: NodeJS.ProcessEnv): number {
	timeCommand(cmd, args, env);
	return median(Array.from({length: runs}, () => timeCommand(cmd, args, env)));
}

/**
 * Medians of commands timed in turn, `runs` rounds after one warm-up round: a ratio of two of them then sees
 * the machine as it was for both (timed one block after the other, a noisy minute moved one and not the other).
 */
export function alternatingMedians(runs: number, commands: ReadonlyArray<{cmd: string; args: string[]; env?: NodeJS.ProcessEnv}>): number[] {
	for (const c of commands) timeCommand(c.cmd, c.args, c.env);
	const times = commands.map((): number[] => []);
	for (let i = 0; i < runs; i++) commands.forEach((c, k) => times[k]!.push(timeCommand(c.cmd, c.args, c.env)));
	return times.map(median);
}

export function fmt(ms: number): string {
	return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}
