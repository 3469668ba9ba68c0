// The builder against a real PostgreSQL: every row of the status table and every error class.
import type pg from 'pg';
import { ADVISORY_LOCK_KEY, ANOTHER_BUILDER_RUNNING, build, type BuildOptions } from '../../src/builder/build.ts';
import { silentEvents, type BuildEvents } from '../../src/builder/events.ts';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { indexState, pidOf, useTestDatabase, waitFor } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';

const db = useTestDatabase({
  reset: `
    DROP TABLE IF EXISTS leads, users CASCADE;
    CREATE TABLE leads (id bigserial PRIMARY KEY, status text, direction text);
    INSERT INTO leads (status, direction) SELECT 'new', 'in' FROM generate_series(1, 1000);
    CREATE TABLE users (id bigserial PRIMARY KEY, email text);
    INSERT INTO users (email) VALUES ('a@x'), ('a@x');`,
});

const fast = (extra: Partial<BuildOptions> = {}): BuildOptions => ({
  url: db.url,
  lockTimeoutMs: 200,
  retryMinDelayMs: 20,
  retryMaxDelayMs: 100,
  progressIntervalMs: 60_000,
  events: silentEvents,
  ...extra,
});

/** Opens a transaction that has written to `table`: a concurrent build must wait for it. */
async function openWriter(table: string): Promise<pg.Client> {
  const client = await db.connect();
  await client.query('BEGIN');
  await client.query(`UPDATE ${table} SET id = id WHERE id = 1`);
  return client;
}

function statuses(report: Awaited<ReturnType<typeof build>>) {
  return report.indexes.map((i) => [i.name, i.status]);
}

