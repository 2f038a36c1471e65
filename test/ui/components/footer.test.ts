// The footer at a narrow width: help and quit stay, and the hints of keys that mean something else on this
// screen (issue 17 item 8) stay before those that mean what they mean everywhere.
import {describe, expect, it} from 'vitest';
import {KEYMAP, footerHints, type Hint, type KeyMode} from '../../../source/core/keymap.js';
import {fitHints} from '../../../source/ui/components/footer.js';

const h = (keys: string, label: string, local = false): Hint => (local ? {keys, label, local} : {keys, label});

describe('fitHints', () => {
	it('keeps every hint that fits, in order', () => {
		const all = [h('j/k', 'move'), h('r', 'replay', true), h('?', 'help'), h('q', 'quit')];
		expect(fitHints(all, 80)).toEqual(all);
	});

	it('drops the last common hints first, then local ones, always keeping help (as `? more`) and quit', () => {
		const all = [h('j/k', 'move'), h('s', 'sort'), h('r', 'replay', true), h('/', 'find'), {...h('?', 'help'), more: true}, h('q', 'quit')];
		expect(fitHints(all, 36).map((x) => x.label)).toEqual(['move', 'replay', 'quit', 'more']);
		expect(fitHints(all, 26).map((x) => x.label)).toEqual(['replay', 'quit', 'more']);
		expect(fitHints(all, 5).map((x) => x.label)).toEqual(['quit', 'more']);
	});

	it('ends a footer that dropped hints with `? more`, or `…` where no key lists them (a search field)', () => {
		const list = footerHints('list');
		const narrow = fitHints(list, 79);
		expect(narrow.length).toBeLessThan(list.length);
		expect(narrow.at(-1)).toEqual({keys: '?', label: 'more', more: true});
		expect(fitHints(list, 500)).toEqual(list);
		const search = footerHints('search');
		expect(fitHints(search, 30).at(-1)).toEqual({keys: '…', label: ''});
		expect(fitHints(search, 30).at(-2)).toEqual(search.at(-1));
	});

	it('shows, at 80 columns, the hint of every key that means something else on that screen', () => {
		for (const mode of new Set<KeyMode>(KEYMAP.map((b) => b.mode))) {
			const all = footerHints(mode);
			// The footer's own one-cell margin.
			const shown = fitHints(all, 79);
			expect(all.filter((x) => x.local && !shown.includes(x)).map((x) => `${mode}: ${x.keys} ${x.label}`)).toEqual([]);
		}
	});
});
