// Generates a Claude Code projects tree for the sources benchmark: sessions of prompt → streamed response
// (thinking, text and tool_use lines repeating one usage, partial then final) → progress tick → tool result
// → answer, with file-history snapshots and titles, and subagent transcripts under some sessions.
import fs from 'node:fs';
import path from 'node:path';
import {prng} from './generate-tapes.js';

const WORDS = ('the session index cursor sync window label model token cost cache read write tool result error retry branch ' +
	'parser stream batch commit query table column reducer keymap theme frame render timeline facet worker provider').split(' ');

export interface ClaudeTreeOptions {
	sessions: number;
	subagents: number;
	projects: number;
	startMs: number;
	seed?: number;
	/** Exchanges per session (default 5–13 at random). */
	turnsPerSession?: number;
	/** Write `"key": "value"` with spaces, as pretty writers do (default compact). */
	spaced?: boolean;
}

/** One line of JSON with a space after every colon and comma, like Python's json.dumps. */
function spacedJson(value: unknown): string {
	// Newlines in strings are escaped by JSON.stringify, so every real newline is structure.
	return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ').replace(/\{ /g, '{').replace(/ \}/g, '}').replace(/\[ /g, '[').replace(/ \]/g, ']');
}

export interface ClaudeTreeStats {
	files: number;
	lines: number;
	bytes: number;
}

const hex = (rand: () => number, n: number) => Array.from({length: n}, () => Math.floor(rand() * 16).toString(16)).join('');
const uuid = (rand: () => number) => `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-8${hex(rand, 3)}-${hex(rand, 12)}`;

function text(rand: () => number, bytes: number): string {
	let out = '';
	while (out.length < bytes) out += WORDS[Math.floor(rand() * WORDS.length)] + ' ';
	return out.slice(0, bytes);
}

interface Writer {
	lines: string[];
	/** Serializes one line (compact or spaced JSON). */
	json?: (value: unknown) => string;
	at: number;
	/** Flushes lines to the file as they pile up, so a 1 GB transcript is never held whole. */
	flush?: () => void;
}

/** One session (or subagent) transcript: `turns` exchanges, each about eight lines. */
function transcript(rand: () => number, w: Writer, ids: {session: string; cwd: string; agentId?: string}, turns: number, model: string): void {
	const base = {isSidechain: ids.agentId !== undefined, userType: 'external', cwd: ids.cwd, sessionId: ids.session, version: '2.1.117', gitBranch: 'main',
		...(ids.agentId ? {agentId: ids.agentId} : {})};
	let parent: string | null = null;
	const push = (o: object) => {
		const id = uuid(rand);
		w.at += 500 + Math.floor(rand() * 4000);
		w.lines.push((w.json ?? JSON.stringify)({parentUuid: parent, ...base, ...o, uuid: id, timestamp: new Date(w.at).toISOString()}));
		parent = id;
	};
	const response = (blocks: object[], usage: {input: number; write: number; read: number; output: number}, stop: string) => {
		const msgId = `msg_${hex(rand, 24)}`;
		const requestId = `req_${hex(rand, 24)}`;
		blocks.forEach((block, i) => {
			const last = i === blocks.length - 1;
			push({type: 'assistant', requestId, message: {id: msgId, type: 'message', role: 'assistant', model, content: [block],
				stop_reason: last ? stop : null, stop_sequence: null, usage: {input_tokens: usage.input, cache_creation_input_tokens: usage.write,
					cache_read_input_tokens: usage.read, cache_creation: {ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: usage.write},
					output_tokens: last ? usage.output : 3 + i, service_tier: 'standard'}}});
		});
	};
	for (let t = 0; t < turns; t++) {
		push({type: 'user', message: {role: 'user', content: text(rand, 80 + Math.floor(rand() * 220))}});
		const tool = `toolu_${hex(rand, 24)}`;
		response([
			{type: 'thinking', thinking: text(rand, 200 + Math.floor(rand() * 300)), signature: hex(rand, 160)},
			{type: 'text', text: text(rand, 150 + Math.floor(rand() * 300))},
			{type: 'tool_use', id: tool, name: ['Read', 'Edit', 'Bash', 'Grep'][t % 4], input: {file_path: `src/${text(rand, 12).trim()}.ts`}},
		], {input: 3 + t, write: 800 + Math.floor(rand() * 2000), read: 10_000 + t * 1500, output: 60 + Math.floor(rand() * 300)}, 'tool_use');
		if (rand() < 0.7) push({type: 'progress', data: {type: 'hook_progress', hookEvent: 'PostToolUse', hookName: 'lint'}, toolUseID: tool});
		const failed = rand() < 0.1;
		push({type: 'user', message: {role: 'user', content: [{type: 'tool_result', tool_use_id: tool, content: text(rand, 300 + Math.floor(rand() * 1500)), is_error: failed}]},
			toolUseResult: failed ? 'Error: command failed' : {stdout: 'ok', stderr: '', interrupted: false, isImage: false}});
		const answer = [{type: 'text', text: text(rand, 100 + Math.floor(rand() * 400))}];
		if (rand() < 0.5) answer.unshift({type: 'text', text: text(rand, 60)});
		response(answer, {input: 5, write: 0, read: 12_000 + t * 1500, output: 40 + Math.floor(rand() * 200)}, 'end_turn');
		if (w.lines.length > 5000) w.flush?.();
	}
}

