// The problems still present in a transcript source's files, one warning per file and kind of problem.
import type {IndexStore} from '../store/index-store.js';
import type {Warning} from '../core/types.js';
import {createFileStateRepo} from '../store/file-state-repo.js';
import {problemWarning} from './file-problems.js';

export function sourceWarnings(store: IndexStore, sourceId: number): Warning[] {
	return createFileStateRepo(store.db).problems(sourceId).flatMap(({file, problems}) => problems.map((p) => problemWarning(file, p)));
}
