// The reader of a tapes server source, by kind; each driver loads only when its kind is synced. A long-lived
// syncer (the explorer's sync thread) keeps each server's reader open between refreshes, so a refresh does
// not connect again (three PostgreSQL logins, each a SCRAM round of key stretching and a few round trips to
// what is often a remote team server); a one-shot run connects for its sync and closes.
import type {RemoteSessionSource} from '../sources/remote-source.js';
import type {SourceInUse} from './open-workspace.js';

export async function openServerSource(s: SourceInUse): Promise<RemoteSessionSource> {
	const url = s.url ?? s.path;
	if (s.kind === 'tapes-postgres') {
		const {openPostgresSource} = await import('../sources/tapes-postgres/reader.js');
		return openPostgresSource({url, user: s.user, where: s.path});
	}
	if (s.kind === 'tapes-api') {
		const {openApiSource} = await import('../sources/tapes-api/reader.js');
		return openApiSource({url, user: s.user, where: s.path});
	}
	throw new Error(`${s.path}: not a server source (${s.kind})`);
}

/** Server readers kept open across syncs, by source. */
export interface ServerConnections {
	open(s: SourceInUse): Promise<RemoteSessionSource>;
	/** After a failed sync: the reader is closed, and the next sync opens a new one. */
	drop(s: SourceInUse): Promise<void>;
	close(): Promise<void>;
}

export function createServerConnections(): ServerConnections {
	const open = new Map<string, Promise<RemoteSessionSource>>();
	const key = (s: SourceInUse) => `${s.kind} ${s.path}`;
	const closeOne = (opened: Promise<RemoteSessionSource> | undefined) => opened?.then((r) => r.close()).catch(() => {});
	return {
		open(s) {
			let opened = open.get(key(s));
			if (!opened) {
				opened = openServerSource(s);
				open.set(key(s), opened);
				opened.catch(() => open.delete(key(s)));
			}
			return opened;
		},
		async drop(s) {
			const opened = open.get(key(s));
			open.delete(key(s));
			await closeOne(opened);
		},
		async close() {
			const all = [...open.values()];
			open.clear();
			await Promise.all(all.map(closeOne));
		},
	};
}
