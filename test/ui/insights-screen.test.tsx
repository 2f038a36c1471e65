// The Insights screen on the demo with the heuristic worker: `i` opens it over the list's filters and
// period, charts with labels and descriptions, coverage, providers (the heuristic labelled), recent
// summaries that open their session, failures with their reasons, and an 80×24 frame that fits.
import {cleanup} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createFacetsRepo} from '../../source/store/facets-repo.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {initialFilterState, queryFilters} from '../../source/core/screens/sessions-filters.js';
import {stringWidth} from '../../source/terminal/width.js';
import {NOW, demo, effectsFlushed, inputReady, press, renderApp, type Demo} from './helpers/explorer.js';
import {HEURISTIC, withInsights} from './insights-helpers.js';

let d: Demo;
let stop: (() => Promise<void>) | null = null;
beforeEach(async () => {
	d = await demo();
});
afterEach(async () => {
	cleanup();
	await stop?.();
	stop = null;
	d.close();
});

async function opened(initial = initialFilterState(DEFAULT_FILTERS, 'all'), size?: {columns: number; rows: number}, before?: () => void) {
	const w = await withInsights(d, HEURISTIC);
	stop = async () => w.insights.worker?.stop();
	const r = renderApp(w.services, initial, size);
	// The heuristic pass over the 67 demo sessions takes a moment on a loaded machine.
	await vi.waitFor(() => expect(r.lastFrame()).toContain('insights 67/67 ✓'), {timeout: 20_000});
	await inputReady(r.stdin);
	before?.();
	press(r.stdin, 'i');
	await vi.waitFor(() => expect(r.lastFrame()).toContain('GOAL CATEGORIES'));
	// The screen's input handler subscribes in an effect just after its first frame.
	await effectsFlushed();
	return {...w, r};
}

