// Colours as data: semantic tokens resolved once into Ink text styles. The default theme uses the
// terminal's own 16 named colours, which every terminal theme tunes for its background, plus dim and
// inverse, so it reads on dark and light backgrounds alike. --theme dark|light use the reference's
// palettes; NO_COLOR gets monochrome (bold, dim, inverse and underline only).
import {createContext, useContext} from 'react';
import type {Status} from '../core/types.js';

export interface Style {
	color?: string;
	backgroundColor?: string;
	bold?: boolean;
	dimColor?: boolean;
	inverse?: boolean;
	underline?: boolean;
	italic?: boolean;
}

export type Token =
	| 'text' | 'muted' | 'title' | 'accent' | 'rule' | 'label' | 'value'
	| 'good' | 'bad' | 'neutral' | 'warn' | 'selected' | 'header' | 'headerSorted'
	| 'chipOn' | 'chipOff' | 'key' | 'spark' | 'cost' | 'unpriced' | 'model' | 'match'
	| `status.${Status}`;

export type ThemeName = 'default' | 'dark' | 'light' | 'mono';

export interface Theme {
	name: ThemeName;
	styles: Record<Token, Style>;
}

interface Palette {
	fg?: string;
	red: string;
	green: string;
	yellow: string;
	blue: string;
	magenta: string;
	muted: Style;
	label: Style;
	rule: Style;
	selected: Style;
	chipOn: Style;
}

function fromPalette(name: ThemeName, p: Palette): Theme {
	return {
		name,
		styles: {
			text: p.fg ? {color: p.fg} : {},
			muted: p.muted,
			title: {color: p.yellow, bold: true},
			accent: {color: p.red},
			rule: p.rule,
			label: {...p.label, bold: true},
			value: {...(p.fg ? {color: p.fg} : {}), bold: true},
			good: {color: p.green},
			bad: {color: p.red},
			neutral: p.muted,
			warn: {color: p.yellow},
			selected: p.selected,
			header: {...p.label, bold: true},
			headerSorted: {color: p.yellow, bold: true, underline: true},
			chipOn: p.chipOn,
			chipOff: p.muted,
			key: {color: p.red, bold: true},
			spark: {color: p.green},
			cost: {color: p.red},
			unpriced: {...p.muted, italic: true},
			model: {color: p.magenta},
			// A search match inside a snippet or a message.
			match: {color: p.yellow, bold: true, underline: true},
			'status.completed': {color: p.green},
			'status.failed': {color: p.red},
			'status.abandoned': {color: p.yellow},
			'status.unknown': p.muted,
		},
	};
}

export const THEMES: Record<ThemeName, Theme> = {
	default: fromPalette('default', {
		red: 'red', green: 'green', yellow: 'yellow', blue: 'blue', magenta: 'magenta',
		muted: {dimColor: true}, label: {}, rule: {dimColor: true}, selected: {inverse: true}, chipOn: {inverse: true, bold: true},
	}),
	dark: fromPalette('dark', {
		fg: '#E6E4D9', red: '#FF6B4A', green: '#4DA667', yellow: '#F2B84B', blue: '#4EB1E9', magenta: '#B656B1',
		muted: {color: '#8A8079'}, label: {color: '#8A8079'}, rule: {color: '#4A4A4A'},
		selected: {backgroundColor: '#3A3A3C', color: '#FFFFFF', bold: true}, chipOn: {backgroundColor: '#F2B84B', color: '#000000', bold: true},
	}),
	light: fromPalette('light', {
		fg: '#1A1612', red: '#A8371F', green: '#16653A', yellow: '#996B0F', blue: '#155D91', magenta: '#7A2E7A',
		muted: {color: '#6B6158'}, label: {color: '#3D352C'}, rule: {color: '#8A7E72'},
		selected: {backgroundColor: '#E3D5BF', color: '#000000', bold: true}, chipOn: {backgroundColor: '#996B0F', color: '#FFFFFF', bold: true},
	}),
	mono: {
		name: 'mono',
		styles: {
			text: {}, muted: {dimColor: true}, title: {bold: true}, accent: {bold: true}, rule: {dimColor: true}, label: {bold: true},
			value: {bold: true}, good: {}, bad: {bold: true}, neutral: {dimColor: true}, warn: {bold: true}, selected: {inverse: true},
			header: {bold: true}, headerSorted: {bold: true, underline: true}, chipOn: {inverse: true}, chipOff: {dimColor: true},
			key: {bold: true}, spark: {}, cost: {}, unpriced: {dimColor: true}, model: {}, match: {bold: true, underline: true},
			'status.completed': {}, 'status.failed': {bold: true}, 'status.abandoned': {}, 'status.unknown': {dimColor: true},
		},
	},
};

/** NO_COLOR (present and not empty, per no-color.org) wins over --theme. */
export function pickTheme(opts: {theme?: string; env: Record<string, string | undefined>}): Theme {
	if (opts.env['NO_COLOR']) return THEMES.mono;
	if (opts.theme === 'dark' || opts.theme === 'light') return THEMES[opts.theme];
	return THEMES.default;
}

export const ThemeContext = createContext<Theme>(THEMES.default);

export function useTheme(): Theme {
	return useContext(ThemeContext);
}
