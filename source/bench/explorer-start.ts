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
