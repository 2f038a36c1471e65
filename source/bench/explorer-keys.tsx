// Key-to-frame times of the Sessions screen: the same keys over a small and a large index, rendered by
// Ink as on a real terminal (throttled output, not debug mode) into an in-memory TTY.
import React from 'react';
import {render} from 'ink';
import {App} from '../app.js';
import {EXPLORER_MAX_FPS} from '../ui/launch.js';
import {DEFAULT_FILTERS} from '../core/types.js';
import {initialFilterState} from '../core/screens/sessions-filters.js';
import type {ExplorerServices} from '../ui/services/types.js';
import {BenchStdin, BenchStdout, KEYS} from './explorer-tty.js';

export type KeyKind = 'down' | 'page-down' | 'sort' | 'search';

export interface KeySample {
	kind: KeyKind;
	/** Key to the first frame written after it (the frame that shows the key's effect). */
	frameMs: number;
	/** Key to the last frame of the burst it caused (deferred KPI and sparkline included). */
	settledMs: number;
}

const SEARCH_CHARS = 'etaoinshrdl';

/** Presses down ×50, page down, a sort change and a search character, `rounds` times (one sort column per round). */
export async function measureKeys(
	services: ExplorerServices, rounds: number, size = {columns: 120, rows: 35},
	/** The longest wait for a still screen between keys (bench:insights, where the facet worker keeps drawing). */
	quietCapMs = Infinity,
): Promise<KeySample[]> {
	const stdout = new BenchStdout(size.columns, size.rows);
	const stdin = new BenchStdin();
	const instance = render(<App services={services} initial={initialFilterState(DEFAULT_FILTERS, 'all')} size={size} />, {
		stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: stdout as unknown as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false, maxFps: EXPLORER_MAX_FPS,
	});
	// The next key comes once the screen has been still for 80 ms: longer than Ink's 30 fps throttle, so
	// each key's frame is drawn at once, and than the 50 ms after which the KPI figures follow.
	const quiet = () => stdout.settle(80, quietCapMs);
	const press = async (data: string, kind?: KeyKind, out?: KeySample[]) => {
		const start = performance.now();
		const frame = stdout.nextWrite();
		stdin.press(data);
		// Every key pressed here changes the screen; one that draws nothing is a bug, not a slow frame.
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([frame, new Promise((_, reject) => {
			timer = setTimeout(() => reject(new Error(`no frame after ${JSON.stringify(data)}`)), 5000);
		})]);
		clearTimeout(timer);
		const frameMs = stdout.lastWriteAt - start;
		await quiet();
		if (kind && out) out.push({kind, frameMs, settledMs: stdout.lastWriteAt - start});
	};
	await quiet();
	const samples: KeySample[] = [];
	for (let r = 0; r < rounds; r++) {
		for (let i = 0; i < 50; i++) await press('j', 'down', samples);
		await press(KEYS.pageDown, 'page-down', samples);
		await press('s', 'sort', samples);
		await press('/');
		await press(SEARCH_CHARS[r % SEARCH_CHARS.length]!, 'search', samples);
		// Esc clears the search, which also puts the cursor back on the first row.
		await press(KEYS.escape);
	}
	instance.unmount();
	instance.cleanup();
	return samples;
}
