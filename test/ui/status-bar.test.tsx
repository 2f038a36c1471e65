// The status bar on every screen: sources, sync state with a spinner, the facet worker's slot, filters,
// "n of N sessions", and warnings or failures (which never go to stdout or stderr).
import {cleanup} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {createValueStore} from '../../source/ui/services/value-store.js';
import {IDLE_SYNC, type ExplorerServices, type SyncSnapshot} from '../../source/ui/services/types.js';
import {SPINNER_FRAMES} from '../../source/ui/hooks/use-spinner.js';
import {demo, inputReady, press, renderApp, type Demo} from './helpers/explorer.js';

let d: Demo;
beforeAll(async () => {
	d = await demo();
});
afterEach(() => cleanup());
afterAll(() => d.close());

function withStores() {
	const sync = createValueStore<SyncSnapshot>(IDLE_SYNC, 0);
	const facets = createValueStore<string | null>(null, 0);
	const services: ExplorerServices = {...d.services, sync, facets};
	return {services, sync, facets};
}

const statusLine = (frame: string | undefined) => (frame ?? '').split('\n').at(-2) ?? '';

describe('status bar', () => {
	it('shows the sources, the last sync time, and the sessions shown of all', async () => {
		const {services, sync} = withStores();
		const r = renderApp(services);
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).toContain('not synced yet'));
		expect(statusLine(r.lastFrame())).toMatch(/^ tapes …\/tapedeck-ui/);
		sync.set({...IDLE_SYNC, lastSyncMs: Date.UTC(2026, 10, 21, 9, 5, 7)});
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).toContain('synced 09:05:07'));
		expect(statusLine(r.lastFrame())).toMatch(/67 of 67 sessions\s*$/);
	});

	it('spins while syncing and shows its progress', async () => {
		const {services, sync} = withStores();
		const r = renderApp(services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67'));
		await inputReady(r.stdin);
		sync.set({...IDLE_SYNC, syncing: true, progress: '412 / 990 rows'});
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).toContain('syncing 412 / 990 rows'));
		const first = statusLine(r.lastFrame());
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).not.toBe(first));
		expect(SPINNER_FRAMES.some((f) => statusLine(r.lastFrame()).includes(`${f} syncing`))).toBe(true);
	});

	it('fills the facet slot from the facet store and empties it when the worker has nothing to say', async () => {
		const {services, facets} = withStores();
		const r = renderApp(services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67'));
		await inputReady(r.stdin);
		facets.set('insights 12/40 ⣾');
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).toContain('insights 12/40 ⣾'));
		facets.set(null);
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).not.toContain('insights'));
	});

	it('at 80 columns names the file and the problem, not the folders it is in', async () => {
		const {services, sync} = withStores();
		const r = renderApp(services, undefined, {columns: 80, rows: 24});
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67'));
		sync.set({...IDLE_SYNC, lastSyncMs: 0, errors: ['/tmp/tmp.C5mMWtNjkJ/work/data/bad.sqlite: not a tapes database']});
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).toContain('⚠ bad.sqlite: not a tapes'));
		expect(statusLine(r.lastFrame())).not.toContain('/tmp/');
	});

	it('reports skipped rows and failed syncs in the bar, not on stdout or stderr', async () => {
		const {services, sync} = withStores();
		const stderr = vi.spyOn(process.stderr, 'write');
		const stdout = vi.spyOn(process.stdout, 'write');
		const r = renderApp(services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67'));
		await inputReady(r.stdin);
		sync.set({...IDLE_SYNC, lastSyncMs: 0, warnings: [{where: 'tapes.sqlite: nodes', message: 'bad content JSON', count: 3}]});
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).toContain('⚠ tapes.sqlite: nodes: bad content JSON ×3'));
		sync.set({...IDLE_SYNC, lastSyncMs: 0, errors: ['tapes.sqlite: sync failed: disk I/O error']});
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).toContain('⚠ tapes.sqlite: sync failed: disk I/O error'));
		expect(stderr).not.toHaveBeenCalled();
		expect(stdout).not.toHaveBeenCalled();
		expect(r.stderr.frames).toEqual([]);
	});

	it('lists the active filters', async () => {
		const r = renderApp(d.services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67'));
		await inputReady(r.stdin);
		press(r.stdin, 'f', 'f');
		await vi.waitFor(() => expect(statusLine(r.lastFrame())).toContain('status:failed'));
	});

	it('is on the summary screen too', async () => {
		const {services, facets} = withStores();
		facets.set('insights 3/9');
		const r = renderApp(services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67'));
		await inputReady(r.stdin);
		press(r.stdin, 'enter');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('tapedeck › Session'));
		expect(statusLine(r.lastFrame())).toContain('insights 3/9');
		expect(statusLine(r.lastFrame())).toContain('tapes …/');
	});
});
