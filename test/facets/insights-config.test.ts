// Which extractor runs for which flags, environment and credentials file.
import {describe, expect, it} from 'vitest';
import {resolveInsightsConfig, type InsightsFlags} from '../../source/facets/insights-config.js';

const resolve = (flags: InsightsFlags, env: Record<string, string> = {}, file: string | null = null) =>
	resolveInsightsConfig(flags, {
		env, home: '/home/u', cwd: '/work', exists: () => false,
		readFile: () => {
			if (file === null) throw new Error('ENOENT');
			return file;
		},
	});

const value = (r: ReturnType<typeof resolve>) => {
	if (!r.ok) throw new Error(r.error);
	return r.value;
};

describe('resolveInsightsConfig', () => {
	it('with no key anywhere, the heuristic runs, quietly', () => {
		expect(value(resolve({}))).toMatchObject({mode: 'heuristic', provider: 'heuristic', model: 'rules', concurrency: 2, notice: null});
	});

	it('an OpenAI key turns LLM extraction on by default, with OpenAI\'s default model', () => {
		const c = value(resolve({}, {OPENAI_API_KEY: 'sk-env'}));
		expect(c).toMatchObject({mode: 'llm', provider: 'openai', model: 'gpt-4o-mini', baseURL: 'https://api.openai.com/v1', keyWhere: '$OPENAI_API_KEY'});
	});

	it('an Anthropic key alone picks Anthropic with its own default model', () => {
		const c = value(resolve({}, {}, '[providers.anthropic]\napi_key = "sk-ant-x"\n'));
		expect(c).toMatchObject({mode: 'llm', provider: 'anthropic', model: 'claude-haiku-4-5-20251001', baseURL: 'https://api.anthropic.com'});
	});

	it('Ollama needs no key and has its own default model and URL', () => {
		const c = value(resolve({insightsProvider: 'Ollama'}));
		expect(c).toMatchObject({mode: 'llm', provider: 'ollama', model: 'llama3.2', baseURL: 'http://localhost:11434/v1', apiKey: null});
		expect(value(resolve({insightsProvider: 'ollama'}, {OLLAMA_HOST: '10.0.0.5:11434'}))).toMatchObject({baseURL: 'http://10.0.0.5:11434/v1'});
	});

	it('an asked-for provider without its key falls back to the heuristic and says why', () => {
		const c = value(resolve({insightsProvider: 'anthropic'}, {OPENAI_API_KEY: 'sk-openai'}));
		expect(c.mode).toBe('heuristic');
		expect(c.notice).toMatch(/no anthropic API key .*ANTHROPIC_API_KEY.*using the heuristic/);
	});

	it('a flag key without a provider goes only where its prefix says', () => {
		expect(value(resolve({insightsKey: 'sk-ant-api03-xyz'}))).toMatchObject({provider: 'anthropic', keyWhere: '--insights-key'});
		expect(value(resolve({insightsKey: 'sk-proj-xyz'}))).toMatchObject({provider: 'openai'});
	});

	it('base URL: flag, then the SDK variable of that provider only', () => {
		const env = {OPENAI_API_KEY: 'k', ANTHROPIC_API_KEY: 'k2', OPENAI_BASE_URL: 'http://proxy/v1', ANTHROPIC_BASE_URL: 'http://aproxy'};
		expect(value(resolve({}, env))).toMatchObject({baseURL: 'http://proxy/v1'});
		expect(value(resolve({insightsProvider: 'anthropic'}, env))).toMatchObject({baseURL: 'http://aproxy'});
		expect(value(resolve({insightsProvider: 'ollama'}, env))).toMatchObject({baseURL: 'http://localhost:11434/v1'});
		expect(value(resolve({insightsBaseUrl: 'http://127.0.0.1:9/v1'}, env))).toMatchObject({baseURL: 'http://127.0.0.1:9/v1'});
	});

	it('--insights-model overrides the default', () => {
		expect(value(resolve({insightsModel: 'gpt-4.1-mini'}, {OPENAI_API_KEY: 'k'}))).toMatchObject({model: 'gpt-4.1-mini'});
	});

	it('--no-insights turns everything off', () => {
		expect(value(resolve({insights: false}, {OPENAI_API_KEY: 'k'}))).toMatchObject({mode: 'off'});
	});

	it('explicit heuristic ignores keys', () => {
		expect(value(resolve({insightsProvider: 'heuristic'}, {OPENAI_API_KEY: 'k'}))).toMatchObject({mode: 'heuristic'});
	});

	it.each([
		[{insightsProvider: 'gemini'}, /invalid --insights-provider "gemini": expected one of openai, anthropic, ollama, heuristic/],
		[{insightsConcurrency: 0}, /invalid --insights-concurrency "0"/],
		[{insightsConcurrency: 2.5}, /invalid --insights-concurrency/],
		[{insightsProvider: 'ollama', insightsBaseUrl: 'ftp://x'}, /invalid --insights-base-url "ftp:\/\/x"/],
	])('rejects %j', (flags, error) => {
		const r = resolve(flags as InsightsFlags);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(error);
	});

	it('the config never serializes its key', () => {
		const c = value(resolve({insightsKey: 'sk-proj-very-secret-123'}));
		expect(JSON.stringify(c)).not.toContain('very-secret');
	});
});
