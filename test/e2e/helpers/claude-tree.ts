// Writes small Claude Code projects trees for the end-to-end tests: each session a prompt and an answer
// at chosen times (the file's mtime is its last line's, as Claude Code leaves it), optionally with a
// subagent transcript under it, shaped like the fixtures in fixtures/claude-code.
import fs from 'node:fs';
import path from 'node:path';

export interface TreeSession {
	id: string;
	project: string;
	prompt: string;
	startMs: number;
	endMs: number;
	/** Output tokens of the answer (its cost follows). */
	output?: number;
	/** A subagent of this session: its prompt. */
	subagent?: string;
	/** The working directory recorded (default /Users/me/<project>). */
	cwd?: string;
}

function line(o: Record<string, unknown>, s: TreeSession, sidechain: string | null): string {
	return JSON.stringify({
		parentUuid: null, isSidechain: sidechain !== null, userType: 'external', cwd: s.cwd ?? `/Users/me/${s.project}`, sessionId: s.id,
		version: '2.1.117', gitBranch: 'main', ...(sidechain ? {agentId: sidechain} : {}), ...o,
	});
}

function exchange(s: TreeSession, prompt: string, startMs: number, endMs: number, sidechain: string | null, tag: string): string {
	const ts = (ms: number) => new Date(ms).toISOString();
	return [
		line({type: 'user', message: {role: 'user', content: prompt}, uuid: `${tag}u`, timestamp: ts(startMs)}, s, sidechain),
		line({type: 'assistant', requestId: `req_${tag}`, message: {id: `msg_${tag}`, type: 'message', role: 'assistant', model: 'claude-sonnet-4-5-20250929',
			content: [{type: 'text', text: 'Done.'}], stop_reason: 'end_turn', stop_sequence: null,
			usage: {input_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 1000, output_tokens: s.output ?? 500}},
		parentUuid: `${tag}u`, uuid: `${tag}a`, timestamp: ts(endMs)}, s, sidechain),
	].join('\n') + '\n';
}

/** Writes `sessions` under root (a projects directory); returns root. */
export function writeClaudeTree(root: string, sessions: readonly TreeSession[]): string {
	for (const s of sessions) {
		const dir = path.join(root, `-Users-me-${s.project}`);
		fs.mkdirSync(dir, {recursive: true});
		const file = path.join(dir, `${s.id}.jsonl`);
		fs.writeFileSync(file, exchange(s, s.prompt, s.startMs, s.endMs, null, s.id.slice(-12)));
		fs.utimesSync(file, s.endMs / 1000, s.endMs / 1000);
		if (s.subagent) {
			const sub = path.join(dir, s.id, 'subagents', 'agent-a1b2c3d4.jsonl');
			fs.mkdirSync(path.dirname(sub), {recursive: true});
			fs.writeFileSync(sub, exchange(s, s.subagent, s.startMs + 1000, s.endMs - 1000, 'a1b2c3d4', `${s.id.slice(-12)}s`));
			fs.utimesSync(sub, s.endMs / 1000, s.endMs / 1000);
		}
	}
	return root;
}

/** A UUID-shaped session ID from a number (readable in failures). */
export function sessionId(n: number): string {
	const hex = n.toString(16).padStart(12, '0');
	return `${hex.slice(0, 8)}-0000-4000-8000-${hex}`;
}