describe('insights screen', () => {
	it('draws the distributions as labelled bars with descriptions, coverage and who made the facets', async () => {
		const {r, services} = await opened();
		const a = services.insights.aggregate(DEFAULT_FILTERS);
		const frame = r.lastFrame()!;
		expect(frame).toContain('tapedeck › Insights');
		expect(frame).toContain('67/67 sessions (100%) have a current facet');
		expect(frame).toContain('facets by heuristic rules 67');
		for (const title of ['GOAL CATEGORIES', 'OUTCOMES', 'SESSION TYPES', 'FRICTION']) expect(frame).toContain(title);
		const top = a.goals[0]!;
		expect(frame).toMatch(new RegExp(`${top.label.replace(/[/]/g, '\\/')}\\s+█+░*\\s+${top.count}\\s+\\d+%`));
		expect(frame).toContain(top.description);
		expect(frame).toContain(`+${a.goals.length - 5} more (e)`);
		press(r.stdin, 'e');
		await vi.waitFor(() => expect(r.lastFrame()).not.toContain('more (e)'));
	});

	it('lists recent summaries, opens the one under the cursor, and comes back to it', async () => {
		const {r, services} = await opened();
		const recent = services.insights.aggregate(DEFAULT_FILTERS).recent;
		press(r.stdin, 'tab');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('RECENT SUMMARIES (1/10)'));
		expect(r.lastFrame()).toContain('heuristic (rules, not an LLM)');
		press(r.stdin, 'j', 'j');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('RECENT SUMMARIES (3/10)'));
		expect(r.lastFrame()!.split('\n').find((l) => l.startsWith('›'))).toContain(recent[2]!.underlyingGoal.slice(0, 30));
		press(r.stdin, 'enter');
		// The session's own screen (the Timeline) shows its ID.
		await vi.waitFor(() => expect(r.lastFrame()).toContain(recent[2]!.sessionId.slice(0, 8)));
		expect(r.lastFrame()).not.toContain('RECENT SUMMARIES');
		await effectsFlushed();
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('RECENT SUMMARIES (3/10)'));
		await effectsFlushed();
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		expect(r.lastFrame()).not.toContain('GOAL CATEGORIES');
	});

	it('e lists every summary of the selection, newest first, and back to the newest ten', async () => {
		const {r, services} = await opened();
		const all = services.insights.aggregate(DEFAULT_FILTERS, true).recent;
		expect(all).toHaveLength(67);
		expect(all.slice(0, 10)).toEqual(services.insights.aggregate(DEFAULT_FILTERS).recent);
		press(r.stdin, 'tab');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('RECENT SUMMARIES (1/10)'));
		expect(r.lastFrame()).toContain('e lists all 67');
		press(r.stdin, 'e');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('ALL SUMMARIES (1/67)'));
		// The list's new length reaches the reducer in an effect just after that frame.
		await effectsFlushed();
		press(r.stdin, 'G');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('ALL SUMMARIES (67/67)'));
		expect(r.lastFrame()!.split('\n').find((l) => l.startsWith('›'))).toContain(all[66]!.underlyingGoal.slice(0, 30));
		press(r.stdin, 'e');
		// Back to the newest ten: the cursor stays in the list, on its last row.
		await vi.waitFor(() => expect(r.lastFrame()).toContain('RECENT SUMMARIES (10/10)'));
	});

	it('applies the list\'s filters and period, and cycles the period itself', async () => {
		const {r, services} = await opened(initialFilterState(DEFAULT_FILTERS, '7d'));
		const count = (period: '7d' | '30d') => services.insights.aggregate(queryFilters(initialFilterState(DEFAULT_FILTERS, period), NOW)).coverage.sessions;
		expect(count('7d')).toBeLessThan(67);
		expect(r.lastFrame()).toContain(`${count('7d')}/${count('7d')} sessions (100%)`);
		expect(r.lastFrame()).toContain(`${count('7d')} of 67 sessions`);
		press(r.stdin, 'p');
		await vi.waitFor(() => expect(r.lastFrame()).toContain(`${count('30d')}/${count('30d')} sessions (100%)`));
		expect(r.lastFrame()).toContain('[30d]');
	});

	it('shows the worker, the providers and each failure with its reason', async () => {
		const victim = d.services.sessions.page(DEFAULT_FILTERS, 0, 1)[0]!;
		const {r} = await opened(undefined, undefined, () => {
			// A failure shows while the session has no current facet (a later success supersedes it).
			d.ws.store.db.prepare('DELETE FROM facets WHERE session_id = ?').run(victim.id);
			createFacetsRepo(d.ws.store.db).recordFailure({
				sessionId: victim.id, provider: 'openai', model: 'gpt-4o-mini', promptVersion: 'x', messagesSeen: 1,
				reason: 'no valid answer in 3 attempts: goal_category: "cooking" is not one of …', attempts: 3, retries: 0,
				inputTokens: 10, outputTokens: 5, costUsd: 0, failedMs: NOW,
			});
		});
		press(r.stdin, 'tab', 'tab');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('FAILURES (1/1)'));
		const frame = r.lastFrame()!;
		expect(frame).toContain('up to date with heuristic: 67/67 sessions');
		expect(frame).toContain('66/67 sessions (99%) have a current facet · 1 failed · 1 without a facet');
		expect(frame).toContain('labelled "heuristic" wherever shown');
		expect(frame).toContain('"cooking" is not one of');
		expect(frame).toContain('openai/gpt-4o-mini · 3 attempts');
	});

	it('fits 80×24 on every tab and in its help', async () => {
		const size = {columns: 80, rows: 24};
		const {r} = await opened(undefined, size);
		for (const step of ['', 'tab', 'tab', '?']) {
			if (step) press(r.stdin, step);
			await vi.waitFor(() => expect(r.lastFrame()).toContain(step === '?' ? 'Keys' : step ? 'Insights' : 'GOAL'));
			const lines = r.lastFrame()!.split('\n');
			expect(lines.length).toBe(23);
			for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(80);
		}
		expect(r.lastFrame()).toContain("open the session's timeline");
	});
});
