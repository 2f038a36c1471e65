// Finding the JSON object in a model's answer. Models wrap it in ```json fences, put prose around it,
// or write something brace-shaped that is not JSON before the real object; the reference took the
// text between the first `{` and the last `}`, which fails on the last two. This returns every
// top-level object that parses, in order, and leaves choosing among them to the schema.

const MAX_SCAN_CHARS = 100_000;
const MAX_STARTS = 200;

/** Index of the `}` closing the object that opens at `start`, honouring strings; -1 when unbalanced. */
function closingBrace(text: string, start: number): number {
	let depth = 0;
	let inString = false;
	for (let i = start; i < text.length; i++) {
		const c = text[i];
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') inString = true;
		else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return i;
	}
	return -1;
}

function parseObject(text: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(text);
		return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

/** Bodies of Markdown code fences (```json … ``` or plain ```), in order. */
function fenceBodies(text: string): string[] {
	const bodies: string[] = [];
	for (const m of text.matchAll(/```[a-zA-Z]*[ \t]*\r?\n?([\s\S]*?)```/g)) bodies.push(m[1] ?? '');
	return bodies;
}

/** Every JSON object the answer holds: the whole answer, fenced blocks, then balanced `{…}` spans. */
export function jsonObjectCandidates(answer: string): Array<Record<string, unknown>> {
	const text = answer.length > MAX_SCAN_CHARS ? answer.slice(0, MAX_SCAN_CHARS) : answer;
	const found: Array<Record<string, unknown>> = [];
	const whole = parseObject(text.trim());
	if (whole) return [whole];
	for (const body of fenceBodies(text)) {
		const obj = parseObject(body.trim());
		if (obj) found.push(obj);
	}
	let starts = 0;
	for (let i = text.indexOf('{'); i >= 0 && starts < MAX_STARTS; starts++) {
		const end = closingBrace(text, i);
		if (end < 0) break;
		const obj = parseObject(text.slice(i, end + 1));
		if (obj) {
			found.push(obj);
			i = text.indexOf('{', end + 1);
		} else {
			i = text.indexOf('{', i + 1);
		}
	}
	return found;
}
