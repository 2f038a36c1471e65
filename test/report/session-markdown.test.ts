// The Markdown export on real indexes: a PromptKit session (validations, tool error with latency, recorded
// cost, cached tokens), a Claude Code parent and its subagent, and a tapes session with cache tokens and a facet.
import fs from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {TAPES_BASIC} from '../../fixtures/tapes-cases.js';
import {sessionMarkdownLines, workspaceContext, workspaceSessionMarkdown} from '../../source/report/session-markdown.js';
import {createFacetsRepo} from '../../source/store/facets-repo.js';
import {loadSessionDetail} from '../../source/workspace/session-detail.js';
import type {Workspace} from '../../source/workspace/open-workspace.js';
import {copyFixture, syncTranscripts, type TranscriptRun} from '../helpers/transcripts.js';
import {syncFixture, tempDir} from '../helpers/workspace.js';
import {facetRecord} from '../store/facets-fixture.js';

function markdown(ws: Workspace, id: string): string {
	const d = loadSessionDetail(ws, id);
	if (!d.ok) throw new Error(d.error);
	return workspaceSessionMarkdown(ws, d.value, 'UTC');
}

/** The lines of one message's section, from its `### n.` heading to the next one. */
function section(md: string, n: number): string[] {
	const lines = md.split('\n');
	const start = lines.findIndex((l) => l.startsWith(`### ${n}. `));
	const end = lines.findIndex((l, i) => i > start && l.startsWith('### '));
	return lines.slice(start, end < 0 ? undefined : end);
}

