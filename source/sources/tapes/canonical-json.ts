// JSON serializers that reproduce what tapes writes.
//
// - `canonicalJson` is RFC 8785 (JCS): keys sorted by UTF-16 code units, no whitespace, ECMAScript
//   number formatting. tapes hashes nodes over it (Go encoding/json/v2).
// - `goJson` is what the `bucket` and `content` columns hold: Go's encoding/json re-marshalling a map,
//   so keys are sorted too and `<`, `>`, `&`, U+2028 and U+2029 are escaped as \u00XX / \u20XX.

function serialize(value: unknown, out: string[]): void {
	if (value === null) {
		out.push('null');
		return;
	}
	switch (typeof value) {
		case 'boolean':
			out.push(value ? 'true' : 'false');
			return;
		case 'number':
			// JCS number form is ECMAScript Number::toString, which JSON.stringify uses for finite values.
			if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold ${value}`);
			out.push(JSON.stringify(value));
			return;
		case 'string':
			out.push(JSON.stringify(value));
			return;
		case 'object':
			break;
		default:
			throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
	}
	if (Array.isArray(value)) {
		out.push('[');
		value.forEach((item, i) => {
			if (i > 0) out.push(',');
			// Like JSON.stringify, an undefined array slot is null.
			serialize(item === undefined ? null : item, out);
		});
		out.push(']');
		return;
	}
	const record = value as Record<string, unknown>;
	// Default sort compares UTF-16 code units, which is the order RFC 8785 asks for.
	const keys = Object.keys(record)
		.filter((k) => record[k] !== undefined)
		.sort();
	out.push('{');
	keys.forEach((key, i) => {
		if (i > 0) out.push(',');
		out.push(JSON.stringify(key), ':');
		serialize(record[key], out);
	});
	out.push('}');
}

/** RFC 8785 canonical JSON of a JSON-compatible value (undefined object members are left out). */
export function canonicalJson(value: unknown): string {
	const out: string[] = [];
	serialize(value, out);
	return out.join('');
}

const GO_ESCAPES: Record<string, string> = {
	'<': '\\u003c',
	'>': '\\u003e',
	'&': '\\u0026',
	'\u2028': '\\u2028',
	'\u2029': '\\u2029',
};

/** Sorted-key JSON with Go's HTML-safe escaping, as tapes stores `bucket` and `content`. */
export function goJson(value: unknown): string {
	// The escaped characters can only occur inside string literals, so a global replace is safe.
	return canonicalJson(value).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c] ?? c);
}
