// Text for the search benchmark: words drawn with a Zipf distribution from a vocabulary of English and
// programming words and generated identifiers (camelCase, snake_case, paths), so queries range from a word
// in most messages to one in a handful; a few planted phrases give known rare matches.
import type {ContentBlock} from '../sources/tapes/content-block.js';

const COMMON = ('the a to of and in is it that for on with this be as at by we from or an not are can was if will you but ' +
	'file test error fix run build index query table row column session message tool result cache token cost model sync ' +
	'read write parse stream batch commit retry branch cursor window label frame render timeline worker provider config ' +
	'function return value type string number array object null undefined import export const let async await promise ' +
	'request response server client http json schema migration database transaction lock timeout limit rate deploy ' +
	'staging production branch merge rebase diff patch review approve comment issue bug feature refactor rename move ' +
	'delete create update insert select where order group count sum max min average latency memory cpu disk network').split(' ');

const SYLLABLES = 'ka ve lo ri tan mor sel quin dra po fen ul zo bri chal nit osk wer lum gav tre pix mod hul'.split(' ');

function generatedWord(k: number): string {
	let w = '';
	let n = k + 7;
	do {
		w += SYLLABLES[n % SYLLABLES.length];
		n = Math.floor(n / SYLLABLES.length);
	} while (n > 0);
	// Every fifth an identifier the way code writes them.
	switch (k % 5) {
		case 1: return `${w}${w.slice(0, 1).toUpperCase()}${w.slice(1, 4)}Handler`;
		case 2: return `${w}_${SYLLABLES[k % 7]}`;
		case 3: return `src/${w}/index.ts`;
		default: return w;
	}
}

export const VOCABULARY: readonly string[] = [...COMMON, ...Array.from({length: 50_000}, (_, k) => generatedWord(k))];

/** Cumulative Zipf weights (s = 1.05) over the vocabulary, for sampling by binary search. */
const CDF = (() => {
	const out = new Float64Array(VOCABULARY.length);
	let total = 0;
	for (let r = 0; r < VOCABULARY.length; r++) out[r] = total += 1 / Math.pow(r + 1, 1.05);
	for (let r = 0; r < out.length; r++) out[r]! /= total;
	return out;
})();

function word(rand: () => number): string {
	const x = rand();
	let lo = 0;
	let hi = CDF.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (CDF[mid]! < x) lo = mid + 1;
		else hi = mid;
	}
	return VOCABULARY[lo]!;
}

/** Planted texts and how often (one message in N): the benchmark's rare and mid-rare matches. */
export const PLANTED: ReadonlyArray<[string, number]> = [
	['where did I fix the flaky TestSessionGrouping', 200_000],
	['ran terraform destroy on the staging stack', 20_000],
	['we hit rate limiting on the provider', 2_000],
];

export function prose(rand: () => number, bytes: number): string {
	let out = '';
	for (const [text, every] of PLANTED) if (rand() * every < 1) out += `${text} `;
	while (out.length < bytes) out += `${word(rand)} `;
	return out.slice(0, bytes);
}

/** Content blocks of a benchmark node: about 400 characters, a tool call with arguments every fourth assistant node. */
export function searchContent(rand: () => number, role: string, i: number): ContentBlock[] {
	if (role === 'assistant' && i % 4 === 1) {
		return [
			{type: 'text', text: prose(rand, 300)},
			{type: 'tool_use', tool_name: ['Read', 'Edit', 'Bash', 'Grep'][i % 4]!, tool_use_id: `toolu_${i}`, tool_input: {command: prose(rand, 80)}},
		];
	}
	return [{type: 'text', text: prose(rand, 400)}];
}
