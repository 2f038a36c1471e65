// A tapes session whose file is gone: the Timeline still lists its messages with their tokens and costs (the
// index keeps those), says which file is missing where the text would be, and says the analytics that need
// the text are unavailable instead of showing zeros.
import fs from 'node:fs';
import path from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {plain, renderTimeline, tapesFixture} from './timeline-helpers.js';

const fixtures: Array<{close(): void}> = [];
afterAll(() => {
	cleanup();
	for (const f of fixtures) f.close();
});

describe('the Timeline of a tapes session whose file is gone', () => {
	it('lists the messages from the index and names the missing file instead of the text and the analytics', async () => {
		const tapes = await tapesFixture();
		fixtures.push(tapes);
		const file = tapes.ws.sources[0]!.path;
		fs.rmSync(file);
		const r = renderTimeline(tapes.services, tapes.id, {size: {columns: 160, rows: 40}});
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('pace   unavailable: '));
		const frame = plain(r.lastFrame());
		expect(frame).toContain(`unavailable: ${file}: file not found`);
		expect(frame).not.toContain('0 user · 0 assistant');
		expect(frame).toContain('text unavailable:');
		expect(frame).toContain(path.basename(file));
		// The rows: the three assistant turns' tokens (1,100 + 1,320 + 1,430), cost and tool, from the index.
		expect(frame).toMatch(/assistant ×3 .* 3\.9K +\$0\.01 Grep/);
	});
});
