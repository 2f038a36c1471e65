// JSON for reports. JSON.stringify escapes C0 controls but leaves DEL and the C1 controls (U+0080–U+009F)
// raw, and some terminals act on a raw U+009B as CSI; escaping them too keeps `--json` inert on a terminal
// while the parsed values stay exactly what the source held.
const UNESCAPED_CONTROLS = /[\u007f-\u009f]/g;
const ANY_UNESCAPED = /[\u007f-\u009f]/;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON.stringify, with the control characters it leaves raw written as \u escapes. */
export function toJson(value: unknown, indent?: number): string {
	const text = JSON.stringify(value, null, indent);
	// Outside strings JSON is plain ASCII, so every such character found is inside a string.
	return ANY_UNESCAPED.test(text) ? text.replace(UNESCAPED_CONTROLS, escape) : text;
}
