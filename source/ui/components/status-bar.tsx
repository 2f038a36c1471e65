// The status line on every screen: sources, sync state, the facet worker's slot, active filters and
// "n of N sessions", then any warning. Nothing of this ever goes to stdout or stderr while the UI is up.
import React, {memo} from 'react';
import type {SyncSnapshot} from '../services/types.js';
import {pad2, zonedParts} from '../../core/time.js';
import {groupDigits, plural, withoutLeadingFolders} from '../../core/format.js';
import {cut} from '../text-fit.js';
import {SplitLine, type Segment} from './segments.js';

export interface StatusBarProps {
	sources: readonly string[];
	sync: SyncSnapshot;
	spinner: string;
	/** The facet worker's text; null leaves the slot out. */
	facets: string | null;
	filters: readonly string[];
	/** Sessions the filters select, and all sessions; null on screens without a list. */
	counts: {shown: number; total: number} | null;
	notices: readonly string[];
	/** Why the last key did nothing here; shown until the next key. */
	hint?: string | null;
	timeZone: string;
	width: number;
}

export function clock(ms: number, timeZone: string): string {
	const p = zonedParts(ms, timeZone);
	return `${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
}

function syncSegment(sync: SyncSnapshot, spinner: string, timeZone: string): Segment {
	if (sync.syncing) return {text: `${spinner} syncing${sync.progress ? ` ${sync.progress}` : ''}`, token: 'good'};
	if (sync.lastSyncMs === null) return {text: 'not synced yet', token: 'muted'};
	// When the index last changed: later refreshes that found nothing leave the line as it is.
	return {text: `synced ${clock(sync.changedMs ?? sync.lastSyncMs, timeZone)}`, token: 'muted'};
}

function messageSegment(sync: SyncSnapshot, notices: readonly string[]): Segment | null {
	// The file's name, not its folders: the line is short, and `w` lists every problem with its whole path.
	if (sync.errors.length) return {text: `⚠ ${withoutLeadingFolders(sync.errors[0]!)}${sync.errors.length > 1 ? ` (+${sync.errors.length - 1})` : ''}`, token: 'bad'};
	if (sync.warnings.length) {
		const w = sync.warnings[0]!;
		const more = sync.warnings.length > 1 ? ` (+${sync.warnings.length - 1} more)` : '';
		return {text: `⚠ ${withoutLeadingFolders(w.where)}: ${w.message} ×${w.count}${more}`, token: 'warn'};
	}
	return notices.length ? {text: notices[notices.length - 1]!, token: 'muted'} : null;
}

export const StatusBar = memo(function StatusBar(p: StatusBarProps) {
	const dot: Segment = {text: ' · ', token: 'rule'};
	// The sources give way first, so the filters and the warnings stay in view.
	const message = messageSegment(p.sync, p.notices);
	const alarm = message !== null && message.token !== 'muted';
	const sources = cut(p.sources.join(', ') || 'no source', alarm ? 12 : Math.max(12, Math.floor(p.width / 5)));
	const left: Segment[] = [{text: ' '}, {text: sources, token: 'muted'}, dot, syncSegment(p.sync, p.spinner, p.timeZone)];
	if (p.hint) left.push(dot, {text: p.hint, token: 'warn'});
	// The filters come before any warning: a long warning is cut, the filters in force never are.
	if (p.filters.length) left.push(dot, {text: p.filters.join(' '), token: 'warn'});
	if (message && alarm) left.push(dot, message);
	if (p.facets) left.push(dot, {text: p.facets, token: 'accent'});
	if (message && !alarm) left.push(dot, message);
	const right: Segment[] = p.counts
		? [{text: `${groupDigits(p.counts.shown)} of ${plural(p.counts.total, 'session')} `, token: 'value'}]
		: [];
	return <SplitLine width={p.width} left={left} right={right} />;
});