/** Writes the tree under `root` (a projects directory) and returns what it wrote. */
export function generateClaudeTree(root: string, opts: ClaudeTreeOptions): ClaudeTreeStats {
	const rand = prng(opts.seed ?? 7);
	const stats: ClaudeTreeStats = {files: 0, lines: 0, bytes: 0};
	/** Writes a transcript through `fill`, flushing as it goes; the file's mtime is its last line's time. */
	const write = (file: string, w: Writer, fill: () => void) => {
		fs.mkdirSync(path.dirname(file), {recursive: true});
		const fd = fs.openSync(file, 'w');
		w.flush = () => {
			const body = w.lines.join('\n') + '\n';
			fs.writeSync(fd, body);
			stats.lines += w.lines.length;
			stats.bytes += Buffer.byteLength(body);
			w.lines = [];
		};
		fill();
		w.flush();
		fs.closeSync(fd);
		fs.utimesSync(file, w.at / 1000, w.at / 1000);
		stats.files++;
	};
	const models = ['claude-sonnet-4-5-20250929', 'claude-opus-4-6', 'claude-haiku-4-5-20251001'];
	const subagentEvery = Math.max(1, Math.floor(opts.sessions / Math.max(1, opts.subagents)));
	for (let s = 0; s < opts.sessions; s++) {
		const project = `-Users-me-project-${s % opts.projects}`;
		const cwd = `/Users/me/project-${s % opts.projects}`;
		const session = uuid(rand);
		const json = opts.spaced ? spacedJson : JSON.stringify;
		const w: Writer = {lines: [], at: opts.startMs + s * 3_600_000, json};
		write(path.join(root, project, `${session}.jsonl`), w, () => {
			w.lines.push(json({type: 'file-history-snapshot', messageId: uuid(rand), snapshot: {trackedFileBackups: {}, timestamp: new Date(w.at).toISOString()}, isSnapshotUpdate: false}));
			transcript(rand, w, {session, cwd}, opts.turnsPerSession ?? 5 + Math.floor(rand() * 9), models[s % models.length]!);
			w.lines.push(json({type: 'ai-title', aiTitle: text(rand, 30).trim(), sessionId: session}));
		});
		if (s % subagentEvery === 0 && s / subagentEvery < opts.subagents) {
			const agentId = hex(rand, 8);
			const sub: Writer = {lines: [], at: w.at + 60_000, json};
			write(path.join(root, project, session, 'subagents', `agent-${agentId}.jsonl`), sub, () =>
				transcript(rand, sub, {session, cwd, agentId}, 4 + Math.floor(rand() * 3), 'claude-haiku-4-5-20251001'));
		}
	}
	return stats;
}

/** Appends one more exchange to each of `count` session files (the incremental-sync measurement). */
export function appendToSessions(root: string, count: number, seed = 99): number {
	const rand = prng(seed);
	const files = fs.readdirSync(root, {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.jsonl') && !f.includes('agent-')).sort().slice(0, count);
	let lines = 0;
	for (const f of files) {
		const file = path.join(root, f);
		const session = path.basename(f, '.jsonl');
		const w: Writer = {lines: [], at: fs.statSync(file).mtimeMs + 60_000};
		transcript(rand, w, {session, cwd: '/Users/me/appended'}, 1, 'claude-sonnet-4-5-20250929');
		fs.appendFileSync(file, w.lines.join('\n') + '\n');
		lines += w.lines.length;
	}
	return lines;
}
