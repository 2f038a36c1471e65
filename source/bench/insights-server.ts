// A local OpenAI-compatible server on 127.0.0.1 for the insights benchmark (and trying the explorer by
// hand): every chat completion is answered with a valid facet after a fixed delay. Nothing leaves the machine.
//   node dist/bench/insights-server.js 200     → prints the base URL for --insights-base-url
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {fileURLToPath} from 'node:url';

const FACET = JSON.stringify({
	underlying_goal: 'Fix the flaky parser test', goal_category: 'fix_bug', outcome: 'mostly_achieved', session_type: 'iterative_refinement',
	friction_types: ['buggy_code'], friction_detail: 'The first fix broke another test.', brief_summary: 'The parser test was fixed after two tries.',
});

export interface InsightsServer {
	/** http://127.0.0.1:<port>/v1 */
	baseURL: string;
	/** Requests answered so far, and the most that were open at once. */
	stats(): {answered: number; maxOpen: number; open: number};
	close(): Promise<void>;
}

export async function startInsightsServer(delayMs: number): Promise<InsightsServer> {
	let answered = 0;
	let open = 0;
	let maxOpen = 0;
	const server = http.createServer((req, res) => {
		open++;
		maxOpen = Math.max(maxOpen, open);
		req.resume();
		req.on('end', () => {
			const timer = setTimeout(() => {
				open--;
				answered++;
				res.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify({
					id: 'chatcmpl-bench', object: 'chat.completion', created: 1, model: 'gpt-4o-mini',
					choices: [{index: 0, message: {role: 'assistant', content: FACET}, finish_reason: 'stop', logprobs: null}],
					usage: {prompt_tokens: 1200, completion_tokens: 90, total_tokens: 1290},
				}));
			}, delayMs);
			// A client that gave up (the explorer quit) must not leave the timer behind.
			res.on('close', () => {
				if (!res.writableEnded) {
					clearTimeout(timer);
					open--;
				}
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		baseURL: `http://127.0.0.1:${port}/v1`,
		stats: () => ({answered, maxOpen, open}),
		close: () => new Promise((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const s = await startInsightsServer(Number(process.argv[2] ?? 200));
	process.stdout.write(`${s.baseURL}\n`);
}
