// The one-builder lock is an invariant and connections have liveness: a lost control session (cut, server restart,
// idle_session_timeout) loses the lock, and the run starts no build until it holds it again; a second builder never
// builds beside the first; a stalled connection fails within a bound; a killed builder's orphaned CREATE INDEX is
// waited for, never built beside.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { expect } from '@jest/globals';
import { startEmbeddedServer, type EmbeddedServer } from '../../../../tools/embedded-server.mjs';
import { ADVISORY_LOCK_KEY, build, type BuildOptions } from '../../src/builder/build.ts';
import { silentEvents, type BuildEvents } from '../../src/builder/events.ts';
import { consoleEvents } from '../../src/render/console.ts';
import type { Report } from '../../src/builder/result.ts';
import { CLI, ROOT } from '../support/cli.ts';
import { useTestDatabase, waitFor, type TestDatabase } from '../support/db.ts';
import { startPgProxy, type PgProxy } from '../support/pg-proxy.ts';
import { entries, index } from '../support/registry.ts';

const SLOW_FUNCTION = `
  CREATE FUNCTION slow_key(x bigint) RETURNS bigint IMMUTABLE LANGUAGE plpgsql AS $$
  BEGIN PERFORM pg_sleep(0.001); RETURN x; END $$;`;

const LOCK_HOLDER = `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND (classid::bigint << 32 | objid::bigint) = ${ADVISORY_LOCK_KEY}`;

const BUILDING = `SELECT p.pid, coalesce(i.relname, '') AS index FROM pg_stat_progress_create_index p
  LEFT JOIN pg_class i ON i.oid = p.index_relid WHERE p.datname = current_database()`;

interface Sample {
  building: { pid: number; index: string }[];
  holder: number | null;
}

