// Which extractor runs: the --insights-* flags, the environment and the credentials file decide.
// With a key, an LLM extracts; with none, the heuristic does (it needs no network), and the reason
// is given as a notice instead of the reference's silent fall back to Ollama (reference §7).
import {findApiKey, credentialsFilePath, type ApiKey} from '../config/credentials.js';
import type {Result} from '../core/time.js';

export const LLM_PROVIDERS = ['openai', 'anthropic', 'ollama'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];
export const PROVIDERS = [...LLM_PROVIDERS, 'heuristic'] as const;

/** Each provider's own default model: the reference used gpt-4o-mini for all three (reference §7). */
export const DEFAULT_MODELS: Readonly<Record<LlmProvider, string>> = {
	openai: 'gpt-4o-mini',
	anthropic: 'claude-haiku-4-5-20251001',
	ollama: 'llama3.2',
};

export const DEFAULT_BASE_URLS: Readonly<Record<LlmProvider, string>> = {
	openai: 'https://api.openai.com/v1',
	anthropic: 'https://api.anthropic.com',
	ollama: 'http://localhost:11434/v1',
};

export const HEURISTIC_MODEL = 'rules';
export const DEFAULT_CONCURRENCY = 2;
const MAX_CONCURRENCY = 16;

export interface InsightsFlags {
	/** false with --no-insights. */
	insights?: boolean;
	insightsProvider?: string;
	insightsModel?: string;
	insightsKey?: string;
	insightsBaseUrl?: string;
	insightsConcurrency?: number;
}

interface Common {
	concurrency: number;
	/** One line worth telling the user (why the heuristic runs, what was ignored); never a key. */
	notice: string | null;
}

export type InsightsConfig =
	| (Common & {mode: 'off'})
	| (Common & {mode: 'heuristic'; provider: 'heuristic'; model: string})
	| (Common & {mode: 'llm'; provider: LlmProvider; model: string; baseURL: string; apiKey: ApiKey | null; keyWhere: string});

export interface ConfigEnvironment {
	env: Record<string, string | undefined>;
	home: string;
	cwd: string;
	readFile?: (p: string) => string;
	exists?: (p: string) => boolean;
}

function baseUrlFor(provider: LlmProvider, flag: string | undefined, env: Record<string, string | undefined>): Result<string> {
	let url = flag?.trim() || '';
	if (!url && provider === 'openai') url = env['OPENAI_BASE_URL']?.trim() ?? '';
	if (!url && provider === 'anthropic') url = env['ANTHROPIC_BASE_URL']?.trim() ?? '';
	// Ollama's own variable names the server, not its OpenAI-compatible path under it.
	if (!url && provider === 'ollama' && env['OLLAMA_HOST']?.trim()) {
		const host = env['OLLAMA_HOST'].trim();
		url = `${/^https?:\/\//.test(host) ? host : `http://${host}`}`.replace(/\/+$/, '') + '/v1';
	}
	if (!url) return {ok: true, value: DEFAULT_BASE_URLS[provider]};
	try {
		const parsed = new URL(url);
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
	} catch {
		return {ok: false, error: `invalid --insights-base-url "${url}": expected an http(s) URL`};
	}
	return {ok: true, value: url};
}

export function resolveInsightsConfig(flags: InsightsFlags, where: ConfigEnvironment): Result<InsightsConfig> {
	const concurrency = flags.insightsConcurrency ?? DEFAULT_CONCURRENCY;
	if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
		return {ok: false, error: `invalid --insights-concurrency "${flags.insightsConcurrency}": expected a whole number from 1 to ${MAX_CONCURRENCY}`};
	}
	if (flags.insights === false) return {ok: true, value: {mode: 'off', concurrency, notice: null}};
	const asked = flags.insightsProvider?.trim().toLowerCase() ?? '';
	if (asked && !(PROVIDERS as readonly string[]).includes(asked)) {
		return {ok: false, error: `invalid --insights-provider "${flags.insightsProvider}": expected one of ${PROVIDERS.join(', ')}`};
	}
	const heuristic = (notice: string | null): Result<InsightsConfig> => ({
		ok: true, value: {mode: 'heuristic', provider: 'heuristic', model: HEURISTIC_MODEL, concurrency, notice},
	});
	if (asked === 'heuristic') return heuristic(flags.insightsKey ? '--insights-key is not used by the heuristic' : null);
	const file = credentialsFilePath(where.cwd, where.home, where.exists);
	const lookup = (provider: string, flagKey?: string) =>
		findApiKey({provider, flagKey, env: where.env, credentialsFile: file, readFile: where.readFile});

	let provider: LlmProvider;
	let found = null as ReturnType<typeof lookup>;
	if (asked) {
		provider = asked as LlmProvider;
		found = lookup(provider, flags.insightsKey);
		if (!found && provider !== 'ollama') {
			const envName = provider === 'openai' ? 'OPENAI_API_KEY' : 'ANTHROPIC_API_KEY';
			return heuristic(`no ${provider} API key (--insights-key, $${envName} or [providers.${provider}] in ${file}); using the heuristic`);
		}
	} else if (flags.insightsKey?.trim()) {
		// A key without a provider is sent only where its own prefix says it belongs.
		provider = flags.insightsKey.trim().startsWith('sk-ant-') ? 'anthropic' : 'openai';
		found = lookup(provider, flags.insightsKey);
	} else {
		const openai = lookup('openai');
		const anthropic = openai ? null : lookup('anthropic');
		if (!openai && !anthropic) {
			const ignored = flags.insightsModel || flags.insightsBaseUrl ? ' (--insights-model and --insights-base-url need a provider with a key)' : '';
			return heuristic(ignored ? `no API key found; using the heuristic${ignored}` : null);
		}
		provider = openai ? 'openai' : 'anthropic';
		found = openai ?? anthropic;
	}
	const baseURL = baseUrlFor(provider, flags.insightsBaseUrl, where.env);
	if (!baseURL.ok) return baseURL;
	return {
		ok: true,
		value: {
			mode: 'llm', provider, model: flags.insightsModel?.trim() || DEFAULT_MODELS[provider], baseURL: baseURL.value,
			apiKey: found?.key ?? null, keyWhere: found?.where ?? '', concurrency, notice: null,
		},
	};
}
