// `o`/`v` on the Timeline: which file and line the service hands to $PAGER or $EDITOR. A Codex message opens
// its rollout at the line that records it; a session whose rollout is gone falls back to its Markdown. The
// outline of a tapes session is drawn from the index alone.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {createTimelineService} from '../../../source/ui/services/timeline-service.js';
import {openAndSync, syncFixture, tempDir} from '../../helpers/workspace.js';
import {TAPES_BASIC} from '../../../fixtures/tapes-cases.js';
import {readSessionMessages} from '../../../source/workspace/session-messages.js';
import {DEFAULT_FILTERS} from '../../../source/core/types.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures', 'codex');
const dir = tempDir('tapedeck-timeline-service-');
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

describe('viewAt on a Codex session', () => {
	it('opens the rollout at the line of each message, then the Markdown once the rollout is gone', async () => {
		const codex = path.join(dir, 'codex');
		fs.cpSync(fixture, codex, {recursive: true});
		const {ws} = await openAndSync({codex: [codex], index: path.join(dir, 'index.sqlite')});
		const service = createTimelineService(ws, {timeZone: 'UTC', exportDir: path.join(dir, 'out'), viewDir: path.join(dir, 'view')});
		const session = ws.queries.list(DEFAULT_FILTERS)[0]!;
		const messages = ws.store.messages.factsForSession(session.id)!;
		expect(messages.length).toBeGreaterThan(2);
		const rollout = fs.realpathSync(path.join(codex, 'sessions', '2026', '06', '18', fs.readdirSync(path.join(codex, 'sessions', '2026', '06', '18'))[0]!));
		const lines = fs.readFileSync(rollout, 'utf8').split('\n');
		for (const m of messages) {
			const at = service.viewAt(session.id, m.id);
			if (!at.ok) throw new Error(at.error);
			expect(at.value).toMatchObject({transcript: true, line: Number(m.id.split(':').pop())});
			expect(fs.realpathSync(at.value.file)).toBe(rollout);
			// The line is the record of that message: a response item or event, never the session header.
			expect(['response_item', 'event_msg']).toContain(JSON.parse(lines[at.value.line - 1]!).type);
		}
		fs.rmSync(path.join(codex, 'sessions'), {recursive: true});
		const fallback = service.viewAt(session.id, messages[1]!.id);
		if (!fallback.ok) throw new Error(fallback.error);
		expect(fallback.value.transcript).toBe(false);
		expect(fs.readFileSync(fallback.value.file, 'utf8')).toMatch(/^# /);
		ws.close();
	});
});

describe('the outline of a tapes session', () => {
	it('comes from the index alone (its nodes are slim there), with the tokens, tools and model the file gives', async () => {
		const {ws, sqlite} = await syncFixture(TAPES_BASIC);
		const service = createTimelineService(ws, {timeZone: 'UTC', exportDir: path.join(dir, 'out'), viewDir: path.join(dir, 'view')});
		const session = ws.queries.list(DEFAULT_FILTERS)[0]!;
		const fromFile = readSessionMessages(ws, session).facts;
		expect(fromFile.some((f) => f.toolNames.length > 0 && f.usage.input > 0)).toBe(true);
		fs.rmSync(sqlite);
		const outline = service.outline(session.id)!;
		expect(outline.messages.map((m) => m.facts)).toEqual(fromFile.map((f) => ({
			id: f.id, role: f.role, model: f.model, timestamp: f.timestamp, usage: f.usage, toolNames: f.toolNames, recordedCostUsd: null,
		})));
		expect(outline.messages.some((m) => m.totalCost !== null && m.totalCost > 0)).toBe(true);
		ws.close();
	});
});
