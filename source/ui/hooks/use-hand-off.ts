// The Sessions keys that reach past the frame: y copies the ID, o and v open the session as Markdown in
// $PAGER or $EDITOR and come back, R resumes it in its agent. Each returns what the status bar says.
import fs from 'node:fs';
import {osc52, resumeCommand, withFile} from '../../core/hand-off.js';
import type {SessionSummary} from '../../core/types.js';
import type {ExplorerServices} from '../services/types.js';

export type HandOffKind = 'copy' | 'page' | 'edit' | 'resume';

/** Carries out the key on the session; returns the status bar's word on it. */
export function handOff(services: ExplorerServices, kind: HandOffKind, s: SessionSummary, env: NodeJS.ProcessEnv = process.env): string {
	const terminal = services.terminal;
	if (!terminal) return 'needs a terminal (not available here)';
	if (kind === 'copy') {
		terminal.copy(s.id);
		return `copied ${s.id} (through the terminal, OSC 52)`;
	}
	if (kind === 'resume') {
		const cwd = services.sessions.cwdOf(s.id);
		const target = resumeCommand(s, cwd && isDirectory(cwd) ? cwd : '');
		if (typeof target === 'string') return target;
		terminal.leave(target);
		return `resuming in ${target.command}`;
	}
	const file = services.timeline.exportMarkdown(s.id, 'view');
	if (!file.ok) return file.error;
	const program = kind === 'page' ? withFile(env['PAGER'], 'less', file.value) : withFile(env['VISUAL'] ?? env['EDITOR'], 'vi', file.value);
	const ran = terminal.run(program);
	return ran.ok ? `${program.command} closed · ${file.value}` : ran.error;
}

function isDirectory(dir: string): boolean {
	try {
		return fs.statSync(dir).isDirectory();
	} catch {
		return false;
	}
}
