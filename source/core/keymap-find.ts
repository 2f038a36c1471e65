// The keys of the search screens, as data: the Search screen (typing its query, walking its results) and
// the Timeline's find field. Part of KEYMAP (keymap.ts), kept apart only for the size of that file.
import {b, type Binding} from './keymap-types.js';

export const FIND_BINDINGS: readonly Binding[] = [
	// The Search screen: typing a query, then walking its results.
	b('find-query', ['enter'], 'search-accept', 'go to the results', 'results'),
	b('find-query', ['esc'], 'back', 'back to the sessions', 'back'),
	b('find-query', ['backspace'], 'search-delete', 'delete the last character'),
	b('find-query', ['down'], 'cursor-down', 'next result', 'move'),
	b('find-query', ['up'], 'cursor-up', 'previous result'),
	b('find-query', ['tab'], 'sort-next', 'rank by relevance or by time', 'order'),
	b('find-query', ['ctrl+c'], 'quit', 'quit', 'quit'),

	b('find', ['j', 'down'], 'cursor-down', 'next result', 'move'),
	b('find', ['k', 'up'], 'cursor-up', 'previous result'),
	b('find', ['pagedown'], 'page-down', 'page down'),
	b('find', ['pageup'], 'page-up', 'page up'),
	b('find', ['g', 'home'], 'first', 'first result'),
	b('find', ['G', 'end'], 'last', 'last result'),
	b('find', ['enter'], 'open', 'open the session at this message', 'open'),
	b('find', ['/'], 'search', 'change the query', 'query'),
	b('find', ['s', 'tab'], 'sort-next', 'rank by relevance or by time', 'order'),
	b('find', ['esc', 'backspace', 'left', 'h'], 'back', 'back to the sessions', 'back'),
	b('find', ['?'], 'help', 'show every key', 'help'),
	b('find', ['q', 'ctrl+c'], 'quit', 'quit', 'quit'),
];

export const TIMELINE_FIND_BINDINGS: readonly Binding[] = [
	b('timeline-find', ['enter'], 'search-accept', 'find it', 'find'),
	b('timeline-find', ['esc'], 'search-cancel', 'stop finding', 'cancel'),
	b('timeline-find', ['backspace'], 'search-delete', 'delete the last character'),
	b('timeline-find', ['ctrl+c'], 'quit', 'quit', 'quit'),
];
