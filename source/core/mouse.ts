// SGR mouse reports (modes 1000 + 1006): `ESC [ < b ; x ; y M` for a press, `… m` for a release. Ink reads
// a whole report as one key whose input is the report without its ESC (`[<0;12;5M`); a report split across
// two reads with a timer turn between comes as the start (`[<0;1`, which Ink gave up waiting on) and then
// the rest as plain text (`2;5Mjk`, with any keys typed after it). The reader turns these into mouse events
// and hands back only the keys, so mouse bytes never reach a screen as keys.

export type MouseButton = 'left' | 'middle' | 'right' | 'none';

export type MouseEvent =
	| {kind: 'wheel'; direction: 'up' | 'down'; x: number; y: number}
	| {kind: 'press' | 'release' | 'drag'; button: MouseButton; x: number; y: number};

/** Coordinates are 0-based cells: column x from the left, line y from the top of the terminal. */
export interface ModifiedMouseEvent {
	event: MouseEvent;
	shift: boolean;
	meta: boolean;
	ctrl: boolean;
}

const BUTTONS: readonly MouseButton[] = ['left', 'middle', 'right', 'none'];

/** Terminals report at most a few thousand cells; a longer number is not a report. */
const MAX_DIGITS = 5;

const REPORT = new RegExp(`^\\[<(\\d{1,${MAX_DIGITS}});(\\d{1,${MAX_DIGITS}});(\\d{1,${MAX_DIGITS}})([Mm])`);
/** The start of a report that a later read may finish. */
const PREFIX = new RegExp(`^\\[<(\\d{0,${MAX_DIGITS}})(;(\\d{0,${MAX_DIGITS}})(;(\\d{0,${MAX_DIGITS}}))?)?$`);
/** A complete control sequence that starts like a report (`[<` then parameters, then a final byte). */
const CSI_LIKE = /^\[<[\d;:]+[\x20-\x2f]*[\x40-\x7e]/;

/** One whole report (without its ESC), or null when the text is not exactly one. */
export function parseMouse(text: string): ModifiedMouseEvent | null {
	const m = REPORT.exec(text);
	if (!m || m[0].length !== text.length) return null;
	return decode(Number(m[1]), Number(m[2]), Number(m[3]), m[4] === 'm');
}

function decode(code: number, column: number, line: number, released: boolean): ModifiedMouseEvent | null {
	// Cells are 1-based on the wire; 0 is not a cell.
	if (column < 1 || line < 1) return null;
	const x = column - 1;
	const y = line - 1;
	const modifiers = {shift: (code & 4) !== 0, meta: (code & 8) !== 0, ctrl: (code & 16) !== 0};
	const low = code & 3;
	if (code & 64) {
		// Wheel: 64 up, 65 down; 66 and 67 are the horizontal wheel, which no list here scrolls.
		if (low > 1 || code & 128) return null;
		return {event: {kind: 'wheel', direction: low === 0 ? 'up' : 'down', x, y}, ...modifiers};
	}
	if (code & 128) return null;
	const button = BUTTONS[low]!;
	const kind = code & 32 ? 'drag' : released ? 'release' : 'press';
	return {event: {kind, button, x, y}, ...modifiers};
}

export interface MouseRead {
	/** Mouse events found in this read, in order. */
	events: ModifiedMouseEvent[];
	/** What is left for the screens as keys ('' when the read was all mouse). */
	keys: string;
}

/**
 * A reader of Ink's key inputs that keeps the start of a split report until the next read. Pure: it holds
 * only that start. Garbage (`[<` and a control sequence that is no report, or a start that the next read
 * does not finish) is dropped, not passed on as keys.
 */
export class MouseReader {
	private pending = '';

	/** Whether a report's start waits for the rest. */
	get waiting(): boolean {
		return this.pending !== '';
	}

	read(input: string): MouseRead {
		if (this.pending) {
			const joined = this.pending + input;
			this.pending = '';
			const m = REPORT.exec(joined);
			if (m) {
				const event = decode(Number(m[1]), Number(m[2]), Number(m[3]), m[4] === 'm');
				return {events: event ? [event] : [], keys: joined.slice(m[0].length)};
			}
			if (PREFIX.test(joined)) {
				this.pending = joined;
				return {events: [], keys: ''};
			}
			// The start was never finished: it is dropped, and this read is read afresh.
		}
		if (!input.startsWith('[<')) return {events: [], keys: input};
		const whole = parseMouse(input);
		if (whole) return {events: [whole], keys: ''};
		if (PREFIX.test(input)) {
			this.pending = input;
			return {events: [], keys: ''};
		}
		const m = REPORT.exec(input);
		if (m) {
			const event = decode(Number(m[1]), Number(m[2]), Number(m[3]), m[4] === 'm');
			return {events: event ? [event] : [], keys: input.slice(m[0].length)};
		}
		const csi = CSI_LIKE.exec(input);
		if (csi) return {events: [], keys: input.slice(csi[0].length)};
		return {events: [], keys: input};
	}
}