describe('build', () => {
  it('creates missing indexes, then skips them on the next run', async () => {
    const registry = entries(index('idx_status', 'leads (status)'), index('idx_dir', 'leads (direction) WHERE direction IS NOT NULL'));
    const first = await build(registry, fast());
    expect(statuses(first)).toEqual([
      ['idx_status', 'created'],
      ['idx_dir', 'created'],
    ]);
    expect(first.totals).toMatchObject({ total: 2, created: 2, failed: 0 });
    expect(await indexState(db, 'idx_status')).toEqual({ valid: true });
    expect(await indexState(db, 'idx_dir')).toEqual({ valid: true });

    const second = await build(registry, fast());
    expect(statuses(second)).toEqual([
      ['idx_status', 'skipped'],
      ['idx_dir', 'skipped'],
    ]);
    expect(second.indexes.every((i) => i.attempts === 0)).toBe(true);
  });

  it('drops an invalid index left by a failed build and builds it again: rebuilt', async () => {
    // A concurrent unique build over duplicates fails and leaves exactly such an invalid index.
    await db.sql('DELETE FROM users WHERE id = 2');
    await db.sql("INSERT INTO users (email) VALUES ('b@x'), ('b@x')");
    await db.sql('CREATE UNIQUE INDEX CONCURRENTLY idx_email ON users (email)').catch(() => {});
    expect(await indexState(db, 'idx_email')).toEqual({ valid: false });
    await db.sql("DELETE FROM users WHERE email = 'b@x'");

    const report = await build(
      entries({ name: 'idx_email', sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_email ON users (email)' }),
      fast(),
    );
    expect(statuses(report)).toEqual([['idx_email', 'rebuilt']]);
    expect(await indexState(db, 'idx_email')).toEqual({ valid: true });
  });

  it('leaves alone an invalid index that another session is building now: in-progress', async () => {
    await openWriter('leads');
    const other = await db.connect();
    const otherPid = await pidOf(other);
    // The other session's concurrent build waits for the open writer, so it stays invalid and in progress.
    const otherBuild = other.query('CREATE INDEX CONCURRENTLY idx_status ON leads (status)').catch((e: Error) => e);
    await waitFor(async () => (await indexState(db, 'idx_status')) !== undefined, 10_000, 'the other build to start');

    const report = await build(entries(index('idx_status', 'leads (status)')), fast());
    expect(statuses(report)).toEqual([['idx_status', 'in-progress']]);
    expect(await indexState(db, 'idx_status')).toEqual({ valid: false });
    await db.sql('SELECT pg_cancel_backend($1)', [otherPid]);
    await otherBuild;
  });

  it('retries lock conflicts with backoff, names the blocking session, and drops the leftover once it can', async () => {
    const writer = await openWriter('leads');
    const events: string[] = [];
    const report = await build(entries(index('idx_status', 'leads (status)')), fast({ maxAttempts: 3, events: recording(events) }));

    const [result] = report.indexes;
    expect(result).toMatchObject({ status: 'failed', attempts: 3, error: { sqlstate: '55P03' } });
    expect(result!.error!.message).toMatch(/lock timeout/);
    expect(result!.error!.blockers).toEqual([
      expect.objectContaining({ pid: await pidOf(writer), state: 'idle in transaction', query: 'UPDATE leads SET id = id WHERE id = 1' }),
    ]);
    expect(result!.error!.blockers[0]!.transactionAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(events).toEqual(['attemptFailed 1/3 retry', 'retrying 2/3', 'attemptFailed 2/3 retry', 'retrying 3/3', 'attemptFailed 3/3 final']);
    // While the writer holds the table even DROP INDEX CONCURRENTLY must wait, so the failure says the leftover stays;
    // once the writer is gone, the next run drops it and builds the index.
    expect(result!.error!.message).toContain('its invalid leftover could not be dropped yet');
    await writer.query('COMMIT');
    const next = await build(entries(index('idx_status', 'leads (status)')), fast());
    expect(statuses(next)).toEqual([['idx_status', 'rebuilt']]);
    expect(await indexState(db, 'idx_status')).toEqual({ valid: true });
  });

  it('succeeds on a later attempt once the lock is released', async () => {
    const writer = await openWriter('leads');
    const events = recording([], {
      attemptFailed: () => void writer.query('COMMIT'),
    });
    const report = await build(entries(index('idx_status', 'leads (status)')), fast({ maxAttempts: 5, events }));
    expect(report.indexes[0]).toMatchObject({ status: 'created', attempts: 2 });
    expect(await indexState(db, 'idx_status')).toEqual({ valid: true });
  });

  it('does not retry other errors, and drops a failed UNIQUE build so writes keep working', async () => {
    const report = await build(
      entries({ name: 'idx_email', sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_email ON users (email)', critical: true }),
      fast(),
    );
    expect(report.indexes[0]).toMatchObject({ status: 'failed', attempts: 1, critical: true, error: { sqlstate: '23505' } });
    expect(report.indexes[0]!.error!.message).toContain('could not create unique index "idx_email"');
    expect(await indexState(db, 'idx_email')).toBeUndefined();
    await expect(db.sql("INSERT INTO users (email) VALUES ('a@x')")).resolves.toBeDefined();
  });

  it('fails an entry whose table is missing and goes on with the others', async () => {
    const report = await build(entries(index('idx_gone', 'no_such_table (x)'), index('idx_status', 'leads (status)')), fast());
    expect(statuses(report)).toEqual([
      ['idx_gone', 'failed'],
      ['idx_status', 'created'],
    ]);
    expect(report.indexes[0]!.error).toMatchObject({ sqlstate: '42P01', message: 'relation "no_such_table" does not exist' });
  });

  it('refuses a name already taken by an index on another table or by a table', async () => {
    await db.sql('CREATE INDEX idx_taken ON users (email)');
    const report = await build(entries(index('idx_taken', 'leads (status)'), index('users', 'leads (direction)')), fast());
    expect(statuses(report)).toEqual([
      ['idx_taken', 'failed'],
      ['users', 'failed'],
    ]);
    expect(report.indexes[0]!.error!.message).toBe(
      'an index named "public.idx_taken" already exists on users, not on leads; rename the entry or drop that index',
    );
    expect(report.indexes[1]!.error!.message).toContain('"public.users" already exists and is not an index (relkind r)');
  });

  it('builds critical entries first, then in registry order', async () => {
    const report = await build(
      entries(index('idx_a', 'leads (status)'), index('idx_b', 'leads (direction)', { critical: true }), index('idx_c', 'users (email)')),
      fast(),
    );
    expect(report.indexes.map((i) => i.name)).toEqual(['idx_b', 'idx_a', 'idx_c']);
  });

  it('defers what it has not started when the time budget is spent, but still skips what exists', async () => {
    await db.sql('CREATE INDEX idx_done ON leads (id)');
    const budget0 = await build(entries(index('idx_done', 'leads (id)'), index('idx_status', 'leads (status)')), fast({ timeBudgetMs: 0 }));
    expect(statuses(budget0)).toEqual([
      ['idx_done', 'skipped'],
      ['idx_status', 'deferred'],
    ]);
    expect(await indexState(db, 'idx_status')).toBeUndefined();

    // A first build that keeps retrying eats the budget: it fails when the budget ends, the next is deferred.
    await openWriter('leads');
    const spent = await build(
      entries(index('idx_status', 'leads (status)'), index('idx_email', 'users (email)')),
      fast({ timeBudgetMs: 600, maxAttempts: 100 }),
    );
    expect(statuses(spent)).toEqual([
      ['idx_status', 'failed'],
      ['idx_email', 'deferred'],
    ]);
    expect(spent.indexes[0]!.attempts).toBeLessThan(100);
    expect(spent.totals).toMatchObject({ failed: 1, deferred: 1 });
  });

  it('does nothing when another builder holds the advisory lock', async () => {
    const other = await db.connect();
    await other.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    const report = await build(entries(index('idx_status', 'leads (status)')), fast());
    expect(report.notice).toBe(ANOTHER_BUILDER_RUNNING);
    expect(statuses(report)).toEqual([['idx_status', 'deferred']]);
    expect(await indexState(db, 'idx_status')).toBeUndefined();
  });

  it('reports progress from pg_stat_progress_create_index while a build waits', async () => {
    const writer = await openWriter('leads');
    const phases: string[] = [];
    const events: BuildEvents = {
      ...silentEvents,
      progress: (_entry, progress) => {
        phases.push(progress.phase);
        if (phases.length === 2) void writer.query('COMMIT');
      },
    };
    const report = await build(entries(index('idx_status', 'leads (status)')), fast({ lockTimeoutMs: 30_000, progressIntervalMs: 100, events }));
    expect(report.indexes[0]!.status).toBe('created');
    expect(phases[0]).toBe('waiting for writers before build');
  });

  it('fails every entry with a one-line reason when the server cannot be reached', async () => {
    const url = db.url.replace(/:\d+\//, ':1/');
    const report = await build(entries(index('idx_status', 'leads (status)', { critical: true })), fast({ url }));
    expect(report.notice).toBe(
      'could not start: could not connect to 127.0.0.1:1/' + db.name + ': connection refused (is PostgreSQL running there?)',
    );
    expect(report.indexes[0]).toMatchObject({ status: 'failed', critical: true, attempts: 0 });
  });
});

function recording(log: string[], extra: Partial<BuildEvents> = {}): BuildEvents {
  return {
    ...silentEvents,
    attemptFailed: (entry: RegistryEntry, attempt, max, failure, willRetry) => {
      log.push(`attemptFailed ${attempt}/${max} ${willRetry ? 'retry' : 'final'}`);
      extra.attemptFailed?.(entry, attempt, max, failure, willRetry);
    },
    retrying: (_entry, attempt, max) => void log.push(`retrying ${attempt}/${max}`),
  };
}
