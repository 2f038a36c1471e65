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

/** Where in a file to open it: a 1-based line. */
export interface FilePosition {
	file: string;
	line: number;
}

/** Pagers and editors that take `+N` before the file: less wants a command, `+Ng` (go to line N). */
const PLUS_LINE: ReadonlySet<string> = new Set(['more', 'most', 'vi', 'vim', 'nvim', 'view', 'gvim', 'mvim', 'nano', 'pico', 'emacs',
	'emacsclient', 'mg', 'jed', 'joe', 'ne', 'kak', 'micro', 'ed', 'ex', 'elvis', 'nvi', 'vis']);
/** Editors that read `file:N`. */
const COLON_LINE: ReadonlySet<string> = new Set(['subl', 'sublime_text', 'hx', 'helix', 'zed', 'mate']);
/** Editors of the VS Code family: `--goto file:N`. */
const GOTO_LINE: ReadonlySet<string> = new Set(['code', 'code-insiders', 'codium', 'vscodium', 'cursor', 'windsurf']);

/** The program's own name: `/usr/bin/nvim` and `nvim.exe` are nvim. */
function programName(command: string): string {
	return (command.split(/[\\/]/).pop() ?? command).replace(/\.exe$/i, '').toLowerCase();
}

/**
 * The pager or editor opened at a line of a file (`less +42g f`, `vi +42 f`, `code --goto f:42`). `atLine` is
 * false when the program is not one whose line syntax tapedeck knows: it then gets the file alone, at its top.
 */
export function openAt(program: string | undefined, fallback: string, at: FilePosition): HandOff & {atLine: boolean} {
	const words = (program?.trim() || fallback).split(/\s+/);
	const command = words[0]!;
	const options = words.slice(1);
	const name = programName(command);
	const line = Math.max(1, Math.trunc(at.line));
	const args = name === 'less' ? [...options, `+${line}g`, at.file]
		: PLUS_LINE.has(name) ? [...options, `+${line}`, at.file]
		: COLON_LINE.has(name) ? [...options, `${at.file}:${line}`]
		: GOTO_LINE.has(name) ? [...options, '--goto', `${at.file}:${line}`]
		: null;
	return args ? {command, args, cwd: '', atLine: true} : {command, args: [...options, at.file], cwd: '', atLine: false};
}
