// The Timeline on real data: the reference demo's bug-hunt session through the whole app, its Markdown
// export (the same text as `show --md`), escape sequences rendered as plain text, what a PromptKit
// message carries on screen and in the export, sub-sessions, and the frame at 80×24.
import fs from 'node:fs';
import {cleanup} from 'ink-testing-library';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {stringWidth} from '../../source/terminal/width.js';
import {showReport} from '../../source/report/show-report.js';
import {DEFAULT_FILTERS} from '../../source/core/types.js';
import {demo, effectsFlushed, press, renderApp, selectedLine, type Demo} from './helpers/explorer.js';
import {plain, renderTimeline, tapesFixture, transcriptFixture, type Fixture} from './timeline-helpers.js';

let d: Demo;
let tapes: Fixture & {id: string};
let transcripts: Awaited<ReturnType<typeof transcriptFixture>>;
beforeAll(async () => {
	d = await demo();
	tapes = await tapesFixture();
	transcripts = await transcriptFixture();
});
afterAll(() => {
	cleanup();
	d.close();
	tapes.close();
	transcripts.close();
});

const bugHunt = () => d.services.sessions.page({...DEFAULT_FILTERS, search: 'Memory usage climbs'}, 0, 1)[0]!;

describe('the demo bug-hunt session', () => {
	it('opens from the list with its 9 messages, groups and tools; Esc returns to the list as it was', async () => {
		const r = renderApp(d.services);
		await vi.waitFor(() => expect(r.lastFrame()).toContain('67 of 67 sessions'));
		// Its label's words: `/` finds them in what sessions said too, and only this session says all three.
		press(r.stdin, '/', ...'Memory usage climbs'.split(''), 'enter', 's');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('1 of 67 sessions'));
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('date▼'));
		const sortedHeader = plain(r.lastFrame()).split('\n').find((l) => l.includes('label'));
		press(r.stdin, 'enter');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('9 messages in 9 groups'));
		const frame = plain(r.lastFrame());
		expect(frame).toContain('Memory usage climbs until the wor');
		const rows = frame.split('\n').filter((l) => /^[› ]\s+\d+ (user|assistant|tool|system)/.test(l));
		expect(rows).toHaveLength(9);
		const tools = rows.map((l) => l.split('│')[0]!.trim().split(/\s+/).at(-1));
		for (const tool of ['Read', 'Grep', 'Edit', 'Write']) expect(tools).toContain(tool);
		// Every group holds one message here, so the footer does not offer to expand one.
		expect(frame.split('\n').at(-1)).not.toContain('expand');
		await effectsFlushed();
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toContain('1 of 67 sessions'));
		expect(selectedLine(r.lastFrame())).toContain('Memory usage');
		expect(plain(r.lastFrame()).split('\n').find((l) => l.includes('label'))).toBe(sortedHeader);
		expect(r.lastFrame()).toContain('Memory');
	});

	it('exports Markdown that starts with a heading, lists every message, and is what `show --md` prints', async () => {
		const s = bugHunt();
		const written = d.services.timeline.exportMarkdown(s.id);
		expect(written.ok).toBe(true);
		const md = fs.readFileSync(written.ok ? written.value : '', 'utf8');
		expect(md).toMatch(/^# Memory usage climbs until the wor/);
		for (let i = 1; i <= 9; i++) expect(md).toContain(`### ${i}. `);
		expect(md).not.toContain('### 10. ');
		const shown = showReport(d.ws, s.id, 'md', 'UTC');
		expect(shown.ok && shown.value).toBe(md);
	});
});

