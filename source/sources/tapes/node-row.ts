// One `nodes` row → CanonicalMessage. Rows are read with .raw() as positional tuples (no per-row
// object allocation by the driver); a hand-written type check passes the well-formed rows and zod
// only sees a row when some column has an unexpected type. Nothing here throws on bad data.
//
// Warning kinds (counted per batch): "content is not JSON", "content is not a JSON array" (both read
// as no blocks), "content block is not an object (skipped)", "content block has fields of the wrong
// type (coerced)", "<column> is not text|an integer (coerced)", "<column> has an unreadable value
// (read as empty|0)", and the two that drop a row: "row has no hash (skipped)", "created_at is not
// a timestamp (row skipped)". NULL columns are normal and read as '' / 0 / null without a warning.
import { lazySchema } from '../lazy-zod.js';
import type { CanonicalMessage, ToolCall, ToolResult } from '../../core/types.js';
import { parseTapesTimestamp } from '../../core/tapes-time.js';
import { implausibleTimestamp } from '../../core/time.js';
import { type ContentBlock, isUsableBlock, lenientBlockSchema } from './content-block.js';
import type { WarningTally } from '../../core/warning-tally.js';

/** Selected columns after the leading rowid, in tuple order. Optional ones may be selected as NULL. */
export const NODE_COLUMNS = [
	'hash',
	'parent_hash',
	'role',
	'content',
	'model',
	'provider',
	'agent_name',
	'project',
	'stop_reason',
	'prompt_tokens',
	'completion_tokens',
	'total_tokens',
	'cache_creation_input_tokens',
	'cache_read_input_tokens',
	'total_duration_ns',
	'created_at',
] as const;

/** Without these a table is not a tapes nodes table; the rest read as NULL when absent (older schemas). */
export const REQUIRED_COLUMNS = ['hash', 'parent_hash', 'role', 'content', 'created_at'] as const;

type Cell = unknown;
const FIRST_NUMBER = 10; // prompt_tokens
const LAST_NUMBER = 15; // total_duration_ns
const CREATED_AT = 16;

const decoder = new TextDecoder();
const cellSchemas = lazySchema((z) => ({
	strictText: z.union([z.string(), z.null()]),
	strictNumber: z.union([z.number(), z.null()]),
	textFromOther: z.union([
		z.union([z.number(), z.bigint()]).transform(String),
		z.instanceof(Uint8Array).transform((b) => decoder.decode(b)),
	]),
	numberFromOther: z.union([
		z.bigint().transform(Number),
		z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/).transform(Number),
	]),
}));

/** Fast path: every cell already has the type the schema gives it. */
function isWellTyped(row: Cell[]): boolean {
	if (typeof row[0] !== 'number' || typeof row[1] !== 'string') return false;
	for (let i = 2; i < FIRST_NUMBER; i++) {
		const v = row[i];
		if (v !== null && typeof v !== 'string') return false;
	}
	for (let i = FIRST_NUMBER; i <= LAST_NUMBER; i++) {
		const v = row[i];
		if (v !== null && typeof v !== 'number') return false;
	}
	return typeof row[CREATED_AT] === 'string';
}

/** Slow path: coerce each off-type cell with zod, counting what was coerced and what was dropped. */
function coerceRow(row: Cell[], tally: WarningTally): Cell[] {
	const out = row.slice();
	const { strictText, strictNumber, textFromOther, numberFromOther } = cellSchemas();
	// created_at is left alone: a number there has no known unit, so the row is counted and skipped.
	for (let i = 1; i < CREATED_AT; i++) {
		const column = NODE_COLUMNS[i - 1];
		const isNumber = i >= FIRST_NUMBER && i <= LAST_NUMBER;
		if ((isNumber ? strictNumber : strictText).safeParse(row[i]).success) continue;
		const coerced = (isNumber ? numberFromOther : textFromOther).safeParse(row[i]);
		if (coerced.success) {
			out[i] = coerced.data;
			tally.note(`${column} is not ${isNumber ? 'an integer' : 'text'} (coerced)`);
		} else {
			out[i] = null;
			tally.note(`${column} has an unreadable value (read as ${isNumber ? '0' : 'empty'})`);
		}
	}
	return out;
}

/**
 * Counts and durations out of range (negative, past 2^53, 1e302) read as unknown, counted, as the transcript
 * readers refuse them: one absurd row would otherwise make a cost negative or every total unpriced.
 */
