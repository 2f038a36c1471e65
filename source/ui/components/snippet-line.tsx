// A search snippet on one line, its matches in the `match` style. Snippets are sanitized when cut (core).
import React from 'react';
import {narrowSnippet, type Snippet} from '../../core/search-snippet.js';
import type {Token} from '../theme.js';
import {Segments, type Segment} from './segments.js';

export function snippetSegments(snippet: Snippet, token: Token = 'text'): Segment[] {
	const out: Segment[] = [];
	let at = 0;
	for (const [s, e] of snippet.marks) {
		if (s > at) out.push({text: snippet.text.slice(at, s), token});
		out.push({text: snippet.text.slice(s, e), token: 'match'});
		at = e;
	}
	if (at < snippet.text.length) out.push({text: snippet.text.slice(at), token});
	return out;
}

/** `lead` comes first (say "  ↳ "), then the snippet, cut to the width; `none` when there is no snippet. */
export function SnippetLine({snippet, width, lead = '', none = '…'}: {snippet: Snippet | null; width: number; lead?: string; none?: string}) {
	const segments: Segment[] = [{text: lead, token: 'muted'}, ...(snippet ? snippetSegments(narrowSnippet(snippet, width - lead.length)) : [{text: none, token: 'muted' as const}])];
	return <Segments segments={segments} width={width} />;
}
