// The vocabulary of the keymap: the modes a screen can be in, the actions a key can mean, and one binding.
// The tables themselves are per screen (keymap-list, keymap-find, keymap-timeline, keymap-analytics) and
// keymap.ts joins them and resolves keys against them.

export type KeyMode = 'list' | 'search' | 'picker' | 'help' | 'insights' | 'timeline' | 'timeline-replay' | 'timeline-subs'
	| 'analytics' | 'analytics-heatmap' | 'analytics-drill' | 'error' | 'problems'
	| 'find' | 'find-query' | 'timeline-find' | 'projects';

export type KeyAction =
	| 'cursor-down' | 'cursor-up' | 'page-down' | 'page-up' | 'first' | 'last'
	| 'open' | 'search' | 'status-next' | 'pick-model' | 'pick-project' | 'pick-agent'
	| 'period-next' | 'clear-filters' | 'sort-next' | 'sort-prev' | 'sort-reverse'
	| 'help' | 'close' | 'quit' | 'back'
	| 'search-accept' | 'search-cancel' | 'search-delete' | 'choose'
	| 'insights' | 'tab-next' | 'expand'
	| 'detail-down' | 'detail-up' | 'replay' | 'replay-stop' | 'sub-sessions' | 'export' | 'toggle-thinking'
	| 'analytics' | 'select-prev' | 'select-next' | 'select-up' | 'select-down' | 'drill' | 'retry' | 'problems'
	| 'copy' | 'page' | 'edit' | 'resume' | 'replay-pause' | 'replay-faster' | 'replay-slower' | 'replay-step'
	| 'find' | 'find-next' | 'find-prev' | 'projects';

export interface Binding {
	mode: KeyMode;
	/** Normalized key names (see keyName): 'j', 'down', 'pagedown', 'enter', 'esc', 'ctrl+c', 'G'. */
	keys: readonly string[];
	action: KeyAction;
	/** What the key does, for the `?` overlay. */
	help: string;
	/** Short label for the footer; bindings without one appear only in the overlay. */
	hint?: string;
}

/** One binding; `hint` puts it in the footer. */
export const b = (mode: KeyMode, keys: string[], action: KeyAction, help: string, hint?: string): Binding =>
	hint === undefined ? {mode, keys, action, help} : {mode, keys, action, help, hint};
