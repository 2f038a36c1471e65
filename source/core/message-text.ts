// The text a timeline shows for one message (the reference's extractText).

import type {CanonicalMessage} from './types.js';

/**
 * What a message says: its text; for a message with no text (a tool-result turn), the tool results'
 * contents (or their error text); for a bare tool-call turn, one `tool call: <name>` line per call.
 */
export function displayText(m: CanonicalMessage): string {
	if (m.text.trim() !== '') return m.text;
	const results = m.toolResults
		.map((result) => (result.content !== '' ? result.content : result.error))
		.filter((content) => content !== '');
	if (results.length > 0) return results.join('\n');
	return m.toolCalls.map((call) => `tool call: ${call.name}`).join('\n');
}
