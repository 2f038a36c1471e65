// Keys typed the moment the explorer starts take effect in a real terminal (tmux): an Enter sent before
// node has put the terminal in raw mode sits in the cooked line buffer as a LF, and must still open the
// Timeline; `j j Enter` sent at once opens the same session as the same keys sent once the list shows.
// Needs `npm run build` (pretest).
import {CLI, demoTmuxServer} from './helpers/tmux.js';
import {describe, expect, it, vi} from 'vitest';

const server = demoTmuxServer('tapedeck-early-');
const {tmux} = server;

/** Starts the explorer in a new window and sends keys in the same breath, before its first frame. */
function start(name: string, ...early: string[]) {
	tmux('new-session', '-d', '-x', '120', '-y', '35', '-s', name, `${process.execPath} ${CLI} --demo --refresh 0; sleep 600`);
	if (early.length) tmux('send-keys', '-t', name, ...early);
	const screen = () => tmux('capture-pane', '-p', '-t', name);
	return {screen, keys: (...k: string[]) => tmux('send-keys', '-t', name, ...k),
		until: (check: (s: string) => void) => vi.waitFor(() => check(screen()), {timeout: 30_000, interval: 50})};
}

/** The Timeline's title and the session ID at the end of its header line. */
const timelineId = (s: string) => {
	expect(s).toMatch(/tapedeck › Session\b/);
	const id = /\b([0-9a-f]{16})\s*$/m.exec(s.split('\n').slice(0, 3).join('\n'))?.[1];
	expect(id).toBeDefined();
	return id!;
};

describe('keys sent right after start', {timeout: 120_000}, () => {
	it('an Enter sent at once opens the Timeline of the first row', async () => {
		const late = start('late-enter');
		await late.until((s) => expect(s).toMatch(/\d+ of \d+ sessions/));
		late.keys('Enter');
		let want = '';
		await late.until((s) => void (want = timelineId(s)));

		const early = start('early-enter', 'Enter');
		let got = '';
		await early.until((s) => void (got = timelineId(s)));
		expect(got).toBe(want);
	});

	it('j j Enter sent at once opens the third row, as it does once the list shows', async () => {
		const late = start('late-jj');
		await late.until((s) => expect(s).toMatch(/\d+ of \d+ sessions/));
		late.keys('j', 'j', 'Enter');
		let want = '';
		await late.until((s) => void (want = timelineId(s)));

		const early = start('early-jj', 'j', 'j', 'Enter');
		let got = '';
		await early.until((s) => void (got = timelineId(s)));
		expect(got).toBe(want);
		// Not the first row's session: the two j's were not lost.
		const first = start('first');
		await first.until((s) => expect(s).toMatch(/\d+ of \d+ sessions/));
		first.keys('Enter');
		let top = '';
		await first.until((s) => void (top = timelineId(s)));
		expect(got).not.toBe(top);
	});
});
