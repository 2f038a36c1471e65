// The Projects table's columns: cell texts, widths that fit, columns dropped in order when they do not.
import {describe, expect, it} from 'vitest';
import {PROJECT_GAP, PROJECT_MARKER, projectCells, projectWidths, shownProjectColumns} from '../../../source/core/screens/project-columns.js';
import type {ProjectRow} from '../../../source/core/project-rollup.js';

const row = (project: string, over: Partial<ProjectRow> = {}): ProjectRow => ({
	project, sessions: 3, subagentSessions: 0, totalCost: 1.5, unpricedSessions: 0, inputTokens: 1000, outputTokens: 200, totalTokens: 1200,
	durationMs: 90_000, toolCalls: 4, lastActiveMs: Date.UTC(2026, 10, 20, 13, 46), completed: 2, failed: 1, successRate: 2 / 3, ...over,
});

const used = (w: Record<string, number>) => Object.values(w).filter((n) => n > 0).reduce((a, n) => a + n + PROJECT_GAP, PROJECT_MARKER - PROJECT_GAP);

describe('project columns', () => {
	it('writes the figures a row has, with subagents and unpriced marked', () => {
		const c = projectCells(row('api', {subagentSessions: 2, unpricedSessions: 1}), 'UTC');
		expect(c.sessions).toBe('3 +2↳');
		expect(c.cost.endsWith('+')).toBe(true);
		expect(c.success).toBe('67%');
		expect(c.last).toBe('Nov 20 13:46');
		expect(projectCells(row('', {sessions: 0}), 'UTC')).toMatchObject({project: '—', success: '—'});
	});

	it('fits every width, giving the name what the figures leave and dropping columns in order', () => {
		const cells = [row('a-very-long-project-name-that-goes-on-and-on-and-on'), row('b')].map((r) => projectCells(r, 'UTC'));
		const wide = projectWidths(200, cells);
		expect(shownProjectColumns(wide)).toHaveLength(7);
		expect(wide.project).toBe(cells[0]!.project.length);
		let before = 7;
		for (const width of [120, 100, 80, 60, 50, 40]) {
			const w = projectWidths(width, cells);
			expect(used(w)).toBeLessThanOrEqual(width);
			const shown = shownProjectColumns(w).map((c) => c.key);
			expect(shown.length).toBeLessThanOrEqual(before);
			before = shown.length;
			expect(shown).toContain('project');
			expect(shown).toContain('cost');
			// The last active date goes first, tokens next.
			if (shown.includes('last')) expect(shown).toContain('tokens');
		}
		expect(shownProjectColumns(projectWidths(40, cells)).map((c) => c.key)).not.toContain('last');
	});
});
