// The Sessions footer names Space/→ (subagents) only where it does something: a list on screen with a
// parent (▸) or a subagent (↳) in it. The demo has none; the Claude Code fixture has a parent and its subagent.
import {cleanup} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {demo, renderSessions, type Demo} from './helpers/explorer.js';
import {transcriptFixture} from './timeline-helpers.js';

let d: Demo;
let t: Awaited<ReturnType<typeof transcriptFixture>>;
beforeAll(async () => {
	d = await demo();
	t = await transcriptFixture();
});
afterEach(() => cleanup());
afterAll(() => {
	d.close();
	t.close();
});

const footer = (frame: string | undefined) => (frame ?? '').split('\n').at(-1) ?? '';

describe('Sessions footer: the subagents hint', () => {
	it('is left out when no session on screen has subagents (was: Space/→ subagents on the demo)', async () => {
		const r = renderSessions(d.services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		expect(footer(r.lastFrame())).toContain('Enter open');
		expect(footer(r.lastFrame())).not.toContain('subagents');
	});

	it('shows while a parent is on screen', async () => {
		const r = renderSessions(t.services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('▸'));
		expect(footer(r.lastFrame())).toContain('Space/→ subagents');
	});
});
