// Model-name normalization: one spelling per model, so that pricing, filters and per-model stats agree
// whichever source (tapes proxy, Claude Code, Codex, PromptKit) wrote the name.

const ANTHROPIC_DATE = /-\d{8}$/;
const VERTEX_DATE = /@\d{8}$/;
const OPENAI_DATE = /-\d{4}-\d{2}-\d{2}$/;
const SINGLE_DIGIT = /^\d$/;
// Bedrock IDs look like `us.anthropic.claude-3-7-sonnet-20250219-v1:0`.
const BEDROCK_PREFIX = /^(?:(?:us|eu|apac|global)\.)?anthropic\./;
const BEDROCK_VERSION = /-v\d+(?::\d+)?$/;

/** Strip a trailing OpenAI snapshot date (`gpt-4.1-2025-04-14` → `gpt-4.1`). */
export function stripOpenAIDateSuffix(name: string): string {
	return OPENAI_DATE.test(name) ? name.replace(OPENAI_DATE, '') : name;
}

/**
 * Join version segments written with a dash (`4-6`) into `4.6`. Only whole `-`-separated segments that
 * are a single digit each count, which is why `gpt-4-1106-preview` keeps its snapshot number (the
 * reference replaced substrings anywhere and produced `gpt-4.106-preview`).
 */
function joinVersionSegments(name: string): string {
	const parts = name.split('-');
	const out: string[] = [];
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i] ?? '';
		const next = parts[i + 1];
		// The first segment is the vendor or family word, never a version.
		if (i > 0 && next !== undefined && SINGLE_DIGIT.test(part) && SINGLE_DIGIT.test(next)) {
			out.push(`${part}.${next}`);
			i++;
		} else {
			out.push(part);
		}
	}
	return out.join('-');
}

/**
 * Normalize a model name: lowercase and trim; drop a provider prefix (`anthropic/`, `openai/`, Bedrock's
 * `us.anthropic.`); drop snapshot dates (Anthropic `-YYYYMMDD`, Vertex `@YYYYMMDD`, OpenAI
 * `-YYYY-MM-DD`); then write versions with a dot (`claude-opus-4-6` → `claude-opus-4.6`).
 *
 * Anthropic's older family-first IDs (`claude-3-7-sonnet`) keep their order (`claude-3.7-sonnet`);
 * pricing resolves them to the table's `claude-sonnet-3.7` through aliases (see pricing.ts), so the
 * name shown is the one the vendor uses.
 */
export function normalizeModel(name: string): string {
	let cached = memo.get(name);
	if (cached === undefined) {
		// A sync normalizes the same handful of names a million times; remember them (bounded).
		if (memo.size > 10_000) memo.clear();
		cached = normalizeUncached(name);
		memo.set(name, cached);
	}
	return cached;
}

const memo = new Map<string, string>();

function normalizeUncached(name: string): string {
	let s = name.trim().toLowerCase();
	if (s === '') return '';
	const slash = s.lastIndexOf('/');
	if (slash >= 0) s = s.slice(slash + 1);
	if (BEDROCK_PREFIX.test(s)) {
		s = s.replace(BEDROCK_PREFIX, '').replace(BEDROCK_VERSION, '');
	}
	s = s.replace(VERTEX_DATE, '');
	if (ANTHROPIC_DATE.test(s)) s = s.replace(ANTHROPIC_DATE, '');
	s = stripOpenAIDateSuffix(s);
	return joinVersionSegments(s);
}

const CLAUDE_FAMILY_FIRST = /^claude-(\d(?:\.\d)?)-(opus|sonnet|haiku)(-.*)?$/;
const CLAUDE_VERSION_FIRST = /^claude-(opus|sonnet|haiku)-(\d(?:\.\d)?)(-.*)?$/;

/**
 * The same Claude model with family and version swapped (`claude-3.7-sonnet` ↔ `claude-sonnet-3.7`),
 * or '' when the name is not a Claude name of that shape. Anthropic switched the order with Claude 4;
 * tables and sources use both.
 */
export function swapClaudeNameOrder(normalized: string): string {
	const old = CLAUDE_FAMILY_FIRST.exec(normalized);
	if (old) return `claude-${old[2]}-${old[1]}${old[3] ?? ''}`;
	const current = CLAUDE_VERSION_FIRST.exec(normalized);
	if (current) return `claude-${current[2]}-${current[1]}${current[3] ?? ''}`;
	return '';
}

/** True for Anthropic model names (they price 1-hour cache writes at 2x input). */
export function isAnthropicModel(normalized: string): boolean {
	return normalized.startsWith('claude');
}
