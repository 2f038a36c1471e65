// RFC 4180 CSV: fields with commas, quotes or newlines are quoted, quotes doubled. CSV has no escape for
// control characters and is often read on a terminal, so text passes the sanitizer first (newlines stay).
import {sanitize} from '../core/sanitize.js';

export function csvField(value: string | number | boolean | null): string {
	if (value === null) return '';
	const text = typeof value === 'string' ? sanitize(value) : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
	return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}
