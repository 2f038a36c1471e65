// The status bar's progress during a sync: a bar, done of total in the source's unit, the rate and the time
// left. The rate is measured from the run's first report, not from zero: a sync that resumes a killed import
// starts with most rows already done, and counting those as read this second would promise an early end.
import {formatDuration, groupDigits} from './format.js';

export interface ProgressSample {
	read: number;
	total: number;
	/** rows, files, sessions or messages. */
	unit: string;
	/** A monotonic clock's milliseconds. */
	atMs: number;
}

export const BAR_CELLS = 8;
/** A rate measured over less than this says more about the first commit than about the sync. */
export const MIN_RATE_MS = 1000;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of `cells` cells filled to `fraction` (0..1) in eighths of a cell. */
export function progressBar(fraction: number, cells = BAR_CELLS): string {
	const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
	const eighths = Math.floor(f * cells * 8);
	const full = Math.floor(eighths / 8);
	const part = EIGHTHS[eighths % 8]!;
	return `${'█'.repeat(full)}${part}${' '.repeat(cells - full - (part ? 1 : 0))}`;
}

/** Items a second between the first report of the run and this one; null until there is enough to say. */
export function progressRate(first: ProgressSample, now: ProgressSample): number | null {
	const ms = now.atMs - first.atMs;
	const done = now.read - first.read;
	if (ms < MIN_RATE_MS || done <= 0) return null;
	return (done * 1000) / ms;
}

/** Seconds while they matter (`<1s`, `42s`, `3m05s` under ten minutes), then the duration format (`12m`, `1h05m`). */
export function timeLeft(ms: number): string {
	if (ms < 1000) return '<1s';
	const seconds = Math.round(ms / 1000);
	if (seconds < 60) return `${seconds}s`;
	if (seconds < 600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
	return formatDuration(ms);
}

export function progressText(first: ProgressSample, now: ProgressSample): string {
	const parts = [`▕${progressBar(now.total > 0 ? now.read / now.total : 0)}▏ ${groupDigits(now.read)} / ${groupDigits(now.total)} ${now.unit}`];
	const rate = progressRate(first, now);
	if (rate !== null) {
		parts.push(`${rate >= 10 ? groupDigits(rate) : rate.toFixed(1)}/s`);
		const leftMs = ((now.total - now.read) / rate) * 1000;
		if (leftMs > 0) parts.push(`${timeLeft(leftMs)} left`);
	}
	return parts.join(' · ');
}
