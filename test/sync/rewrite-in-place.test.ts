// A transcript rewritten in place (an editor, a tool that redacts) with the same size, the same inode and
// the same first 256 bytes: the index takes the new content instead of keeping the old forever.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {syncWorkspace} from '../../source/workspace/sync-workspace.js';
import {loadSessionDetail} from '../../source/workspace/session-detail.js';
import {syncTranscripts} from '../helpers/transcripts.js';
import {tempDir} from '../helpers/workspace.js';

const user = (uuid: string, parent: string | null, text: string, sec: number) => JSON.stringify({type: 'user', sessionId: 'rw', uuid, parentUuid: parent,
	timestamp: new Date(Date.UTC(2026, 1, 1, 9, 0, sec)).toISOString(), cwd: '/Users/me/app', message: {role: 'user', content: text}});

describe('a transcript rewritten in place', () => {
	it('with the same size, inode and head is read again', async () => {
		const root = tempDir();
		fs.mkdirSync(path.join(root, '-Users-me-app'));
		const file = path.join(root, '-Users-me-app', 'rw.jsonl');
		const lines = [user('a', null, `first ${'p'.repeat(300)}`, 0), user('b', 'a', 'the secret is 1234', 1), user('c', 'b', 'bye', 2)];
		fs.writeFileSync(file, lines.join('\n') + '\n');
		fs.utimesSync(file, Date.UTC(2026, 1, 1, 9, 1) / 1000, Date.UTC(2026, 1, 1, 9, 1) / 1000);
		const run = await syncTranscripts({claude: [root]});
		const inode = fs.statSync(file).ino;
		const texts = () => {
			const d = loadSessionDetail(run.ws, 'rw');
			if (!d.ok) throw new Error(d.error);
			return d.value.messages.map((m) => m.text);
		};
		expect(texts()[1]).toBe('the secret is 1234');

		// Redacted in place: same length, same file, same first 256 bytes; only the time changes.
		const fd = fs.openSync(file, 'r+');
		const text = fs.readFileSync(file, 'utf8');
		const at = text.indexOf('the secret is 1234');
		fs.writeSync(fd, Buffer.from('the hidden is ****'), 0, 18, Buffer.byteLength(text.slice(0, at)));
		fs.closeSync(fd);
		fs.utimesSync(file, Date.UTC(2026, 1, 1, 9, 5) / 1000, Date.UTC(2026, 1, 1, 9, 5) / 1000);
		expect(fs.statSync(file).ino).toBe(inode);
		expect(fs.statSync(file).size).toBe(Buffer.byteLength(text));

		await syncWorkspace(run.ws);
		expect(texts()).toHaveLength(3);
		expect(texts()[1]).toBe('the hidden is ****');
	});
});
