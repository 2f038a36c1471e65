// Keys sent in one write with a key that switches screens reach the screen that opens, in a real terminal
// (tmux send-keys writes its keys at once): `Escape Escape` on a day's sessions goes back to the charts and
// on to Sessions; `h/zq` on Projects goes back and searches. At 80 columns the footer says `? more`.
// Needs `npm run build` (pretest).
import {CLI, demoTmuxServer} from './helpers/tmux.js';
import {describe, expect, it, vi} from 'vitest';

const server = demoTmuxServer('tapedeck-switch-');
const {tmux} = server;

describe('keys after a screen switch, in tmux', {timeout: 90_000}, () => {
	it('Escape Escape leaves two screens, h/zq on Projects searches the list, and a narrow footer ends with ? more', async () => {
		tmux('new-session', '-d', '-x', '80', '-y', '24', '-s', 'switch', `${process.execPath} ${CLI} --demo --refresh 0; sleep 600`);
		const screen = () => tmux('capture-pane', '-p', '-t', 'switch');
		const keys = (...k: string[]) => tmux('send-keys', '-t', 'switch', ...k);
		const until = (check: (s: string) => void) => vi.waitFor(() => check(screen()), {timeout: 20_000, interval: 50});
		const footer = () => screen().trimEnd().split('\n').at(-1)!.trimEnd();
		// Once the start's sync is done: a sync that lands on Analytics redraws its charts, and an Enter then may find no day.
		await until((s) => expect(s).toMatch(/synced \d\d:\d\d/));
		await until((s) => expect(s).toMatch(/\d+ of \d+ sessions/));
		expect(footer()).toMatch(/q quit {2}\? more$/);

		keys('a');
		await until((s) => expect(s).toMatch(/selected .*: \d+ session/));
		keys('Enter');
		await until((s) => expect(s).toContain('Esc back to the charts'));
		keys('Escape', 'Escape');
		await until((s) => expect(s).toContain('tapedeck › Sessions'));

		keys('b');
		await until((s) => expect(s).toContain('tapedeck › Projects'));
		keys('-l', 'h/zq');
		await until((s) => expect(footer()).toMatch(/^ \/ zq▏/));
		expect(screen()).toContain('tapedeck › Sessions');
	});
});
