import {describe, expect, it} from 'vitest';
import {parseCliArgs} from '../source/cli-args.js';

function run(argv: string[]) {
	const parsed = parseCliArgs(argv);
	if (parsed.kind !== 'run') throw new Error(`expected a run, got ${JSON.stringify(parsed)}`);
	return parsed;
}

describe('parseCliArgs', () => {
	it('reads kebab-case flags into the table\'s names, with defaults for the flags that have one', () => {
		const {input, flags} = run(['sessions', '--sort-dir', 'asc', '--json', '--since', '0', '--export-dir=/tmp/x']);
		expect(input).toEqual(['sessions']);
		expect(flags.sortDir).toBe('asc');
		expect(flags.json).toBe(true);
		expect(flags.since).toBe('0');
		expect(flags.exportDir).toBe('/tmp/x');
		expect(flags.csv).toBe(false);
		expect(flags.refresh).toBe(10);
		expect(flags.catalog).toBe(true);
		expect(flags.sqlite).toBeUndefined();
	});

	it('short flags, numbers, repeatable flags and positionals after flags', () => {
		const {input, flags} = run(['-m', 'show', '--claude', 'a', '--claude', 'b', 'abc', '--limit', '5', '--refresh', '2.5', '-s', 'x.db']);
		expect(input).toEqual(['show', 'abc']);
		expect(flags).toMatchObject({demo: true, claude: ['a', 'b'], limit: 5, refresh: 2.5, sqlite: 'x.db'});
	});

	it('--no-<flag> turns a boolean off; absent leaves a flag without a default undefined; the last one wins', () => {
		expect(run(['--no-catalog']).flags.catalog).toBe(false);
		expect(run([]).flags.searchIndex).toBeUndefined();
		expect(run(['--search-index', '--no-search-index']).flags.searchIndex).toBe(false);
		expect(run(['--no-search-index', '--search-index']).flags.searchIndex).toBe(true);
	});

	it('a number that is not one reads as NaN, for the CLI to refuse', () => {
		expect(run(['--limit', 'ten']).flags.limit).toBeNaN();
	});

	it('refuses unknown flags all at once, and a value flag without a value', () => {
		expect(parseCliArgs(['--bogus', '-x', '--json'])).toEqual({kind: 'error', message: 'unknown flag --bogus, -x (see tapedeck --help)'});
		expect(parseCliArgs(['--no-sqlite'])).toMatchObject({kind: 'error', message: expect.stringContaining('--no-sqlite')});
		expect(parseCliArgs(['--sqlite'])).toMatchObject({kind: 'error', message: expect.stringContaining('--sqlite needs a value')});
		expect(parseCliArgs(['--json=yes'])).toMatchObject({kind: 'error', message: expect.stringContaining('--json takes no value')});
	});

	it('--help and --version win over a command, but not over an unknown flag', () => {
		expect(parseCliArgs(['sessions', '--help'])).toEqual({kind: 'help'});
		expect(parseCliArgs(['--version'])).toEqual({kind: 'version'});
		expect(parseCliArgs(['--help', '--nope']).kind).toBe('error');
	});
});
