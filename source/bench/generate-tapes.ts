// Generates a large tapes database for benchmarks: sessions of alternating user/assistant nodes with
// about 400 bytes of content each, tokens on assistant nodes, and a retry branch in one session of ten.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import {createTapesSchema, formatTapesTimestamp, insertTapesNode, nodeHash, tapesBucket, type TapesNodeRecord} from '../sources/tapes/schema.js';
import type {ContentBlock} from '../sources/tapes/content-block.js';
import {prng} from '../core/prng.js';

const WORDS = ('the session index cursor sync window label model token cost cache read write tool result error retry branch ' +
	'parser stream batch commit query table column reducer keymap theme frame render timeline facet worker provider').split(' ');

export {prng};

function sentence(rand: () => number, bytes: number): string {
	let out = '';
	while (out.length < bytes) out += WORDS[Math.floor(rand() * WORDS.length)] + ' ';
	return out.slice(0, bytes);
}

export interface GenerateOptions {
	sessions: number;
	nodesPerSession: number;
	/** Epoch ms of the first session's first node. */
	startMs: number;
	seed?: number;
	/** Offset added to session numbers so appended batches get new content. */
	sessionOffset?: number;
	/** The content blocks of a node (default: text from a small vocabulary, a tool call every fourth assistant node). */
	content?: (rand: () => number, role: string, i: number) => ContentBlock[];
}

function content(rand: () => number, role: string, i: number): ContentBlock[] {
	if (role === 'assistant' && i % 4 === 1) {
		return [
			{type: 'text', text: sentence(rand, 280)},
			{type: 'tool_use', tool_name: ['Read', 'Edit', 'Bash', 'Grep'][i % 4]!, tool_use_id: `toolu_${i}`, tool_input: {path: `src/file${i}.ts`}},
		];
	}
	return [{type: 'text', text: sentence(rand, 380)}];
}

/** Writes the nodes into an existing or new tapes database; returns the number of nodes written. */
export function generateTapes(path: string, opts: GenerateOptions): number {
	const fresh = !fs.existsSync(path);
	const db = new Database(path);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = OFF');
	if (fresh) createTapesSchema(db);
	const insert = insertTapesNode(db);
	const rand = prng(opts.seed ?? 42);
	let written = 0;
	const models = ['claude-sonnet-4-5-20250929', 'gpt-4o', 'claude-haiku-4-5', 'gpt-5'];
	db.transaction(() => {
		for (let s = 0; s < opts.sessions; s++) {
			const n = s + (opts.sessionOffset ?? 0);
			const model = models[n % models.length]!;
			const provider = model.startsWith('claude') ? 'anthropic' : 'openai';
			const project = `project-${n % 37}`;
			let t = opts.startMs + n * 7 * 60_000;
			const branchAt = n % 10 === 0 ? opts.nodesPerSession - 4 : -1;
			let parent: string | null = null;
			let branchParent: string | null = null;
			for (let i = 0; i < opts.nodesPerSession; i++) {
				const onBranch = branchAt >= 0 && i >= opts.nodesPerSession - 2;
				const role = i % 2 === 0 ? 'user' : 'assistant';
				const blocks = (opts.content ?? content)(rand, role, i + n);
				const bucketInput = {role, content: blocks, model, provider, agentName: 'claude'};
				const p: string | null = onBranch && i === opts.nodesPerSession - 2 ? branchParent : parent;
				const hash = nodeHash(p, {...tapesBucket(bucketInput), n, i});
				t += 1000 + Math.floor(rand() * 4000);
				const assistant = role === 'assistant';
				const node: TapesNodeRecord = {
					hash, parentHash: p, role, content: blocks, model, provider, agentName: 'claude', project,
					stopReason: assistant ? 'end_turn' : '', promptTokens: assistant ? 2000 + i * 100 : null,
					completionTokens: assistant ? 300 : null, totalTokens: null, cacheCreation: assistant ? 100 : null,
					cacheRead: assistant ? 1000 : null, totalDurationNs: assistant ? 2e9 : null, promptDurationNs: null,
					createdAt: formatTapesTimestamp(t),
				};
				insert(node);
				written++;
				if (i === branchAt) branchParent = hash;
				parent = hash;
			}
		}
	})();
	db.close();
	return written;
}