function boundNumbers(row: Cell[], tally: WarningTally): Cell[] {
	let out = row;
	for (let i = FIRST_NUMBER; i <= LAST_NUMBER; i++) {
		const v = row[i];
		if (typeof v !== 'number' || (v >= 0 && v <= Number.MAX_SAFE_INTEGER)) continue;
		if (out === row) out = row.slice();
		out[i] = null;
		tally.note(`${NODE_COLUMNS[i - 1]} is out of range (read as ${i === LAST_NUMBER ? 'unknown' : '0'})`);
	}
	return out;
}

/** The row's content as an array of (not yet checked) blocks; anything else reads as no blocks. */
function parseContent(raw: string | null, tally: WarningTally): unknown[] {
	if (raw === null || raw === '') return [];
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		tally.note('content is not JSON');
		return [];
	}
	if (parsed === null) return [];
	if (!Array.isArray(parsed)) {
		tally.note('content is not a JSON array');
		return [];
	}
	return parsed;
}

/** Slow path for a block that failed isUsableBlock. */
function leniently(block: unknown, tally: WarningTally): ContentBlock | null {
	const read = lenientBlockSchema().safeParse(block);
	if (!read.success) {
		tally.note('content block is not an object (skipped)');
		return null;
	}
	tally.note('content block has fields of the wrong type (coerced)');
	return read.data;
}

const num = (v: Cell): number => (v as number | null) ?? 0;
const str = (v: Cell): string => (v as string | null) ?? '';

/** What a row's content says: its text, tool calls and tool results (the rest of a message is in its other columns). */
export function contentOf(raw: string | null, tally: WarningTally): Pick<CanonicalMessage, 'text' | 'toolCalls' | 'toolResults'> {
	let text = '';
	const toolCalls: ToolCall[] = [];
	const toolResults: ToolResult[] = [];
	for (const item of parseContent(raw, tally)) {
		const b = isUsableBlock(item) ? item : leniently(item, tally);
		if (b === null) continue;
		if (b.type === 'text') {
			if (b.text) text = text === '' ? b.text : `${text}\n${b.text}`;
		} else if (b.type === 'tool_use') {
			toolCalls.push({ id: b.tool_use_id ?? '', name: b.tool_name ?? '', args: b.tool_input ?? null });
		} else if (b.type === 'tool_result') {
			const content = b.tool_output ?? '';
			const isError = b.is_error === true;
			toolResults.push({
				id: b.tool_result_id ?? b.tool_use_id ?? '',
				name: '',
				content,
				error: isError ? content : '',
				isError,
				latencyMs: null,
			});
		}
	}
	return { text, toolCalls, toolResults };
}

/** Maps a raw row; null when the row cannot be placed (no hash, or no readable created_at). */
export function mapNodeRow(input: Cell[], tally: WarningTally): CanonicalMessage | null {
	const row = boundNumbers(isWellTyped(input) ? input : coerceRow(input, tally), tally);
	const hash = row[1];
	if (typeof hash !== 'string' || hash === '') {
		tally.note('row has no hash (skipped)');
		return null;
	}
	const timestamp = typeof row[CREATED_AT] === 'string' ? parseTapesTimestamp(row[CREATED_AT]) : null;
	if (timestamp === null) {
		tally.note('created_at is not a timestamp (row skipped)');
		return null;
	}
	if (implausibleTimestamp(timestamp)) {
		tally.note('created_at is before 1970 or after 9999, as Go\'s zero time 0001-01-01 (row skipped)');
		return null;
	}

	const {text, toolCalls, toolResults} = contentOf(row[4] as string | null, tally);

	const totalDurationNs = row[15] as number | null;
	return {
		id: hash,
		parentId: (row[2] as string | null) || null,
		role: str(row[3]),
		model: str(row[5]),
		provider: str(row[6]),
		agent: str(row[7]),
		project: str(row[8]),
		timestamp,
		text,
		toolCalls,
		toolResults,
		usage: {
			input: num(row[10]),
			output: num(row[11]),
			cacheWrite: num(row[13]),
			cacheWrite1h: 0,
			cacheRead: num(row[14]),
			total: row[12] as number | null,
		},
		stopReason: str(row[9]),
		latencyMs: totalDurationNs === null ? null : totalDurationNs / 1e6,
		recordedCost: null,
		validations: [],
		meta: null,
	};
}
