// How deep a parsed line nests. JSON.parse takes any depth, but JSON.stringify and String() recurse, so
// a line of 10,000 nested arrays would overflow the stack when its message is stored: such a line is
// turned away before any reader sees it. Real transcripts nest a few tens of levels.

/** Deepest nesting of arrays and objects a transcript line may have. */
export const MAX_JSON_DEPTH = 500;

/** True when arrays and objects in `value` nest deeper than `limit`; it never looks further down than that. */
export function nestedDeeper(value: unknown, limit = MAX_JSON_DEPTH): boolean {
	if (typeof value !== 'object' || value === null) return false;
	if (limit === 0) return true;
	if (Array.isArray(value)) {
		for (const item of value) if (nestedDeeper(item, limit - 1)) return true;
		return false;
	}
	for (const key in value) if (nestedDeeper((value as Record<string, unknown>)[key], limit - 1)) return true;
	return false;
}

/** A value nested `limit` deep takes at least 2 × limit characters: shorter lines need no walk. */
export const mayNestDeeper = (text: string, limit = MAX_JSON_DEPTH): boolean => text.length > 2 * limit;
