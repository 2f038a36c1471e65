// The benchmark's yardsticks: plain Node scripts that read every .jsonl file under a directory and
// JSON.parse every line, nothing more. Default: each file read whole and split (the fastest plain way);
// `--stream`: node:readline over a read stream (the plain way that keeps memory bounded, as an importer
// must). Prints the line count.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const [root, mode] = process.argv.slice(2);
if (!root) throw new Error('usage: sources-baseline <dir> [--stream]');
let lines = 0;
for (const f of fs.readdirSync(root, {recursive: true, encoding: 'utf8'})) {
	if (!f.endsWith('.jsonl')) continue;
	const file = path.join(root, f);
	if (mode === '--stream') {
		for await (const line of readline.createInterface({input: fs.createReadStream(file), crlfDelay: Infinity})) {
			if (line === '') continue;
			JSON.parse(line);
			lines++;
		}
		continue;
	}
	for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
		if (line === '') continue;
		JSON.parse(line);
		lines++;
	}
}
process.stdout.write(`${lines}\n`);
