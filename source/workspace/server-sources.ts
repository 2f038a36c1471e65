// The reader of a tapes server source, by kind; each driver loads only when its kind is synced. A long-lived
// syncer (the explorer's sync thread) keeps each server's reader open between refreshes, so a refresh does
// not connect again (three PostgreSQL logins, each a SCRAM round of key stretching and a few round trips to
// what is often a remote team server); a one-shot run connects for its sync and closes.
import type {RemoteSessionSource} from '../sources/remote-source.js';
import type {PricingTable} from '../core/types.js';
import type {ServerReader} from '../sync/remote-prepare.js';
import type {SourceInUse} from './open-workspace.js';

/** The source itself, read on this thread. */
export async function openRemoteSource(s: SourceInUse): Promise<RemoteSessionSource> {
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

/** What a reader prices with, and the index it compares signatures in. */
export interface ReaderTarget {
	pricing: PricingTable;
	indexPath: string;
}

/** Whether a server's read goes to a thread (given the built program): see openServerReader. */
export function readsOnThread(first: boolean, pricing: PricingTable, env: Record<string, string | undefined>): boolean {
	const sendable = !pricing.catalog || pricing.catalog.dataFile !== undefined;
	return first && sendable && env['TAPEDECK_READER_THREAD'] !== 'off';
}

/**
 * The server as the sync reads it. For a first import (`first`), on a reader thread of its own when the built
 * program is there and the prices can be sent to it (a catalog opened from its data file): the reading and the
 * writing then use two cores. Later syncs read little, and a thread's start (~50 ms) would be most of theirs:
 * those read on this thread (a reader kept across syncs keeps its thread).
 */
export async function openServerReader(s: SourceInUse, target: ReaderTarget, first: boolean): Promise<ServerReader> {
	const [{readerThreadProgram, threadReader}, {inProcessReader}, {portablePricing}] = await Promise.all([
		import('../sync/server-reader-thread.js'), import('../sync/remote-prepare.js'), import('../config/price-catalog.js')]);
	const program = readerThreadProgram();
	if (program && readsOnThread(first, target.pricing, process.env)) {
		return threadReader({source: s, pricing: portablePricing(target.pricing), indexPath: target.indexPath}, program);
	}
	return inProcessReader(await openRemoteSource(s), target.pricing);
}

/** Server readers kept open across syncs, by source. */
export interface ServerConnections {
	open(s: SourceInUse, target: ReaderTarget, first: boolean): Promise<ServerReader>;
	/** After a failed sync: the reader is closed, and the next sync opens a new one. */
	drop(s: SourceInUse): Promise<void>;
	close(): Promise<void>;
}

export function createServerConnections(): ServerConnections {
	const open = new Map<string, Promise<ServerReader>>();
	const key = (s: SourceInUse) => `${s.kind} ${s.path}`;
	const closeOne = (opened: Promise<ServerReader> | undefined) => opened?.then((r) => r.close()).catch(() => {});
	return {
		open(s, target, first) {
			let opened = open.get(key(s));
			if (!opened) {
				opened = openServerReader(s, target, first);
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
