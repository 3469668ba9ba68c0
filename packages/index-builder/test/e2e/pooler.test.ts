// The builder through a real PgBouncer: a transaction (or statement) pooler is refused before anything changes, a
// session pooler works as a direct connection does, and no server connection keeps a lock or a setting afterwards.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { build, type BuildOptions } from '../../src/builder/build.ts';
import { dropAbandonedIndexes } from '../../src/builder/cleanup.ts';
import { connect, disconnect } from '../../src/db/connection.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { detectPooler } from '../../src/builder/pooler.ts';
import { runCli } from '../support/cli.ts';
import { indexState, pidOf, useTestDatabase } from '../support/db.ts';
import { onEveryServerConnection, startPgBouncer, type PgBouncer } from '../support/pgbouncer.ts';
import { entries, index } from '../support/registry.ts';
import { readJsonReport } from '../support/json.ts';

// The default test timeout (60 s) is enough: each test waits for nothing longer than a build.

const db = useTestDatabase({
  reset: `
    DROP TABLE IF EXISTS leads CASCADE;
    CREATE TABLE leads (id bigserial PRIMARY KEY, status text, direction text);
    INSERT INTO leads (status, direction) SELECT 'new', 'in' FROM generate_series(1, 1000);`,
});
let bouncer: PgBouncer;
/** Sessions through the pooler a test keeps open. */
const held: pg.Client[] = [];

beforeAll(async () => {
  bouncer = await startPgBouncer(db.url);
});
db.cleanup(() => bouncer?.stop());
afterEach(async () => {
  for (const client of held.splice(0)) await client.end().catch(() => {});
});

const registry = () => entries(index('idx_status', 'leads (status)', { critical: true }), index('idx_dir', 'leads (direction)'));

const options = (url: string, extra: Partial<BuildOptions> = {}): BuildOptions => ({
  url,
  lockTimeoutMs: 30_000,
  retryMinDelayMs: 20,
  retryMaxDelayMs: 100,
  progressIntervalMs: 60_000,
  events: silentEvents,
  ...extra,
});

async function detect(url: string) {
  const client = await connect(url);
  try {
    return (await detectPooler(client, url)).kind;
  } finally {
    await disconnect(client);
  }
}

/** Advisory locks held by any session in this test's database: the builder must leave none. */
async function advisoryLocks(): Promise<unknown[]> {
  const { rows } = await db.sql<{ pid: number; objid: number }>(
    `SELECT l.pid, l.objid FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()`,
  );
  return rows;
}

/** What every server connection of the pool says for a setting: the builder must leave the server's default. */
async function settingOnEveryServer(mode: 'transaction' | 'session', setting: string): Promise<unknown[]> {
  return onEveryServerConnection(bouncer.url(mode), bouncer.poolSize, `SHOW ${setting}`);
}

describe('pooler detection', () => {
  it('tells a direct connection, a session pooler, and transaction and statement poolers apart', async () => {
    expect(await detect(db.url)).toBe('direct');
    expect(await detect(bouncer.url('session'))).toBe('session');
    expect(await detect(bouncer.url('transaction'))).toBe('transaction');
    expect(await detect(bouncer.url('statement'))).toBe('statement');
  });

  it('never calls a session pooler a transaction pooler, even with other sessions busy in its pool', async () => {
    const busy = new pg.Client({ connectionString: bouncer.url('session') });
    busy.on('error', () => {});
    held.push(busy);
    await busy.connect();
    await busy.query('BEGIN');
    for (let i = 0; i < 5; i += 1) expect(await detect(bouncer.url('session'))).toBe('session');
  });

  it('finds the transaction pooler every time, with warm pools and with either server reuse order', async () => {
    const roundRobin = await startPgBouncer(db.url, { roundRobin: true });
    try {
      for (const pooler of [bouncer, roundRobin]) {
        // Several idle server connections in the pool: the reuse order decides which one each client gets.
        await onEveryServerConnection(pooler.url('transaction'), pooler.poolSize, 'SELECT 1');
        await onEveryServerConnection(pooler.url('session'), pooler.poolSize, 'SELECT 1');
        for (let i = 0; i < 5; i += 1) {
          expect(await detect(pooler.url('transaction'))).toBe('transaction');
          expect(await detect(pooler.url('session'))).toBe('session');
        }
      }
    } finally {
      await roundRobin.stop();
    }
  });
});

