// The built CLI on the demo in a real terminal (tmux, 120×35), driven as a person would: the list shows,
// sorting by cost puts the most expensive session first, the failed filter leaves only failed sessions,
// search narrows, ? shows help, and q exits 0 leaving no frame behind; an index damaged under a running
// explorer shows an error panel, not a crash. Needs `npm run build` (pretest).
import {spawnSync} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {CLI, tmuxServer} from './helpers/tmux.js';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {formatCost} from '../../source/core/format.js';
import {truncateToWidth} from '../../source/terminal/width.js';

const server = tmuxServer('tapedeck-e2e-');
const {dir, env, tmux} = server;
const cli = CLI;

const pane = () => tmux('capture-pane', '-p', '-t', 'e2e');
const keys = (...k: string[]) => tmux('send-keys', '-t', 'e2e', ...k);
const type = (text: string) => tmux('send-keys', '-t', 'e2e', '-l', text);
/** Polls the screen until the check passes (no fixed sleeps). */
const until = (check: (screen: string) => void) => vi.waitFor(() => check(pane()), {timeout: 20_000, interval: 50});
const rows = (screen: string) => screen.split('\n').filter((l) => /^[› ] [A-Z][a-z]{2} [ \d]\d \d\d:\d\d /.test(l));

interface JsonSession {
	id: string;
	label: string;
	project: string;
	model: string;
	status: string;
	total_cost: number | null;
}

let sessions: JsonSession[] = [];
// The demo's tapes file: a source, which the explorer reads and never writes.
const demoSource = path.join(dir, 'tapedeck', 'demo', 'tapes.sqlite');
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
let sourceHash = '';
// The label's first 20 cells: every layout at 120 columns gives it more (see column-layout.ts).
const labelCell = (label: string) => truncateToWidth(label, 20, '');

beforeAll(() => {
	// Seeds the demo and gives the figures to expect, from the same data the explorer will open.
	const report = spawnSync(process.execPath, [cli, 'sessions', '--demo', '--json'], {env, encoding: 'utf8'});
	expect(report.status).toBe(0);
	sessions = (JSON.parse(report.stdout) as {sessions: JsonSession[]}).sessions;
	sourceHash = sha256(demoSource);
	tmux('new-session', '-d', '-x', '120', '-y', '35', '-s', 'e2e', `${process.execPath} ${cli} --demo; echo "EXIT=$?"; sleep 600`);
});

afterAll(() => server.close());

