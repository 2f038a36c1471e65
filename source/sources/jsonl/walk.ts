// Lists files under a directory without following symbolic links (no cycles), to a depth limit, in a
// stable order. Unreadable directories are passed by: one bad folder must not hide the rest.
import fs from 'node:fs';
import path from 'node:path';

export interface WalkOptions {
	maxDepth: number;
	/** Keep a file? `depth` is 1 for files directly in the root. */
	accept: (name: string, depth: number) => boolean;
	/** Descend into a directory? Default: always. */
	enter?: (name: string, depth: number) => boolean;
}

export function walkFiles(root: string, opts: WalkOptions): string[] {
	const out: string[] = [];
	const visit = (dir: string, depth: number) => {
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(dir, {withFileTypes: true});
		} catch {
			return;
		}
		entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		for (const e of entries) {
			if (e.isFile() && opts.accept(e.name, depth)) out.push(path.join(dir, e.name));
			else if (e.isDirectory() && depth < opts.maxDepth && (opts.enter?.(e.name, depth) ?? true)) visit(path.join(dir, e.name), depth + 1);
		}
	};
	visit(root, 1);
	return out;
}

export function isDirectory(p: string): boolean {
	try {
		return fs.statSync(p).isDirectory();
	} catch {
		return false;
	}
}
