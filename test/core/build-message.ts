// Test builders for canonical messages and message facts (shared by the core tests).
import type {MessageFacts} from '../../source/core/message-facts.js';
import type {CanonicalMessage, Usage} from '../../source/core/types.js';

export function usage(partial: Partial<Usage> = {}): Usage {
	return {input: 0, output: 0, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, total: null, ...partial};
}

export function message(partial: Partial<CanonicalMessage> = {}): CanonicalMessage {
	return {
		id: 'm1',
		parentId: null,
		role: 'user',
		model: '',
		provider: '',
		agent: '',
		project: '',
		timestamp: 0,
		text: '',
		toolCalls: [],
		toolResults: [],
		usage: usage(),
		stopReason: '',
		latencyMs: null,
		recordedCost: null,
		validations: [],
		meta: null,
		...partial,
	};
}

export function facts(partial: Partial<MessageFacts> = {}): MessageFacts {
	return {
		id: 'm1',
		parentId: null,
		role: 'user',
		model: '',
		provider: '',
		agent: '',
		project: '',
		timestamp: 0,
		usage: usage(),
		stopReason: '',
		toolNames: [],
		toolCallCount: 0,
		toolErrorCount: 0,
		gitActivity: false,
		labelLine: '',
		recordedCostUsd: null,
		...partial,
	};
}
