// Transcripts as other tools leave them: CR-only line endings (classic Mac, some editors), CRLF, and a file
// whose only line has no newline after it (it stopped growing). Each is read whole, with line numbers
// that match the file's lines.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {syncTranscripts} from '../helpers/transcripts.js';
import {tempDir} from '../helpers/workspace.js';

const user = (uuid: string, parent: string | null, text: string, sec: number) => JSON.stringify({type: 'user', sessionId: 'le', uuid, parentUuid: parent,
	timestamp: new Date(Date.UTC(2026, 1, 1, 9, 0, sec)).toISOString(), cwd: '/Users/me/app', message: {role: 'user', content: text}});

function write(content: string, mtimeMs = Date.UTC(2026, 1, 1, 9, 1)): string {
	const root = tempDir();
	const project = path.join(root, '-Users-me-app');
	fs.mkdirSync(project);
	const file = path.join(project, 'le.jsonl');
	fs.writeFileSync(file, content);
	fs.utimesSync(file, mtimeMs / 1000, mtimeMs / 1000);
	return root;
}

describe('line endings', () => {
	it.each([['CR only', '\r'], ['CRLF', '\r\n'], ['LF', '\n']])('%s: every line is read', async (_name, eol) => {
		const root = write([user('a', null, 'one', 0), user('b', 'a', 'two', 1), user('c', 'b', 'three', 2)].join(eol) + eol);
		const run = await syncTranscripts({claude: [root]});
		expect(run.sessions().map((s) => s.messageCount)).toEqual([3]);
		expect(run.synced.summaries[0]!.warnings).toEqual([]);
	});

	it('CR only, with a bad line: the warning names line 2', async () => {
		const root = write([user('a', null, 'one', 0), '{bad', user('c', 'a', 'three', 2)].join('\r') + '\r');
		const run = await syncTranscripts({claude: [root]});
		expect(run.sessions()[0]!.messageCount).toBe(2);
		expect(run.synced.summaries[0]!.warnings.map((w) => w.where)).toEqual([expect.stringMatching(/le\.jsonl:2$/)]);
	});

	it('an only line without a newline, no longer growing, is read', async () => {
		const root = write(user('a', null, 'only', 0));
		const run = await syncTranscripts({claude: [root]});
		expect(run.sessions().map((s) => s.messageCount)).toEqual([1]);
	});

	it('an unterminated last line that is not JSON, in a file no longer growing, is warned about', async () => {
		const root = write(`${user('a', null, 'one', 0)}\n{"type": "user", "trunc`);
		const run = await syncTranscripts({claude: [root]});
		expect(run.sessions()[0]!.messageCount).toBe(1);
		expect(run.synced.summaries[0]!.warnings.map((w) => w.message).join()).toMatch(/not valid JSON/);
	});
});
