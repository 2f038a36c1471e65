// The keys of the Projects roll-up (`b` on the sessions list), as data. Part of KEYMAP (keymap.ts).
import {b, type Binding} from './keymap-types.js';

export const PROJECTS_BINDINGS: readonly Binding[] = [
	b('projects', ['j', 'down'], 'cursor-down', 'next project', 'move'),
	b('projects', ['k', 'up'], 'cursor-up', 'previous project'),
	b('projects', ['pagedown'], 'page-down', 'page down'),
	b('projects', ['pageup'], 'page-up', 'page up'),
	b('projects', ['g', 'home'], 'first', 'first project'),
	b('projects', ['G', 'end'], 'last', 'last project'),
	b('projects', ['enter'], 'open', "the project's sessions (the list, filtered to it)", 'sessions'),
	b('projects', ['s'], 'sort-next', 'sort: cost, last active, sessions, tokens, name', 'sort'),
	b('projects', ['S'], 'sort-prev', 'the previous sort'),
	b('projects', ['p'], 'period-next', 'period: 24h 7d 30d 90d all', 'period'),
	b('projects', ['c'], 'clear-filters', 'clear filters and period', 'clear'),
	b('projects', ['esc', 'backspace', 'left', 'h'], 'back', 'back to the sessions', 'back'),
	b('projects', ['?'], 'help', 'show every key', 'help'),
	b('projects', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),
];
