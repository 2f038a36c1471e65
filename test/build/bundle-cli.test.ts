// The built CLI is the bundle (build/bundle-cli.ts): its entry and chunks import only each other, packages
// and Node's modules; the map of chunks is whole and current; what the bundle resolves from the root of
// dist/ (worker programs, package.json) is there.
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, runCli} from '../cli/run-cli.js';

const dist = path.dirname(CLI);
const {chunks} = JSON.parse(fs.readFileSync(path.join(dist, 'bundle-meta.json'), 'utf8')) as {chunks: Record<string, string[]>};
/** Relative specifiers of a built file's static and dynamic imports. */
const relativeImports = (file: string) =>
	[...fs.readFileSync(path.join(dist, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)].map((m) => m[1]!);

describe('the bundled CLI', () => {
	it('imports only chunks of its own bundle, which the map lists', () => {
		const onDisk = fs.readdirSync(dist).filter((f) => /^chunk-[A-Z0-9]+\.js$/.test(f)).sort();
		expect(Object.keys(chunks).sort()).toEqual(['cli.js', ...onDisk].sort());
		for (const file of Object.keys(chunks)) {
			for (const spec of relativeImports(file)) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/chunk-[A-Z0-9]+\.js$/);
		}
		// The map holds the modules tsc wrote: cli.js's own, and a report loaded on demand in a chunk of its own.
		expect(chunks['cli.js']).toContain('cli.js');
		expect(Object.entries(chunks).filter(([, modules]) => modules.includes('report/sessions-report.js')).map(([f]) => f)).not.toContain('cli.js');
	});

	it('finds its worker programs and package.json from the root of dist/', async () => {
		const {programFile} = await import('../../source/program-files.js');
		// From source the URL points into source/; the same path under dist/ is what the bundle resolves.
		for (const program of ['sync/sync-thread-main.js', 'sync/server-reader-thread-main.js', 'workspace/session-match-thread-main.js']) {
			expect(programFile(program).pathname.endsWith(`/source/${program}`)).toBe(true);
			expect(fs.existsSync(path.join(dist, program)), program).toBe(true);
		}
		const version = (JSON.parse(fs.readFileSync(path.join(dist, '..', 'package.json'), 'utf8')) as {version: string}).version;
		expect(runCli(['--version']).stdout.trim()).toBe(version);
	});
});
