// Every key of the Timeline screen's modes, on real indexes: a tapes session built for it, and transcripts
// with a subagent (sub-sessions) and PromptKit validations.
import fs from 'node:fs';
import {cleanup} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {KEYMAP} from '../../source/core/keymap.js';
import type {HandOff} from '../../source/core/hand-off.js';
import {effectsFlushed, press} from './helpers/explorer.js';
import {cursorRow, plain, renderTimeline, tapesFixture, transcriptFixture, type Fixture} from './timeline-helpers.js';

let tapes: Fixture & {id: string};
let transcripts: Awaited<ReturnType<typeof transcriptFixture>>;
beforeAll(async () => {
	tapes = await tapesFixture();
	transcripts = await transcriptFixture();
});
afterAll(() => {
	cleanup();
	tapes.close();
	transcripts.close();
});

/** The tapes session, its rows drawn, the text loaded and the input handler subscribed. */
async function ready(opts: {replayStepMs?: number} = {}) {
	const r = renderTimeline(tapes.services, tapes.id, opts);
	await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('avg prompt'));
	await effectsFlushed();
	return r;
}

async function subs() {
	const r = renderTimeline(transcripts.services, transcripts.parent);
	await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('avg prompt'));
	await effectsFlushed();
	press(r.stdin, 'u');
	await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('sub-sessions (1)'));
	return r;
}

/** A terminal that records what the keys hand it. */
function fakeTerminal() {
	const ran: HandOff[] = [];
	const left: HandOff[] = [];
	const copied: string[] = [];
	return {ran, left, copied, run: (h: HandOff) => (ran.push(h), {ok: true as const}), leave: (h: HandOff) => void left.push(h), copy: (text: string) => void copied.push(text)};
}

const rowNumber = (frame: string | undefined) => cursorRow(frame).slice(1).trim().split(/\s+/)[0];