describe('timeline text', () => {
	it('renders a message full of escape sequences as plain text', async () => {
		const r = renderTimeline(tapes.services, tapes.id);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('Find the leak before RED after end'));
		const text = plain(r.lastFrame());
		expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
		for (const leftover of ['pwned', '[2J', '[31m', '+q']) expect(text).not.toContain(leftover);
	});

	it('shows roles as they are, a merged group ×N, tool calls with arguments, and tool errors', async () => {
		const r = renderTimeline(tapes.services, tapes.id);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('avg prompt'));
		const frame = plain(r.lastFrame());
		for (const role of ['assistant ×3', ' tool ', ' system ']) expect(frame).toContain(role);
		await effectsFlushed();
		press(r.stdin, 'j');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('→ Grep'));
		expect(plain(r.lastFrame())).toContain('"pattern": "Open("');
		expect(plain(r.lastFrame())).toMatch(/cache 800 read · 0 written · saved/);
		press(r.stdin, 'j');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('ERROR'));
		expect(plain(r.lastFrame())).toContain('permission denied');
	});

	it('shows what a PromptKit message carries: tool error text and latency, validations, recorded cost', async () => {
		const r = renderTimeline(transcripts.services, transcripts.promptkit);
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('avg prompt'));
		expect(plain(r.lastFrame())).toContain('recorded by the source');
		await effectsFlushed();
		press(r.stdin, 'j', 'j', 'j');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('order service timeout after 5000ms'));
		expect(plain(r.lastFrame())).toMatch(/lookup_order · ERROR · 5000 ms/);
		press(r.stdin, 'j');
		// The detail pane wraps at its width: each validation's verdict, then its validator.
		await vi.waitFor(() => expect(plain(r.lastFrame())).toMatch(/✗ failed ·\s+(│)?\*validators\.LengthValidator/));
		expect(plain(r.lastFrame())).toMatch(/✓ passed ·\s+(│)?\*validators\.BannedWordsValidator/);
		expect(plain(r.lastFrame())).toContain('"max_characters": 80');
		expect(plain(r.lastFrame())).toMatch(/cache 400 read · 0 written · saved/);
	});
});

describe('the Markdown export of a PromptKit session', () => {
	it('carries what the pane shows (validations, latencies, cache, cost source) and is what `show --md` prints', () => {
		const written = transcripts.services.timeline.exportMarkdown(transcripts.promptkit);
		expect(written.ok).toBe(true);
		const md = fs.readFileSync(written.ok ? written.value : '', 'utf8');
		const shown = showReport(transcripts.ws, transcripts.promptkit, 'md', 'UTC');
		expect(shown.ok && shown.value).toBe(md);
		const lines = md.split('\n');
		for (const line of [
			'- **Cost:** $0.0036 · **Cost source:** recorded (recorded by the source)',
			'- **Model:** gpt-4o · **Latency:** 850 ms',
			'**Tool result:** `lookup_order` · **error** · 5,000 ms',
			'order service timeout after 5000ms',
			'- **Cache:** 400 read · 0 written · saved $0.0005',
			'**Validation:** ✓ passed · `*validators.BannedWordsValidator`',
			'**Validation:** ✗ failed · `*validators.LengthValidator`',
			'  "max_characters": 80,',
		]) expect(lines).toContain(line);
	});
});

describe('sub-sessions and layout', () => {
	it('opens a sub-session from its parent; Esc goes back to the parent, then to the list', async () => {
		const r = renderApp(transcripts.services);
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/of \d+ sessions/));
		const parent = transcripts.ws.store.sessions.get(transcripts.parent)!;
		press(r.stdin, '/', ...parent.label.slice(0, 8).split(''), 'enter', 'enter');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain(transcripts.parent));
		await effectsFlushed();
		press(r.stdin, 'u', 'enter');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain(transcripts.child));
		await effectsFlushed();
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain(transcripts.parent));
		await effectsFlushed();
		press(r.stdin, 'esc');
		await vi.waitFor(() => expect(r.lastFrame()).toMatch(/of \d+ sessions/));
	});

	it.each([[80, 24], [100, 30], [120, 35]])('fits %i×%i, one line short of the terminal, in every mode', async (columns, rows) => {
		const r = renderTimeline(tapes.services, tapes.id, {size: {columns, rows}});
		await vi.waitFor(() => expect(plain(r.lastFrame())).toContain('avg prompt'));
		await effectsFlushed();
		for (const keys of [[], ['j', 'enter'], ['?']]) {
			press(r.stdin, ...keys);
			if (keys.length) await vi.waitFor(() => expect(plain(r.lastFrame())).toMatch(keys[0] === '?' ? /Keys/ : /└3/));
			const lines = r.lastFrame()!.split('\n');
			expect(lines).toHaveLength(rows - 1);
			for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
			expect(plain(lines.at(-1))).toMatch(/quit/);
		}
	});
});
