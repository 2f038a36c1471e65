import {describe, expect, it} from 'vitest';
import {renderTable} from '../../source/report/text-table.js';

describe('renderTable', () => {
	it('lays out 300,000 rows (a spread over the cells overflowed the stack at about 125,000)', () => {
		const rows = Array.from({length: 300_000}, (_, i) => ({id: `s${i}`, n: i}));
		const text = renderTable(rows, [{header: 'id', cell: (r) => r.id}, {header: 'n', align: 'right', cell: (r) => String(r.n)}]);
		const lines = text.split('\n');
		expect(lines).toHaveLength(300_002);
		expect(lines.at(-1)).toBe('s299999  299999');
	});
	it('cells pass the sanitizer: no control sequence, no newline breaks a row', () => {
		const text = renderTable([{v: 'a\u001b]0;t\u0007b\nc'}], [{header: 'v\u001b[2J', cell: (r) => r.v}]);
		expect(text).toBe('v\n────\nab c');
	});
});
