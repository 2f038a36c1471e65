// Issue 17, item 9, in a real terminal: the mouse. The explorer turns SGR mouse reporting on (tmux records
// the pane's modes), a wheel notch moves the cursor three rows, a click moves it to the row clicked, a click
// on the selected row opens it, and no report's bytes act as keys (`[<0;5;9M` holds an M: the model picker).
// With --no-mouse reporting stays off. The reports are written into the pane as a terminal would send them.
import {CLI, demoTmuxServer} from './helpers/tmux.js';
import {describe, expect, it, vi} from 'vitest';

const server = demoTmuxServer('tapedeck-mouse-');
const {tmux} = server;

function start(name: string, ...flags: string[]) {
	tmux('new-session', '-d', '-x', '120', '-y', '35', '-s', name, `${process.execPath} ${CLI} --demo --refresh 0 --no-insights ${flags.join(' ')}; sleep 600`);
	const pane = () => tmux('capture-pane', '-p', '-t', name);
	const until = (check: (s: string) => void) => vi.waitFor(() => check(pane()), {timeout: 20_000, interval: 50});
	/** An SGR report for a 1-based cell, as the bytes a terminal sends. */
	const report = (code: number, x: number, y: number, final: 'M' | 'm') =>
		tmux('send-keys', '-t', name, '-H', ...Buffer.from(`\x1b[<${code};${x};${y}${final}`).toString('hex').match(/../g)!);
	const flag = (format: string) => tmux('display-message', '-p', '-t', name, format).trim();
	return {
		pane, until, flag,
		wheelDown: (y: number) => report(65, 20, y, 'M'),
		click: (y: number) => (report(0, 20, y, 'M'), report(0, 20, y, 'm')),
	};
}

/** The 0-based screen line of the row marked selected (›), and that row's label cell. */
function selected(screen: string): {line: number; text: string} {
	const lines = screen.split('\n');
	const line = lines.findIndex((l) => l.startsWith('› '));
	expect(line).toBeGreaterThan(0);
	return {line, text: lines[line]!};
}

describe('the mouse in tmux', {timeout: 90_000}, () => {
	it('turns reporting on; the wheel moves three rows, a click selects, a click on the selection opens it', async () => {
		const t = start('mouse');
		await t.until((s) => expect(s).toMatch(/\d+ of \d+ sessions/));
		await vi.waitFor(() => expect([t.flag('#{mouse_standard_flag}'), t.flag('#{mouse_sgr_flag}')]).toEqual(['1', '1']), {timeout: 5000, interval: 50});
		const first = selected(t.pane());
		const rows = t.pane().split('\n');

		t.wheelDown(first.line + 1);
		await t.until((s) => expect(selected(s).line).toBe(first.line + 3));
		expect(selected(t.pane()).text.slice(2)).toBe(rows[first.line + 3]!.slice(2));

		// Screen line (0-based) → terminal line (1-based) of the second row.
		t.click(first.line + 2);
		await t.until((s) => expect(selected(s).line).toBe(first.line + 1));
		const label = selected(t.pane()).text.slice(15, 45).trim();
		// Nothing but the cursor moved: no picker, no search, the same list.
		expect(t.pane()).not.toMatch(/model:|search:/i);
		expect(t.pane()).toMatch(/\d+ of \d+ sessions/);

		t.click(first.line + 2);
		await t.until((s) => expect(s).toMatch(/tapedeck › Session\b/));
		expect(t.pane().split('\n')[1]).toContain(label.replace(/…$/, ''));
	});

	it('--no-mouse leaves reporting off', async () => {
		const t = start('no-mouse', '--no-mouse');
		await t.until((s) => expect(s).toMatch(/\d+ of \d+ sessions/));
		expect([t.flag('#{mouse_standard_flag}'), t.flag('#{mouse_sgr_flag}')]).toEqual(['0', '0']);
	});
});
