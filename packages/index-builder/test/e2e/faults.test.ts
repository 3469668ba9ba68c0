// Server-side faults: a crash and restart mid-build, statement_timeout, a role that does not own the table, and
// PostgreSQL 17's transaction_timeout.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { startEmbeddedServer, type EmbeddedServer } from '../../../../tools/embedded-server.mjs';
import { build } from '../../src/builder/build.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { CLI, ROOT } from '../support/cli.ts';
import { indexState, useTestDatabase, waitFor } from '../support/db.ts';
import { entries } from '../support/registry.ts';
import { expect } from '@jest/globals';
import { readJsonReport } from '../support/json.ts';

const SLOW_SCHEMA = `
  CREATE FUNCTION slow_key(x bigint) RETURNS bigint IMMUTABLE LANGUAGE plpgsql AS $$
  BEGIN PERFORM pg_sleep(0.001); RETURN x; END $$;
  CREATE TABLE leads (id bigserial PRIMARY KEY, status text);
  INSERT INTO leads (status) SELECT 'new' FROM generate_series(1, 2000);`;
const slow = { name: 'idx_slow', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_slow ON leads (slow_key(id))' };
const status = { name: 'idx_status', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_status ON leads (status)' };

const db = useTestDatabase({ setup: SLOW_SCHEMA });

describe('PostgreSQL restarted in the middle of a build', () => {
  let server: EmbeddedServer;
  afterAll(async () => {
    await server?.stop().catch(() => {});
  });

  it('fails that index with a clear reason, reconnects for the rest, and rebuilds the leftover next run', async () => {
    server = await startEmbeddedServer();
    const setup = new pg.Client({ connectionString: server.url });
    setup.on('error', () => {});
    await setup.connect();
    await setup.query(SLOW_SCHEMA);
    await setup.end();

    const dir = await mkdtemp(join(tmpdir(), 'ib-crash-'));
    const registry = join(dir, 'indexes.json');
    await writeFile(registry, JSON.stringify([slow, status]));
    const json = join(dir, 'report.json');
    const child = spawn(process.execPath, [CLI, 'build', '-r', registry, '--database-url', server.url, '--json', json], { cwd: ROOT });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

    let builder = 0;
    await waitFor(
      async () => {
        const probe = new pg.Client({ connectionString: server.url });
        probe.on('error', () => {});
        await probe.connect();
        const { rows } = await probe.query<{ pid: number }>("SELECT pid FROM pg_stat_progress_create_index WHERE phase LIKE 'building index%'");
        await probe.end();
        builder = rows[0]?.pid ?? 0;
        return builder !== 0;
      },
      20_000,
      'the slow build to run',
    );
    // A backend killed with SIGKILL makes the postmaster restart the whole server (crash recovery).
    process.kill(builder, 'SIGKILL');

    expect(await exited).toBe(0);
    const report = await readJsonReport(json);
    expect(report.indexes.map((i) => i.status)).toEqual(['failed', 'created']);
    expect(report.indexes[0]!.error!.message).toMatch(/server closed the connection|terminating connection because of crash|shutting down|recovery/);
    expect(stdout).not.toMatch(/\n\s+at /);

    const again = spawn(process.execPath, [CLI, 'build', '-r', registry, '--database-url', server.url, '--json', json], { cwd: ROOT });
    expect(await new Promise((resolve) => again.on('close', resolve))).toBe(0);
    const next = await readJsonReport(json);
    expect(next.indexes.map((i) => i.status)).toEqual(['rebuilt', 'skipped']);
  }, 120_000);
});

it('fails on statement_timeout without retrying, and drops the leftover', async () => {
  const report = await build(entries(slow), { url: db.url, statementTimeoutMs: 300, events: silentEvents });
  expect(report.indexes[0]).toMatchObject({
    status: 'failed',
    attempts: 1,
    error: { sqlstate: '57014', message: 'canceling statement due to statement timeout' },
  });
  expect(await indexState(db, 'idx_slow')).toBeUndefined();
});

it('explains ownership when the role may not create indexes on the table', async () => {
  await db.sql(`DROP ROLE IF EXISTS ib_reader; CREATE ROLE ib_reader LOGIN PASSWORD 'reader-pw';
                GRANT CONNECT ON DATABASE ${db.name} TO ib_reader; GRANT USAGE ON SCHEMA public TO ib_reader;
                GRANT SELECT ON leads TO ib_reader;`);
  const url = new URL(db.url);
  url.username = 'ib_reader';
  url.password = 'reader-pw';
  const report = await build(entries(status), { url: url.toString(), events: silentEvents });
  expect(report.indexes[0]).toMatchObject({
    status: 'failed',
    error: { sqlstate: '42501', message: 'must be owner of table leads', hint: expect.stringContaining("Only the table's owner") },
  });
});

it('is not cut short by transaction_timeout on PostgreSQL 17 and later', async () => {
  const version = Number((await db.sql<{ server_version_num: string }>('SHOW server_version_num')).rows[0]!.server_version_num);
  if (version < 170000) {
    // Before 17 the setting does not exist, so it cannot cut a build short.
    await expect(db.sql('SHOW transaction_timeout')).rejects.toThrow(/unrecognized configuration parameter/);
    return;
  }
  await db.sql(`ALTER DATABASE ${db.name} SET transaction_timeout = '300ms'`);
  try {
    const report = await build(entries(slow), { url: db.url, events: silentEvents });
    expect(report.indexes[0]!.status).toBe('created');
  } finally {
    await db.sql(`ALTER DATABASE ${db.name} RESET transaction_timeout`);
    await db.sql('DROP INDEX IF EXISTS idx_slow');
  }
});
