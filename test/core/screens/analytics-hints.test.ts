// The Analytics footer per focused panel: a key's hint shows on the panel where it does what it says.
import {describe, expect, it} from 'vitest';
import {analyticsHints} from '../../../source/core/screens/analytics-hints.js';
import {PANELS, type AnalyticsPanel} from '../../../source/core/screens/analytics-reducer.js';

const shown = (focus: AnalyticsPanel, mode: 'page' | 'drill' | 'help' = 'page') => analyticsHints({mode, focus}).map((h) => `${h.keys} ${h.label}`);

describe('analyticsHints', () => {
	it.each([
		['activity', ['←→/hl day', 'Enter sessions'], ['←→/hl hour', '↑↓ weekday', 'e tools', 's sort']],
		['heatmap', ['←→/hl hour', '↑↓ weekday', 'Enter sessions'], ['←→/hl day', 'e tools', 's sort']],
		['tools', ['e tools'], ['←→/hl day', '←→/hl hour', 'Enter sessions', 's sort']],
		['histograms', [], ['←→/hl day', '←→/hl hour', 'Enter sessions', 'e tools', 's sort']],
		['models', ['s sort'], ['←→/hl day', 'Enter sessions', 'e tools']],
		['split', [], ['←→/hl day', 'Enter sessions', 'e tools', 's sort']],
	] as const)('on %s', (focus, has, hasNot) => {
		const hints = shown(focus);
		for (const h of has) expect(hints).toContain(h);
		for (const h of hasNot) expect(hints).not.toContain(h);
		// What every panel has.
		for (const h of ['j/k scroll', 'Tab panel', 'p period', 'Esc back', '? help', 'q quit']) expect(hints).toContain(h);
	});

	it('covers every panel, and leaves the drill-down and the help to their own keys', () => {
		expect(PANELS).toHaveLength(6);
		expect(shown('tools', 'drill')).toContain('Enter open');
		expect(shown('heatmap', 'help')).toEqual(['?/Esc close', 'q quit']);
	});
});
