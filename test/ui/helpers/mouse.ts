// Mouse reports as a terminal sends them in SGR mode (1006), for screen tests: lines and columns are
// 0-based here, 1-based on the wire.

/** A left press (M) or release (m) at a frame line. */
export function click(line: number, final: 'M' | 'm' = 'M', column = 4): string {
	return `\u001b[<0;${column + 1};${line + 1}${final}`;
}

export function wheel(direction: 'up' | 'down', line: number, column = 4): string {
	return `\u001b[<${direction === 'up' ? 64 : 65};${column + 1};${line + 1}M`;
}

/** The frame line of the selected row (marked ›). */
export function selectedAt(frame: string, marker = '›'): number {
	const line = frame.split('\n').findIndex((l) => l.trimStart().startsWith(marker));
	if (line < 0) throw new Error(`no selected row in:\n${frame}`);
	return line;
}
