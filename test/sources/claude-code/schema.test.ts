// The hand-written guards accept exactly the lines the zod schemas accept (they only spare loading zod).
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {claudeSchemas, isAssistantLine, isUserLine} from '../../../source/sources/claude-code/schema.js';
import {FIXTURES} from '../../helpers/transcripts.js';

const lines = fs.readdirSync(path.join(FIXTURES, 'claude-code'), {recursive: true, encoding: 'utf8'})
	.filter((f) => f.endsWith('.jsonl'))
	.flatMap((f) => fs.readFileSync(path.join(FIXTURES, 'claude-code', f), 'utf8').split('\n'))
	.flatMap((l) => {
		try {
			return [JSON.parse(l) as Record<string, unknown>];
		} catch {
			return [];
		}
	});

/** Variants of a line with one field of a wrong type (or missing), recursively, to try both checks on. */
function mutations(v: Record<string, unknown>, depth = 0): Array<Record<string, unknown>> {
	const out: Array<Record<string, unknown>> = [];
	for (const [k, x] of Object.entries(v)) {
		// Infinity is what JSON.parse makes of 1e400; 2^53 is past any token count.
		for (const bad of [undefined, null, 7, 'x', -1, [], {}, Infinity, 2 ** 53]) out.push({...v, [k]: bad});
		if (depth < 3 && typeof x === 'object' && x !== null && !Array.isArray(x)) {
			for (const m of mutations(x as Record<string, unknown>, depth + 1)) out.push({...v, [k]: m});
		}
		if (depth < 3 && Array.isArray(x) && typeof x[0] === 'object' && x[0] !== null) {
			for (const m of mutations(x[0] as Record<string, unknown>, depth + 1)) out.push({...v, [k]: [m, ...x.slice(1)]});
		}
	}
	return out;
}

describe('Claude Code line guards', () => {
	for (const [type, guard, schema] of [['assistant', isAssistantLine, 'assistant'], ['user', isUserLine, 'user']] as const) {
		it(`${type}: guard and schema agree on the fixture lines and their mutations`, () => {
			const samples = lines.filter((l) => l['type'] === type).flatMap((l) => [l, ...mutations(l)]);
			expect(samples.length).toBeGreaterThan(100);
			const disagree = samples.filter((s) => guard(s) !== claudeSchemas()[schema].safeParse(s).success);
			expect(disagree).toEqual([]);
		});
	}
});
