// The real SDKs (openai, @anthropic-ai/sdk) against a local server speaking each provider's wire
// format: answer shapes, re-prompting, rate limits, server errors, hung responses and cancellation.
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createExtractor} from '../../source/facets/create-extractor.js';
import {resolveInsightsConfig} from '../../source/facets/insights-config.js';
import type {FacetExtractor} from '../../source/facets/extractor.js';
import {defaultPricing} from '../../source/core/pricing.js';
import {answer, hang, startFakeLlm, status, type FakeLlmServer} from './helpers/fake-llm-server.js';
import {HELLO, VALID_ANSWER, VALID_JSON} from './helpers/session-fixture.js';

const KEY = 'sk-test-wire-0123456789abcdef';
const cases = [
	{provider: 'openai', format: 'openai', path: '/v1/chat/completions', suffix: '/v1', cost: (1000 * 0.15 + 100 * 0.6) / 1e6},
	{provider: 'anthropic', format: 'anthropic', path: '/v1/messages', suffix: '', cost: (1000 * 1 + 100 * 5) / 1e6},
	{provider: 'ollama', format: 'openai', path: '/v1/chat/completions', suffix: '/v1', cost: null},
] as const;

describe.each(cases)('$provider through its SDK', (c) => {
	let server: FakeLlmServer;
	let sleeps: number[];
	let extractor: FacetExtractor;
	const run = (signal = new AbortController().signal) => extractor.extract(HELLO, signal);

	beforeAll(async () => {
		server = await startFakeLlm(c.format);
	});
	afterAll(() => server.close());

	const setup = async (timeoutMs = 2000) => {
		server.requests.length = 0;
		sleeps = [];
		const config = resolveInsightsConfig(
			{insightsProvider: c.provider, insightsKey: c.provider === 'ollama' ? undefined : KEY, insightsBaseUrl: server.origin + c.suffix},
			{env: {}, home: '/nonexistent', cwd: '/nonexistent', readFile: () => { throw new Error('no file'); }},
		);
		if (!config.ok) throw new Error(config.error);
		const made = await createExtractor(config.value, {
			pricing: defaultPricing(), timeoutMs, random: () => 0.5,
			backoff: {baseMs: 10, maxMs: 40, maxRetryAfterMs: 5000, retries: 2},
			sleep: async (ms) => {
				sleeps.push(ms);
			},
		});
		if (!made) throw new Error('no extractor');
		extractor = made;
	};

	afterEach(() => server.script([answer(VALID_JSON)]));

	it('plain JSON: one call on the provider path, every field, tokens and cost', async () => {
		await setup();
		server.script([answer(VALID_JSON)]);
		const r = await run();
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.facet).toEqual({
			underlyingGoal: VALID_ANSWER.underlying_goal, goalCategory: 'fix_bug', outcome: 'fully_achieved', sessionType: 'single_task',
			frictionTypes: ['buggy_code'], frictionDetail: VALID_ANSWER.friction_detail, briefSummary: VALID_ANSWER.brief_summary,
		});
		expect(r.attempts).toBe(1);
		expect(r.usage.inputTokens).toBe(1000);
		expect(r.usage.outputTokens).toBe(100);
		if (c.cost === null) expect(r.usage.costUsd).toBeNull();
		else expect(r.usage.costUsd).toBeCloseTo(c.cost, 12);
		expect(server.requests).toHaveLength(1);
		const req = server.requests[0]!;
		expect(req.path).toBe(c.path);
		const prompt = JSON.stringify(req.body['messages']);
		expect(prompt).toContain('[user] Hello');
		expect(prompt).toContain('[assistant] Hi there');
		if (c.format === 'openai') expect(req.body['response_format']).toEqual({type: 'json_object'});
		if (c.provider === 'anthropic') expect(req.body['max_tokens']).toBeGreaterThan(0);
		const auth = `${req.headers['authorization'] ?? ''} ${req.headers['x-api-key'] ?? ''}`;
		if (c.provider === 'ollama') expect(auth).not.toContain('sk-');
		else expect(auth).toContain(KEY);
	});

	it.each([
		['a ```json fence', '```json\n' + VALID_JSON + '\n```'],
		['prose around it', `Here is the analysis you asked for:\n${VALID_JSON}\nLet me know if you need more.`],
		['brace-shaped non-JSON before it', `{not json at all} and then the real one: ${VALID_JSON}`],
	])('JSON in %s parses on the first answer', async (_name, text) => {
		await setup();
		server.script([answer(text)]);
		const r = await run();
		expect(r.ok && r.attempts).toBe(1);
	});

	it('a non-JSON answer is re-prompted with what was wrong, then the JSON answer wins', async () => {
		await setup();
		server.script([answer('I am sorry, I cannot analyse this session.'), answer(VALID_JSON)]);
		const r = await run();
		expect(r.ok).toBe(true);
		expect(r.attempts).toBe(2);
		const second = server.requests[1]!.body['messages'] as Array<{role: string; content: string}>;
		expect(second.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
		expect(second[1]!.content).toContain('I cannot analyse');
		expect(second[2]!.content).toContain('no JSON object');
	});

	it('an out-of-vocabulary value is re-prompted naming the field and the value', async () => {
		await setup();
		server.script([answer(JSON.stringify({...VALID_ANSWER, outcome: 'sort_of_achieved'})), answer(VALID_JSON)]);
		const r = await run();
		expect(r.ok && r.attempts).toBe(2);
		const reprompt = (server.requests[1]!.body['messages'] as Array<{content: string}>)[2]!.content;
		expect(reprompt).toContain('outcome');
		expect(reprompt).toContain('sort_of_achieved');
	});

	it('three invalid answers fail the session with the last problem, after exactly 3 calls', async () => {
		await setup();
		server.script([answer(JSON.stringify({...VALID_ANSWER, goal_category: 'vibes'}))]);
		const r = await run();
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.fatal).toBe(false);
		expect(r.attempts).toBe(3);
		expect(r.reason).toMatch(/3 attempts.*goal_category.*vibes/);
		expect(server.requests).toHaveLength(3);
		expect(r.usage.inputTokens).toBe(3000);
	});

	it('429 waits as long as retry-after says, then succeeds', async () => {
		await setup();
		server.script([status(429, {'retry-after': '2'}), answer(VALID_JSON)]);
		const r = await run();
		expect(r.ok).toBe(true);
		expect(r.retries).toBe(1);
		expect(sleeps).toEqual([2000]);
		expect(server.requests).toHaveLength(2);
	});

	it('500 is retried with exponential backoff and jitter, then given up with the reason', async () => {
		await setup();
		server.script([status(500)]);
		const r = await run();
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.fatal).toBe(false);
		expect(r.reason).toMatch(/server error \(500\).*gave up after 3 calls/);
		// random() = 0.5 with equal jitter: 3/4 of 10 ms, then of 20 ms.
		expect(sleeps).toEqual([7.5, 15]);
		expect(server.requests).toHaveLength(3);
	});

	it('a hung response times out and the retry succeeds', async () => {
		await setup(250);
		server.script([hang, answer(VALID_JSON)]);
		const started = Date.now();
		const r = await run();
		expect(r.ok).toBe(true);
		expect(r.retries).toBe(1);
		expect(Date.now() - started).toBeGreaterThanOrEqual(240);
	});

	it('a response that always hangs fails with a timeout reason', async () => {
		await setup(150);
		server.script([hang]);
		const r = await run();
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toMatch(/timed out after 0\.15s/);
		expect(server.requests).toHaveLength(3);
	});

	it('401 stops the run as a whole, and the reason never holds the key', async () => {
		await setup();
		server.script([status(401, {}, `Incorrect API key provided: ${KEY}`)]);
		const r = await run();
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.fatal).toBe(true);
		expect(r.reason).toContain('401');
		expect(r.reason).not.toContain(KEY);
		expect(server.requests).toHaveLength(1);
	});

	it('cancelling aborts an in-flight call at once', async () => {
		await setup(10_000);
		server.script([hang]);
		const controller = new AbortController();
		const started = Date.now();
		setTimeout(() => controller.abort(), 50);
		await expect(run(controller.signal)).rejects.toMatchObject({name: 'AbortError'});
		expect(Date.now() - started).toBeLessThan(2000);
	});
});

