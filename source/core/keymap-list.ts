// The keys of the Sessions list and its search field (LIST_BINDINGS), and of what opens over a list: the
// filter pickers, the sources' problems and the `?` overlay (OVERLAY_BINDINGS). Part of KEYMAP (keymap.ts).
import {b, type Binding} from './keymap-types.js';

export const LIST_BINDINGS: readonly Binding[] = [
	b('list', ['j', 'down'], 'cursor-down', 'next session', 'move'),
	b('list', ['k', 'up'], 'cursor-up', 'previous session'),
	b('list', ['pagedown'], 'page-down', 'page down'),
	b('list', ['pageup'], 'page-up', 'page up'),
	b('list', ['g', 'home'], 'first', 'first session'),
	b('list', ['G', 'end'], 'last', 'last session'),
	b('list', ['enter'], 'open', 'open the selected session', 'open'),
	b('list', [' ', 'right'], 'expand', 'show/hide subagents (▸ ↳)', 'subagents'),
	// In the footer only while the sources have problems, and early, so a narrow footer keeps it.
	b('list', ['w'], 'problems', 'show the sources\' problems', 'problems'),
	b('list', ['/'], 'search', 'search labels and content', 'search'),
	b('list', ['F', 'ctrl+f'], 'find', 'find messages in any session', 'find'),
	b('list', ['esc'], 'search-cancel', 'clear the kept search'),
	b('list', ['s'], 'sort-next', 'sort by the next column', 'sort'),
	b('list', ['S'], 'sort-prev', 'sort by the previous column'),
	b('list', ['r'], 'sort-reverse', 'reverse the sort direction'),
	b('list', ['f'], 'status-next', 'cycle the status filter', 'status'),
	b('list', ['p'], 'period-next', 'period: 24h 7d 30d 90d all', 'period'),
	b('list', ['m'], 'pick-model', 'pick a model', 'model'),
	// Project and agent pickers are in the `?` overlay only: the footer keeps room for the screens.
	b('list', ['P'], 'pick-project', 'pick a project'),
	b('list', ['A'], 'pick-agent', 'pick an agent'),
	b('list', ['c'], 'clear-filters', 'clear filters and period'),
	b('list', ['y'], 'copy', 'copy the session ID'),
	b('list', ['o'], 'page', 'read it in $PAGER'),
	b('list', ['v'], 'edit', 'open it in $EDITOR'),
	b('list', ['R'], 'resume', 'resume it in its agent', 'resume'),
	b('list', ['a'], 'analytics', 'analytics: trends, tools', 'analytics'),
	b('list', ['i'], 'insights', 'insights: goals, outcomes', 'insights'),
	b('list', ['b'], 'projects', 'projects: cost, success', 'projects'),
	b('list', ['?'], 'help', 'show every key', 'help'),
	b('list', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	b('search', ['enter'], 'search-accept', 'keep the search', 'keep'),
	b('search', ['esc'], 'search-cancel', 'clear the search, leave it', 'clear'),
	b('search', ['backspace'], 'search-delete', 'delete the last character', 'delete'),
	b('search', ['down'], 'cursor-down', 'next session', 'move'),
	b('search', ['up'], 'cursor-up', 'previous session'),
	b('search', ['ctrl+c'], 'quit', 'quit', 'quit'),
];

export const OVERLAY_BINDINGS: readonly Binding[] = [
	// Letters narrow the choices (typed), so only arrows move and only Ctrl-C quits here.
	b('picker', ['down'], 'cursor-down', 'next choice', 'move'),
	b('picker', ['up'], 'cursor-up', 'previous'),
	b('picker', ['enter'], 'choose', 'filter by the choice ("any" clears it)', 'choose'),
	b('picker', ['esc'], 'back', 'close, keep the filter', 'cancel'),
	b('picker', ['backspace'], 'search-delete', 'delete the last typed character', 'delete'),
	b('picker', ['ctrl+c'], 'quit', 'quit', 'quit'),

	b('problems', ['j', 'down'], 'cursor-down', 'scroll down', 'scroll'),
	b('problems', ['k', 'up'], 'cursor-up', 'scroll up'),
	b('problems', ['w', 'esc'], 'close', 'close the list', 'close'),
	b('problems', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	b('help', ['?', 'esc'], 'close', 'close this help', 'close'),
	b('help', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),
];
