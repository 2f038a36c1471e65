// The keys of the Timeline of one session (TIMELINE_BINDINGS) and of its modal states, replay and the
// sub-sessions list (TIMELINE_MODE_BINDINGS). Part of KEYMAP (keymap.ts); its find field is in keymap-find.ts.
import {b, type Binding} from './keymap-types.js';

export const TIMELINE_BINDINGS: readonly Binding[] = [
	b('timeline', ['j', 'down'], 'cursor-down', 'next row', 'move'),
	b('timeline', ['k', 'up'], 'cursor-up', 'previous row'),
	b('timeline', ['pagedown'], 'page-down', 'page down'),
	b('timeline', ['pageup'], 'page-up', 'page up'),
	b('timeline', ['g', 'home'], 'first', 'first row'),
	b('timeline', ['G', 'end'], 'last', 'last row'),
	b('timeline', ['enter', ' '], 'expand', 'expand or collapse a group', 'expand'),
	b('timeline', ['s'], 'sort-next', 'sort: time/tokens/cost/gap', 'sort'),
	b('timeline', ['S'], 'sort-prev', 'the previous sort'),
	b('timeline', ['J'], 'detail-down', 'scroll the detail down', 'detail'),
	b('timeline', ['K'], 'detail-up', 'scroll the detail up'),
	b('timeline', ['t'], 'toggle-thinking', 'unfold or fold thinking', 'thinking'),
	b('timeline', ['r'], 'replay', 'replay step by step', 'replay'),
	b('timeline', ['u'], 'sub-sessions', 'list sub-sessions', 'subs'),
	b('timeline', ['e'], 'export', 'export as Markdown', 'export'),
	b('timeline', ['o'], 'page', '$PAGER at this message'),
	b('timeline', ['v'], 'edit', '$EDITOR at this message'),
	b('timeline', ['y'], 'copy', 'copy the session ID'),
	b('timeline', ['R'], 'resume', 'resume it in its agent'),
	b('timeline', ['/'], 'search', 'find in this session', 'find'),
	b('timeline', ['n'], 'find-next', 'next match', 'next'),
	b('timeline', ['N'], 'find-prev', 'previous match'),
	b('timeline', ['esc', 'backspace', 'left', 'h'], 'back', 'back', 'back'),
	b('timeline', ['?'], 'help', 'show every key', 'help'),
	b('timeline', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),
];

export const TIMELINE_MODE_BINDINGS: readonly Binding[] = [
	b('timeline-replay', [' '], 'replay-pause', 'pause, or go on', 'pause'),
	b('timeline-replay', ['+', '='], 'replay-faster', 'faster (up to ×8)', 'faster'),
	b('timeline-replay', ['-'], 'replay-slower', 'slower (down to ×¼)', 'slower'),
	b('timeline-replay', ['.', 'right'], 'replay-step', 'one step (and pause)', 'step'),
	b('timeline-replay', ['esc'], 'replay-stop', 'stop (or any other key)', 'stop'),
	b('timeline-replay', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),

	b('timeline-subs', ['j', 'down'], 'cursor-down', 'next sub-session', 'move'),
	b('timeline-subs', ['k', 'up'], 'cursor-up', 'previous sub-session'),
	b('timeline-subs', ['enter'], 'open', 'open it', 'open'),
	b('timeline-subs', ['esc'], 'back', 'close the list', 'close'),
	b('timeline-subs', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),
];
