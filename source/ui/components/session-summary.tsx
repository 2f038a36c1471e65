// One session's figures: what Enter shows until the Timeline screen draws the session itself.
import React from 'react';
import {Box} from 'ink';
import type {SessionDetailView} from '../services/types.js';
import {formatDuration, formatTokens, groupDigits} from '../../core/format.js';
import {pad2, zonedParts} from '../../core/time.js';
import {sanitizeLine} from '../../core/sanitize.js';
import {costCell, STATUS_GLYPHS} from '../../core/screens/session-columns.js';
import {fit} from '../text-fit.js';
import type {Token} from '../theme.js';
import {Segments, type Segment} from './segments.js';

function localTime(ms: number, timeZone: string): string {
	const p = zonedParts(ms, timeZone);
	return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

function field(name: string, value: string, token?: Token): Segment[] {
	return [{text: ` ${fit(name, 13)}`, token: 'label'}, token ? {text: value, token} : {text: value}];
}

export function SessionSummary({detail, pricing, timeZone, width, height}: {
	detail: SessionDetailView | null; pricing: {source: string; verified: string}; timeZone: string; width: number; height: number;
}) {
	if (!detail) return <Segments width={width} segments={[{text: ' This session is no longer in the index.', token: 'muted'}]} />;
	const s = detail.summary;
	const costNote = s.totalCost === null ? 'no price for its model' : `${s.costSource}; prices: ${pricing.source}, verified ${pricing.verified}`;
	const tools = detail.tools.slice(0, 8).map((t) => `${sanitizeLine(t.tool)} ×${t.calls}${t.errors ? ` (${t.errors} failed)` : ''}`).join(', ');
	const lines: Segment[][] = [
		[{text: ` ${sanitizeLine(s.label) || '(no label)'}`, token: 'title'}],
		[],
		field('ID', s.id, 'muted'),
		field('Project', sanitizeLine(s.project) || '—'),
		field('Agent', sanitizeLine(s.agent) || '—'),
		field('Models', s.models.map(sanitizeLine).join(', ') || '—', 'model'),
		field('Status', `${STATUS_GLYPHS[s.status]} ${s.status}`, `status.${s.status}`),
		field('Started', `${localTime(s.startMs, timeZone)}  ·  ended ${localTime(s.endMs, timeZone)}  ·  ${formatDuration(s.durationMs)}`),
		field('Messages', `${groupDigits(s.messageCount)}  ·  ${groupDigits(s.toolCalls)} tool calls${s.toolErrors ? `, ${s.toolErrors} failed` : ''}`),
		field('Tokens', `${formatTokens(s.totalTokens)} total  ·  ${formatTokens(s.inputTokens)} in  ·  ${formatTokens(s.outputTokens)} out  ·  cache ${formatTokens(s.cacheReadTokens)} read, ${formatTokens(s.cacheWriteTokens)} written`),
		field('Cost', `${costCell(s)}  (${costNote})`, s.totalCost === null ? 'unpriced' : 'cost'),
		...detail.models.map((m) => field('', `${sanitizeLine(m.model)}: ${formatTokens(m.input)} in, ${formatTokens(m.output)} out, ${m.messages} messages`, 'muted')),
		field('Tools', tools || '—'),
		...(s.subSessionCount ? [field('Sub-sessions', String(s.subSessionCount))] : []),
		...(s.unpricedTokens ? [field('Unpriced', `${formatTokens(s.unpricedTokens)} tokens on models without a price, left out of the cost`, 'unpriced')] : []),
		[],
		[{text: ' The message timeline of a session arrives with the Timeline screen.', token: 'muted'}],
	];
	return (
		<Box flexDirection="column" height={height}>
			{lines.slice(0, height).map((l, i) => <Segments key={i} width={width} segments={l.length ? l : [{text: ' '}]} />)}
		</Box>
	);
}
