// Subagent IDs are scoped to their parent: two sessions whose subagents share an agentId keep two subagent
// rows, each linked to its own parent, in one sync and across syncs. A subagent alone with its ID keeps the
// ID it always had (agent-<id>), so existing indexes and links stay as they were.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {syncTranscripts} from '../helpers/transcripts.js';
import {tempDir} from '../helpers/workspace.js';

const line = (sessionId: string, o: object) => JSON.stringify({sessionId, cwd: '/Users/me/app', timestamp: '2026-02-01T09:00:00Z', ...o});
function session(project: string, sid: string, prompt: string, minute: number) {
	const at = (s: number) => new Date(Date.UTC(2026, 1, 1, 9, minute, s)).toISOString();
	fs.writeFileSync(path.join(project, `${sid}.jsonl`), line(sid, {type: 'user', uuid: `${sid}-u`, parentUuid: null, timestamp: at(0), message: {role: 'user', content: prompt}}) + '\n');
	fs.mkdirSync(path.join(project, sid, 'subagents'), {recursive: true});
	fs.writeFileSync(path.join(project, sid, 'subagents', 'agent-same.jsonl'), [
		line(sid, {type: 'user', isSidechain: true, agentId: 'same', uuid: `${sid}-s1`, parentUuid: null, timestamp: at(1), message: {role: 'user', content: `sub of ${prompt}`}}),
		line(sid, {type: 'user', isSidechain: true, agentId: 'same', uuid: `${sid}-s2`, parentUuid: `${sid}-s1`, timestamp: at(2), message: {role: 'user', content: 'more'}}),
	].join('\n') + '\n');
}

describe('subagent IDs', () => {
	it('two subagents with one agentId in two sessions stay apart, each under its parent', async () => {
		const root = tempDir();
		const project = path.join(root, '-Users-me-app');
		fs.mkdirSync(project);
		session(project, 'aaaaaaaa-1111', 'first', 0);
		const run = await syncTranscripts({claude: [root]});
		expect(run.sessions().find((s) => s.parentId === 'aaaaaaaa-1111')!.id).toBe('agent-same');
		session(project, 'bbbbbbbb-2222', 'second', 10);
		await syncWorkspace(run.ws);
		const subs = run.sessions().filter((s) => s.parentId !== null);
		expect(subs.map((s) => [s.parentId, s.messageCount, s.label]).sort()).toEqual([
			['aaaaaaaa-1111', 2, 'sub of first'], ['bbbbbbbb-2222', 2, 'sub of second'],
		]);
		expect(subs.find((s) => s.parentId === 'aaaaaaaa-1111')!.id).toBe('agent-same');
		// Appending to the second one later keeps it under its own ID.
		fs.appendFileSync(path.join(project, 'bbbbbbbb-2222', 'subagents', 'agent-same.jsonl'), line('bbbbbbbb-2222', {type: 'user', isSidechain: true,
			agentId: 'same', uuid: 'b-s3', parentUuid: 'bbbbbbbb-2222-s2', timestamp: '2026-02-01T09:10:09Z', message: {role: 'user', content: 'last'}}) + '\n');
		await syncWorkspace(run.ws);
		expect(run.sessions().filter((s) => s.parentId !== null).map((s) => s.messageCount).sort()).toEqual([2, 3]);
	});

	it('in one sync, too', async () => {
		const root = tempDir();
		const project = path.join(root, '-Users-me-app');
		fs.mkdirSync(project);
		session(project, 'aaaaaaaa-1111', 'first', 0);
		session(project, 'bbbbbbbb-2222', 'second', 10);
		const run = await syncTranscripts({claude: [root]});
		const subs = run.sessions().filter((s) => s.parentId !== null);
		expect(subs.map((s) => [s.parentId, s.messageCount]).sort()).toEqual([['aaaaaaaa-1111', 2], ['bbbbbbbb-2222', 2]]);
	});
});
