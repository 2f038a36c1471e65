// The keys of Insights and Analytics (with its heatmap focus and its drill-down list), and of the error
// panel any screen can show. Part of KEYMAP (keymap.ts).
import {b, type Binding} from './keymap-types.js';

export const ANALYTICS_BINDINGS: readonly Binding[] = [
	b('insights', ['tab'], 'tab-next', 'next tab: charts, summaries, worker', 'tabs'),
	b('insights', ['esc', 'backspace', 'left', 'h'], 'back', 'back to where Insights was opened', 'back'),
	b('insights', ['j', 'down'], 'cursor-down', 'next summary or failure; scroll the charts', 'move'),
	b('insights', ['k', 'up'], 'cursor-up', 'previous summary or failure; scroll up'),
	b('insights', ['pagedown'], 'page-down', 'page down'),
	b('insights', ['pageup'], 'page-up', 'page up'),
	b('insights', ['g', 'home'], 'first', 'first'),
	b('insights', ['G', 'end'], 'last', 'last'),
	b('insights', ['enter'], 'open', "open the session's timeline", 'open'),
	b('insights', ['e'], 'expand', 'every category and summary, or the top ones', 'expand'),
	b('insights', ['p'], 'period-next', 'period: 24h 7d 30d 90d all', 'period'),
	b('insights', ['c'], 'clear-filters', 'clear filters and period', 'clear'),
	b('insights', ['?'], 'help', 'show every key', 'help'),
	b('insights', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	b('analytics', ['j', 'down'], 'cursor-down', 'scroll down', 'scroll'),
	b('analytics', ['k', 'up'], 'cursor-up', 'scroll up'),
	b('analytics', ['pagedown'], 'page-down', 'page down'),
	b('analytics', ['pageup'], 'page-up', 'page up'),
	b('analytics', ['g', 'home'], 'first', 'top'),
	b('analytics', ['G', 'end'], 'last', 'bottom'),
	b('analytics', ['tab'], 'tab-next', 'next panel: activity, heatmap, tools, histograms, models, providers', 'panel'),
	b('analytics', ['left', 'h'], 'select-prev', 'previous day (activity) or hour (heatmap)', 'day'),
	b('analytics', ['right', 'l'], 'select-next', 'next day (activity) or hour (heatmap)'),
	b('analytics', ['enter'], 'drill', "list the selected day's or hour's sessions", 'sessions'),
	b('analytics', ['e'], 'expand', 'every tool, or the top 10', 'tools'),
	b('analytics', ['s'], 'sort-next', 'sort models by the next column', 'sort'),
	b('analytics', ['S'], 'sort-prev', 'sort models by the previous column'),
	b('analytics', ['r'], 'sort-reverse', 'reverse the model sort'),
	b('analytics', ['p'], 'period-next', 'period: 24h 7d 30d 90d all', 'period'),
	b('analytics', ['esc', 'backspace'], 'back', 'back to the sessions', 'back'),
	b('analytics', ['?'], 'help', 'show every key', 'help'),
	b('analytics', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	// Layered over 'analytics' while the heatmap has the focus: the arrows walk its grid.
	b('analytics-heatmap', ['up'], 'select-up', 'heatmap: previous weekday', 'weekday'),
	b('analytics-heatmap', ['down'], 'select-down', 'heatmap: next weekday'),

	b('analytics-drill', ['j', 'down'], 'cursor-down', 'next session', 'move'),
	b('analytics-drill', ['k', 'up'], 'cursor-up', 'previous session'),
	b('analytics-drill', ['pagedown'], 'page-down', 'page down'),
	b('analytics-drill', ['pageup'], 'page-up', 'page up'),
	b('analytics-drill', ['g', 'home'], 'first', 'first session'),
	b('analytics-drill', ['G', 'end'], 'last', 'last session'),
	b('analytics-drill', ['enter'], 'open', "open the session's timeline", 'open'),
	b('analytics-drill', ['esc', 'backspace', 'left', 'h'], 'back', 'back to the charts', 'back'),
	b('analytics-drill', ['?'], 'help', 'show every key', 'help'),
	b('analytics-drill', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	// An error inside a screen shows in that screen; these keys are all it answers to.
	b('error', ['r'], 'retry', 'try the screen again', 'retry'),
	b('error', ['esc'], 'back', 'go back to the previous screen', 'back'),
	b('error', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),
];
