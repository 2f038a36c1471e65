// The CLI's reports and its handling of bad input, through the built binary.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {describe, expect, it} from 'vitest';
import {buildTapesDb} from '../../fixtures/tapes-builder.js';
import {TAPES_BAD_ROWS, TAPES_BASIC} from '../../fixtures/tapes-cases.js';
import {tempDir} from '../helpers/workspace.js';
import {runCli} from './run-cli.js';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe('tapedeck sessions', () => {
	it('--demo --json twice gives identical output', () => {
		const env = {XDG_DATA_HOME: tempDir()};
		const first = runCli(['sessions', '--demo', '--json'], env);
		expect(first.status).toBe(0);
		expect(first.stderr).toMatch(/Seeded 67 demo sessions/);
		const second = runCli(['sessions', '--demo', '--json'], env);
		expect(second.stdout).toBe(first.stdout);
		const report = JSON.parse(first.stdout) as {sessions: Array<{label: string; total_cost: number | null}>; total_sessions: number};
		expect(report.total_sessions).toBe(67);
		expect(report.sessions.some((s) => s.total_cost === null)).toBe(true);
		const review = report.sessions.find((s) => s.label.startsWith('Can you review PR #342'));
		expect(review?.total_cost).toBeCloseTo(0.1434, 4);
	});

	it('prints a table with totals and the price table date, and CSV with a header', () => {
		const env = {XDG_DATA_HOME: tempDir()};
		const table = runCli(['sessions', '--demo', '--status', 'failed', '--sort', 'date'], env);
		expect(table.status).toBe(0);
		expect(table.stdout).toMatch(/^date\s+label/);
		expect(table.stdout).toMatch(/prices: built-in table, verified \d{4}-\d{2}-\d{2}/);
		expect(table.stdout).toContain('filters: status:failed');
		expect(table.stdout.split('\n').filter((l) => /\bcompleted\b/.test(l))).toEqual([]);
		const csv = runCli(['sessions', '--demo', '--csv'], env);
		expect(csv.stdout.split('\n')[0]).toBe('id,start_time,label,project,agent_name,model,status,duration_ns,message_count,tool_calls,input_tokens,output_tokens,total_tokens,total_cost,cost_source,source');
		expect(csv.stdout.trim().split('\n')).toHaveLength(68);
	});

	it('a bare tapedeck without a terminal prints the sessions report', () => {
		const env = {XDG_DATA_HOME: tempDir()};
		const bare = runCli(['--demo', '--json'], env);
		expect(bare.status).toBe(0);
		expect(JSON.parse(bare.stdout).total_sessions).toBe(67);
	});

	it('show prints Markdown that starts with a heading and lists every message', () => {
		const env = {XDG_DATA_HOME: tempDir()};
		const list = JSON.parse(runCli(['sessions', '--demo', '--json', '--search', 'Memory usage'], env).stdout) as {sessions: Array<{id: string}>};
		const md = runCli(['show', list.sessions[0]!.id.slice(0, 10), '--demo', '--md'], env);
		expect(md.status).toBe(0);
		expect(md.stdout.startsWith('# Memory usage climbs')).toBe(true);
		expect(md.stdout.match(/^### \d+\. /gm)).toHaveLength(9);
		for (const tool of ['Read', 'Grep', 'Edit', 'Write']) expect(md.stdout).toContain(`**Tool call:** \`${tool}\``);
		const json = JSON.parse(runCli(['show', list.sessions[0]!.id, '--demo', '--json'], env).stdout);
		expect(json.messages).toHaveLength(9);
		expect(json.grouped_messages.length).toBeGreaterThan(1);
		expect(json.messages.flatMap((m: {tool_calls: Array<{name: string}>}) => m.tool_calls.map((c) => c.name))).toContain('Grep');
	});
});

describe('tapedeck show --md', () => {
	it('prints cache writes, reads and what they saved, per message and for the session, with the cost source', () => {
		const dir = tempDir();
		const db = path.join(dir, 'tapes.sqlite');
		// TAPES_BASIC writes 11,000 tokens to the cache; here its last answer reads them back.
		buildTapesDb(db, TAPES_BASIC.map((n) => (n.id === 'a2' ? {...n, tokens: {in: 12500, out: 40, cacheRead: 11000}} : n)));
		const args = ['--sqlite', db, '--index', path.join(dir, 'i.sqlite'), '--tz', 'UTC'];
		const id = (JSON.parse(runCli(['sessions', '--json', ...args]).stdout) as {sessions: Array<{id: string}>}).sessions[0]!.id;
		const md = runCli(['show', id, '--md', ...args]);
		expect(md.status, md.stderr).toBe(0);
		const lines = md.stdout.split('\n');
		expect(lines).toContain('- **Cost:** $0.05 · **Cost source:** computed (computed from prices, built-in table)');
		expect(lines).toContain('- **Tokens:** 24,500 in · 130 out · **Cache:** 11,000 read · 11,000 written · saved $0.03');
		expect(lines.filter((l) => l.startsWith('- **Cache:**'))).toEqual(['- **Cache:** 0 read · 11,000 written', '- **Cache:** 11,000 read · 0 written · saved $0.03']);
		expect(lines).toContain('- **Model:** claude-sonnet-4.5 · **Latency:** 2,500 ms');
	});
});

describe('bad input', () => {
	it('a file that is not SQLite: one line naming it, exit 1, file untouched', () => {
		const dir = tempDir();
		const file = path.join(dir, 'notes.sqlite');
		fs.writeFileSync(file, 'these are my notes, not a database\n'.repeat(200));
		const before = sha(file);
		const r = runCli(['sessions', '--sqlite', file, '--index', path.join(dir, 'i.sqlite')]);
		expect(r.status).toBe(1);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(r.stderr).toContain(file);
		noStack(r.stderr);
		expect(sha(file)).toBe(before);
	});

	it('a SQLite file without nodes: one line, exit 1', () => {
		const dir = tempDir();
		const file = path.join(dir, 'other.sqlite');
		const db = new Database(file);
		db.exec('CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES (\'a\')');
		db.close();
		const before = sha(file);
		const r = runCli(['sessions', '--sqlite', file, '--index', path.join(dir, 'i.sqlite')]);
		expect(r.status).toBe(1);
		expect(r.stderr).toContain('no nodes table');
		noStack(r.stderr);
		expect(sha(file)).toBe(before);
	});

	it('malformed rows are counted in warnings; the rest is shown and the exit status is 0', () => {
		const dir = tempDir();
		const file = path.join(dir, 'tapes.sqlite');
		buildTapesDb(file, TAPES_BAD_ROWS);
		const before = sha(file);
		const r = runCli(['sessions', '--sqlite', file, '--index', path.join(dir, 'i.sqlite')]);
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/warning: .*tapes\.sqlite/);
		noStack(r.stdout + r.stderr);
		expect(sha(file)).toBe(before);
	});

	it('a pricing file with a wrong type: one line naming the file and the field, exit 1', () => {
		const dir = tempDir();
		const db = path.join(dir, 'tapes.sqlite');
		buildTapesDb(db, TAPES_BASIC);
		const prices = path.join(dir, 'prices.json');
		fs.writeFileSync(prices, JSON.stringify({'gpt-4o': {input: '2.50'}}));
		const r = runCli(['sessions', '--sqlite', db, '--index', path.join(dir, 'i.sqlite'), '--pricing', prices]);
		expect(r.status).toBe(1);
		expect(r.stderr.trim()).toMatch(new RegExp(`^tapedeck: pricing file ${prices}: gpt-4o\\.input: .*number`));
		noStack(r.stderr);
	});

	it('a pricing override keeps the fields it leaves out', () => {
		const dir = tempDir();
		const db = path.join(dir, 'tapes.sqlite');
		buildTapesDb(db, TAPES_BASIC);
		const prices = path.join(dir, 'prices.json');
		fs.writeFileSync(prices, JSON.stringify({'claude-sonnet-4.5': {output: 30}}));
		const base = JSON.parse(runCli(['sessions', '--json', '--sqlite', db, '--index', path.join(dir, 'a.sqlite')]).stdout);
		const over = JSON.parse(runCli(['sessions', '--json', '--sqlite', db, '--index', path.join(dir, 'b.sqlite'), '--pricing', prices]).stdout);
		expect(over.total_cost - base.total_cost).toBeCloseTo((130 * 15) / 1e6, 12);
		expect(over.pricing.source).toContain(prices);
	});

	it.each([
		[['--since', 'fortnight'], '--since'], [['--sort', 'price'], '--sort'], [['--status', 'ok'], '--status'],
		[['--tz', 'Mars/Base'], '--tz'], [['frobnicate'], 'unknown command'], [['--overwrite'], '--overwrite requires --demo'],
	])('%j is refused with one line naming %s', (args, needle) => {
		const r = runCli([...args, '--demo'].filter((a, i, all) => !(a === '--demo' && all.includes('--overwrite'))), {XDG_DATA_HOME: tempDir()});
		expect(r.status).toBe(1);
		expect(r.stderr).toContain(needle);
		noStack(r.stderr);
	});
});

describe('the TZ variable', () => {
	it('is read as the C library reads it, and one that names no zone is UTC with a line, never a refusal', () => {
		const dir = tempDir();
		const db = path.join(dir, 'tapes.sqlite');
		buildTapesDb(db, TAPES_BASIC);
		const table = (tz: string) => runCli(['sessions', '--since', '0', '--sqlite', db, '--index', path.join(dir, 'i.sqlite')], {TZ: tz});
		const utc = table('UTC');
		expect(utc.status, utc.stderr).toBe(0);
		// Refused before as `invalid --tz`, which stopped every command: an empty TZ and glibc's `:zone` form.
		for (const tz of ['', ':UTC', ':Etc/UTC']) {
			const r = table(tz);
			expect(r.status, `${tz}: ${r.stderr}`).toBe(0);
			expect(r.stdout).toBe(utc.stdout);
			expect(r.stderr).toBe('');
		}
		const tokyo = table(':Asia/Tokyo');
		expect(tokyo.status).toBe(0);
		expect(tokyo.stdout).not.toBe(utc.stdout);
		const unknown = table('Mars/Base');
		expect(unknown.status).toBe(0);
		expect(unknown.stdout).toBe(utc.stdout);
		expect(unknown.stderr).toContain('TZ="Mars/Base" names no time zone this system knows; local times are shown in UTC');
	});
});

describe('manual', () => {
	it('--help names every command, flag and environment variable', () => {
		const r = runCli(['--help']);
		expect(r.status).toBe(0);
		for (const word of ['sessions', 'show', 'analytics', 'sync', '--sqlite', '--demo', '--overwrite', '--index', '--pricing',
			'--since', '--from', '--to', '--tz', '--model', '--status', '--project', '--agent', '--search', '--sort', '--sort-dir',
			'--json', '--csv', '--md', '--refresh', '--theme', 'TAPES_SQLITE', 'TAPES_DB', 'XDG_DATA_HOME', 'NO_COLOR']) {
			expect(r.stdout).toContain(word);
		}
		// The summary line once: meow would add package.json's description above the manual's own.
		expect(r.stdout.match(/A terminal explorer for recorded LLM agent sessions/g)).toHaveLength(1);
	});

	it('--version prints the version', () => {
		const version = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')).version;
		expect(runCli(['--version']).stdout.trim()).toBe(version);
	});
});
