// SGR mouse reports as Ink hands them over (without their ESC): whole, split across two reads, and garbage.
import {describe, expect, it} from 'vitest';
import {MouseReader, parseMouse} from '../../source/core/mouse.js';

describe('parseMouse', () => {
	it.each([
		['[<0;12;5M', {kind: 'press', button: 'left', x: 11, y: 4}],
		['[<0;12;5m', {kind: 'release', button: 'left', x: 11, y: 4}],
		['[<1;1;1M', {kind: 'press', button: 'middle', x: 0, y: 0}],
		['[<2;80;24M', {kind: 'press', button: 'right', x: 79, y: 23}],
		['[<32;3;4M', {kind: 'drag', button: 'left', x: 2, y: 3}],
		['[<64;3;4M', {kind: 'wheel', direction: 'up', x: 2, y: 3}],
		['[<65;300;200M', {kind: 'wheel', direction: 'down', x: 299, y: 199}],
	])('%s', (text, event) => {
		expect(parseMouse(text)?.event).toEqual(event);
	});

	it('reads the modifier bits', () => {
		expect(parseMouse('[<4;1;1M')).toMatchObject({shift: true, meta: false, ctrl: false});
		expect(parseMouse('[<8;1;1M')).toMatchObject({shift: false, meta: true, ctrl: false});
		expect(parseMouse('[<81;1;1M')).toMatchObject({event: {kind: 'wheel', direction: 'down'}, ctrl: true});
	});

	it.each(['[<0;12M', '[<0;0;5M', '[<0;5;0M', '[<a;1;1M', '[<0;1;1X', '[<66;1;1M', '[<128;1;1M', '[<0;123456;1M', '[<0;1;1Mj', '[0;1;1M', 'j', ''])(
		'%j is not one report', (text) => {
			expect(parseMouse(text)).toBeNull();
		});
});

describe('MouseReader', () => {
	it('passes keys through and takes whole reports out', () => {
		const r = new MouseReader();
		expect(r.read('jk')).toEqual({events: [], keys: 'jk'});
		const read = r.read('[<65;10;7M');
		expect(read.keys).toBe('');
		expect(read.events.map((e) => e.event)).toEqual([{kind: 'wheel', direction: 'down', x: 9, y: 6}]);
		expect(r.waiting).toBe(false);
	});

	it('joins a report split across reads, at any point, and gives back the keys after it', () => {
		const whole = '[<0;12;5M';
		for (let cut = 2; cut < whole.length; cut++) {
			const r = new MouseReader();
			expect(r.read(whole.slice(0, cut))).toEqual({events: [], keys: ''});
			expect(r.waiting).toBe(true);
			const rest = r.read(`${whole.slice(cut)}jk`);
			expect(rest.events.map((e) => e.event)).toEqual([{kind: 'press', button: 'left', x: 11, y: 4}]);
			expect(rest.keys).toBe('jk');
			expect(r.waiting).toBe(false);
		}
	});

	it('joins a report split across three reads', () => {
		const r = new MouseReader();
		expect(r.read('[<0').keys).toBe('');
		expect(r.read(';12').keys).toBe('');
		const last = r.read(';5m');
		expect(last.events.map((e) => e.event.kind)).toEqual(['release']);
	});

	it('drops a start the next read does not finish, and reads that read as keys', () => {
		const r = new MouseReader();
		r.read('[<0;1');
		expect(r.read('q')).toEqual({events: [], keys: 'q'});
		expect(r.waiting).toBe(false);
		// A fresh report right after an unfinished one is still read.
		r.read('[<0;1');
		expect(r.read('[<64;1;1M').events.map((e) => e.event.kind)).toEqual(['wheel']);
	});

	it('drops garbage that looks like a report, never passing its bytes on as keys', () => {
		const r = new MouseReader();
		expect(r.read('[<0;1;1X')).toEqual({events: [], keys: ''});
		expect(r.read('[<0;0;0M')).toEqual({events: [], keys: ''});
		expect(r.read('[<66;1;1M')).toEqual({events: [], keys: ''});
		expect(r.read('[<999999;1;1M').keys).not.toContain(';1;1M');
		// Text that only starts like one is a key.
		expect(r.read('[<x')).toEqual({events: [], keys: '[<x'});
		expect(r.read('[')).toEqual({events: [], keys: '['});
	});
});
