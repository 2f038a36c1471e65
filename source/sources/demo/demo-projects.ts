// What the extra demo sessions work on: five projects with their files and test commands, and the
// scenario shape the session generator turns into nodes.

export interface DemoProject {
	files: string[];
	greps: string[];
	/** The project's test or check command and what it prints when it passes. */
	test: string;
	testOk: string;
	/** How many tokens a file read adds to the context, roughly (source files are long). */
	readTokens: [number, number];
}

export const DEMO_PROJECTS: Record<string, DemoProject> = {
	tapes: {
		files: [
			'pkg/deck/query.go',
			'pkg/merkle/node.go',
			'pkg/merkle/bucket.go',
			'proxy/worker/pool.go',
			'cmd/tapes/deck/tui.go',
			'pkg/storage/sqlite/sqlite.go',
			'pkg/llm/message.go',
		],
		greps: ['parseContentBlocks', 'time.Now()', 'CacheReadInputTokens', 'func NewNode'],
		test: 'go test ./...',
		testOk: 'ok  \tgithub.com/papercomputeco/tapes/pkg/deck\t0.412s\nok  \tgithub.com/papercomputeco/tapes/pkg/merkle\t0.031s',
		readTokens: [1500, 4500],
	},
	'acme-api': {
		files: [
			'src/routes/orders.ts',
			'src/routes/customers.ts',
			'src/middleware/auth.ts',
			'src/middleware/rate-limit.ts',
			'src/db/schema.ts',
			'src/lib/retry.ts',
			'test/orders.test.ts',
		],
		greps: ['withRetry', 'req.user', 'ILIKE', 'process.env.'],
		test: 'npm test',
		testOk: ' Test Files  23 passed (23)\n      Tests  187 passed (187)\n   Duration  6.41s',
		readTokens: [900, 3200],
	},
	'infra-ops': {
		files: [
			'terraform/envs/prod/rds.tf',
			'terraform/modules/vpc/main.tf',
			'k8s/api/deployment.yaml',
			'k8s/export/cronjob.yaml',
			'k8s/monitoring/alertmanager.yaml',
			'scripts/rotate-certs.sh',
		],
		greps: ['engine_version', 'resources:', 's3:*', 'group_by'],
		test: 'terraform validate',
		testOk: 'Success! The configuration is valid.',
		readTokens: [600, 2400],
	},
	webshop: {
		files: [
			'shop/cart/models.py',
			'shop/cart/views.py',
			'shop/checkout/services.py',
			'shop/catalog/search.py',
			'shop/orders/signals.py',
			'tests/test_checkout.py',
		],
		greps: ['apply_coupon', 'post_save', 'Decimal(', 'icontains'],
		test: 'pytest -q',
		testOk: '........................................................ [100%]\n212 passed in 14.83s',
		readTokens: [800, 3000],
	},
	'docs-site': {
		files: [
			'src/content/docs/getting-started.md',
			'src/content/docs/guides/proxy.md',
			'src/content/docs/reference/deck.md',
			'astro.config.mjs',
			'src/styles/code.css',
		],
		greps: ['description:', '](/guides', 'shiki', 'draft: true'],
		test: 'npm run build',
		testOk: '23:14:07 [build] 64 page(s) built in 4.21s\n23:14:07 [build] Complete!',
		readTokens: [500, 2000],
	},
};

export interface DemoScenario {
	project: keyof typeof DEMO_PROJECTS & string;
	prompt: string;
	answer: string;
	/** Further prompts with the answer each gets. */
	followUps?: Array<[prompt: string, answer: string]>;
	/** Plain Q&A: no tool calls. */
	question?: true;
	/** The session ends with `git commit -m` this message. */
	commit?: string;
	/** A command that fails (an is_error tool result) before the agent recovers. */
	failure?: { command: string; output: string; passed?: string };
	/** A last prompt nobody answered. */
	abandon?: string;
	/** The final answer hits the output limit. */
	truncated?: true;
	/** A first answer that was cut off and retried: it stays as a sibling leaf of the retry. */
	retry?: string;
	/** Exact number of tool steps (otherwise drawn at random). */
	steps?: number;
}