describe('build through a transaction pooler', () => {
  it('refuses before changing anything: every entry failed with one line naming the pooler and the fix', async () => {
    const report = await build(registry(), options(bouncer.url('transaction')));
    expect(report.outcome).toBe('pooler');
    expect(report.notice).toMatch(/^127\.0\.0\.1:\d+\/\w+_transaction is reached through a connection pooler in transaction pooling mode/);
    expect(report.notice).toContain('Use a direct or session-mode URL instead');
    expect(report.notice).toMatch(/Supabase.*Neon/);
    expect(report.notice).not.toContain('\n');
    expect(report.indexes.map((i) => [i.name, i.status, i.error?.message])).toEqual([
      ['idx_status', 'failed', report.notice],
      ['idx_dir', 'failed', report.notice],
    ]);
    expect(await indexState(db, 'idx_status')).toBeUndefined();
    expect(await advisoryLocks()).toEqual([]);
    expect(await settingOnEveryServer('transaction', 'lock_timeout')).toEqual(Array(bouncer.poolSize).fill('0'));
  });

  it('refuses a statement pooler the same way', async () => {
    const report = await build(registry(), options(bouncer.url('statement')));
    expect(report.outcome).toBe('pooler');
    expect(report.notice).toContain('statement pooling mode');
    expect(await indexState(db, 'idx_status')).toBeUndefined();
    expect(await advisoryLocks()).toEqual([]);
  });

  it('the CLI prints the refusal and fails a critical entry under --fail-on critical; plan says build would refuse', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ib-pooler-'));
    const file = join(dir, 'indexes.json');
    await writeFile(
      file,
      JSON.stringify([{ name: 'idx_status', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_status ON leads (status)', critical: true }]),
    );
    const url = bouncer.url('transaction');
    const built = await runCli(['build', '-r', file, '--fail-on', 'critical', '--json', join(dir, 'report.json')], { env: { DATABASE_URL: url } });
    expect(built.code).toBe(1);
    // Said as the run starts and again under the summary, like an unreachable database.
    const refusal = built.stdout.split('\n').filter((line) => line.includes('transaction pooling mode'));
    expect(refusal).toHaveLength(2);
    expect(refusal[0]).toMatch(/^⚠️ {2}127\.0\.0\.1:\d+\/\w+ is reached through a connection pooler in transaction pooling mode/);
    expect(refusal[1]).toBe(refusal[0]);
    expect(built.stdout).toContain('Not attempted:  1 (the run did not start)');
    expect(built.stdout).toContain('point --database-url at the server or a session pooler');
    const report = await readJsonReport(join(dir, 'report.json'));
    expect(report).toMatchObject({ outcome: 'pooler', indexes: [{ name: 'idx_status', status: 'failed', critical: true }] });
    expect(built.stdout + built.stderr).not.toContain(new URL(url).password);
    expect(await advisoryLocks()).toEqual([]);

    const planned = await runCli(['plan', '-r', file], { env: { DATABASE_URL: url } });
    expect(planned.code).toBe(1);
    expect(planned.stdout.trim()).toMatch(/^⚠️ {2}build would refuse: .* transaction pooling mode[^\n]*$/);
    const planJson = join(dir, 'plan.json');
    await runCli(['plan', '-r', file, '--json', planJson], { env: { DATABASE_URL: url } });
    expect(JSON.parse(await readFile(planJson, 'utf8'))).toMatchObject({ outcome: 'pooler', indexes: [{ name: 'idx_status', status: 'failed' }] });
    await rm(dir, { recursive: true, force: true });
  });

  it('the post-step cleanup refuses too, and drops nothing', async () => {
    const result = await dropAbandonedIndexes(registry(), { url: bouncer.url('transaction'), lockTimeoutMs: 1000 });
    expect(result.notice).toMatch(/transaction pooling mode/);
    expect(await advisoryLocks()).toEqual([]);
  });
});

describe('build through a session pooler', () => {
  it('works as on a direct connection and leaves no lock and no setting on any server connection', async () => {
    const report = await build(registry(), options(bouncer.url('session')));
    expect(report.outcome).toBe('completed');
    expect(report.indexes.map((i) => [i.name, i.status])).toEqual([
      ['idx_status', 'created'],
      ['idx_dir', 'created'],
    ]);
    expect(await indexState(db, 'idx_status')).toEqual({ valid: true });
    expect(await advisoryLocks()).toEqual([]);
    expect(await settingOnEveryServer('session', 'lock_timeout')).toEqual(Array(bouncer.poolSize).fill('0'));
    const names = await settingOnEveryServer('session', 'application_name');
    expect(names).not.toContain('index-builder');
  });

  it('names the real backend of a blocking session (pg_backend_pid, not the pooler handshake pid)', async () => {
    const writer = await db.connect();
    await writer.query('BEGIN');
    await writer.query('UPDATE leads SET id = id WHERE id = 1');
    const report = await build(
      entries(index('idx_status', 'leads (status)')),
      options(bouncer.url('session'), { lockTimeoutMs: 300, maxAttempts: 1 }),
    );
    expect(report.indexes[0]).toMatchObject({ status: 'failed', error: { sqlstate: '55P03' } });
    expect(report.indexes[0]!.error!.blockers.map((b) => b.pid)).toEqual([await pidOf(writer)]);
    await writer.query('ROLLBACK');
    expect(await advisoryLocks()).toEqual([]);
  });
});
