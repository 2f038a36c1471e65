// The keys that reach past the frame: y copies the ID, o and v open the session in $PAGER or $EDITOR and
// come back (on Sessions as Markdown from its top; on the Timeline at the selected message), R resumes it
// in its agent. Each returns what the status bar says.
import fs from 'node:fs';
import {openAt, resumeCommand, withFile} from '../../core/hand-off.js';
import type {SessionSummary} from '../../core/types.js';
import type {ExplorerServices} from '../services/types.js';

export type HandOffKind = 'copy' | 'page' | 'edit' | 'resume';

/**
 * Carries out the key on the session; returns the status bar's word on it. With `messageId` (the Timeline),
 * o and v open the file at that message: its transcript line, or its heading in the session's Markdown.
 */
export function handOff(services: ExplorerServices, kind: HandOffKind, s: SessionSummary, env: NodeJS.ProcessEnv = process.env, messageId?: string): string {
	return handOffResult(services, kind, s, env, messageId).text;
}

/** handOff, with whether it did what the key says (the Timeline colours its notice by it). */
export function handOffResult(services: ExplorerServices, kind: HandOffKind, s: SessionSummary, env: NodeJS.ProcessEnv = process.env, messageId?: string): {text: string; ok: boolean} {
	const terminal = services.terminal;
	const failed = (text: string) => ({text, ok: false});
	if (!terminal) return failed('needs a terminal (not available here)');
	if (kind === 'copy') {
		terminal.copy(s.id);
		return {text: `copied ${s.id} (through the terminal, OSC 52)`, ok: true};
	}
	if (kind === 'resume') {
		const cwd = services.sessions.cwdOf(s.id);
		const target = resumeCommand(s, cwd && isDirectory(cwd) ? cwd : '');
		if (typeof target === 'string') return failed(target);
		terminal.leave(target);
		return {text: `resuming in ${target.command}`, ok: true};
	}
	const program = kind === 'page' ? env['PAGER'] : env['VISUAL'] ?? env['EDITOR'];
	const fallback = kind === 'page' ? 'less' : 'vi';
	if (messageId !== undefined) {
		const at = services.timeline.viewAt(s.id, messageId);
		if (!at.ok) return failed(at.error);
		const opened = openAt(program, fallback, at.value);
		const ran = terminal.run(opened);
		if (!ran.ok) return failed(ran.error);
		const where = opened.atLine ? `line ${at.value.line} of` : `(${opened.command} takes no line: at the top)`;
		return {text: `${opened.command} closed · ${where} ${at.value.file}`, ok: true};
	}
	const file = services.timeline.exportMarkdown(s.id, 'view');
	if (!file.ok) return failed(file.error);
	const whole = withFile(program, fallback, file.value);
	const ran = terminal.run(whole);
	return ran.ok ? {text: `${whole.command} closed · ${file.value}`, ok: true} : failed(ran.error);
}

function isDirectory(dir: string): boolean {
	try {
		return fs.statSync(dir).isDirectory();
	} catch {
		return false;
	}
}
