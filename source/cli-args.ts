// The command line read with node:util's parseArgs over the flag table in cli-flags.ts: flags are written
// kebab-case (--sort-dir for sortDir), booleans take --no-<flag>, the last of a flag given twice wins and
// repeatable ones collect every value. Pure: the CLI edge prints what it returns.
import {parseArgs} from 'node:util';
import {FLAGS} from './cli-flags.js';

type Spec = {readonly type: 'string' | 'boolean' | 'number'; readonly shortFlag?: string; readonly default?: unknown; readonly isMultiple?: boolean};
type FlagTable = typeof FLAGS;
type ValueOf<S> = S extends {type: 'string'; isMultiple: true} ? string[] : S extends {type: 'string'} ? string : S extends {type: 'number'} ? number : boolean;
/** The flags as the CLI reads them: a flag with a default always has a value, the others may be absent. */
export type Flags = {[K in keyof FlagTable]: FlagTable[K] extends {default: unknown} ? ValueOf<FlagTable[K]> : ValueOf<FlagTable[K]> | undefined};

export type ParsedArgs =
	| {kind: 'help'}
	| {kind: 'version'}
	| {kind: 'run'; input: string[]; flags: Flags}
	| {kind: 'error'; message: string};

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const SPECS = Object.entries(FLAGS) as Array<[keyof FlagTable, Spec]>;
const BY_NAME = new Map<string, [keyof FlagTable, Spec]>(SPECS.map(([name, spec]) => [kebab(name), [name, spec]]));

export function parseCliArgs(argv: string[]): ParsedArgs {
	const options: Record<string, {type: 'string' | 'boolean'; short?: string}> = {help: {type: 'boolean'}, version: {type: 'boolean'}};
	for (const [flag, [, spec]] of BY_NAME) options[flag] = {type: spec.type === 'boolean' ? 'boolean' : 'string', ...(spec.shortFlag ? {short: spec.shortFlag} : {})};
	// Not strict: unknown flags come back as tokens, refused below with one line, all of them at once.
	const {tokens} = parseArgs({args: argv, options, strict: false, allowPositionals: true, tokens: true});
	const values: Record<string, unknown> = {};
	for (const [name, spec] of SPECS) if ('default' in spec) values[name] = spec.default;
	const input: string[] = [];
	const unknown: string[] = [];
	let help = false;
	let version = false;
	for (const token of tokens) {
		if (token.kind === 'positional') {
			input.push(token.value);
			continue;
		}
		if (token.kind === 'option-terminator') continue;
		if (token.name === 'help') help = true;
		if (token.name === 'version') version = true;
		if (token.name === 'help' || token.name === 'version') continue;
		// A short flag in the table comes back under its long name; an unknown one under its letter.
		const long = token.name;
		const negated = long.startsWith('no-') ? BY_NAME.get(long.slice(3)) : undefined;
		const known = BY_NAME.get(long);
		if (negated && negated[1].type === 'boolean' && !known) {
			if (token.value !== undefined) return {kind: 'error', message: `${token.rawName} takes no value`};
			values[negated[0]] = false;
			continue;
		}
		if (!known) {
			unknown.push(token.rawName);
			continue;
		}
		const [name, spec] = known;
		if (spec.type === 'boolean') {
			if (token.value !== undefined) return {kind: 'error', message: `${token.rawName} takes no value (use --no-${long} to turn it off)`};
			values[name] = true;
			continue;
		}
		if (token.value === undefined) return {kind: 'error', message: `${token.rawName} needs a value (see tapedeck --help)`};
		const value = spec.type === 'number' ? Number(token.value) : token.value;
		values[name] = spec.isMultiple ? [...((values[name] as string[] | undefined) ?? []), value] : value;
	}
	if (unknown.length) return {kind: 'error', message: `unknown flag ${unknown.join(', ')} (see tapedeck --help)`};
	if (help) return {kind: 'help'};
	if (version) return {kind: 'version'};
	return {kind: 'run', input, flags: values as Flags};
}
