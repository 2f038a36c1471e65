// tapes token counts out of range (negative, past 2^53, 1e302) are read as 0 with a counted warning, as
// the transcript readers do: no negative cost, no total turned "unpriced" by one absurd row.
import {describe, expect, it} from 'vitest';
import {syncFixture} from '../../helpers/workspace.js';
import {DEFAULT_FILTERS} from '../../../source/core/types.js';

describe('tapes token counts', () => {
	it('out of range are read as 0 and counted', async () => {
		const {ws, synced} = await syncFixture([
			{id: 'u1', text: 'hello'},
			{id: 'a1', parent: 'u1', role: 'assistant', text: 'ok', model: 'claude-sonnet-4-5', tokens: {in: 1000, out: 100}, raw: {prompt_tokens: -100_000_000}},
			{id: 'u2', parent: 'a1', text: 'again'},
			{id: 'a2', parent: 'u2', role: 'assistant', text: 'ok', model: 'claude-sonnet-4-5', tokens: {in: 1000, out: 100}, raw: {completion_tokens: 1e302, total_duration_ns: -5}},
			{id: 'u3', text: 'another'},
			{id: 'a3', parent: 'u3', role: 'assistant', text: 'fine', model: 'claude-sonnet-4-5', tokens: {in: 1000, out: 100}},
		]);
		const sessions = ws.queries.list({...DEFAULT_FILTERS, sort: 'date', sortDir: 'asc'});
		expect(sessions).toHaveLength(2);
		for (const s of sessions) {
			expect(s.totalCost).not.toBeNull();
			expect(s.totalCost!).toBeGreaterThanOrEqual(0);
			expect(s.inputTokens).toBeGreaterThanOrEqual(0);
			expect(s.outputTokens).toBeLessThan(1e6);
		}
		const messages = synced.summaries[0]!.warnings.map((w) => `${w.message} ×${w.count}`);
		expect(messages).toContain('prompt_tokens is out of range (read as 0) ×1');
		expect(messages).toContain('completion_tokens is out of range (read as 0) ×1');
		expect(messages).toContain('total_duration_ns is out of range (read as unknown) ×1');
		ws.close();
	});
});
