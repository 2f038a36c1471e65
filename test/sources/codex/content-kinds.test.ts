// Codex rollout items beyond messages and tool calls: reasoning summaries, aborted turns, images, and
// apply_patch outputs that report a failure in words (fixtures shaped after codex 0.1xx rollouts).
import {describe, expect, it} from 'vitest';
import {createCodexParser} from '../../../source/sources/codex/parser.js';

const ID = '019e9625-802f-7e91-840a-cfe88d14117a';

function run(lines: unknown[]) {
	const p = createCodexParser({path: `/c/sessions/2026/06/05/rollout-2026-06-05T10-28-20-${ID}.jsonl`, kind: 'lines', group: 0}, null, {size: 1, mtimeMs: 0});
	const problems = lines.map((l, i) => p.accept(l, i + 1));
	return {out: p.drain(true), problems};
}
const item = (ts: string, payload: object) => ({timestamp: ts, type: 'response_item', payload});

describe('Codex content besides messages', () => {
	it('keeps reasoning summaries (with the size of the encrypted reasoning) and aborted turns', () => {
		const {out, problems} = run([
			{timestamp: '2026-06-05T04:58:20Z', type: 'session_meta', payload: {id: ID, cwd: '/w/app'}},
			item('2026-06-05T04:58:21Z', {type: 'reasoning', summary: [{type: 'summary_text', text: '**Planning** the change'}], content: null, encrypted_content: 'gAAAA'.repeat(10)}),
			{timestamp: '2026-06-05T04:58:30Z', type: 'event_msg', payload: {type: 'turn_aborted', reason: 'interrupted'}},
		]);
		expect(problems.every((p) => p === null)).toBe(true);
		expect(out.messages.map((m) => [m.message.role, m.message.parts])).toEqual([
			['assistant', [{kind: 'reasoning', text: '**Planning** the change', size: 50}]],
			['system', [{kind: 'aborted', text: 'turn aborted: interrupted'}]],
		]);
		expect(out.messages[1]!.message.text).toBe('— turn aborted (interrupted) —');
	});

	it('counts an apply_patch verification failure as a failed tool call, and keeps an image as a marker', () => {
		const {out} = run([
			{timestamp: '2026-06-05T04:58:20Z', type: 'session_meta', payload: {id: ID, cwd: '/w/app'}},
			item('2026-06-05T04:58:21Z', {type: 'message', role: 'user', content: [{type: 'input_text', text: 'Fix it'}, {type: 'input_image', image_url: 'data:…'}]}),
			item('2026-06-05T04:58:22Z', {type: 'custom_tool_call', name: 'apply_patch', call_id: 'c1', input: '*** Begin Patch'}),
			item('2026-06-05T04:58:23Z', {type: 'custom_tool_call_output', call_id: 'c1', output: 'apply_patch verification failed: Failed to find expected lines in src/a.ts'}),
		]);
		expect(out.messages[0]!.message.text).toBe('Fix it\n[image]');
		const result = out.messages[2]!.message.toolResults[0]!;
		expect(result).toMatchObject({name: 'apply_patch', isError: true, error: 'apply_patch verification failed: Failed to find expected lines in src/a.ts'});
	});
});
