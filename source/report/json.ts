// The one JSON writer. JSON.stringify escapes C0 controls but leaves DEL, the C1 controls (U+0080–U+009F)
// and the invisible format characters (bidi overrides and the like) raw; some terminals act on a raw U+009B
// as CSI, and a raw U+202E reorders what the terminal shows. Escaping them too keeps `--json` inert on a
// terminal while the parsed values stay exactly what the source held.
import {INVISIBLE} from '../core/sanitize.js';

const UNESCAPED = new RegExp(`[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f]|${INVISIBLE.source}`, 'g');
const ANY_UNESCAPED = new RegExp(UNESCAPED.source);

const escape = (s: string) => [...s].map((c) => {
	const code = c.codePointAt(0)!;
	if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
	const v = code - 0x10000;
	return `\\u${(0xd800 + (v >> 10)).toString(16)}\\u${(0xdc00 + (v & 0x3ff)).toString(16)}`;
}).join('');

/**
 * Escapes what JSON.stringify leaves raw. Outside strings JSON is ASCII with newlines and spaces, so every
 * such character found is inside a string (a tab there would be an invalid raw control anyway): applied to
 * any piece of JSON text, it changes no value.
 */
export function escapeJsonText(text: string): string {
	return ANY_UNESCAPED.test(text) ? text.replace(UNESCAPED, escape) : text;
}

/** JSON.stringify, with the characters it leaves raw written as \u escapes. */
export function toJson(value: unknown, indent?: number): string {
	return escapeJsonText(JSON.stringify(value, null, indent));
}

/**
 * JSON text whose every piece this writer made (`toJson`, or a session's JSON rendered by it when stored):
 * the CLI edge writes it as it is. Its second pass over a 40 MB report found nothing to escape and cost
 * a tenth of a warm `sessions --json`. A piece may be that text's UTF-8 bytes (rows copied out of the index).
 */
export class EscapedJson implements Iterable<string | Uint8Array> {
	constructor(private readonly pieces: Iterable<string | Uint8Array>) {}
	[Symbol.iterator](): Iterator<string | Uint8Array> {
		return this.pieces[Symbol.iterator]();
	}
}
