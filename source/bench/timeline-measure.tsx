// The timeline benchmark's body (timeline-bench.ts starts it once NODE_ENV is set, so React loads its
// production build): opening a 10,000-message session ÷ opening a 100-message one, and key → frame while
// scrolling the long one. Real tapes databases, a real sync, Ink rendering into an in-memory TTY exactly
// as on a terminal (throttled, not debug mode).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import React from 'react';
import {render} from 'ink';
import {generateTapes} from './generate-tapes.js';
import {fmt, median, percentile} from './measure.js';
import {BenchStdin, BenchStdout, KEYS} from './explorer-tty.js';
import {openWorkspace, type Workspace} from '../workspace/open-workspace.js';
import {syncWorkspace} from '../workspace/sync-workspace.js';
import {createWorkspaceServices} from '../ui/services/workspace-services.js';
import type {ExplorerServices} from '../ui/services/types.js';
import {ServicesContext} from '../ui/services/context.js';
import {THEMES, ThemeContext} from '../ui/theme.js';

import {TimelineScreen} from '../ui/screens/timeline-screen.js';
import {maxOf} from '../core/numbers.js';

const dir = path.resolve(process.env['BENCH_DIR'] ?? '.bench');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const SIZE = {columns: 120, rows: 35};
fs.mkdirSync(dir, {recursive: true});

/** A workspace over a tapes database holding one session of `n` messages, synced. */
async function sessionOf(n: number): Promise<{ws: Workspace; services: ExplorerServices; id: string}> {
	const sqlite = path.join(dir, `timeline-${n}.sqlite`);
	const index = path.join(dir, `timeline-${n}-index.sqlite`);
	if (!fs.existsSync(sqlite)) {
		for (const f of [index, `${index}-wal`, `${index}-shm`]) fs.rmSync(f, {force: true});
		generateTapes(sqlite, {sessions: 1, nodesPerSession: n, startMs: Date.UTC(2026, 0, 5, 9), seed: 7, sessionOffset: 1});
	}
	const opened = await openWorkspace({demo: false, overwrite: false, env: {}, home: dir, cwd: dir, now: Date.now, sqlite, index});
	if (!opened.ok) throw new Error(opened.error);
	const ws = opened.value;
	await syncWorkspace(ws);
	const id = ws.store.db.prepare('SELECT id FROM sessions ORDER BY message_count DESC LIMIT 1').pluck().get() as string;
	const {services} = createWorkspaceServices(ws, {timeZone: 'UTC', now: Date.now, refreshSec: 0, exportDir: dir});
	return {ws, services, id};
}

/** Renders the Timeline; resolves at the first frame showing rows and at the one with text and analytics. */
function mount(services: ExplorerServices, id: string) {
	const stdout = new BenchStdout(SIZE.columns, SIZE.rows);
	const stdin = new BenchStdin();
	// Ink writes a frame in several chunks (synchronized-output markers around it): keep the recent text.
	let recent = '';
	const write = stdout.write;
	stdout.write = (chunk: string) => {
		recent = (recent + chunk).slice(-64_000);
		return write(chunk);
	};
	const until = async (test: (frame: string) => boolean) => {
		while (!test(recent)) await stdout.nextWrite();
		return stdout.lastWriteAt;
	};
	const start = performance.now();
	const instance = render(
		<ServicesContext.Provider value={services}>
			<ThemeContext.Provider value={THEMES.default}>
				<TimelineScreen id={id} size={SIZE} onBack={() => {}} onQuit={() => {}} onOpenSession={() => {}} />
			</ThemeContext.Provider>
		</ServicesContext.Provider>,
		{stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream,
			stderr: stdout as unknown as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false},
	);
	return {
		stdout, stdin, start, instance,
		rows: () => until((f) => f.includes('›')),
		loaded: () => until((f) => f.includes('avg prompt')),
		close: () => {
			instance.unmount();
			instance.cleanup();
		},
	};
}

async function openTimes(services: ExplorerServices, id: string): Promise<{rows: number[]; full: number[]}> {
	const rows: number[] = [];
	const full: number[] = [];
	for (let i = 0; i < RUNS + 1; i++) {
		const m = mount(services, id);
		const shown = await m.rows();
		const loaded = await m.loaded();
		await m.stdout.settle(30);
		m.close();
		if (i === 0) continue; // warm-up: module and statement caches
		rows.push(shown - m.start);
		full.push(loaded - m.start);
	}
	return {rows, full};
}

async function scrollTimes(services: ExplorerServices, id: string): Promise<number[]> {
	const m = mount(services, id);
	await m.loaded();
	await m.stdout.settle(50);
	const samples: number[] = [];
	// Every one of these keys changes the screen; one that draws nothing is a bug, not a fast frame.
	const keys = [...Array(150).fill('j'), ...Array(20).fill(KEYS.pageDown), ...Array(10).fill(KEYS.pageUp), 'G', ...Array(20).fill('k'), 'g', 's', 's', 's', 's'];
	for (const key of keys) {
		const before = performance.now();
		const frame = m.stdout.nextWrite();
		m.stdin.press(key);
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([frame, new Promise((_, reject) => {
			timer = setTimeout(() => reject(new Error(`no frame after ${JSON.stringify(key)}`)), 5000);
		})]);
		clearTimeout(timer);
		samples.push(m.stdout.lastWriteAt - before);
		await m.stdout.settle(40);
	}
	m.close();
	return samples;
}

const stats = (xs: number[]) => `median ${fmt(median(xs))}, p95 ${fmt(percentile(xs, 95))}, max ${fmt(maxOf(xs))}`;
const line = (label: string, value: string, goal = '') => process.stdout.write(`  ${label.padEnd(44)} ${value.padEnd(46)} ${goal}\n`);

process.stdout.write(`timeline benchmark (${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}; Ink at ${SIZE.columns}×${SIZE.rows}, ${RUNS} opens each)\n\n`);
const small = await sessionOf(100);
const big = await sessionOf(10_000);
const a = await openTimes(small.services, small.id);
const b = await openTimes(big.services, big.id);
line('open 100 messages: rows on screen', stats(a.rows));
line('open 100 messages: text + analytics loaded', stats(a.full));
line('open 10,000 messages: rows on screen', stats(b.rows));
line('open 10,000 messages: text + analytics loaded', stats(b.full));
line('open 10,000 ÷ 100 (rows on screen, medians)', (median(b.rows) / median(a.rows)).toFixed(2), 'goal ≤ 5');
line('open 10,000 ÷ 100 (everything loaded, medians)', (median(b.full) / median(a.full)).toFixed(2));
const scroll = await scrollTimes(big.services, big.id);
line(`scroll 10,000 messages, key → frame (${scroll.length} keys)`, stats(scroll), 'p95 is the figure');
small.ws.close();
big.ws.close();
