// Summary titles that name their session only by the uuid of the last message they cover, when the file
// that holds the summary did not hold that message: a resumed session's new transcript opens with
// summaries of the one before it, and a file that grows between syncs has its summary read after its leaf.
// Leaves read earlier are looked up; a summary whose leaf is not read yet waits until it is.
import type {LeafTitle, SessionNote, TitleLeaf} from '../sources/jsonl/file-source.js';
import type {SummaryLeavesRepo} from '../store/summary-leaves-repo.js';

/** The title notes a batch's leaves and summaries resolve to. Call inside the batch's transaction. */
export function resolveLeafTitles(repo: SummaryLeavesRepo, sourceId: number, leaves: readonly TitleLeaf[], titles: readonly LeafTitle[]): SessionNote[] {
	if (leaves.length === 0 && titles.length === 0) return [];
	const notes: SessionNote[] = [];
	for (const t of titles) {
		const sessionId = repo.sessionOf(sourceId, t.leafUuid);
		if (sessionId) notes.push({sessionId, summaryTitle: t.title});
		else repo.park(sourceId, t.leafUuid, t.title);
	}
	// Most batches find no summary waiting: one query then saves one per leaf.
	const waiting = repo.anyParked(sourceId);
	for (const leaf of leaves) {
		repo.addLeaf(sourceId, leaf.uuid, leaf.sessionId);
		const title = waiting ? repo.unpark(sourceId, leaf.uuid) : undefined;
		if (title !== undefined) notes.push({sessionId: repo.sessionOf(sourceId, leaf.uuid) ?? leaf.sessionId, summaryTitle: title});
	}
	repo.prune();
	return notes;
}
