import {fileURLToPath} from 'node:url';
import path from 'node:path';
// Time from start to the first complete frame, in a real pseudo-terminal (`script`), for the explorer on
// the demo and for an empty Ink app started the same way. The clock stops when the frame's text arrives.
import {spawn} from 'node:child_process';

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[\]PX^_][\s\S]*?(?:\u0007|\u001b\\)|\u001b./g;

/** Runs `command` in a 120×35 pty and resolves with the ms until every marker has appeared in its output. */
export function timeToText(command: string, markers: Array<string | RegExp>, env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<number> {
	return new Promise((resolve, reject) => {
		const start = performance.now();
		const child = spawn('script', ['-qfec', `stty rows 35 cols 120; exec ${command}`, '/dev/null'], {env, stdio: ['pipe', 'pipe', 'pipe']});
		let text = '';
		let done = false;
		const finish = (error?: Error, ms?: number) => {
			if (done) return;
			done = true;
			clearTimeout(timer);
			child.stdin.write('q');
			setTimeout(() => child.kill('SIGKILL'), 2000).unref();
			child.once('exit', () => (error ? reject(error) : resolve(ms!)));
		};
		const timer = setTimeout(() => finish(new Error(`timed out waiting for ${markers.join(', ')}; saw: ${text.slice(-300)}`)), timeoutMs);
		child.stdout.on('data', (chunk: Buffer) => {
			text += chunk.toString('utf8').replace(ANSI, '');
			if (markers.every((m) => (typeof m === 'string' ? text.includes(m) : m.test(text)))) finish(undefined, performance.now() - start);
		});
		child.on('error', (e) => finish(e));
	});
}

/** Start → first complete frame of the explorer on the warm demo index and of an empty Ink app, `runs` times each,
 * interleaved so both see the same machine load; one warm-up run of the explorer first. */
export async function firstFrames(cli: string, demoCount: number, env: NodeJS.ProcessEnv, runs: number): Promise<{app: number[]; empty: number[]}> {
	const emptyApp = path.join(path.dirname(fileURLToPath(import.meta.url)), 'explorer-empty.js');
	const explorer = `${process.execPath} ${cli} --demo --refresh 0`;
	const app: number[] = [];
	const empty: number[] = [];
	await timeToText(explorer, [`of ${demoCount} sessions`], env);
	for (let i = 0; i < runs; i++) {
		empty.push(await timeToText(`${process.execPath} ${emptyApp}`, ['empty ink app ready'], env));
		app.push(await timeToText(explorer, [`of ${demoCount} sessions`], env));
	}
	return {app, empty};
}
