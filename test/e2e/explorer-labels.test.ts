// Issue 17, item 1, in a real terminal: labels are stored whole (the JSON report carries the full text),
// the table gives the label what the other columns leave, and at 80 columns it drops columns instead of
// squeezing the label. Needs `npm run build` (pretest).
import {spawnSync} from 'node:child_process';
import {CLI, tmuxServer} from './helpers/tmux.js';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import stringWidth from 'string-width';

const server = tmuxServer('tapedeck-labels-');
const {env, tmux} = server;

interface JsonSession {
	label: string;
	total_cost: number | null;
}

let sessions: JsonSession[] = [];

beforeAll(() => {
	const report = spawnSync(process.execPath, [CLI, 'sessions', '--demo', '--json', '--sort', 'cost'], {env, encoding: 'utf8'});
	expect(report.status).toBe(0);
	sessions = (JSON.parse(report.stdout) as {sessions: JsonSession[]}).sessions;
});

afterAll(() => server.close());

function open(name: string, columns: number, rows: number) {
	tmux('new-session', '-d', '-x', String(columns), '-y', String(rows), '-s', name, `${process.execPath} ${CLI} --demo --refresh 0 --no-insights; sleep 600`);
	const pane = () => tmux('capture-pane', '-p', '-t', name);
	const until = (check: (screen: string) => void) => vi.waitFor(() => check(pane()), {timeout: 20_000, interval: 50});
	return {pane, until};
}

const header = (screen: string) => screen.split('\n').find((l) => /^ {2}date/.test(l)) ?? '';
const firstRow = (screen: string) => screen.split('\n').find((l) => l.startsWith('› ')) ?? '';

describe('labels in tmux', {timeout: 60_000}, () => {
	it('stores labels whole: the report carries labels longer than the old 36-character cut', () => {
		const long = sessions.filter((s) => s.label.length > 36);
		expect(long.length).toBeGreaterThan(5);
		for (const s of long) expect(s.label.endsWith('...')).toBe(false);
	});

	it('at 200×50 shows every column and the whole label of the most expensive session', async () => {
		const {pane, until} = open('wide', 200, 50);
		await until((s) => expect(s).toContain(`${sessions.length} of ${sessions.length} sessions`));
		tmux('send-keys', '-t', 'wide', 'S');
		await until((s) => expect(header(s)).toContain('cost▼'));
		for (const title of ['date', 'label', 'project', 'agent', 'model', 'status', 'dur', 'msgs', 'tools', 'tokens']) expect(header(pane())).toContain(title);
		const priciest = sessions[0]!;
		expect(priciest.label.length).toBeGreaterThan(36);
		const labelWidth = header(pane()).indexOf('project') - header(pane()).indexOf('label') - 1;
		expect(labelWidth).toBeGreaterThan(80);
		const shown = priciest.label.length <= labelWidth ? priciest.label : priciest.label.slice(0, labelWidth - 1);
		await until((s) => expect(firstRow(s)).toContain(shown));
	});

	it('at 80×24 keeps date, label, project, model, status and cost, and gives the label a quarter of the line', async () => {
		const {pane, until} = open('narrow', 80, 24);
		await until((s) => expect(s).toContain(`${sessions.length} of ${sessions.length} sessions`));
		const head = header(pane());
		for (const title of ['date', 'label', 'project', 'model', 'cost']) expect(head).toContain(title);
		for (const title of ['msgs', 'tools']) expect(head).not.toContain(title);
		const labelWidth = head.indexOf('project') - head.indexOf('label') - 1;
		expect(labelWidth).toBeGreaterThanOrEqual(24);
		for (const line of pane().split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
	});
});
