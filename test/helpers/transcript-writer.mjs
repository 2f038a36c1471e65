// A separate process that keeps writing transcripts the way the agents do, while tapedeck syncs: new
// Claude Code sessions, Codex rollouts and PromptKit conversations, messages appended to ones already
// there, some lines written in two parts with a pause (a last line without its newline for a while), and
// PromptKit's state.json rewritten (in place in two parts, or atomically by rename).
// Usage: node transcript-writer.mjs <root> <manifest.json> <steps> <seed>
// The manifest lists every session written: the IDs its messages get in the index, its output tokens
// and its last title.
import fs from 'node:fs';
import path from 'node:path';

const [root, manifestFile, stepsArg, seedArg] = process.argv.slice(2);
const STEPS = Number(stepsArg);
let seed = Number(seedArg) >>> 0;
/** mulberry32: the same run for the same seed. */
const rand = () => {
	seed = (seed + 0x6d2b79f5) >>> 0;
	let t = seed;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (n) => Math.floor(rand() * n);
const hex = (n) => Array.from({length: n}, () => pick(16).toString(16)).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let clock = Date.UTC(2026, 0, 1);
const stamp = () => new Date((clock += 1000)).toISOString();
const stats = {lines: 0, splitLines: 0, stateRewrites: 0, splitStates: 0};

/** Appends one line; a quarter of them in two parts (split at any byte, even inside a character) with a pause. */
async function appendLine(file, value) {
	const bytes = Buffer.from(JSON.stringify(value) + '\n');
	stats.lines++;
	if (rand() < 0.25) {
		const cut = 1 + pick(bytes.length - 1);
		fs.appendFileSync(file, bytes.subarray(0, cut));
		stats.splitLines++;
		await sleep(10 + pick(20));
		fs.appendFileSync(file, bytes.subarray(cut));
	} else fs.appendFileSync(file, bytes);
}

const text = (s, k) => `writer ${s.id.slice(0, 8)} message ${k}: café — ✓ ${'lorem ipsum '.repeat(1 + pick(20))}`;

const claude = {
	kind: 'claude-code',
	create() {
		const id = uuid();
		const dir = path.join(root, 'claude', 'projects', '-Users-me-writer');
		fs.mkdirSync(dir, {recursive: true});
		return {id, file: path.join(dir, `${id}.jsonl`), messageIds: [], parent: null};
	},
	async append(s) {
		const base = {sessionId: s.id, cwd: '/Users/me/writer', gitBranch: 'main', userType: 'external', version: '2.1.117'};
		const line = async (o) => {
			const id = uuid();
			await appendLine(s.file, {parentUuid: s.parent, ...base, ...o, uuid: id, timestamp: stamp()});
			s.parent = id;
			return id;
		};
		s.messageIds.push(await line({type: 'user', message: {role: 'user', content: text(s, s.messageIds.length)}}));
		// A response streamed as two lines (one per content block) that become one message.
		const msgId = `msg_${hex(24)}`;
		const requestId = `req_${hex(24)}`;
		const usage = (out) => ({input_tokens: 3, cache_creation_input_tokens: 100, cache_read_input_tokens: 1000, output_tokens: out});
		const tool = `toolu_${hex(24)}`;
		await line({type: 'assistant', requestId, message: {id: msgId, type: 'message', role: 'assistant', model: 'claude-sonnet-4-5-20250929',
			content: [{type: 'text', text: text(s, s.messageIds.length)}], stop_reason: null, usage: usage(2)}});
		await line({type: 'assistant', requestId, message: {id: msgId, type: 'message', role: 'assistant', model: 'claude-sonnet-4-5-20250929',
			content: [{type: 'tool_use', id: tool, name: 'Read', input: {file_path: 'a.ts'}}], stop_reason: 'tool_use', usage: usage(40)}});
		s.messageIds.push(`${msgId}:${requestId}`);
		s.output += 40;
		s.messageIds.push(await line({type: 'user', message: {role: 'user', content: [{type: 'tool_result', tool_use_id: tool, content: 'ok'}]}}));
	},
};

const codex = {
	kind: 'codex',
	async create() {
		const id = uuid();
		const dir = path.join(root, 'codex', 'sessions', '2026', '01', '01');
		fs.mkdirSync(dir, {recursive: true});
		const s = {id, file: path.join(dir, `rollout-2026-01-01T00-00-00-${id}.jsonl`), messageIds: [], lines: 0};
		await this.line(s, {type: 'session_meta', payload: {id, timestamp: stamp(), cwd: '/Users/me/writer', originator: 'codex_cli_rs', model_provider: 'openai', source: 'cli'}});
		await this.line(s, {type: 'turn_context', payload: {cwd: '/Users/me/writer', model: 'gpt-5.2-codex'}});
		return s;
	},
	/** Writes a line; a message's ID in the index is `<session>:<line number>`. */
	async line(s, o, message = false) {
		await appendLine(s.file, {timestamp: stamp(), ...o});
		s.lines++;
		if (message) s.messageIds.push(`${s.id}:${s.lines}`);
	},
	async append(s) {
		const item = (payload) => ({type: 'response_item', payload});
		const tokens = {input_tokens: 1000, cached_input_tokens: 250, output_tokens: 100 + s.lines, reasoning_output_tokens: 0, total_tokens: 1100 + s.lines};
		await this.line(s, item({type: 'message', role: 'user', content: [{type: 'input_text', text: text(s, s.lines)}]}), true);
		await this.line(s, item({type: 'reasoning', summary: [], encrypted_content: 'gAAAA' + hex(64)}));
		const call = `call_${hex(8)}`;
		await this.line(s, item({type: 'function_call', name: 'exec_command', arguments: '{"cmd":"ls"}', call_id: call}), true);
		// The usage of the call joins it (in the index, when the call was stored by an earlier sync).
		await this.line(s, {type: 'event_msg', payload: {type: 'token_count', info: {last_token_usage: tokens}}});
		s.output += tokens.output_tokens;
		await this.line(s, item({type: 'function_call_output', call_id: call, output: 'Exit code: 0\nOutput:\nok'}), true);
		await this.line(s, item({type: 'message', role: 'assistant', content: [{type: 'output_text', text: text(s, s.lines)}]}), true);
	},
};

const promptkit = {
	kind: 'promptkit',
	create() {
		const id = `w${hex(10)}`;
		const dir = path.join(root, 'promptkit', `conv-${id}`);
		fs.mkdirSync(dir, {recursive: true});
		return {id, dir, file: path.join(dir, 'messages.jsonl'), messageIds: [], lines: 0, title: undefined};
	},
	async append(s) {
		for (const role of ['user', 'assistant']) {
			const cost = role === 'assistant' ? {cost_info: {input_tokens: 200, output_tokens: 20, total_cost_usd: 0.001}, meta: {model: 'gpt-4o', provider: 'openai'}} : {};
			await appendLine(s.file, {role, content: text(s, s.lines), timestamp: stamp(), ...cost});
			s.lines++;
			s.messageIds.push(`${s.id}:${s.lines}`);
			if (role === 'assistant') s.output += 20;
		}
		if (rand() < 0.6) await this.state(s);
	},
	/** Rewrites state.json with a new title: in place in two parts with a pause, or atomically. */
	async state(s) {
		s.title = `conversation ${s.id} v${s.lines}`;
		const body = JSON.stringify({id: s.id, user_id: 'u-1', token_count: s.lines * 10, last_accessed_at: stamp(), metadata: {title: s.title}});
		const file = path.join(s.dir, 'state.json');
		stats.stateRewrites++;
		if (rand() < 0.5) {
			const cut = 1 + pick(body.length - 1);
			fs.writeFileSync(file, body.slice(0, cut));
			stats.splitStates++;
			await sleep(10 + pick(20));
			fs.appendFileSync(file, body.slice(cut));
		} else {
			fs.writeFileSync(`${file}.tmp`, body);
			fs.renameSync(`${file}.tmp`, file);
		}
	},
};

const kinds = [claude, codex, promptkit];
const sessions = [];
for (let step = 0; step < STEPS; step++) {
	const kind = kinds[step % 3];
	const mine = sessions.filter((s) => s.kind === kind.kind);
	// New sessions early on, then mostly appends to sessions a sync has probably read already.
	if (mine.length < 2 || rand() < 0.25) {
		const s = {kind: kind.kind, output: 0, ...(await kind.create())};
		sessions.push(s);
		await kind.append(s);
	} else await kind.append(mine[pick(mine.length)]);
	await sleep(pick(4));
}
const manifest = {stats, sessions: sessions.map(({kind, id, messageIds, output, title}) => ({kind, id, messageIds, output, ...(title ? {title} : {})}))};
fs.writeFileSync(manifestFile, JSON.stringify(manifest));