describe('a PromptKit session', () => {
	let run: TranscriptRun;
	let md: string;
	beforeAll(async () => {
		const dir = tempDir();
		run = await syncTranscripts({promptkit: [copyFixture('promptkit', dir)], claude: [copyFixture('claude-code', dir)]});
		md = markdown(run.ws, run.byId('support-42').id);
	});
	afterAll(() => run.ws.close());

	it("knows the line of every message's heading (where the Timeline's o and v open it), multi-line bodies and all", () => {
		const d = loadSessionDetail(run.ws, run.byId('support-42').id);
		if (!d.ok) throw new Error(d.error);
		const {text, headings} = sessionMarkdownLines(d.value, workspaceContext(run.ws, d.value, 'UTC'));
		expect(text).toBe(md);
		expect(headings).toHaveLength(d.value.messages.length);
		const lines = text.split('\n');
		headings.forEach((line, i) => expect(lines[line - 1]).toMatch(new RegExp(`^### ${i + 1}\\. `)));
	});

	it('heads with the session figures: status, cost with its source, tokens with cache, sub-sessions', () => {
		const lines = md.split('\n');
		expect(lines[0]).toBe('# Order 1234 missing');
		expect(lines).toContain('- **Session:** `support-42` (promptkit) · **Status:** failed (lookup_order failed and no later call of it succeeded)');
		expect(lines).toContain('- **Messages:** 5 in 5 groups · **Tool calls:** 1 · **Sub-sessions:** 0');
		expect(lines).toContain('- **Cost:** $0.0036 · **Cost source:** recorded (recorded by the source)');
		expect(lines.find((l) => l.startsWith('- **Tokens:**'))).toMatch(/^- \*\*Tokens:\*\* 930 in · 57 out · \*\*Cache:\*\* 400 read · 0 written · saved \$0\.\d{4}$/);
		expect(lines).toContain('- **Tools:** 1 unique · 1 with errors · avg prompt 30 chars · avg response 64 chars');
		expect(md).not.toContain('**Facet:**');
	});

	it('gives each message its model, latency, tokens, recorded or computed cost and cache line', () => {
		expect(section(md, 3)).toEqual(expect.arrayContaining([
			'### 3. assistant · 2026-07-01 12:00:08 · +3s',
			'- **Model:** gpt-4o · **Latency:** 850 ms',
			'- **Tokens:** 420 in · 35 out · **Cost:** $0.0021 (recorded by the source)',
		]));
		expect(section(md, 3).some((l) => l.startsWith('- **Cache:**'))).toBe(false);
		// A tool result carries no tokens: no token or cost line to read as "unpriced".
		expect(section(md, 4).some((l) => l.startsWith('- **Tokens:**'))).toBe(false);
		expect(section(md, 2).some((l) => l.startsWith('- **Tokens:**'))).toBe(false);
		expect(section(md, 5)).toContain('- **Cache:** 400 read · 0 written · saved $0.0005');
	});

	it('shows the tool call, and the failed result with its latency and error text in a fence', () => {
		expect(section(md, 3).join('\n')).toContain('**Tool call:** `lookup_order` · id `call_a`\n\n```json\n{\n  "order_id": "1234"\n}\n```');
		expect(section(md, 4).join('\n')).toContain('**Tool result:** `lookup_order` · **error** · 5,000 ms\n\nError:\n\n```\norder service timeout after 5000ms\n```');
	});

	it('lists every validation with its verdict, validator and details', () => {
		const five = section(md, 5).join('\n');
		expect(five).toContain('**Validation:** ✓ passed · `*validators.BannedWordsValidator`');
		expect(five).toContain('**Validation:** ✗ failed · `*validators.LengthValidator`\n\n```json\n{\n  "max_characters": 80,\n  "actual": 104\n}\n```');
	});

	it('names a parent\'s sub-sessions, and a sub-session its parent', () => {
		const parent = markdown(run.ws, '8f2c1a9e');
		expect(parent).toContain('**Sub-sessions:** 1');
		expect(parent).toMatch(/^## Sub-sessions\n\n- `agent-a1b2c3d4` Find the 401 cause · .+ · \d+ messages? · /m);
		expect(markdown(run.ws, 'agent-a1b2c3d4')).toContain('- **Parent session:** `8f2c1a9e-4b7d-4c1e-9a53-0d6f2e7b9c11`');
	});
});

describe('a tapes session with cache tokens', () => {
	// TAPES_BASIC writes 11,000 tokens to the cache; here its last answer reads them back.
	const nodes = TAPES_BASIC.map((n) => (n.id === 'a2' ? {...n, tokens: {in: 12500, out: 40, cacheRead: 11000}} : n));
	let fx: Awaited<ReturnType<typeof syncFixture>>;
	let id: string;
	beforeAll(async () => {
		fx = await syncFixture(nodes);
		id = fx.ws.store.db.prepare('SELECT id FROM sessions').pluck().get() as string;
	});
	afterAll(() => {
		fx.ws.close();
		fs.rmSync(fx.dir, {recursive: true, force: true});
	});

	it('prints what writing and reading the cache cost and saved, per message and for the session', () => {
		const md = markdown(fx.ws, id);
		expect(md).toContain('- **Cost:** $0.05 · **Cost source:** computed (computed from prices, built-in table)');
		// Sonnet 4.5: $3 input, $0.30 cache read per million, so reading 11,000 tokens saved 11,000 × $2.70 / 1M.
		expect(md).toContain('**Cache:** 11,000 read · 11,000 written · saved $0.03');
		expect(section(md, 2)).toContain('- **Cache:** 0 read · 11,000 written');
		// The tapes row flags the error and its text is the output: printed once, as the error.
		expect(section(md, 3).join('\n').trimEnd()).toMatch(/\*\*Tool result:\*\* `result` · \*\*error\*\*\n\nError:\n\n```\nno such file\n```$/);
		expect(section(md, 4)).toContain('- **Cache:** 11,000 read · 0 written · saved $0.03');
	});

	it('carries the facet once there is one, marked stale when the session has grown since', () => {
		const facets = createFacetsRepo(fx.ws.store.db);
		facets.save(facetRecord(id, {provider: 'heuristic', model: 'rules', messagesSeen: 4}));
		expect(markdown(fx.ws, id)).toMatch(/^- \*\*Facet:\*\* fix bug · fully achieved · single task · summary of \S+ \(heuristic\)$/m);
		facets.save(facetRecord(id, {messagesSeen: 3}, {briefSummary: 'Fixed the `flaky` test'}));
		expect(markdown(fx.ws, id)).toContain('- **Facet:** fix bug · fully achieved · single task · Fixed the `flaky` test (gpt-4o-mini, stale)');
	});
});
