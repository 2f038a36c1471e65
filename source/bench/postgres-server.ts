// A private PostgreSQL server for tests and the benchmark: initdb into a temp directory, postgres on a free
// 127.0.0.1 port, every statement logged, stopped at the end. Postgres refuses to run as root, so as root
// the server runs as the `postgres` user the Debian package creates.
import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const POSTGRES_MISSING = 'PostgreSQL\'s server is not installed (no /usr/lib/postgresql/*/bin/postgres): ' +
	'install it with `sudo apt-get install postgresql` (Debian/Ubuntu) or put its bin directory in $TAPEDECK_PG_BIN';

export interface PostgresServer {
	/** Superuser over the Unix socket (trust): for creating fixture databases. */
	adminUrl(database?: string): string;
	/** Host and port for TCP clients (password auth). */
	host: string;
	port: number;
	/** The Unix socket directory (where psql's -h points for the superuser). */
	socketDir: string;
	logFile: string;
	stop(): Promise<void>;
}

/** The newest installed server's bin directory, or null. */
export function findPostgresBin(env: Record<string, string | undefined> = process.env, root = '/usr/lib/postgresql'): string | null {
	const given = env['TAPEDECK_PG_BIN'];
	if (given && fs.existsSync(path.join(given, 'postgres'))) return given;
	if (!fs.existsSync(root)) return null;
	const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres')));
	versions.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const port = (server.address() as net.AddressInfo).port;
			server.close(() => resolve(port));
		});
	});
}

const ADMIN = 'tapedeck_admin';

export async function startPostgres(extraSettings: string[] = [], bin = findPostgresBin()): Promise<PostgresServer> {
	if (!bin) throw new Error(POSTGRES_MISSING);
	const asRoot = process.getuid?.() === 0;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tapedeck-pg-'));
	const data = path.join(dir, 'data');
	const logFile = path.join(dir, 'server.log');
	fs.mkdirSync(data);
	if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	const run = (cmd: string, args: string[]) => asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const : [cmd, args] as const;
	const [initCmd, initArgs] = run(path.join(bin, 'initdb'), ['-D', data, '-U', ADMIN, '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync', '-E', 'UTF8', '--locale=C']);
	execFileSync(initCmd, [...initArgs], {stdio: 'pipe'});
	const port = await freePort();
	const settings = ['listen_addresses=127.0.0.1', `port=${port}`, `unix_socket_directories=${dir}`, 'fsync=off', 'synchronous_commit=off',
		'full_page_writes=off', 'log_statement=all', "log_line_prefix=%u@%d ", 'log_min_messages=warning', 'max_connections=60', ...extraSettings];
	const [pgCmd, pgArgs] = run(path.join(bin, 'postgres'), ['-D', data, ...settings.flatMap((s) => ['-c', s])]);
	const log = fs.openSync(logFile, 'a');
	if (asRoot) fs.fchownSync(log, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
	const child: ChildProcess = spawn(pgCmd, [...pgArgs], {stdio: ['ignore', log, log]});
	fs.closeSync(log);
	const ready = path.join(bin, 'pg_isready');
	for (let i = 0; ; i++) {
		try {
			execFileSync(ready, ['-h', dir, '-p', String(port), '-U', ADMIN, '-d', 'postgres', '-q']);
			break;
		} catch {
			if (child.exitCode !== null || i > 200) throw new Error(`postgres did not start: ${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
			await new Promise((r) => setTimeout(r, 50));
		}
	}
	let stopping: Promise<void> | null = null;
	return {
		adminUrl: (database = 'postgres') => `postgres://${ADMIN}@/${database}?host=${encodeURIComponent(dir)}&port=${port}`,
		host: '127.0.0.1',
		port,
		socketDir: dir,
		logFile,
		stop: () => (stopping ??= new Promise<void>((resolve) => {
			const done = () => {
				fs.rmSync(dir, {recursive: true, force: true});
				resolve();
			};
			if (child.exitCode !== null) return done();
			child.once('exit', done);
			// SIGINT: a fast shutdown (roll back and leave), sent to the postmaster by the pid it records (under
			// runuser, our child is runuser, which does not pass signals on).
			try {
				const pid = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n', 1)[0]);
				process.kill(pid, 'SIGINT');
			} catch {
				child.kill('SIGINT');
			}
		})),
	};
}
