// Session labels from user prompts (reference §2.4). A label is stored whole: each view fits it to its
// own width (the reference cut it to 36 characters when stored, which cut --json, CSV and titles too).
import {isHarnessLine, removeWrappers} from './label-wrappers.js';

const LABEL_PROMPTS = 3;
const FALLBACK_ID_LENGTH = 12;
const TAG_LINE = /^<.*>$/;

/**
 * Remove every `<tag>…</tag>` section. An opening tag without a closing one cuts the text there,
 * because harness-injected blocks (system reminders) run to the end when unclosed. Result is trimmed.
 */
export function stripTaggedSection(text: string, tag: string): string {
	const open = `<${tag}>`;
	const close = `</${tag}>`;
	let out = text;
	for (;;) {
		const start = out.indexOf(open);
		if (start < 0) break;
		const end = out.indexOf(close, start + open.length);
		if (end < 0) {
			out = out.slice(0, start);
			break;
		}
		out = (out.slice(0, start) + out.slice(end + close.length)).trim();
	}
	return out.trim();
}

/** A user message's text without what agents wrap around it (reminders, command output, IDE context; see label-wrappers.ts). */
export function labelText(text: string): string {
	return removeWrappers(text.trim(), stripTaggedSection);
}

/**
 * The first line that reads like a prompt: non-empty, not a lone tag line (`<command-name>…`), and
 * not a slash-command echo starting with `command:`. '' when there is none.
 */
export function firstLabelLine(text: string): string {
	// Line by line with indexOf: splitting a long pasted prompt whole to read its first lines cost more.
	for (let start = 0; start <= text.length;) {
		const nl = text.indexOf('\n', start);
		const end = nl < 0 ? text.length : nl;
		const trimmed = text.slice(start, end).trim();
		start = end + 1;
		if (trimmed === '' || TAG_LINE.test(trimmed) || isHarnessLine(trimmed)) continue;
		if (trimmed.toLowerCase().startsWith('command:')) continue;
		return trimmed;
	}
	return '';
}

/**
 * Cut `text` to `n` characters (code points), ending in `...` when cut and n > 3. Counting code points
 * fixes the reference, which cut bytes and could split a UTF-8 character.
 */
export function truncate(text: string, n: number): string {
	if (n <= 0) return '';
	// Fast path: a string no longer than n UTF-16 units has at most n code points.
	if (text.length <= n) return text;
	const chars = Array.from(text);
	if (chars.length <= n) return text;
	if (n <= 3) return chars.slice(0, n).join('');
	return `${chars.slice(0, n - 3).join('')}...`;
}

/**
 * A session label: the last 3 non-empty prompt lines in chronological order, joined with ' / ', whole.
 * Without prompts: the first 9 characters of the ID and `...`.
 */
export function buildLabel(userLabelLines: readonly string[], fallbackId: string): string {
	const lines = userLabelLines.map((line) => line.trim()).filter((line) => line !== '');
	if (lines.length === 0) return truncate(fallbackId, FALLBACK_ID_LENGTH);
	return lines.slice(-LABEL_PROMPTS).join(' / ');
}

/** The label as a grouping key: lowercase, trimmed, runs of whitespace collapsed to one space. */
export function normalizeSessionLabel(s: string): string {
	return s.toLowerCase().split(/\s+/).filter((word) => word !== '').join(' ');
}
