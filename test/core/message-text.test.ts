import {describe, expect, it} from 'vitest';
import {displayText} from '../../source/core/message-text.js';
import {message} from './build-message.js';

const result = (content: string, error = '') => ({id: 'r', name: 'Read', content, error, isError: error !== '', latencyMs: null});

describe('displayText', () => {
	it.each([
		['text wins', message({text: 'hello', toolCalls: [{id: 't', name: 'Read', args: {}}]}), 'hello'],
		['tool results when there is no text', message({text: '  ', toolResults: [result('file a'), result(''), result('file b')]}), 'file a\nfile b'],
		['error text of a failed result', message({toolResults: [result('', 'ENOENT')]}), 'ENOENT'],
		[
			'tool call lines when there is nothing else',
			message({toolCalls: [{id: '1', name: 'Read', args: {}}, {id: '2', name: 'Grep', args: {}}]}),
			'tool call: Read\ntool call: Grep',
		],
		['empty message', message(), ''],
	])('%s', (_name, m, want) => {
		expect(displayText(m)).toBe(want);
	});
});
