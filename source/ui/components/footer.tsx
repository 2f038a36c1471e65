// The bottom line: the current mode's main keys from the keymap, or the search field while searching.
import React, {memo} from 'react';
import type {Hint} from '../../core/keymap.js';
import {Segments, segmentsWidth, type Segment} from './segments.js';

function hintSegments(hints: readonly Hint[]): Segment[] {
	return hints.flatMap((h, i) => [...(i > 0 ? [{text: '  '}] : []), {text: h.keys, token: 'key' as const}, ...(h.label ? [{text: ` ${h.label}`, token: 'muted' as const}] : [])]);
}

/**
 * Hints that fit, keeping the last two (help and quit) whenever anything is dropped. The last hints go first,
 * those of keys that mean here what they mean everywhere before those of keys that mean something else here
 * (Timeline `r replay`, `e export`): a narrow footer still says what is different on this screen. A footer
 * that dropped some ends by saying where they are: `? more` (the `?` overlay lists every key), or `…` where
 * `?` is typed (a search field).
 */
export function fitHints(hints: readonly Hint[], width: number): Hint[] {
	if (segmentsWidth(hintSegments(hints)) <= width) return [...hints];
	const tail = hints.slice(-2);
	const help = tail.find((h) => h.more);
	const end = [...tail.filter((h) => h !== help), help ? {keys: help.keys, label: 'more', more: true} : {keys: '…', label: ''}];
	const head = hints.slice(0, -2);
	const order = [...head.keys()].sort((a, b) => Number(head[b]!.local === true) - Number(head[a]!.local === true) || a - b);
	let kept = order.length;
	const shown = () => head.filter((_, i) => order.indexOf(i) < kept);
	while (kept > 0 && segmentsWidth(hintSegments([...shown(), ...end])) > width) kept--;
	return [...shown(), ...end];
}

export const Footer = memo(function Footer({hints, width, search}: {hints: readonly Hint[]; width: number; search?: string}) {
	const prefix: Segment[] = search === undefined ? [{text: ' '}] : [{text: ' / ', token: 'key'}, {text: search}, {text: '▏', token: 'accent'}, {text: '   '}];
	const room = Math.max(0, width - segmentsWidth(prefix));
	return <Segments width={width} segments={[...prefix, ...hintSegments(fitHints(hints, room))]} />;
});