const scenarios: Record<string, (key: string) => Promise<void>> = {
	'timeline:cursor-down': async (key) => {
		const r = await ready();
		expect(rowNumber(r.lastFrame())).toBe('1');
		press(r.stdin, key);
		await vi.waitFor(() => expect(rowNumber(r.lastFrame())).toBe('2-4'));
		expect(plain(r.lastFrame())).toContain('assistant ×3 · messages 2–4');
	},
	'timeline:cursor-up': async (key) => {
		const r = await ready();
		press(r.stdin, 'j', 'j');
		await vi.waitFor(() => expect(rowNumber(r.lastFrame())).toBe('5'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(rowNumber(r.lastFrame())).toBe('2-4'));
	},
	'timeline:page-down': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(Number(rowNumber(r.lastFrame()))).toBeGreaterThan(15));
	},
	'timeline:page-up': async (key) => {
		const r = await ready();
		press(r.stdin, 'G');
		await vi.waitFor(() => expect(rowNumber(r.lastFrame())).toBe('40'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(Number(rowNumber(r.lastFrame()))).toBeLessThan(30));
	},
	'timeline:first': async (key) => {
		const r = await ready();
		press(r.stdin, 'G');
		await vi.waitFor(() => expect(rowNumber(r.lastFrame())).toBe('40'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(rowNumber(r.lastFrame())).toBe('1'));
	},
	'timeline:last': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(rowNumber(r.lastFrame())).toBe('40'));
		expect(plain(r.lastFrame())).toContain('step 39');
	},
	'timeline:expand': async (key) => {
		const r = await ready();
		expect(plain(r.lastFrame()).split('\n').at(-1)).toContain('Enter expand');
		press(r.stdin, 'j', key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('└3'));
		const rows = plain(r.lastFrame()).split('\n');
		expect(rows.filter((l) => /└[234] /.test(l))).toHaveLength(3);
		press(r.stdin, 'j', 'j', key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).not.toContain('└3'));
		expect(rowNumber(r.lastFrame())).toBe('2-4');
	},
	'timeline:sort-next': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('tokens↓'));
		press(r.stdin, key, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('gap↓'));
	},
	'timeline:sort-prev': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('gap↓'));
		// The longest pause (the long answer after the system message, 20 s) is not first; 30 s steps are.
		expect(plain(r.lastFrame())).toContain('sort:gap');
	},
	'timeline:detail-down': async (key) => {
		const r = await ready();
		press(r.stdin, 'j', 'j', 'j', 'j');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toMatch(/1–\d+\/\d+ J\/K/));
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).not.toMatch(/ 1–\d+\/\d+ J\/K/));
		expect(plain(r.lastFrame())).toMatch(/line \d\d of the long answer/);
	},
	'timeline:detail-up': async (key) => {
		const r = await ready();
		press(r.stdin, 'j', 'j', 'j', 'j', 'J', 'J');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toMatch(/\b(1[3-9]|2\d)–\d+\/\d+ J\/K/));
		press(r.stdin, key, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toMatch(/ 1–\d+\/\d+ J\/K/));
	},
	'timeline:replay': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('replaying'));
		// 38 steps of 20 ms each, on a machine that may be busy.
		await vi.waitFor(() => expect(rowNumber(r.lastFrame())).toBe('40'), {timeout: 10_000});
		await vi.waitFor(() => expect(plain(r.lastFrame())).not.toContain('replaying'));
	},
	'timeline:sub-sessions': async (key) => {
		const r = renderTimeline(transcripts.services, transcripts.parent);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('1 sub-session '));
		expect(plain(r.lastFrame())).toContain('u subs');
		await effectsFlushed();
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('sub-sessions (1)'));
		// A session without sub-sessions does not advertise the key.
		const t = await ready();
		expect(plain(t.lastFrame())).not.toContain('u subs');
	},
	// o and v open the selected message: its heading in the session's Markdown (tapes: no file of its own)...
	...Object.fromEntries((['page', 'edit'] as const).map((action) => [`timeline:${action}`, async (key: string) => {
		vi.stubEnv(action === 'page' ? 'PAGER' : 'VISUAL', action === 'page' ? 'less -R' : 'nvim');
		const t = fakeTerminal();
		const r = renderTimeline({...tapes.services, terminal: t}, tapes.id);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('avg prompt'));
		await effectsFlushed();
		press(r.stdin, 'j', 'j');
		await vi.waitFor(() => expect(rowNumber(r.lastFrame())).toBe('5'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(t.ran).toHaveLength(1));
		const [h] = t.ran;
		expect(h!.command).toBe(action === 'page' ? 'less' : 'nvim');
		const line = Number(/^\+(\d+)g?$/.exec(h!.args.at(-2)!)![1]);
		const file = h!.args.at(-1)!;
		expect(fs.readFileSync(file, 'utf8').split('\n')[line - 1]).toMatch(/^### 5\. tool /);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain(`closed · line ${line} of ${file}`));
		// ...and the line of the Claude Code transcript that records it, when that file is there.
		const c = renderTimeline({...transcripts.services, terminal: t}, transcripts.parent);
		await vi.waitFor(() => expect(plain(c.lastFrame())).toContain('avg prompt'));
		await effectsFlushed();
		press(c.stdin, 'j', key);
		await vi.waitFor(() => expect(t.ran).toHaveLength(2));
		const at = t.ran[1]!;
		const transcript = at.args.at(-1)!;
		expect(transcript).toMatch(/\.jsonl$/);
		const second = transcripts.services.timeline.outline(transcripts.parent)!.messages[1]!.facts.id.split(':')[0]!;
		expect(fs.readFileSync(transcript, 'utf8').split('\n')[Number(/\d+/.exec(at.args.at(-2)!)![0]) - 1]).toContain(second);
		vi.unstubAllEnvs();
	}])),
	'timeline:copy': async (key) => {
		const t = fakeTerminal();
		const r = renderTimeline({...tapes.services, terminal: t}, tapes.id);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('avg prompt'));
		await effectsFlushed();
		press(r.stdin, key);
		await vi.waitFor(() => expect(t.copied).toEqual([tapes.id]));
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain(`copied ${tapes.id}`));
	},
	'timeline:resume': async (key) => {
		const t = fakeTerminal();
		// A tapes session has no agent to go back to: the status bar says so and nothing runs.
		const r = renderTimeline({...tapes.services, terminal: t}, tapes.id);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('avg prompt'));
		await effectsFlushed();
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('resume works for Claude Code and Codex'));
		const c = renderTimeline({...transcripts.services, terminal: t}, transcripts.parent);
		await vi.waitFor(() => expect(plain(c.lastFrame())).toContain('avg prompt'));
		await effectsFlushed();
		press(c.stdin, key);
		await vi.waitFor(() => expect(t.left).toEqual([expect.objectContaining({command: 'claude', args: ['--resume', transcripts.parent]})]));
	},
	'timeline:toggle-thinking': async (key) => {
		const r = renderTimeline(transcripts.services, transcripts.parent);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('t thinking'));
		await effectsFlushed();
		// The first answer thinks before it calls a tool: folded to one line until t.
		press(r.stdin, 'j');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('▸ thinking · 1 line · t'));
		expect(plain(r.lastFrame())).not.toContain('The auth test fails; run it first.');
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('The auth test fails; run it first.'));
		expect(plain(r.lastFrame())).toContain('▾ thinking');
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('▸ thinking'));
		// A session without thinking does not offer the key.
		const t = await ready();
		expect(plain(t.lastFrame())).not.toContain('t thinking');
	},
	'timeline:export': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('exported to '));
		const file = plain(r.lastFrame()).match(/exported to (\S+\.md)/)![1]!;
		expect(fs.readFileSync(file, 'utf8')).toMatch(/^# step 35 \/ step 37 \/ step 39\n/);
	},
	'timeline:search': async (key) => {
		const r = await ready();
		press(r.stdin, key, 'F', 'o', 'u', 'n', 'd', 'enter');
		// Message 4 sits in the group of messages 2–4: the group opens and the message's own row is selected.
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('find:Found 1/1'));
		expect(rowNumber(r.lastFrame())).toBe('└4');
		expect(plain(r.lastFrame())).toContain('Found it.');
	},
	'timeline:find-next': async (key) => {
		const r = await ready();
		press(r.stdin, '/', 's', 't', 'e', 'p', 'enter');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toMatch(/find:step 1\/\d+/));
		const first = rowNumber(r.lastFrame());
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toMatch(/find:step 2\/\d+/));
		expect(Number(rowNumber(r.lastFrame()))).toBeGreaterThan(Number(first));
	},
	'timeline:find-prev': async (key) => {
		const r = await ready();
		press(r.stdin, '/', 's', 't', 'e', 'p', 'enter');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toMatch(/find:step 1\/\d+/));
		const total = plain(r.lastFrame()).match(/find:step 1\/(\d+)/)![1]!;
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain(`find:step ${total}/${total}`));
	},
	'timeline-find:search-accept': async (key) => {
		const r = await ready();
		press(r.stdin, 'G', '/', 'l', 'e', 'a', 'k', key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('find:leak 1/1'));
		expect(rowNumber(r.lastFrame())).toBe('1');
	},
	'timeline-find:search-cancel': async (key) => {
		const r = await ready();
		press(r.stdin, '/', 'x');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('/ x▏'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).not.toContain('/ x▏'));
		expect(plain(r.lastFrame())).not.toContain('find:');
	},
	'timeline-find:search-delete': async (key) => {
		const r = await ready();
		press(r.stdin, '/', 'l', 'e', 'a', 'k', 'z');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('/ leakz▏'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('/ leak▏'));
	},
	'timeline-find:quit': async (key) => {
		const r = await ready();
		press(r.stdin, '/', 'q', key);
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalledTimes(1));
	},
	'timeline:back': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.onBack).toHaveBeenCalledTimes(1));
	},
	'timeline:help': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('replay step by step'));
		expect(plain(r.lastFrame())).toContain('During a replay');
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('avg prompt'));
		expect(r.onBack).not.toHaveBeenCalled();
	},
	'timeline:quit': async (key) => {
		const r = await ready();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalledTimes(1));
	},
	'timeline-replay:replay-pause': async (key) => {
		const r = await ready({replayStepMs: 60_000});
		press(r.stdin, 'r');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('replaying ×1'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('paused ×1'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('replaying ×1'));
	},
	'timeline-replay:replay-faster': async (key) => {
		const r = await ready({replayStepMs: 60_000});
		press(r.stdin, 'r');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('replaying ×1'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('replaying ×2'));
	},
	'timeline-replay:replay-slower': async (key) => {
		const r = await ready({replayStepMs: 60_000});
		press(r.stdin, 'r');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('replaying ×1'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('replaying ×0.5'));
	},
	'timeline-replay:replay-step': async (key) => {
		const r = await ready({replayStepMs: 60_000});
		press(r.stdin, 'r');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('replaying ×1'));
		const before = cursorRow(r.lastFrame());
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('paused ×1'));
		expect(cursorRow(r.lastFrame())).not.toBe(before);
	},
	'timeline-replay:replay-stop': async (key) => {
		for (const k of [key, 'x']) {
			const r = await ready({replayStepMs: 60_000});
			press(r.stdin, 'r');
			await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('replaying'));
			press(r.stdin, k);
			await vi.waitFor(() => expect(plain(r.lastFrame())).not.toContain('replaying'));
			expect(r.onBack).not.toHaveBeenCalled();
		}
	},
	'timeline-replay:quit': async (key) => {
		const r = await ready({replayStepMs: 60_000});
		press(r.stdin, 'r');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('replaying'));
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalledTimes(1));
	},
	'timeline-subs:cursor-down': async (key) => {
		const r = await subs();
		press(r.stdin, key, 'enter');
		// One sub-session: the cursor stays on it.
		await vi.waitFor(() => expect(r.onOpenSession).toHaveBeenCalledWith(transcripts.child));
	},
	'timeline-subs:cursor-up': async (key) => {
		const r = await subs();
		press(r.stdin, key, 'enter');
		await vi.waitFor(() => expect(r.onOpenSession).toHaveBeenCalledWith(transcripts.child));
	},
	'timeline-subs:open': async (key) => {
		const r = await subs();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.onOpenSession).toHaveBeenCalledWith(transcripts.child));
	},
	'timeline-subs:back': async (key) => {
		const r = await subs();
		press(r.stdin, key);
		await vi.waitFor(() => expect(plain(r.lastFrame())).not.toContain('sub-sessions (1)'));
		expect(r.onBack).not.toHaveBeenCalled();
	},
	'timeline-subs:quit': async (key) => {
		const r = await subs();
		press(r.stdin, key);
		await vi.waitFor(() => expect(r.onQuit).toHaveBeenCalledTimes(1));
	},
};

const bindings = KEYMAP.filter((b) => b.mode.startsWith('timeline'));

describe('Timeline screen keys', () => {
	it('has a scenario for every key of its modes', () => {
		expect(bindings.filter((b) => !scenarios[`${b.mode}:${b.action}`]).map((b) => `${b.mode}:${b.action}`)).toEqual([]);
	});

	it('says in the status bar why a key did nothing, until the next key', async () => {
		const r = await ready();
		press(r.stdin, 'x');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('x does nothing here · ? lists the keys'));
		press(r.stdin, 'u');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('this session has no sub-sessions'));
		press(r.stdin, 'j');
		await vi.waitFor(() => expect(plain(r.lastFrame())).not.toContain('no sub-sessions'));
	});

	it.each(bindings.flatMap((b) => b.keys.map((k) => [b.mode, k, b.action] as const)))('%s mode: %s (%s)', async (mode, key, action) => {
		await scenarios[`${mode}:${action}`]!(key);
	});
});
