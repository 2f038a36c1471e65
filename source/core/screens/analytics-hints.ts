// The Analytics footer follows the focused panel: a key whose hint names what it does on some panels
// (←→ day on the activity chart, hour on the heatmap; Enter sessions; e tools; s sort) is named only
// while one of those has the focus.
import {bindingsFor, footerHints, type Hint, type KeyAction} from '../keymap.js';
import {keyModes, type AnalyticsPanel, type AnalyticsState} from './analytics-reducer.js';

/** The panels a page key's hint belongs to; keys not listed mean the same on every panel. */
const PANEL_KEYS: Partial<Record<KeyAction, readonly AnalyticsPanel[]>> = {
	'select-prev': ['activity', 'heatmap'],
	drill: ['activity', 'heatmap'],
	expand: ['tools'],
	'sort-next': ['models'],
};

/** On the heatmap ←→ walk the hours: the keymap's one binding for both panels is named for the day. */
const DAY = bindingsFor('analytics').find((b) => b.action === 'select-prev')?.hint;

/** The page's hints left out on a panel. */
export function hiddenOn(focus: AnalyticsPanel): KeyAction[] {
	return (Object.keys(PANEL_KEYS) as KeyAction[]).filter((a) => !PANEL_KEYS[a]!.includes(focus));
}

/** The footer of the screen in this state: the layers' hints, the page's less those of other panels. */
export function analyticsHints(state: Pick<AnalyticsState, 'mode' | 'focus'>): Hint[] {
	return keyModes(state).flatMap((m) => footerHints(m, m === 'analytics' ? hiddenOn(state.focus) : []))
		.map((h) => (state.focus === 'heatmap' && h.label === DAY ? {...h, label: 'hour'} : h));
}
