// The session summary screen (what Enter opens until the Timeline screen lands): show it, its help, leave.
import {keyPresses, resolveKey, type KeyPress} from '../keymap.js';

export interface SummaryState {
	mode: 'summary' | 'help';
	/** Set when the user asked to go back or quit; the screen carries it out. */
	request: 'back' | 'quit' | null;
}

export type SummaryAction = {type: 'input'; input: string; key: KeyPress} | {type: 'handled'};

export const INITIAL_SUMMARY: SummaryState = {mode: 'summary', request: null};

function onKey(state: SummaryState, action: string | undefined): SummaryState {
	switch (action) {
		case 'back': return {...state, request: 'back'};
		case 'quit': return {...state, request: 'quit'};
		case 'help': return {...state, mode: 'help'};
		case 'close': return {...state, mode: 'summary'};
		default: return state;
	}
}

export function summaryReducer(state: SummaryState, action: SummaryAction): SummaryState {
	switch (action.type) {
		case 'input': {
			let next = state;
			for (const press of keyPresses(action.input, action.key)) {
				if (next.request) break;
				next = onKey(next, resolveKey(next.mode, press.input, press.key)?.action);
			}
			return next;
		}
		case 'handled': return state.request === null ? state : {...state, request: null};
		default: {
			const never: never = action;
			return never;
		}
	}
}
