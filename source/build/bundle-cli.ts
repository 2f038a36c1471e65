// `npm run build`, after tsc: the CLI's modules bundled into dist/cli.js and chunks beside it, which Node
// loads in a handful of files instead of about a hundred (a warm `sessions --json` spent ~20 ms finding,
// reading and linking them). Modules a command imports on demand stay on demand: each is a chunk of its
// own (code splitting), so a report still never loads React or Ink. Packages stay outside (better-sqlite3
// is native, the rest load as they did). Worker programs are not bundled: they load tsc's modules.
// dist/bundle-meta.json says which modules each chunk holds, for tests that check what a command loads.
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const dist = fileURLToPath(new URL('..', import.meta.url));
const CHUNK = /^chunk-[A-Z0-9]+\.js$/;

const result = await build({
	entryPoints: [path.join(dist, 'cli.js')],
	outdir: dist,
	// Chunks at the root of dist/, where program-files.ts resolves worker programs and package.json from.
	chunkNames: 'chunk-[hash]',
	allowOverwrite: true,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	packages: 'external',
	metafile: true,
	logLevel: 'warning',
});

const written = Object.keys(result.metafile.outputs).map((file) => path.resolve(file));
const chunks: Record<string, string[]> = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
	chunks[path.relative(dist, path.resolve(file))] = Object.keys(output.inputs).map((input) => path.relative(dist, path.resolve(input))).sort();
}
fs.writeFileSync(path.join(dist, 'bundle-meta.json'), `${JSON.stringify({chunks}, null, 1)}\n`);
// Chunks of earlier builds (their names are hashes of what they held).
for (const name of fs.readdirSync(dist)) {
	if (CHUNK.test(name) && !written.includes(path.join(dist, name))) fs.rmSync(path.join(dist, name));
}
