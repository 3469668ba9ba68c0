// The health gate against real replication: a streaming hot standby of a dedicated primary whose replay is paused
// (real replay lag, read from pg_stat_replication on the primary), and a logical replication slot nobody reads (real
// retained WAL). Builds wait while a bound is exceeded, go on once the replica catches up, and are deferred with a
// sentence naming the replica or slot when the time budget runs out first.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedServer, type EmbeddedServer } from '../../../../tools/embedded-server.mjs';
import { build } from '../../src/builder/build.ts';
import { silentEvents, type BuildEvents } from '../../src/builder/events.ts';
import { consoleEvents } from '../../src/render/console.ts';
import { waitFor } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';
import { startStandby, type Standby } from '../support/standby.ts';

let primary: EmbeddedServer;
let standby: Standby;

async function sql(url: string, text: string): Promise<pg.QueryResult<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return await client.query<Record<string, unknown>>(text);
  } finally {
    await client.end();
  }
}

/** Writes WAL on the primary (rows the paused standby cannot replay) until the primary reports at least `ms` of replay lag. */
async function makeLag(ms: number): Promise<void> {
  await waitFor(
    async () => {
      await sql(primary.url, "INSERT INTO filler (pad) SELECT repeat('x', 200) FROM generate_series(1, 2000)");
      const { rows } = await sql(primary.url, 'SELECT coalesce(max(extract(epoch FROM replay_lag) * 1000), 0) AS lag FROM pg_stat_replication');
      return Number(rows[0]!.lag) > ms;
    },
    30_000,
    `replay lag over ${ms} ms`,
  );
}

async function indexExists(name: string): Promise<boolean> {
  const { rows } = await sql(primary.url, `SELECT to_regclass('${name}') IS NOT NULL AS found`);
  return rows[0]!.found as boolean;
}

beforeAll(async () => {
  primary = await startEmbeddedServer({ postgresFlags: ['-c', 'wal_level=logical', '-c', 'max_replication_slots=4'] });
  await sql(
    primary.url,
    `CREATE TABLE leads (id bigserial PRIMARY KEY, status text, email text);
     INSERT INTO leads (status, email) SELECT 'new', 'x' || g FROM generate_series(1, 2000) g;
     CREATE TABLE filler (pad text);`,
  );
  standby = await startStandby(primary);
  await standby.waitForReplay();
}, 120_000);

afterAll(async () => {
  await standby?.stop();
  await primary?.stop();
});

describe('--max-replica-lag', () => {
  it('defers the build, naming the replica, its address and lag, when the time budget runs out while replay is paused', async () => {
    await sql(standby.url, 'SELECT pg_wal_replay_pause()');
    try {
      await makeLag(1500);
      const lines: string[] = [];
      const report = await build(entries(index('idx_status', 'leads (status)'), index('idx_email', 'leads (email)')), {
        url: primary.url,
        events: consoleEvents((line) => lines.push(line)),
        maxReplicaLagMs: 1000,
        timeBudgetMs: 2500,
        progressIntervalMs: 500,
      });
      expect(report.indexes.map((i) => i.status)).toEqual(['deferred', 'deferred']);
      const [first, second] = report.indexes;
      expect(first!.reason).toMatch(
        /^replica "index_builder_test_standby" \(127\.0\.0\.1\) is [\d.]+s behind, [\d.]+ \w+ of WAL not replayed \(bound 1\.0s\); waited [\d.]+s until the time budget was spent, the next run builds it$/,
      );
      expect(first!.heldBack).toMatchObject({ cause: expect.stringContaining('replica "index_builder_test_standby"') });
      expect(second!.reason).toMatch(/^the time budget was spent waiting: replica "index_builder_test_standby" \(127\.0\.0\.1\) is/);
      expect(lines.some((line) => line.includes('⏳ held back: replica "index_builder_test_standby" (127.0.0.1) is'))).toBe(true);
      expect(await indexExists('idx_status')).toBe(false);
    } finally {
      await sql(standby.url, 'SELECT pg_wal_replay_resume()');
    }
  }, 60_000);

  it('waits while replay is paused, and builds once the replica has caught up', async () => {
    await standby.waitForReplay();
    await sql(standby.url, 'SELECT pg_wal_replay_pause()');
    let resumed = false;
    let heldLines = 0;
    const events: BuildEvents = {
      ...silentEvents,
      progress(_entry, progress) {
        if (!progress.phase.startsWith('held back: replica')) return;
        heldLines += 1;
        // Still held back, so the build has not started: nothing to replicate yet but the paused backlog.
        if (!resumed) {
          resumed = true;
          void sql(standby.url, 'SELECT pg_wal_replay_resume()');
        }
      },
    };
    try {
      await makeLag(1500);
      const report = await build(entries(index('idx_email', 'leads (email)')), {
        url: primary.url,
        events,
        maxReplicaLagMs: 1000,
        progressIntervalMs: 200,
      });
      expect(heldLines).toBeGreaterThan(0);
      expect(report.indexes[0]).toMatchObject({
        status: 'created',
        heldBack: { cause: expect.stringMatching(/^replica "index_builder_test_standby"/) },
      });
      expect(report.indexes[0]!.heldBack!.waitedMs).toBeGreaterThan(0);
      expect(await indexExists('idx_email')).toBe(true);
    } finally {
      await sql(standby.url, 'SELECT pg_wal_replay_resume()');
    }
  }, 60_000);

  it('does not hold anything back while the replica keeps up', async () => {
    await standby.waitForReplay();
    await sql(primary.url, 'DROP INDEX IF EXISTS idx_status');
    const report = await build(entries(index('idx_status', 'leads (status)')), { url: primary.url, events: silentEvents, maxReplicaLagMs: 60_000 });
    expect(report.indexes[0]!.status).toBe('created');
    expect(report.indexes[0]!.heldBack).toBeUndefined();
  }, 30_000);
});

