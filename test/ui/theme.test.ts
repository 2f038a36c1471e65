// Theme choice: NO_COLOR wins, --theme picks a palette, the default uses the terminal's own colours.
import {describe, expect, it} from 'vitest';
import {THEMES, pickTheme} from '../../source/ui/theme.js';

describe('theme', () => {
	it('honours NO_COLOR over --theme, and only when it is set to something', () => {
		expect(pickTheme({theme: 'dark', env: {NO_COLOR: '1'}}).name).toBe('mono');
		expect(pickTheme({env: {NO_COLOR: ''}}).name).toBe('default');
		expect(pickTheme({theme: 'light', env: {}}).name).toBe('light');
		expect(pickTheme({theme: 'dark', env: {}}).name).toBe('dark');
		expect(pickTheme({env: {}}).name).toBe('default');
	});

	it('has no colour at all in monochrome, and marks the selection by inverse video', () => {
		for (const style of Object.values(THEMES.mono.styles)) {
			expect(style.color).toBeUndefined();
			expect(style.backgroundColor).toBeUndefined();
		}
		expect(THEMES.mono.styles.selected.inverse).toBe(true);
	});

	it('uses only named colours, dim and inverse by default, so both backgrounds read well', () => {
		const named = new Set(['red', 'green', 'yellow', 'blue', 'magenta']);
		for (const style of Object.values(THEMES.default.styles)) {
			if (style.color) expect(named.has(style.color)).toBe(true);
			expect(style.backgroundColor).toBeUndefined();
		}
	});

	it('defines every token in every theme', () => {
		const tokens = Object.keys(THEMES.default.styles).sort();
		for (const theme of Object.values(THEMES)) expect(Object.keys(theme.styles).sort()).toEqual(tokens);
	});
});
