// The Claude Code line prefilter: lines without usage or text are passed by unparsed, whether the writer
// put a space after the colon or not.
import {describe, expect, it} from 'vitest';
import {claudeAdapter} from '../../../source/sources/claude-code/discover.js';
import {codexAdapter} from '../../../source/sources/codex/discover.js';

const skips = (adapter: {skipLine?: (b: Buffer, s: number, e: number) => boolean}, line: string) => {
	const buf = Buffer.from(`${line}\n`);
	return adapter.skipLine!(buf, 0, buf.length - 1);
};

describe('line prefilters, compact and spaced', () => {
	it.each([
		['{"type":"progress","data":{}}', true],
		['{"type": "progress", "data": {}}', true],
		['{"parentUuid": null, "type": "file-history-snapshot", "snapshot": {}}', true],
		['{"type":"user","message":{"role":"user","content":"hi"}}', false],
		['{"type": "user", "message": {"role": "user", "content": "hi"}}', false],
		['{"type": "assistant", "message": {"type": "message"}}', false],
	])('claude %s → skipped %s', (line, want) => {
		expect(skips(claudeAdapter, line)).toBe(want);
	});

	it.each([
		['{"timestamp":"t","type":"event_msg","payload":{"type":"token_count"}}', false],
		['{"timestamp": "t", "type": "event_msg", "payload": {"type": "agent_message"}}', true],
		['{"timestamp": "t", "type": "event_msg", "payload": {"type": "turn_aborted"}}', false],
		['{"timestamp": "t", "type": "response_item", "payload": {"type": "message"}}', false],
	])('codex %s → skipped %s', (line, want) => {
		expect(skips(codexAdapter, line)).toBe(want);
	});
});
