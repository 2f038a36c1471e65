// Timeline screen fixtures: a tapes session built for the timeline's keys (a merged group, tool and
// system roles, escape sequences, a long message), transcripts with a subagent and PromptKit validations,
// and a renderer of the screen alone with its callbacks as mocks.
import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import {render} from 'ink-testing-library';
import {vi} from 'vitest';
import type {FixtureNode} from '../../fixtures/tapes-builder.js';
import {ServicesContext} from '../../source/ui/services/context.js';
import {createWorkspaceServices} from '../../source/ui/services/workspace-services.js';
import type {ExplorerServices} from '../../source/ui/services/types.js';
import {THEMES, ThemeContext} from '../../source/ui/theme.js';
import {TimelineScreen} from '../../source/ui/screens/timeline-screen.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {syncFixture, tempDir} from '../helpers/workspace.js';
import {copyFixture, syncTranscripts} from '../helpers/transcripts.js';
import {SIZE} from './helpers/explorer.js';

const T0 = Date.UTC(2026, 1, 19, 6, 0, 0);
export const HOSTILE = 'before \u001b]0;pwned\u0007\u001b[31mRED\u001b[0m\u001b[2J\u001bP+q\u001b\\ after\u0007 end';

/** 40 messages: user, assistant ×3 within 5 s (one with a tool call), tool, system, a long one, then pairs. */
export function timelineNodes(): FixtureNode[] {
	const base = {model: 'claude-sonnet-4-5', provider: 'anthropic', agent: 'claude', project: 'tl'};
	const nodes: FixtureNode[] = [
		{id: 'n0', role: 'user', text: `Find the leak ${HOSTILE}`, at: T0, ...base},
		{id: 'n1', parent: 'n0', role: 'assistant', text: 'Looking.', at: T0 + 2000, tokens: {in: 1000, out: 100, cacheRead: 800}, ...base,
			blocks: [{type: 'tool_use', tool_name: 'Grep', tool_use_id: 'toolu_1', tool_input: {pattern: 'Open(', path: 'worker/'}}]},
		{id: 'n2', parent: 'n1', role: 'assistant', text: 'Still looking.', at: T0 + 4000, tokens: {in: 1200, out: 120}, ...base},
		{id: 'n3', parent: 'n2', role: 'assistant', text: 'Found it.', at: T0 + 6000, tokens: {in: 1300, out: 130}, ...base},
		{id: 'n4', parent: 'n3', role: 'tool', at: T0 + 20_000, ...base, blocks: [{type: 'tool_result', tool_output: 'permission denied', is_error: true}]},
		{id: 'n5', parent: 'n4', role: 'system', text: 'Context compacted.', at: T0 + 40_000, ...base},
		{id: 'n6', parent: 'n5', role: 'assistant', text: Array.from({length: 80}, (_, i) => `line ${i + 1} of the long answer`).join('\n'),
			at: T0 + 60_000, tokens: {in: 2000, out: 900}, ...base},
	];
	for (let i = 7; i < 40; i++) {
		nodes.push({id: `n${i}`, parent: `n${i - 1}`, role: i % 2 ? 'user' : 'assistant', text: `step ${i}`, at: T0 + 60_000 + (i - 6) * 30_000,
			...(i % 2 ? {} : {tokens: {in: 2000 + i * 10, out: 100}}), ...base});
	}
	return nodes;
}

export interface Fixture {
	ws: Workspace;
	services: ExplorerServices;
	exportDir: string;
	close(): void;
}

function servicesFor(ws: Workspace): {services: ExplorerServices; exportDir: string} {
	const exportDir = path.join(tempDir('tapedeck-export-'), 'out');
	const {services} = createWorkspaceServices(ws, {timeZone: 'UTC', now: () => T0 + 3_600_000, refreshSec: 0, exportDir});
	return {services, exportDir};
}

export async function tapesFixture(): Promise<Fixture & {id: string}> {
	const {ws, dir} = await syncFixture(timelineNodes());
	const id = ws.store.db.prepare('SELECT id FROM sessions ORDER BY message_count DESC LIMIT 1').pluck().get() as string;
	return {ws, id, ...servicesFor(ws), close: () => {
		ws.close();
		fs.rmSync(dir, {recursive: true, force: true});
	}};
}

/** Claude Code (a session with a subagent) and PromptKit (tool error with latency, validations, cached tokens). */
export async function transcriptFixture(): Promise<Fixture & {parent: string; child: string; promptkit: string}> {
	const dir = tempDir();
	const run = await syncTranscripts({claude: [copyFixture('claude-code', dir)], promptkit: [copyFixture('promptkit', dir)]});
	const sessions = run.sessions();
	const child = sessions.find((s) => s.parentId !== null)!;
	const promptkit = sessions.find((s) => s.source === 'promptkit' && s.label.includes('order'))
		?? sessions.find((s) => s.source === 'promptkit' && s.messageCount >= 5)!;
	return {ws: run.ws, parent: child.parentId!, child: child.id, promptkit: promptkit.id, ...servicesFor(run.ws), close: () => {
		run.ws.close();
		fs.rmSync(dir, {recursive: true, force: true});
	}};
}

export function renderTimeline(services: ExplorerServices, id: string, opts: {replayStepMs?: number; size?: {columns: number; rows: number}} = {}) {
	const onBack = vi.fn();
	const onQuit = vi.fn();
	const onOpenSession = vi.fn();
	const r = render(
		<ServicesContext.Provider value={services}>
			<ThemeContext.Provider value={THEMES.mono}>
				<TimelineScreen id={id} size={opts.size ?? SIZE} onBack={onBack} onQuit={onQuit} onOpenSession={onOpenSession}
					replayStepMs={opts.replayStepMs ?? 20} />
			</ThemeContext.Provider>
		</ServicesContext.Provider>,
	);
	return {...r, onBack, onQuit, onOpenSession};
}

/** The frame without Ink's own colour codes (mono theme: bold, dim, inverse), so what is left is the text. */
export function plain(frame: string | undefined): string {
	return (frame ?? '').replace(/\u001b\[[0-9;]*m/g, '');
}

/** The row the cursor is on. */
export function cursorRow(frame: string | undefined): string {
	return plain(frame).split('\n').find((l) => l.startsWith('›')) ?? '';
}
