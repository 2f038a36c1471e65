// Enough transcripts of every kind that a sync takes a while: a Claude Code tree from the sources benchmark's
// generator, and Codex rollouts and PromptKit conversations written here in the same spirit.
import fs from 'node:fs';
import path from 'node:path';
import {generateClaudeTree} from '../../source/bench/sources-generate.js';
import {prng} from '../../source/core/prng.js';

export interface Volume {
	claude: string;
	codex: string;
	promptkit: string;
}

const START = Date.UTC(2026, 0, 1);

function codexRollouts(root: string, sessions: number, turns: number, rand: () => number): void {
	const dir = path.join(root, 'sessions', '2026', '01', '01');
	fs.mkdirSync(dir, {recursive: true});
	for (let s = 0; s < sessions; s++) {
		const id = `0199${String(s).padStart(4, '0')}-0000-7000-8000-${Math.floor(rand() * 1e12).toString(16).padStart(12, '0')}`;
		let at = START + s * 3_600_000;
		const line = (o: object) => JSON.stringify({timestamp: new Date((at += 1500)).toISOString(), ...o});
		const item = (payload: object) => line({type: 'response_item', payload});
		const lines = [
			line({type: 'session_meta', payload: {id, timestamp: new Date(at).toISOString(), cwd: `/Users/me/api-${s % 7}`, originator: 'codex_cli_rs', model_provider: 'openai', source: 'cli'}}),
			line({type: 'turn_context', payload: {cwd: `/Users/me/api-${s % 7}`, model: s % 2 ? 'gpt-5.2-codex' : 'gpt-5'}}),
		];
		for (let t = 0; t < turns; t++) {
			const used = {input_tokens: 2000 + t * 300, cached_input_tokens: 1500, output_tokens: 50 + Math.floor(rand() * 400), reasoning_output_tokens: 20};
			lines.push(
				item({type: 'message', role: 'user', content: [{type: 'input_text', text: `turn ${t}: ${'please fix the failing test '.repeat(1 + Math.floor(rand() * 8))}`}]}),
				item({type: 'function_call', name: 'exec_command', arguments: JSON.stringify({cmd: `cargo test ${t}`}), call_id: `call_${s}_${t}`}),
				line({type: 'event_msg', payload: {type: 'token_count', info: {last_token_usage: used}}}),
				item({type: 'function_call_output', call_id: `call_${s}_${t}`, output: `Exit code: ${t % 5 ? 0 : 1}\nOutput:\n${'ok '.repeat(Math.floor(rand() * 200))}`}),
				item({type: 'message', role: 'assistant', content: [{type: 'output_text', text: 'fixed the window '.repeat(1 + Math.floor(rand() * 20))}]}),
				line({type: 'event_msg', payload: {type: 'token_count', info: {last_token_usage: {...used, output_tokens: 30}}}}),
			);
		}
		const file = path.join(dir, `rollout-2026-01-01T00-00-00-${id}.jsonl`);
		fs.writeFileSync(file, lines.join('\n') + '\n');
		fs.utimesSync(file, at / 1000, at / 1000);
	}
}

function promptkitConversations(root: string, sessions: number, turns: number, rand: () => number): void {
	for (let s = 0; s < sessions; s++) {
		const dir = path.join(root, `conv-bulk-${s}`);
		fs.mkdirSync(dir, {recursive: true});
		let at = START + s * 3_600_000 + 600_000;
		const lines: string[] = [];
		for (let t = 0; t < turns; t++) {
			lines.push(JSON.stringify({role: 'user', content: `question ${t}: ${'where is my order '.repeat(1 + Math.floor(rand() * 6))}`, timestamp: new Date((at += 2000)).toISOString()}));
			lines.push(JSON.stringify({role: 'assistant', content: 'it ships tomorrow '.repeat(1 + Math.floor(rand() * 10)), timestamp: new Date((at += 2000)).toISOString(),
				cost_info: {input_tokens: 300 + t * 50, output_tokens: 40, total_cost_usd: 0.002}, meta: {model: 'gpt-4o', provider: 'openai'}}));
		}
		fs.writeFileSync(path.join(dir, 'messages.jsonl'), lines.join('\n') + '\n');
		if (s % 2) fs.writeFileSync(path.join(dir, 'state.json'), JSON.stringify({id: `bulk-${s}`, metadata: {title: `bulk conversation ${s}`}}));
	}
}

/** Writes all three kinds under `dir`; `scale` 1 is about 1,000 files and 90,000 lines. */
export function generateVolume(dir: string, scale = 1): Volume {
	const rand = prng(11);
	const volume = {claude: path.join(dir, 'claude', 'projects'), codex: path.join(dir, 'codex'), promptkit: path.join(dir, 'promptkit')};
	generateClaudeTree(volume.claude, {sessions: Math.round(400 * scale), subagents: Math.round(80 * scale), projects: 12, startMs: START});
	codexRollouts(volume.codex, Math.round(250 * scale), 20, rand);
	promptkitConversations(volume.promptkit, Math.round(250 * scale), 20, rand);
	return volume;
}
