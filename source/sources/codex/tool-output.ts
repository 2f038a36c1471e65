// What a Codex tool output says about success and time. Shell outputs come as JSON
// ({"output", "metadata": {"exit_code", "duration_seconds"}}) in older rollouts and as text headed by
// "Exit code: N" / "Wall time: S seconds" in newer ones.
export interface ToolOutcome {
	content: string;
	exitCode: number | null;
	durationMs: number | null;
	failed: boolean;
}

function asText(output: unknown): string {
	if (typeof output === 'string') return output;
	if (Array.isArray(output)) {
		return output.map((o) => (typeof o === 'object' && o !== null && typeof (o as {text?: unknown}).text === 'string' ? (o as {text: string}).text : '')).filter(Boolean).join('\n');
	}
	if (typeof output === 'object' && output !== null && typeof (output as {content?: unknown}).content === 'string') return (output as {content: string}).content;
	return output === undefined || output === null ? '' : JSON.stringify(output);
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function toolOutcome(output: unknown): ToolOutcome {
	let content = asText(output);
	let exitCode: number | null = null;
	let seconds: number | null = null;
	let failed = typeof output === 'object' && output !== null && (output as {success?: unknown}).success === false;
	if (content.startsWith('{')) {
		try {
			const o = JSON.parse(content) as {output?: unknown; metadata?: {exit_code?: unknown; duration_seconds?: unknown}};
			if (typeof o.output === 'string') content = o.output;
			exitCode = num(o.metadata?.exit_code);
			seconds = num(o.metadata?.duration_seconds);
		} catch {
			// Plain text that happens to start with a brace.
		}
	}
	const code = /^Exit code: (-?\d+)/m.exec(content);
	if (exitCode === null && code) exitCode = Number(code[1]);
	const wall = /^Wall time: ([\d.]+) seconds/m.exec(content);
	if (seconds === null && wall) seconds = Number(wall[1]);
	// apply_patch reports a patch that does not apply in words, without an exit code.
	failed ||= (exitCode !== null && exitCode !== 0) || /^apply_patch verification failed/m.test(content);
	return {content, exitCode, durationMs: seconds === null ? null : Math.round(seconds * 1000), failed};
}
