// A batch's session IDs as the index holds them: the same ID from two kinds of source is two sessions.
import type {FileBatch, FileSyncContext} from './file-apply.js';

/**
 * Session IDs are namespaced by source kind only on collision: a session ID another kind of source already
 * holds (a Claude Code sessionId equal to a Codex rollout's id) becomes `<id>@<kind>` for this one, so the
 * two never merge, while every ID without a collision, the usual case, stays as the source wrote it.
 */
function namespacer(ctx: FileSyncContext): (id: string) => string {
	const seen = new Map<string, string>();
	const mine = new Set(ctx.kindIds ?? [ctx.sourceId]);
	return (id) => {
		let mapped = seen.get(id);
		if (mapped === undefined) {
			const owner = ctx.sessions.ownerOf(id);
			mapped = owner !== undefined && !mine.has(owner) ? `${id}@${ctx.kind}` : id;
			seen.set(id, mapped);
		}
		return mapped;
	};
}

export function namespaceBatch(ctx: FileSyncContext, batch: FileBatch): FileBatch {
	const ns = namespacer(ctx);
	return {
		...batch,
		resets: batch.resets.map(ns),
		messages: batch.messages.map((fm) => {
			const id = ns(fm.sessionId);
			return id === fm.sessionId ? fm : {...fm, sessionId: id};
		}),
		notes: batch.notes.map((n) => ({...n, sessionId: ns(n.sessionId), ...(n.parentId ? {parentId: ns(n.parentId)} : {})})),
		leaves: batch.leaves.map((l) => ({...l, sessionId: ns(l.sessionId)})),
		prepared: batch.prepared.map((row) => {
			const id = ns(row.sessionId);
			return id === row.sessionId ? row : {...row, sessionId: id};
		}),
	};
}