describe('explorer in tmux at 120×35', {timeout: 120_000}, () => {
	it('shows the list, sorts by cost, filters failed, searches, shows help, and quits cleanly', async () => {
		const n = sessions.length;
		await until((s) => expect(s).toContain(`${n} of ${n} sessions`));
		expect(rows(pane()).length).toBeGreaterThan(20);

		// Sort away from cost and back: the most expensive session comes first.
		keys('s');
		await until((s) => expect(s).toContain('date▼'));
		keys('S');
		await until((s) => expect(s).toContain('cost▼'));
		const priciest = sessions.filter((x) => x.total_cost !== null).sort((a, b) => b.total_cost! - a.total_cost!)[0]!;
		await until((s) => expect(rows(s)[0]).toContain(labelCell(priciest.label)));
		expect(rows(pane())[0]).toContain(formatCost(priciest.total_cost));

		// The failed filter: f cycles all → completed → failed.
		const failed = sessions.filter((x) => x.status === 'failed').length;
		keys('f', 'f');
		await until((s) => expect(s).toContain(`${failed} of ${n} sessions`));
		expect(rows(pane())).toHaveLength(failed);
		for (const row of rows(pane())) expect(row).toContain('✗ failed');

		// Search narrows as it is typed; Enter keeps it.
		keys('c');
		await until((s) => expect(s).toContain(`${n} of ${n} sessions`));
		const term = 'merkle';
		// Labels, projects, models and IDs, and what the sessions said: the report's --search is the same search.
		const searched = spawnSync(process.execPath, [cli, 'sessions', '--demo', '--search', term, '--json'], {env, encoding: 'utf8'});
		const matching = (JSON.parse(searched.stdout) as {sessions: JsonSession[]}).sessions;
		expect(matching.length).toBeGreaterThanOrEqual(sessions.filter((x) => [x.label, x.project, x.model, x.id].some((v) => v.toLowerCase().includes(term))).length);
		expect(matching.length).toBeGreaterThan(0);
		expect(matching.length).toBeLessThan(n);
		keys('/');
		type(term);
		await until((s) => expect(s).toContain(`${matching.length} of ${n} sessions`));
		keys('Enter');
		await until((s) => expect(s).toContain('search:merkle'));
		expect(rows(pane())).toHaveLength(matching.length);

		// Help lists the keys; Esc closes it.
		keys('?');
		await until((s) => expect(s).toContain('sort by the next column'));
		keys('Escape');
		await until((s) => expect(s).toContain('SPEND'));

		// q quits with 0 and the terminal shows nothing of the frame.
		keys('q');
		await until((s) => expect(s).toContain('EXIT=0'));
		expect(pane().trim()).toBe('EXIT=0');
		expect(sha256(demoSource)).toBe(sourceHash);
		expect(fs.existsSync(`${demoSource}-wal`)).toBe(false);
	});

	it('finds messages: F, a query, Enter on a result lands on that message with its match highlighted', async () => {
		const found = spawnSync(process.execPath, [cli, 'search', 'migrations', '--demo', '--json', '--limit', '500'], {env, encoding: 'utf8'});
		expect(found.status).toBe(0);
		const hits = JSON.parse(found.stdout) as Array<{session_id: string; message_id: string}>;
		expect(hits.length).toBeGreaterThan(1);
		tmux('new-session', '-d', '-x', '120', '-y', '35', '-s', 'find', `${process.execPath} ${cli} --demo --refresh 0; echo "EXIT=$?"; sleep 600`);
		const screen = (...flags: string[]) => tmux('capture-pane', '-p', ...flags, '-t', 'find');
		const wait = (check: (s: string) => void) => vi.waitFor(() => check(screen()), {timeout: 20_000, interval: 50});
		await wait((s) => expect(s).toContain(`${sessions.length} of ${sessions.length} sessions`));
		tmux('send-keys', '-t', 'find', 'F');
		await wait((s) => expect(s).toContain('tapedeck › Search'));
		tmux('send-keys', '-t', 'find', '-l', 'migrations');
		await wait((s) => expect(s).toContain(`${hits.length} messages`));
		tmux('send-keys', '-t', 'find', 'Enter');
		await wait((s) => expect(s).toContain('? help'));
		tmux('send-keys', '-t', 'find', 'j', 'Enter');
		// The second hit's session, on its message: the find chip counts it among the session's matches.
		await wait((s) => expect(s).toMatch(/find:migrations \d+\/\d+/));
		expect(screen()).toContain(hits[1]!.session_id);
		// The match is drawn underlined (and bold, in colour) in the detail pane of the selected message, once
		// the bodies are read (the first frame of the Timeline has only the index's rows).
		await vi.waitFor(() => expect(screen('-e')).toMatch(/\u001b\[[0-9;]*4[0-9;]*m(?:\u001b\[[0-9;]*m)*migrations/i), {timeout: 20_000, interval: 50});
		tmux('send-keys', '-t', 'find', 'Escape');
		await wait((s) => expect(s).toContain('tapedeck › Search'));
		tmux('send-keys', '-t', 'find', 'q');
		await wait((s) => expect(s).toContain('EXIT=0'));
	});

	it('shows an error panel when the index is damaged under it, and q still leaves a clean terminal', async () => {
		// Its own demo and index, so the damage touches nothing the other test reads.
		const own = path.join(dir, 'damaged');
		fs.mkdirSync(own);
		tmux('new-session', '-d', '-x', '120', '-y', '35', '-s', 'damaged',
			`XDG_DATA_HOME=${own} ${process.execPath} ${cli} --demo --refresh 0 --no-insights; echo "EXIT=$?"; sleep 600`);
		const screen = () => tmux('capture-pane', '-p', '-t', 'damaged');
		const wait = (check: (s: string) => void) => vi.waitFor(() => check(screen()), {timeout: 20_000, interval: 50});
		// Nothing may be writing the index when it is damaged (a writer would put pages back): the first
		// sync has finished and no facet worker runs.
		await wait((s) => expect(s).toMatch(/synced \d\d:\d\d:\d\d/));
		await wait((s) => expect(s).toContain(`${sessions.length} of ${sessions.length} sessions`));
		const index = path.join(own, 'tapedeck', 'demo', 'index.sqlite');
		// Past the first page of the file, the log after its header, and the shared-memory index: SQLite
		// rereads the file and finds it unusable on the next query.
		// Written in place, never truncated: SQLite maps the -shm file, and a read of it while it is
		// momentarily shorter (writeFileSync truncates first) kills the process with SIGBUS.
		for (const [file, from] of [[index, 4096], [`${index}-wal`, 32], [`${index}-shm`, 0]] as const) {
			const size = fs.statSync(file).size;
			if (size <= from) continue;
			const fd = fs.openSync(file, 'r+');
			try { fs.writeSync(fd, Buffer.alloc(size - from, 0xa5), 0, size - from, from); } finally { fs.closeSync(fd); }
		}
		tmux('send-keys', '-t', 'damaged', 'f');
		await wait((s) => expect(s).toContain('Sessions stopped on an error'));
		expect(screen()).toContain(`in ${index}`);
		expect(screen()).not.toMatch(/\s+at .+:\d+:\d+/);
		tmux('send-keys', '-t', 'damaged', 'q');
		await wait((s) => expect(s).toContain('EXIT=0'));
		expect(screen().trim()).toBe('EXIT=0');
	});
});
