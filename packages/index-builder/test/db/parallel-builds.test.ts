// --parallel, the maintenance window and per-build resources against a real server. Index expressions call a slow
// IMMUTABLE function, so each build lasts long enough to be seen in pg_stat_progress_create_index by a sampler:
// never two builds on one table or one partitioned table's parts, never more than n at once, and writers to every
// table never wait for a lock while n builds are in flight.
import { beforeEach, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { build } from '../../src/builder/build.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { plan } from '../../src/builder/plan.ts';
import { parseWindow } from '../../src/builder/window.ts';
import { useTestDatabase } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';

const db = useTestDatabase({
  reset: `
    DROP SCHEMA public CASCADE;
    CREATE SCHEMA public;
    -- Slow for the rows the test inserts first (id > 0), instant for the writers' (id 0): builds last, writes do not.
    CREATE FUNCTION slow(v bigint) RETURNS bigint IMMUTABLE LANGUAGE plpgsql AS $$ BEGIN IF v > 0 THEN PERFORM pg_sleep(0.05); END IF; RETURN v; END $$;
    CREATE TABLE a (id bigint); CREATE TABLE b (id bigint); CREATE TABLE c (id bigint);
    CREATE TABLE events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
    CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
    INSERT INTO a SELECT g FROM generate_series(1, 4) g; INSERT INTO b SELECT g FROM generate_series(1, 4) g;
    INSERT INTO c SELECT g FROM generate_series(1, 4) g; INSERT INTO events SELECT g, '2025-06-01' FROM generate_series(1, 4) g;`,
});

interface Sample {
  /** The tables being indexed at one moment, one per build in flight. */
  tables: string[];
  /** Some writer session was waiting for a lock. */
  writerBlocked: boolean;
}

/** Polls the progress view and the writers' wait events until stopped. */
function sample(client: pg.Client, writerPids: () => number[]) {
  const samples: Sample[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const { rows } = await client.query<{ tables: string[] | null; blocked: boolean }>(
        `SELECT (SELECT array_agg(relid::regclass::text ORDER BY relid) FROM pg_stat_progress_create_index
                 WHERE datid = (SELECT oid FROM pg_database WHERE datname = current_database())) AS tables,
                EXISTS (SELECT FROM pg_stat_activity WHERE pid = ANY ($1::int[]) AND wait_event_type = 'Lock') AS blocked`,
        [writerPids()],
      );
      samples.push({ tables: rows[0]!.tables ?? [], writerBlocked: rows[0]!.blocked });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    samples,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/** A writer inserting into each table in turn, in autocommit, until stopped. */
function writer(client: pg.Client) {
  let running = true;
  let writes = 0;
  const done = (async () => {
    while (running) {
      for (const table of ['a', 'b', 'c', 'events']) {
        await client.query(`INSERT INTO ${table} (id${table === 'events' ? ', at' : ''}) VALUES (0${table === 'events' ? ", '2025-07-01'" : ''})`);
        writes += 1;
      }
    }
  })();
  return {
    writes: () => writes,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

describe('--parallel', () => {
  const registry = entries(
    index('a_1', 'a (slow(id))'),
    index('a_2', 'a (slow(id * 2))'),
    index('b_1', 'b (slow(id))'),
    index('events_1', 'events (slow(id))', { critical: true }),
    index('events_2025_1', 'events_2025 (slow(id * 2))'),
    index('c_1', 'c (slow(id))'),
  );

  it('builds up to n at once, never two on one table or partitioned table, critical first, while writes go on', async () => {
    const [monitor, writes] = await Promise.all([db.connect(), db.connect()]);
    const pid = (await writes.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const sampler = sample(monitor, () => [pid]);
    const load = writer(writes);
    const started: string[] = [];
    let report;
    try {
      report = await build(registry, {
        url: db.url,
        events: { ...silentEvents, indexStarted: (_position, _count, entry) => void started.push(entry.name) },
        parallel: 2,
      });
    } finally {
      await load.stop();
      await sampler.stop();
      await Promise.all([monitor.end(), writes.end()]);
    }
    expect(report.indexes.map((i) => [i.name, i.status])).toEqual([
      ['events_1', 'created'],
      ['a_1', 'created'],
      ['a_2', 'created'],
      ['b_1', 'created'],
      ['events_2025_1', 'created'],
      ['c_1', 'created'],
    ]);
    expect(started[0]).toBe('events_1');
    const inFlight = sampler.samples.map((s) => s.tables);
    // Two at once were seen, never more, never on one table (a partitioned table's builds run on its partition).
    expect(Math.max(...inFlight.map((tables) => tables.length))).toBe(2);
    for (const tables of inFlight) expect(new Set(tables).size).toBe(tables.length);
    expect(sampler.samples.some((s) => s.writerBlocked)).toBe(false);
    expect(load.writes()).toBeGreaterThan(0);
  }, 60_000);

  it('with --parallel 1 builds one at a time, as before', async () => {
    const monitor = await db.connect();
    const sampler = sample(monitor, () => []);
    try {
      const report = await build(registry.slice(0, 3), { url: db.url, events: silentEvents });
      expect(report.totals.created).toBe(3);
    } finally {
      await sampler.stop();
      await monitor.end();
    }
    expect(Math.max(...sampler.samples.map((s) => s.tables.length))).toBe(1);
  }, 30_000);
});

describe('--window', () => {
  /** A window of one hour that starts two hours from now, in UTC: now is outside it. */
  function closedWindow() {
    const hour = (new Date().getUTCHours() + 2) % 24;
    const clock = (h: number) => `${String(h).padStart(2, '0')}:00`;
    return parseWindow(`${clock(hour)}-${clock((hour + 1) % 24)} UTC`);
  }

  it('defers every build outside it, except an entry with ignoreWindow, and plan says the same', async () => {
    const window = closedWindow();
    const registry = entries(index('a_1', 'a (id)'), index('b_1', 'b (id)', { critical: true, ignoreWindow: true }));
    const planned = await plan(registry, db.url, { window });
    const report = await build(registry, { url: db.url, events: silentEvents, window });
    expect(report.indexes.map((i) => [i.name, i.status])).toEqual([
      ['b_1', 'created'],
      ['a_1', 'deferred'],
    ]);
    expect(planned.report.indexes.map((i) => [i.name, i.status])).toEqual(report.indexes.map((i) => [i.name, i.status]));
    expect(report.indexes[1]!.reason).toMatch(
      new RegExp(`^outside the maintenance window ${window.text} \\(it is \\d\\d:\\d\\d there\\); the next run inside it builds it$`),
    );
    expect(planned.lines.join('\n')).toContain(`a_1 on a: would be deferred: outside the maintenance window ${window.text}`);
  });

  it('builds inside it', async () => {
    const hour = new Date().getUTCHours();
    const window = parseWindow(`${String(hour).padStart(2, '0')}:00-${String((hour + 1) % 24).padStart(2, '0')}:00`);
    const report = await build(entries(index('a_1', 'a (id)')), { url: db.url, events: silentEvents, window });
    expect(report.indexes[0]!.status).toBe('created');
  });
});

describe('build resources', () => {
  beforeEach(async () => {
    // Fails the build unless the session has the expected settings when the index expression runs.
    await db.sql(`CREATE FUNCTION expect_settings(v bigint, mem text, workers text) RETURNS bigint IMMUTABLE LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('maintenance_work_mem') <> mem OR current_setting('max_parallel_maintenance_workers') <> workers THEN
          RAISE EXCEPTION 'maintenance_work_mem %, max_parallel_maintenance_workers %',
            current_setting('maintenance_work_mem'), current_setting('max_parallel_maintenance_workers');
        END IF;
        RETURN v;
      END $$`);
  });

  it("sets the entry's own, else the run's, on the build's session for its CREATE INDEX only", async () => {
    const defaults = await db.sql<{ mem: string; workers: string }>(
      "SELECT current_setting('maintenance_work_mem') AS mem, current_setting('max_parallel_maintenance_workers') AS workers",
    );
    const { mem, workers } = defaults.rows[0]!;
    const registry = entries(
      index('a_own', "a (expect_settings(id, '77MB', '0'))", { maintenanceWorkMem: '77MB', maxParallelMaintenanceWorkers: 0 }),
      index('b_run', "b (expect_settings(id, '33MB', '1'))"),
    );
    const report = await build(registry, { url: db.url, events: silentEvents, maintenanceWorkMem: '33MB', maxParallelMaintenanceWorkers: 1 });
    expect(report.indexes.map((i) => [i.name, i.status, i.error?.message])).toEqual([
      ['a_own', 'created', undefined],
      ['b_run', 'created', undefined],
    ]);
    // Without run-wide settings, the session is back at the server's after an entry that had its own.
    const after = await build(
      entries(
        index('c_own', "c (expect_settings(id, '77MB', '0'))", { maintenanceWorkMem: '77MB', maxParallelMaintenanceWorkers: 0 }),
        index('c_plain', `c (expect_settings(id + 1, '${mem}', '${workers}'))`),
      ),
      { url: db.url, events: silentEvents },
    );
    expect(after.indexes.map((i) => [i.name, i.status, i.error?.message])).toEqual([
      ['c_own', 'created', undefined],
      ['c_plain', 'created', undefined],
    ]);
  });
});
