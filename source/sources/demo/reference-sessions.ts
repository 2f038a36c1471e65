// The reference's seven demo sessions (tapes pkg/deck/demo_seed.go, reference §2.17), node for node:
// same texts, tools, token counts, offsets, stop reasons and projects, so the demo golden numbers
// ($0.5412, 81,000 in / 27,150 out, 19 tool calls, 5/1/1) hold. As in the reference, user nodes carry
// prompt tokens, assistant nodes take 2 s (0.5 s of it prompt processing), and only leaves have a
// stop reason.
import type { ContentBlock } from '../tapes/content-block.js';
import {
	type DemoNodeSpec,
	type DemoSessionSpec,
	HOUR,
	MINUTE,
	SECOND,
	textBlock,
	toolResultBlock,
	toolUseBlock,
} from './demo-spec.js';

type PartialNode = Omit<DemoNodeSpec, 'model' | 'provider'>;

function user(atMs: number, text: string, promptTokens: number): PartialNode {
	return {
		role: 'user',
		atMs,
		blocks: [textBlock(text)],
		promptTokens,
		completionTokens: 0,
		cacheCreation: null,
		cacheRead: null,
		stopReason: '',
		totalDurationMs: null,
		promptDurationMs: null,
	};
}

function assistant(
	atMs: number,
	text: string,
	promptTokens: number,
	completionTokens: number,
	extra: ContentBlock | null,
	stopReason = '',
): PartialNode {
	return {
		role: 'assistant',
		atMs,
		blocks: extra === null ? [textBlock(text)] : [textBlock(text), extra],
		promptTokens,
		completionTokens,
		cacheCreation: null,
		cacheRead: null,
		stopReason,
		totalDurationMs: 2 * SECOND,
		promptDurationMs: 500,
	};
}

function session(
	name: string,
	hoursAgo: number,
	project: string,
	model: string,
	provider: string,
	nodes: PartialNode[],
): DemoSessionSpec {
	return {
		name,
		startAgoMs: hoursAgo * HOUR,
		project,
		agentName: null,
		nodes: nodes.map((n) => ({ ...n, model, provider })),
	};
}

const SONNET = 'claude-sonnet-4.5';
const HAIKU = 'claude-haiku-4.5';
const GPT4O = 'gpt-4o';
const GPT4O_MINI = 'gpt-4o-mini';
const s = SECOND;
const m = MINUTE;
const read = (path: string) => toolUseBlock('Read', { path });
const grep = (query: string) => toolUseBlock('Grep', { query });
const edit = (path: string) => toolUseBlock('Edit', { path });
const write = (path: string) => toolUseBlock('Write', { path });
const bash = (command: string) => toolUseBlock('Bash', { command });

export const REFERENCE_DEMO_SESSIONS: readonly DemoSessionSpec[] = [
	session('code review', 6, 'tapes', SONNET, 'anthropic', [
		user(0, 'Can you review PR #342? It adds JWT auth to the API.', 2400),
		assistant(8 * s, 'Reviewing the auth implementation now.', 3000, 1200, read('auth/jwt.go')),
		assistant(30 * s, 'Found issues: hardcoded JWT secret and missing rate limiting.', 3800, 1800, grep('JWT_SECRET')),
		user(2 * m, 'Please fix those and add a rate limiter.', 1600),
		assistant(2 * m + 10 * s, 'Updated env config and added a rate limit middleware.', 3200, 1500, edit('middleware/rate_limit.go')),
		assistant(6 * m, 'Added refresh tokens and tests. All checks passing.', 2800, 1700, write('auth/refresh.go'), 'stop'),
	]),
	session('bug hunt', 12, 'tapes', SONNET, 'anthropic', [
		user(0, 'Memory usage climbs until the worker crashes. Can you investigate?', 3200),
		assistant(12 * s, 'Investigating worker behavior and connection handling.', 3400, 1400, read('worker/processor.go')),
		assistant(35 * s, 'Found a DB connection leak and a growing in-memory cache.', 4200, 1900, grep('Open(')),
		user(2 * m, 'Please fix both issues.', 1500),
		assistant(2 * m + 20 * s, 'Added defer Close() for DB connections.', 3100, 1200, edit('worker/db.go')),
		assistant(4 * m, 'Implemented an LRU cache with TTL.', 3600, 1600, write('worker/cache.go')),
		assistant(6 * m, 'Added memory metrics and alerts.', 3300, 1500, write('worker/metrics.go')),
		user(8 * m, 'Nice. Add a summary for the PR.', 1200),
		assistant(9 * m, 'Summary: fixed DB leak, bounded cache, added monitoring.', 2800, 1100, null, 'stop'),
	]),
	session('rate limit', 18, 'acme-api', GPT4O, 'openai', [
		user(0, 'We need rate limiting across auth and read endpoints. Can you implement this?', 3600),
		assistant(10 * s, 'Reviewing the API routes and middleware stack.', 2800, 1200, read('api/routes.go')),
		user(1 * m, 'Auth should be strict. Reads can be higher throughput.', 1600),
		assistant(1 * m + 20 * s, 'Designing a per-route rate limiter with Redis backing.', 3100, 1400, write('middleware/ratelimit.go')),
		assistant(3 * m, 'Hooked middleware into auth and read routes.', 2900, 1300, edit('api/routes.go')),
		assistant(4 * m + 30 * s, 'Added config options for per-route limits.', 2600, 1200, edit('config/config.go')),
		assistant(6 * m, 'Tests added and passing.', 2400, 1000, write('middleware/ratelimit_test.go'), 'stop'),
	]),
	session('infra check', 24, 'acme-api', HAIKU, 'anthropic', [
		assistant(0, 'Starting nightly health check for the cluster.', 1200, 600, bash('kubectl get pods')),
		assistant(25 * s, 'All pods healthy. CPU 34%, memory 2.1GB/4GB.', 1100, 500, bash('kubectl top pods')),
		assistant(55 * s, 'Database connections stable, queue depth nominal.', 1000, 450, bash('check-db')),
		assistant(90 * s, 'Health check complete. No critical issues.', 900, 400, null, 'stop'),
	]),
	session('deploy failure', 30, 'infra-ops', GPT4O, 'openai', [
		user(0, 'Deploy failed in production. Can you check the logs?', 2600),
		assistant(12 * s, 'Checking deployment logs.', 2400, 900, bash('kubectl logs deploy/api')),
		assistant(
			40 * s,
			'Found a migration error. The deploy rolled back.',
			2800,
			800,
			toolResultBlock('migration failed: missing column', true),
			'tool_use',
		),
	]),
	session('quick question', 36, 'tapes', GPT4O_MINI, 'openai', [
		user(0, 'What is the syntax for Go generics?', 1200),
		assistant(6 * s, 'Use type parameters like func Max[T constraints.Ordered](a, b T) T.', 800, 1600, null, 'stop'),
	]),
	session('abandoned research', 42, 'acme-api', SONNET, 'anthropic', [
		user(0, 'Research pricing changes for the next quarter.', 1800),
		assistant(12 * s, 'Gathering vendor updates and competitor pricing.', 2200, 900, read('docs/pricing.md')),
		user(5 * m, "Pause this for now. We'll revisit later.", 900),
	]),
];
