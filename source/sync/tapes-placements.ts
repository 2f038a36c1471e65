// Where a first tapes load put each node, by its row in the source: what a child needs of a parent that has
// left the sync's recent map, while the messages' unique key (which it was looked up by) is left out of the
// load (store/bulk-load.ts). Nodes come in rising rowid order, so the rows are appended and found by binary
// search; columns of typed arrays hold a million nodes in 24 MB, where a map of their hashes took 150 MB.
import type {MessagePlace} from '../store/messages-repo.js';

/** Interns strings (session IDs, models): a node keeps a number. */
function names() {
	const list: string[] = [];
	const index = new Map<string, number>();
	// Nodes come a conversation at a time: most are in the session (and of the model) of the one before.
	let last = '';
	let lastIndex = -1;
	return {
		of(name: string): number {
			if (name === last && lastIndex >= 0) return lastIndex;
			let i = index.get(name);
			if (i === undefined) index.set(name, (i = list.push(name) - 1));
			last = name;
			lastIndex = i;
			return i;
		},
		at: (i: number) => list[i]!,
		find: (name: string) => index.get(name),
	};
}

/** `expected`: how many nodes will come (the source's rows), allocated at once: arrays grown by doubling left twice that as garbage. */
export function createPlacements(expected = 1 << 14) {
	let size = 0;
	const initial = Math.max(16, expected);
	let rowids = new Float64Array(initial);
	let times = new Float64Array(initial);
	let sessions = new Int32Array(initial);
	let models = new Int32Array(initial);
	const sessionNames = names();
	const modelNames = names();
	const grow = () => {
		const more = <T extends Float64Array | Int32Array>(a: T): T => {
			const b = new (a.constructor as new (n: number) => T)(a.length * 2);
			b.set(a);
			return b;
		};
		rowids = more(rowids);
		times = more(times);
		sessions = more(sessions);
		models = more(models);
	};
	return {
		/** A node stored at `rowid`, above every rowid added before. */
		add(rowid: number, place: MessagePlace): void {
			if (size > 0 && rowid <= rowids[size - 1]!) throw new Error(`placements: row ${rowid} after ${rowids[size - 1]}`);
			if (size === rowids.length) grow();
			rowids[size] = rowid;
			times[size] = place.ts;
			sessions[size] = sessionNames.of(place.sessionId);
			models[size] = modelNames.of(place.model);
			size++;
		},
		/** Where the node at `rowid` went, if one was stored there. */
		find(rowid: number): MessagePlace | undefined {
			let lo = 0;
			let hi = size - 1;
			while (lo <= hi) {
				const mid = (lo + hi) >>> 1;
				const at = rowids[mid]!;
				if (at === rowid) return {sessionId: sessionNames.at(sessions[mid]!), ts: times[mid]!, model: modelNames.at(models[mid]!)};
				if (at < rowid) lo = mid + 1;
				else hi = mid - 1;
			}
			return undefined;
		},
		/** The rows placed in each of these sessions, in rising order (sessions with none are left out). */
		rowsOf(sessionIds: Iterable<string>): Map<string, number[]> {
			const wanted = new Map<number, number[]>();
			for (const id of sessionIds) {
				const i = sessionNames.find(id);
				if (i !== undefined) wanted.set(i, []);
			}
			const out = new Map<string, number[]>();
			if (wanted.size === 0) return out;
			for (let k = 0; k < size; k++) wanted.get(sessions[k]!)?.push(rowids[k]!);
			for (const [i, rows] of wanted) out.set(sessionNames.at(i), rows);
			return out;
		},
		get size() {
			return size;
		},
		/** Forgets what was added after `count` nodes (a transaction run again adds its rows again). */
		rewind(count: number): void {
			size = Math.min(size, count);
		},
	};
}

export type Placements = ReturnType<typeof createPlacements>;
