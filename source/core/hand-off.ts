// Programs the explorer hands the terminal to: the agent that recorded a session (`R` resumes it there),
// and the user's pager and editor (`o`, `v`). Pure: the CLI runs them, after leaving the alternate screen.
import type {SessionSummary} from './types.js';

export interface HandOff {
	command: string;
	args: string[];
	/** Where to run it ('' for the explorer's own directory). */
	cwd: string;
}

/**
 * How to resume a session in its agent, or why it cannot be: Claude Code resumes by session ID in the
 * project's directory (`claude --resume ID`), Codex by ID (`codex resume ID`). A subagent is resumed
 * through its parent; tapes and PromptKit record no agent to go back to.
 */
export function resumeCommand(s: Pick<SessionSummary, 'id' | 'source' | 'parentId'>, cwd: string): HandOff | string {
	if (s.parentId) return 'a subagent is resumed with its parent: open the parent and press R';
	if (s.source === 'claude-code') return {command: 'claude', args: ['--resume', s.id], cwd};
	if (s.source === 'codex') return {command: 'codex', args: ['resume', s.id], cwd};
	return `resume works for Claude Code and Codex sessions (this one is from ${s.source})`;
}

/** A command from an environment variable that may carry arguments (`PAGER="less -R"`), with the file last. */
export function withFile(program: string | undefined, fallback: string, file: string): HandOff {
	const words = (program?.trim() || fallback).split(/\s+/);
	return {command: words[0]!, args: [...words.slice(1), file], cwd: ''};
}

/** OSC 52: the terminal puts `text` on the system clipboard (works through ssh and tmux with set-clipboard). */
export function osc52(text: string, base64: (s: string) => string): string {
	return `\u001b]52;c;${base64(text)}\u0007`;
}