describe("a role that may not read the replicas' lag", () => {
  it('defers at once, naming the privilege it needs, rather than waiting for what it cannot see', async () => {
    await sql(
      primary.url,
      `DROP ROLE IF EXISTS ib_plain; CREATE ROLE ib_plain LOGIN PASSWORD 'plain-pw';
       GRANT CREATE ON SCHEMA public TO ib_plain; CREATE TABLE plain_t (a int); ALTER TABLE plain_t OWNER TO ib_plain;`,
    );
    const url = new URL(primary.url);
    url.username = 'ib_plain';
    url.password = 'plain-pw';
    const report = await build(entries(index('idx_plain', 'plain_t (a)')), { url: url.toString(), events: silentEvents, maxReplicaLagMs: 1000 });
    expect(report.indexes[0]).toMatchObject({
      status: 'deferred',
      reason:
        'the lag of replica "index_builder_test_standby" cannot be read: ' +
        "the builder's role needs pg_read_all_stats (or pg_monitor) to see pg_stat_replication; the next run builds it",
    });
    await sql(primary.url, 'GRANT pg_read_all_stats TO ib_plain');
    const granted = await build(entries(index('idx_plain', 'plain_t (a)')), { url: url.toString(), events: silentEvents, maxReplicaLagMs: 60_000 });
    expect([granted.indexes[0]!.status, granted.indexes[0]!.error?.message]).toEqual(['created', undefined]);
  }, 30_000);
});

describe('--max-retained-wal', () => {
  it('defers while a logical slot nobody reads keeps more WAL than the bound, and builds once it is dropped', async () => {
    // The earlier builds' marks record their speed; without them no estimate defers this build before the gate does.
    await sql(
      primary.url,
      `DO $$ DECLARE r record; BEGIN
         FOR r IN SELECT objoid::regclass AS i FROM pg_description WHERE description LIKE '%B/s]%' LOOP
           EXECUTE format('COMMENT ON INDEX %s IS NULL', r.i);
         END LOOP;
       END $$`,
    );
    await sql(primary.url, "SELECT pg_create_logical_replication_slot('ib_unread', 'test_decoding')");
    try {
      await sql(primary.url, "INSERT INTO filler (pad) SELECT repeat('y', 500) FROM generate_series(1, 5000)");
      const registry = entries(index('idx_pad', 'filler (pad)'));
      const deferred = await build(registry, { url: primary.url, events: silentEvents, maxRetainedWalBytes: 1024 * 1024, timeBudgetMs: 1500 });
      expect(deferred.indexes[0]!.status).toBe('deferred');
      expect(deferred.indexes[0]!.reason).toMatch(
        /^logical replication slot "ib_unread" keeps [\d.]+ MB of WAL on the primary, wal_status reserved \(bound 1\.0 MB\); waited [\d.]+s until the time budget was spent/,
      );
      expect(await indexExists('idx_pad')).toBe(false);
    } finally {
      await sql(primary.url, "SELECT pg_drop_replication_slot('ib_unread')");
    }
    const built = await build(entries(index('idx_pad', 'filler (pad)')), {
      url: primary.url,
      events: silentEvents,
      maxRetainedWalBytes: 1024 * 1024,
    });
    expect(built.indexes[0]!.status).toBe('created');
  }, 30_000);
});
