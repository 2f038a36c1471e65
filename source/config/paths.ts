// Where tapedeck keeps its own files: $XDG_DATA_HOME/tapedeck (default ~/.local/share/tapedeck).
import path from 'node:path';

export function dataDir(env: Record<string, string | undefined>, home: string): string {
	const xdg = env['XDG_DATA_HOME'];
	return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.local', 'share'), 'tapedeck');
}

export function defaultIndexPath(env: Record<string, string | undefined>, home: string): string {
	return path.join(dataDir(env, home), 'index.sqlite');
}

/** The demo keeps its tapes database and its own index together, so what is extracted about it persists. */
export function demoPaths(env: Record<string, string | undefined>, home: string): {tapes: string; index: string} {
	const dir = path.join(dataDir(env, home), 'demo');
	return {tapes: path.join(dir, 'tapes.sqlite'), index: path.join(dir, 'index.sqlite')};
}
