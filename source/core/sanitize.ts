// The one sanitizer every string bound for a terminal, a table, CSV, Markdown or stderr passes. The
// writers and components that render call it (Segments, fit/cut, the text table, the CSV field, the CLI's
// stdout and stderr writers), so a new call site cannot forget it; calling it again is harmless.

// CSI (ESC [ or 0x9B ... final byte), OSC/DCS/APC/PM/SOS strings (terminated by BEL or ST; one left open,
// say by a cut, ends at the line's end so the text after it survives), then any lone ESC pair.
const CSI = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g;
const STRINGS = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|(?=\n)|$)/g;
const ESC_PAIR = /\u001b[\u0020-\u007e]?/g;
// C0 controls except \n and \t, DEL, and C1 controls.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/**
 * Invisible format characters that reorder or hide text ("Trojan Source"): bidi embeddings, overrides and
 * isolates, the directional marks, zero-width space, word joiner and invisible operators, the BOM, the
 * Mongolian vowel separator, interlinear annotations and Unicode tags (which smuggle hidden ASCII). The
 * zero-width joiner and non-joiner stay: emoji sequences and several scripts need them.
 */
export const INVISIBLE = /[\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/g;
const INVISIBLE_ONE = /[\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]|\udb40[\udc00-\udc7f]/;
const ANY_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** Shown where an invisible format character stood, so reordering or hidden text cannot pass unseen. */
export const INVISIBLE_MARK = '⸮';

/**
 * Removes terminal control sequences and control characters; keeps newlines; expands tabs to `tabWidth`
 * spaces; replaces invisible format characters with a visible mark.
 */
export function sanitize(text: string, tabWidth = 4): string {
	let out = text;
	if (ANY_CONTROL.test(out)) {
		out = out
			.replace(STRINGS, '')
			.replace(CSI, '')
			.replace(ESC_PAIR, '')
			.replace(/\r\n?/g, '\n')
			.replace(CONTROLS, '')
			.replace(/\t/g, ' '.repeat(tabWidth));
	}
	return INVISIBLE_ONE.test(out) ? out.replace(INVISIBLE, INVISIBLE_MARK) : out;
}

/** Sanitizes and folds onto one line, for table cells and labels. */
export function sanitizeLine(text: string): string {
	const clean = sanitize(text);
	return clean.includes('\n') ? clean.replace(/\s*\n\s*/g, ' ') : clean;
}