describe('key isolation', () => {
	it('Ollama never receives $OPENAI_API_KEY or the OpenAI organization, even with both set', async () => {
		const server = await startFakeLlm('openai');
		const saved = {key: process.env['OPENAI_API_KEY'], org: process.env['OPENAI_ORG_ID'], base: process.env['OPENAI_BASE_URL']};
		process.env['OPENAI_API_KEY'] = 'sk-env-secret-should-not-leak';
		process.env['OPENAI_ORG_ID'] = 'org-should-not-leak';
		process.env['OPENAI_BASE_URL'] = 'http://127.0.0.1:9/v1';
		try {
			const config = resolveInsightsConfig({insightsProvider: 'ollama', insightsBaseUrl: `${server.origin}/v1`},
				{env: process.env, home: '/nonexistent', cwd: '/nonexistent'});
			if (!config.ok) throw new Error(config.error);
			const extractor = await createExtractor(config.value, {pricing: defaultPricing()});
			server.script([answer(VALID_JSON)]);
			const r = await extractor!.extract(HELLO, new AbortController().signal);
			expect(r.ok).toBe(true);
			const headers = JSON.stringify(server.requests[0]!.headers);
			expect(headers).not.toContain('sk-env-secret');
			expect(headers).not.toContain('org-should-not-leak');
		} finally {
			for (const [name, value] of [['OPENAI_API_KEY', saved.key], ['OPENAI_ORG_ID', saved.org], ['OPENAI_BASE_URL', saved.base]] as const) {
				if (value === undefined) delete process.env[name];
				else process.env[name] = value;
			}
			await server.close();
		}
	});
});

