// Problems found in transcript lines, kept per file and kind: a count and the first line numbers, so a
// thousand bad lines are one warning that still says where to look.
import type {Warning} from '../core/types.js';
import type {FileProblem} from '../store/file-state-repo.js';

/** Line numbers kept per problem and file; the count says how many there were. */
const LINES_KEPT = 5;

export function addProblem(problems: FileProblem[], lineNo: number, problem: string): void {
	const seen = problems.find((p) => p.problem === problem);
	if (!seen) problems.push({problem, count: 1, lines: [lineNo]});
	else {
		seen.count++;
		if (seen.lines.length < LINES_KEPT) seen.lines.push(lineNo);
	}
}

/** `where` names the file and first line; the message lists the other lines when there are several. */
export function problemWarning(file: string, p: FileProblem): Warning {
	const lines = p.lines.filter((l) => l > 0);
	const more = p.count > lines.length ? ` and ${p.count - lines.length} more` : '';
	const at = p.count > 1 && lines.length > 0 ? ` (lines ${lines.join(', ')}${more})` : '';
	return {where: lines.length ? `${file}:${lines[0]}` : file, message: `${p.problem}${at}`, count: p.count};
}
