// Number formatting for tables and headers (reference §4.9), pure strings so every view agrees.

/** Dollars without cents from $10,000 (`$10,615`): what fits a table cell; exact figures stay in reports. */
export function formatCostShort(value: number | null): string {
	if (value === null || !Number.isFinite(value) || Math.abs(value) < 10_000) return formatCost(value);
	return `${value < 0 ? '-' : ''}$${groupDigits(Math.abs(value))}`;
}

/** Dollars with cents; tiny non-zero costs read `<$0.01` rather than a misleading `$0.00`. */
export function formatCost(value: number | null): string {
	if (value === null || !Number.isFinite(value)) return 'unpriced';
	if (value < 0) return `-${formatCost(-value)}`;
	if (value > 0 && value < 0.005) return '<$0.01';
	return `$${value.toFixed(2)}`;
}

/** A cost to the cent, or to a hundredth of a cent below one: for documents that keep the exact figure. */
export function formatCostFine(value: number | null): string {
	if (value === null || !Number.isFinite(value)) return 'unpriced';
	if (value < 0) return `-${formatCostFine(-value)}`;
	if (value > 0 && value < 0.0001) return '<$0.0001';
	return `$${value.toFixed(value > 0 && value < 0.01 ? 4 : 2)}`;
}

/**
 * 1.2B, 1.2M, 3.4K or the integer. A value that would round to 1000.0K is shown as 1.0M (the reference
 * printed `1000.0K`), and one that would round to 1000.0M as 1.0B (a heavy month is billions of tokens).
 */
export function formatTokens(n: number): string {
	const abs = Math.abs(n);
	if (abs >= 1e9 || Math.abs(Number((n / 1e6).toFixed(1))) >= 1000) return `${(n / 1e9).toFixed(1)}B`;
	if (abs >= 1e6 || Math.abs(Number((n / 1e3).toFixed(1))) >= 1000) return `${(n / 1e6).toFixed(1)}M`;
	if (abs >= 1e3) return `${(n / 1e3).toFixed(1)}K`;
	return String(Math.round(n));
}

/** Like formatTokens without the M step (narrow columns that compare values side by side). */
export function formatTokensCompact(n: number): string {
	return Math.abs(n) >= 1000 ? `${(n / 1e3).toFixed(1)}K` : String(Math.round(n));
}

/** An integer with thousands separators: 1234567 → 1,234,567. */
export function groupDigits(n: number): string {
	return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Exact below 10,000 (`9,876 tok`), abbreviated above (`12.3K tok`). */
export function formatTokensDetail(n: number): string {
	return Math.abs(n) < 10_000 ? `${groupDigits(n)} tok` : `${formatTokens(n)} tok`;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * `1h05m`, `9m`, and seconds under a minute (`40s`; the reference printed `0m`, which hid short
 * sessions). Zero or negative is `0s`.
 */
export function formatDuration(ms: number): string {
	if (!(ms > 0)) return '0s';
	const hours = Math.floor(ms / HOUR_MS);
	const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS);
	if (hours > 0) return `${hours}h${String(minutes).padStart(2, '0')}m`;
	if (minutes > 0) return `${minutes}m`;
	return `${Math.floor(ms / 1000)}s`;
}

/** Whole minutes only (no hours): `0m`, `<1m`, `95m`. */
export function formatDurationMinutes(ms: number): string {
	if (!(ms > 0)) return '0m';
	if (ms < MINUTE_MS) return '<1m';
	return `${Math.floor(ms / MINUTE_MS)}m`;
}

/** A fraction as a whole percentage: 0.714 → `71%`. */
export function formatPercent(fraction: number): string {
	if (!Number.isFinite(fraction)) return '0%';
	return `${Math.round(fraction * 100) || 0}%`;
}

export interface Change {
	arrow: '▲' | '▼' | '→';
	text: string;
}

/**
 * Change from the previous period to the current one, as an arrow and a whole percentage of the
 * previous value. From zero to something has no percentage: `new`.
 */
export function formatChange(current: number, previous: number): Change {
	if (!Number.isFinite(current) || !Number.isFinite(previous)) return {arrow: '→', text: '—'};
	if (previous === 0) {
		if (current === 0) return {arrow: '→', text: '0%'};
		return {arrow: current > 0 ? '▲' : '▼', text: 'new'};
	}
	const percent = Math.round(((current - previous) / Math.abs(previous)) * 100);
	if (percent === 0) return {arrow: '→', text: '0%'};
	return {arrow: percent > 0 ? '▲' : '▼', text: `${Math.abs(percent)}%`};
}

/** `1 session`, `2 sessions`, `1,234 sessions`: a count with its noun in the right number. */
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
	return `${groupDigits(n)} ${n === 1 ? noun : nouns}`;
}

/**
 * A message that starts with an absolute path, with the path's folders left out (`/home/me/.claude/projects/x/a.jsonl:3: …`
 * → `a.jsonl:3: …`): a status line at 80 columns showed only the folders. Where the whole path is shown (the
 * problems overlay, stderr) it stays whole.
 */
export function withoutLeadingFolders(text: string): string {
	return text.replace(/^(?:[A-Za-z]:)?[\\/](?:[^\s:\\/]*[\\/])+(?=[^\s\\/])/, '');
}