describe('endpoints', () => {
	it('ANTHROPIC_BASE_URL from the environment is where the Anthropic SDK goes', async () => {
		const server = await startFakeLlm('anthropic');
		try {
			const config = resolveInsightsConfig({}, {env: {ANTHROPIC_API_KEY: 'sk-ant-env-000000000', ANTHROPIC_BASE_URL: server.origin}, home: '/nonexistent', cwd: '/nonexistent'});
			if (!config.ok) throw new Error(config.error);
			expect(config.value).toMatchObject({provider: 'anthropic'});
			server.script([answer(VALID_JSON)]);
			const r = await (await createExtractor(config.value, {pricing: defaultPricing()}))!.extract(HELLO, new AbortController().signal);
			expect(r.ok).toBe(true);
			expect(server.requests[0]!.path).toBe('/v1/messages');
		} finally {
			await server.close();
		}
	});

	it('a server that never answers stops the run once retries run out', async () => {
		const server = await startFakeLlm('openai');
		const origin = server.origin;
		await server.close();
		const config = resolveInsightsConfig({insightsProvider: 'ollama', insightsBaseUrl: `${origin}/v1`}, {env: {}, home: '/nonexistent', cwd: '/nonexistent'});
		if (!config.ok) throw new Error(config.error);
		const sleeps: number[] = [];
		const extractor = await createExtractor(config.value, {
			pricing: defaultPricing(), backoff: {baseMs: 1, maxMs: 2, maxRetryAfterMs: 10, retries: 2},
			sleep: async (ms) => {
				sleeps.push(ms);
			},
		});
		const r = await extractor!.extract(HELLO, new AbortController().signal);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.fatal).toBe(true);
		expect(r.reason).toMatch(/cannot reach ollama at http:\/\/127\.0\.0\.1:\d+\/v1 .*gave up after 3 calls/);
		expect(sleeps).toHaveLength(2);
	});
});
