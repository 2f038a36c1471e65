// The files of a PromptKit file state store: conv-<id>/messages.jsonl (read incrementally) and
// conv-<id>/state.json (small, read whole when it changes). PromptKit has no default location: --promptkit.
import fs from 'node:fs';
import path from 'node:path';
import type {FileEntry, FileSourceAdapter} from '../jsonl/file-source.js';
import {isDirectory} from '../jsonl/walk.js';

function conversationFiles(dir: string): FileEntry[] {
	const out: FileEntry[] = [];
	const messages = path.join(dir, 'messages.jsonl');
	const state = path.join(dir, 'state.json');
	if (fs.existsSync(messages)) out.push({path: messages, kind: 'lines', group: 0});
	if (fs.existsSync(state)) out.push({path: state, kind: 'json', group: 1});
	return out;
}

/** A store root (holding conv-* folders), or one conversation folder itself. */
function listPromptKit(root: string): FileEntry[] {
	if (path.basename(root).startsWith('conv-') && fs.existsSync(path.join(root, 'messages.jsonl'))) return conversationFiles(root);
	let names: string[];
	try {
		// A conversation folder linked into place (a dotfile manager) counts as one.
		const isDir = (e: fs.Dirent) => e.isDirectory() || (e.isSymbolicLink() && isDirectory(path.join(root, e.name)));
		names = fs.readdirSync(root, {withFileTypes: true}).filter((e) => e.name.startsWith('conv-') && isDir(e)).map((e) => e.name);
	} catch {
		return [];
	}
	return names.sort().flatMap((name) => conversationFiles(path.join(root, name)));
}

export const promptkitAdapter: FileSourceAdapter = {
	kind: 'promptkit',
	list: listPromptKit,
	sessionOfState: (saved) => (saved as {sessionId?: string} | null)?.sessionId ?? null,
	load: async () => {
		const {createPromptKitParser, readPromptKitState} = await import('./parser.js');
		return {parser: (entry, saved, file) => createPromptKitParser(entry, saved, file), readJson: readPromptKitState};
	},
};