/** Samples, every 25 ms until stopped, which builds run in the database and who holds the builder's lock. */
function sampler(url: string) {
  const samples: Sample[] = [];
  let stopped = false;
  const loop = (async () => {
    let client: pg.Client | undefined;
    while (!stopped) {
      try {
        if (!client) {
          client = new pg.Client({ connectionString: url });
          client.on('error', () => {});
          await client.connect();
        }
        const [building, holder] = [
          (await client.query<Sample['building'][number]>(BUILDING)).rows,
          (await client.query<{ pid: number }>(LOCK_HOLDER)).rows,
        ];
        samples.push({ building, holder: holder[0]?.pid ?? null });
      } catch {
        await client?.end().catch(() => {});
        client = undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await client?.end().catch(() => {});
  })();
  return {
    samples,
    async stop() {
      stopped = true;
      await loop;
      return samples;
    },
  };
}

/** The console log's lines, and the notices and progress phases as the builder gives them. */
function recorder() {
  const notices: string[] = [];
  const progress: string[] = [];
  const lines: string[] = [];
  const log = consoleEvents((line) => lines.push(line));
  const events: BuildEvents = {
    ...log,
    notice: (message) => {
      notices.push(message);
      log.notice(message);
    },
    progress: (entry, state, elapsedMs) => {
      progress.push(`${entry.name}: ${state.phase}`);
      log.progress(entry, state, elapsedMs);
    },
  };
  return { events, notices, progress, lines };
}

async function lockHolder(db: TestDatabase): Promise<number | undefined> {
  return (await db.sql<{ pid: number }>(LOCK_HOLDER)).rows[0]?.pid;
}

async function clientPortOf(db: TestDatabase, pid: number): Promise<number> {
  return (await db.sql<{ port: number }>('SELECT client_port AS port FROM pg_stat_activity WHERE pid = $1', [pid])).rows[0]!.port;
}

async function invalidIndexes(db: TestDatabase): Promise<string[]> {
  const { rows } = await db.sql<{ name: string }>(
    `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE NOT x.indisvalid AND i.relnamespace = 'public'::regnamespace`,
  );
  return rows.map((row) => row.name);
}

async function buildingIndex(db: TestDatabase, name: string): Promise<number> {
  let pid = 0;
  await waitFor(
    async () => {
      pid = (await db.sql<{ pid: number }>(`SELECT pid FROM (${BUILDING}) b WHERE b.index = $1`, [name])).rows[0]?.pid ?? 0;
      return pid !== 0;
    },
    30_000,
    `the build of ${name} to run`,
  );
  return pid;
}

const statuses = (report: Report) => Object.fromEntries(report.indexes.map((i) => [i.name, i.status]));

describe('on the test server', () => {
  const db = useTestDatabase({
    setup: SLOW_FUNCTION,
    reset: `DROP TABLE IF EXISTS leads; CREATE TABLE leads (id bigserial PRIMARY KEY, status text, score int);
            INSERT INTO leads (status, score) SELECT 'new', g FROM generate_series(1, 2000) g;`,
  });
  let proxy: PgProxy;
  let writer: pg.Client | undefined;

  beforeAll(async () => {
    proxy = await startPgProxy(Number(new URL(db.url).port));
  });
  db.cleanup(() => proxy?.close());
  afterEach(() => {
    writer = undefined;
    proxy.reset();
  });

  /** An open write transaction on leads: every concurrent build on it waits until `writer.query('COMMIT')`. */
  async function holdWrites(): Promise<pg.Client> {
    writer = await db.connect();
    await writer.query('BEGIN');
    await writer.query('UPDATE leads SET status = status WHERE id = 1');
    return writer;
  }

  const registry = entries(index('idx_a', 'leads (status)'), index('idx_b', 'leads (score)'), index('idx_c', 'leads (status, score)'));

  it('keeps its lock under a role-level idle_session_timeout and idle_in_transaction_session_timeout', async () => {
    await db.sql(`ALTER ROLE CURRENT_USER IN DATABASE ${db.name} SET idle_session_timeout = '500ms'`);
    await db.sql(`ALTER ROLE CURRENT_USER IN DATABASE ${db.name} SET idle_in_transaction_session_timeout = '500ms'`);
    try {
      const watch = sampler(db.url);
      const slow = entries(index('idx_slow', 'leads (slow_key(id))'), index('idx_slow2', 'leads (slow_key(score))'));
      const { openRun } = await import('../../src/builder/build.ts');
      // The sessions open while "the registry loads", and idle for longer than the timeout before the run starts.
      const sessions = openRun(db.url, {});
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const { events, notices } = recorder();
      const report = await build(slow, { url: db.url, events, sessions });
      const samples = await watch.stop();

      expect(notices).toEqual([]);
      expect(report.outcome).toBe('completed');
      expect(statuses(report)).toEqual({ idx_slow: 'created', idx_slow2: 'created' });
      const whileBuilding = samples.filter((sample) => sample.building.length > 0);
      expect(whileBuilding.length).toBeGreaterThan(0);
      expect(whileBuilding.filter((sample) => sample.holder === null)).toEqual([]);
    } finally {
      await db.sql(`ALTER ROLE CURRENT_USER IN DATABASE ${db.name} RESET ALL`);
    }
  }, 60_000);

  it('regains its lock on a new connection when the control connection is cut, and builds nothing without it', async () => {
    const writes = await holdWrites();
    const watch = sampler(db.url);
    const { events, notices } = recorder();
    const run = build(registry, { url: proxy.through(db.url), events, lockTimeoutMs: 30_000 });
    await buildingIndex(db, 'idx_a');
    const control = (await lockHolder(db))!;
    expect(proxy.cut(await clientPortOf(db, control))).toBe(true);
    await waitFor(async () => ![undefined, control].includes(await lockHolder(db)), 20_000, 'the lock to be held again');

    // A second builder now finds the lock held, and does nothing.
    const second = await build(registry, { url: db.url, events: silentEvents });
    expect(second.outcome).toBe('another-builder');

    await writes.query('COMMIT');
    const report = await run;
    const samples = await watch.stop();
    expect(report.outcome).toBe('completed');
    expect(statuses(report)).toEqual({ idx_a: 'created', idx_b: 'created', idx_c: 'created' });
    expect(notices).toEqual([
      expect.stringMatching(/^lost the session holding this database's lock \(/),
      'holding the lock again on a new connection; the run goes on',
    ]);
    // Only the build running when the connection was cut went on without the lock.
    const unlocked = samples.filter((sample) => sample.holder === null && sample.building.length > 0);
    expect(unlocked.flatMap((sample) => sample.building.map((b) => b.index)).filter((name) => name !== 'idx_a')).toEqual([]);
    expect(Math.max(...samples.map((sample) => sample.building.length))).toBeLessThanOrEqual(1);
    expect(await invalidIndexes(db)).toEqual([]);
  }, 90_000);

  it('stops when another builder took the lock after the cut: its build finishes, the rest deferred; the other waits for it', async () => {
    const writes = await holdWrites();
    const watch = sampler(db.url);
    const firstLog = recorder();
    const { events, notices } = firstLog;
    const first = build(registry, { url: proxy.through(db.url), events, lockTimeoutMs: 30_000 });
    const firstBuild = await buildingIndex(db, 'idx_a');
    const control = (await lockHolder(db))!;
    // The first builder cannot reconnect until the second holds the lock.
    proxy.refuseNew(true);
    proxy.cut(await clientPortOf(db, control));
    const other = recorder();
    const second = build(registry, { url: db.url, events: other.events, lockTimeoutMs: 60_000 });
    const waiting = () => Promise.resolve(other.progress.some((line) => line.startsWith('idx_b: waiting for')));
    await waitFor(waiting, 20_000, 'the second builder to wait');
    proxy.refuseNew(false);

    await writes.query('COMMIT');
    const [firstReport, secondReport] = await Promise.all([first, second]);
    const samples = await watch.stop();

    expect(firstReport.outcome).toBe('completed');
    expect(statuses(firstReport)).toEqual({ idx_a: 'created', idx_b: 'deferred', idx_c: 'deferred' });
    expect(firstReport.indexes[1]!.reason).toMatch(
      /^the session holding this database's lock was lost \(.*\) and another builder \(pid \d+\) has taken the lock: no new build was started$/,
    );
    expect(firstReport.notice).toBe(firstReport.indexes[1]!.reason);
    expect(notices).toEqual([expect.stringMatching(/^lost the session holding this database's lock \(/)]);
    expect(firstLog.lines).toContain(`⚠️  ${firstReport.notice}`);

    expect(secondReport.outcome).toBe('completed');
    expect(statuses(secondReport)).toEqual({ idx_a: 'in-progress', idx_b: 'created', idx_c: 'created' });
    expect(other.progress.find((line) => line.startsWith('idx_b: waiting for'))).toBe(
      `idx_b: waiting for another index-builder session (pid ${firstBuild}) building idx_a on leads`,
    );
    expect(Math.max(...samples.map((sample) => sample.building.length))).toBe(1);
    expect(await invalidIndexes(db)).toEqual([]);
  }, 90_000);

  it('fails a build whose connection stalls, within the liveness bound, and goes on', async () => {
    const writes = await holdWrites();
    const { events, notices } = recorder();
    const run = build(registry.slice(0, 2), { url: proxy.through(db.url), events, livenessTimeoutMs: 1500 });
    const builder = await buildingIndex(db, 'idx_a');
    proxy.stall();
    // The server ends the statement; its answer never reaches the builder.
    await db.sql('SELECT pg_cancel_backend($1)', [builder]);
    await writes.query('COMMIT');
    const report = await run;

    expect(statuses(report)).toEqual({ idx_a: 'failed', idx_b: 'created' });
    expect(report.indexes[0]!.error!.message).toMatch(
      /^the connection to 127\.0\.0\.1:\d+\/ib_test_\w+ stopped answering \(no reply for \d+ s\): the server no longer runs the statement but its answer never came, so the connection was closed/,
    );
    expect(notices[0]).toMatch(/^lost the session holding this database's lock \(the connection to .* stopped answering/);
    expect(notices[1]).toBe('holding the lock again on a new connection; the run goes on');
    expect(await invalidIndexes(db)).toEqual([]);
  }, 90_000);

  it('reports a build whose answer was lost to a stall as created when the server shows the index valid', async () => {
    const writes = await holdWrites();
    const { events, notices } = recorder();
    const run = build(registry.slice(0, 1), { url: proxy.through(db.url), events, livenessTimeoutMs: 1500 });
    await buildingIndex(db, 'idx_a');
    proxy.stall();
    // The build finishes on the server; its answer never reaches the builder.
    await writes.query('COMMIT');
    const report = await run;

    expect(statuses(report)).toEqual({ idx_a: 'created' });
    expect(notices.at(-1)).toMatch(
      /^the connection to .* stopped answering \(no reply for \d+ s\): the server no longer runs the statement .*; the index was built all the same$/,
    );
    expect(await invalidIndexes(db)).toEqual([]);
  }, 90_000);

  it('ends within bounds when the whole network path stalls: the build fails, saying so; nothing hangs', async () => {
    const writes = await holdWrites();
    const { events } = recorder();
    const run = build(registry.slice(0, 2), { url: proxy.through(db.url), events, livenessTimeoutMs: 1500 });
    await buildingIndex(db, 'idx_a');
    proxy.stall({ newConnections: true });
    const report = await run;
    await writes.query('COMMIT');

    expect(report.indexes[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(report.indexes[0]!.error!.message).toMatch(
      /^the connection to 127\.0\.0\.1:\d+\/ib_test_\w+ stopped answering \(no reply for \d+ s\): no new connection could be opened to check on the statement, so the connection was closed/,
    );
    expect(report.indexes[1]!.status).not.toBe('created');
    expect(report.notice).toMatch(
      /^the session holding this database's lock was lost \(the connection to .* stopped answering .*\) and it could not be taken again \(.*\): no new build was started$/,
    );
  }, 180_000);
});

describe('after kill -9 of a builder in the middle of a build', () => {
  const db = useTestDatabase({
    setup: `CREATE TABLE leads (id bigserial PRIMARY KEY, status text, score int);
            INSERT INTO leads (status, score) SELECT 'new', g FROM generate_series(1, 1000) g;`,
  });
  let writer: pg.Client;

  it('a rerun waits for the orphaned build on the same table, then defers with that reason; nothing deadlocks', async () => {
    writer = await db.connect();
    await writer.query('BEGIN');
    await writer.query('UPDATE leads SET status = status WHERE id = 1');
    const dir = await mkdtemp(join(tmpdir(), 'ib-orphan-'));
    const registryFile = join(dir, 'indexes.json');
    await writeFile(registryFile, JSON.stringify([index('idx_status', 'leads (status)')]));
    const child = spawn(process.execPath, [CLI, 'build', '-r', registryFile, '--database-url', db.url], { cwd: ROOT, stdio: 'ignore' });
    const orphan = await buildingIndex(db, 'idx_status');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const { events, progress, lines } = recorder();
    const rerun = entries(index('idx_status', 'leads (status)'), index('idx_score', 'leads (score)'));
    const report = await build(rerun, { url: db.url, events, lockTimeoutMs: 1500 });
    expect(statuses(report)).toEqual({ idx_status: 'in-progress', idx_score: 'deferred' });
    expect(report.indexes[1]!.reason).toMatch(
      new RegExp(`^another index-builder session \\(pid ${orphan}\\) building idx_status on leads; waited \\d+\\.\\d s, the next run builds it$`),
    );
    expect(progress[0]).toBe(`idx_score: waiting for another index-builder session (pid ${orphan}) building idx_status on leads`);
    expect(lines).toContain(`    ⏸️  Deferred: ${report.indexes[1]!.reason}`);
    // The orphan was never disturbed: it finishes once the writer commits.
    expect((await db.sql('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [orphan])).rowCount).toBe(1);

    await writer.query('COMMIT');
    await waitFor(async () => (await db.sql('SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = $2', [orphan, 'active'])).rowCount === 0);
    expect(await invalidIndexes(db)).toEqual([]);
    const next = await build(rerun, { url: db.url, events: silentEvents });
    expect(statuses(next)).toEqual({ idx_status: 'skipped', idx_score: 'created' });
  }, 90_000);
});

describe('PostgreSQL restarted in the middle of a run', () => {
  let server: EmbeddedServer;
  afterAll(async () => {
    await server?.stop().catch(() => {});
  });

  it('regains the lock after the restart before it builds again', async () => {
    server = await startEmbeddedServer();
    const setup = new pg.Client({ connectionString: server.url });
    await setup.connect();
    await setup.query(`${SLOW_FUNCTION} CREATE TABLE leads (id bigserial PRIMARY KEY, score int);
                       INSERT INTO leads (score) SELECT g FROM generate_series(1, 2000) g;`);
    await setup.end();
    const db = {
      sql: async <R extends pg.QueryResultRow>(text: string, params?: unknown[]) => {
        const client = new pg.Client({ connectionString: server.url });
        client.on('error', () => {});
        await client.connect();
        try {
          return await client.query<R>(text, params);
        } finally {
          await client.end();
        }
      },
    } as TestDatabase;

    const watch = sampler(server.url);
    const { events, notices } = recorder();
    const options: BuildOptions = { url: server.url, events };
    const run = build(entries(index('idx_slow', 'leads (slow_key(id))'), index('idx_slow2', 'leads (slow_key(score))')), options);
    await buildingIndex(db, 'idx_slow');
    // A backend killed with SIGKILL makes the postmaster restart the whole server (crash recovery).
    process.kill((await lockHolder(db))!, 'SIGKILL');
    const report = await run;
    const samples = await watch.stop();

    expect(statuses(report)).toEqual({ idx_slow: 'failed', idx_slow2: 'created' });
    expect(notices).toContain('holding the lock again on a new connection; the run goes on');
    const second = samples.filter((sample) => sample.building.some((b) => b.index === 'idx_slow2'));
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((sample) => sample.holder === null)).toEqual([]);
  }, 120_000);
});
