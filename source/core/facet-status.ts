// The facet worker's progress as data, and the one-line texts the status bar and the headless
// progress bar show for it: "insights 12/40 ⣾ 1 failed · openai/gpt-4o-mini", "insights 40/40 ✓".

export type FacetRunState = 'off' | 'idle' | 'running' | 'done' | 'stopped' | 'error';

export interface FacetProgress {
	state: FacetRunState;
	/** openai, anthropic, ollama or heuristic ('' when off). */
	provider: string;
	model: string;
	/** Sessions the worker is responsible for (in its scope at the last scan). */
	total: number;
	/** Of those, how many need nothing more this run: current before, extracted, or failed. */
	done: number;
	/** Facets written by this run. */
	extracted: number;
	/** Sessions that failed this run (recorded in the index with their reason). */
	failed: number;
	inFlight: number;
	/** Why the run stopped as a whole (a rejected key, an unknown model), keys redacted. */
	error: string | null;
	lastFailure: {sessionId: string; reason: string} | null;
	inputTokens: number;
	outputTokens: number;
	/** null while a call's model has no price (e.g. a local Ollama model). */
	costUsd: number | null;
}

export const IDLE_PROGRESS: FacetProgress = {
	state: 'idle', provider: '', model: '', total: 0, done: 0, extracted: 0, failed: 0, inFlight: 0,
	error: null, lastFailure: null, inputTokens: 0, outputTokens: 0, costUsd: 0,
};

export const SPINNER_FRAMES = ['⣾', '⣽', '⣻', '⢿', '⡿', '⣟', '⣯', '⣷'] as const;

/** "openai/gpt-4o-mini"; the heuristic says so rather than naming a model. */
export function providerLabel(provider: string, model: string): string {
	if (provider === 'heuristic') return 'heuristic';
	return model ? `${provider}/${model}` : provider;
}

/** The status bar's text; `frame` picks the spinner frame (the UI advances it on its own timer). */
export function facetStatusText(p: FacetProgress, frame = 0): string {
	const failed = p.failed > 0 ? `${p.failed} failed` : '';
	const who = providerLabel(p.provider, p.model);
	switch (p.state) {
		case 'off':
			return 'insights off';
		case 'idle':
			return p.total > 0 ? `insights ${p.done}/${p.total}` : 'insights';
		case 'running': {
			const spin = SPINNER_FRAMES[((frame % SPINNER_FRAMES.length) + SPINNER_FRAMES.length) % SPINNER_FRAMES.length];
			return `insights ${p.done}/${p.total} ${spin}${failed ? ` ${failed}` : ''}${who ? ` · ${who}` : ''}`;
		}
		case 'done':
			return `insights ${p.done}/${p.total} ✓${failed ? ` · ${failed}` : ''}`;
		case 'stopped':
			return `insights ${p.done}/${p.total} stopped${failed ? ` · ${failed}` : ''}`;
		case 'error':
			return `insights ✗ ${p.error ?? 'stopped'}`;
		default: {
			const never: never = p.state;
			return String(never);
		}
	}
}

/** A text progress bar for `tapedeck facets` on a terminal: "[█████░░░░░] 12/40 · 1 failed · openai/gpt-4o-mini". */
export function facetProgressBar(p: FacetProgress, width = 24): string {
	const fraction = p.total > 0 ? Math.min(p.done / p.total, 1) : 1;
	const filled = Math.round(fraction * width);
	const parts = [`[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${p.done}/${p.total}`];
	if (p.failed > 0) parts.push(`${p.failed} failed`);
	const who = providerLabel(p.provider, p.model);
	if (who) parts.push(who);
	return `insights ${parts.join(' · ')}`;
}
