// The one sanitizer every string from a source or an LLM passes before it reaches the terminal.

// CSI (ESC [ or 0x9B ... final byte), OSC/DCS/APC/PM/SOS strings (terminated by BEL or ST), then any lone ESC pair.
const CSI = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g;
const STRINGS = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
const ESC_PAIR = /\u001b[\u0020-\u007e]?/g;
// C0 controls except \n and \t, DEL, and C1 controls.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes terminal control sequences and control characters; keeps newlines; expands tabs to `tabWidth` spaces. */
export function sanitize(text: string, tabWidth = 4): string {
	if (!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text)) return text;
	return text
		.replace(STRINGS, '')
		.replace(CSI, '')
		.replace(ESC_PAIR, '')
		.replace(/\r\n?/g, '\n')
		.replace(CONTROLS, '')
		.replace(/\t/g, ' '.repeat(tabWidth));
}

/** Sanitizes and folds onto one line, for table cells and labels. */
export function sanitizeLine(text: string): string {
	return sanitize(text).replace(/\s*\n\s*/g, ' ');
}
