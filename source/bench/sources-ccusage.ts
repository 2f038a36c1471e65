// The sources benchmark's peer: ccusage 20.0.24's native binary (`ccusage session --json --offline`) on
// the same generated Claude Code tree. ccusage ships it as a platform package
// (@ccusage/ccusage-<platform>-<arch>, a static executable in bin/ccusage) that its JS wrapper, an
// optional dependency away, spawns. The bench installs the pair under .bench/ with npm (never as a
// project dependency) and runs the executable directly, so no Node start-up is counted on its side.
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';

export const CCUSAGE_VERSION = '20.0.24';

/** Where the native executable lands when installed under `benchDir`. */
export function ccusagePath(benchDir: string): string {
	const pkg = `@ccusage/ccusage-${process.platform}-${process.arch}`;
	const exe = process.platform === 'win32' ? 'ccusage.exe' : 'ccusage';
	return path.join(benchDir, `ccusage-${CCUSAGE_VERSION}`, 'node_modules', pkg, 'bin', exe);
}

const howTo = (benchDir: string) => `ccusage ${CCUSAGE_VERSION}'s native binary is needed as the yardstick. Get it with:\n` +
	`  mkdir -p ${path.join(benchDir, `ccusage-${CCUSAGE_VERSION}`)} && cd ${path.join(benchDir, `ccusage-${CCUSAGE_VERSION}`)} && ` +
	`echo '{"private":true}' > package.json && npm install --no-audit --no-fund ccusage@${CCUSAGE_VERSION}\n` +
	`(it pulls @ccusage/ccusage-${process.platform}-${process.arch}@${CCUSAGE_VERSION}, a static executable), or set CCUSAGE_BIN to one.`;

/** The executable: CCUSAGE_BIN, or the one under `benchDir`, installed there with npm when missing. Throws with the way to get it. */
export function ensureCcusage(benchDir: string, env: NodeJS.ProcessEnv = process.env): string {
	const given = env['CCUSAGE_BIN'];
	if (given) {
		if (!fs.existsSync(given)) throw new Error(`CCUSAGE_BIN=${given} does not exist.\n${howTo(benchDir)}`);
		return given;
	}
	const exe = ccusagePath(benchDir);
	if (!fs.existsSync(exe)) {
		const dir = path.join(benchDir, `ccusage-${CCUSAGE_VERSION}`);
		fs.mkdirSync(dir, {recursive: true});
		fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
		process.stdout.write(`installing ccusage@${CCUSAGE_VERSION} (native binary) under ${dir}\n`);
		const npm = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--no-audit', '--no-fund', '--no-save', `ccusage@${CCUSAGE_VERSION}`],
			{cwd: dir, encoding: 'utf8'});
		if (npm.status !== 0 || !fs.existsSync(exe)) throw new Error(`could not install ccusage: ${(npm.stderr ?? String(npm.error)).slice(0, 400)}\n${howTo(benchDir)}`);
	}
	// npm unpacks it without the execute bit; ccusage's own wrapper sets it the same way before spawning it.
	fs.chmodSync(exe, 0o755);
	const version = spawnSync(exe, ['--version'], {encoding: 'utf8'});
	if (version.status !== 0 || !version.stdout.includes(CCUSAGE_VERSION)) throw new Error(`${exe} --version gave ${JSON.stringify(version.stdout || version.stderr)}\n${howTo(benchDir)}`);
	return exe;
}

/**
 * The environment ccusage reads the tree through: CLAUDE_CONFIG_DIR is the directory holding `projects`;
 * HOME and CODEX_HOME point at an empty directory so no other agent's data on the machine is counted.
 */
export function ccusageEnv(projectsRoot: string, emptyHome: string): NodeJS.ProcessEnv {
	fs.mkdirSync(emptyHome, {recursive: true});
	return {PATH: process.env['PATH'] ?? '', TZ: 'UTC', HOME: emptyHome, CLAUDE_CONFIG_DIR: path.dirname(projectsRoot),
		CODEX_HOME: path.join(emptyHome, 'codex'), NO_COLOR: '1'};
}

export const CCUSAGE_ARGS = ['session', '--json', '--offline'];

export interface CcusageTotals {
	sessions: number;
	outputTokens: number;
}

/** Runs the report once and returns its session count and total output tokens. */
export function ccusageTotals(exe: string, env: NodeJS.ProcessEnv): CcusageTotals {
	const r = spawnSync(exe, CCUSAGE_ARGS, {env, encoding: 'utf8', maxBuffer: 1 << 28});
	if (r.status !== 0) throw new Error(`ccusage ${CCUSAGE_ARGS.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 400)}`);
	const report = JSON.parse(r.stdout) as {session: unknown[]; totals: {outputTokens: number}};
	return {sessions: report.session.length, outputTokens: report.totals.outputTokens};
}
