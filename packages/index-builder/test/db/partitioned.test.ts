// Indexes on partitioned tables: ON ONLY parent, a concurrent build per leaf, ATTACH PARTITION, resumable.
import type pg from 'pg';
import { build, type BuildOptions } from '../../src/builder/build.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { partitionIndexName } from '../../src/builder/partitioned.ts';
import { indexState, useTestDatabase } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';

const db = useTestDatabase({
  reset: `
    DROP TABLE IF EXISTS events CASCADE;
    CREATE TABLE events (id bigint NOT NULL, kind text, at date NOT NULL) PARTITION BY RANGE (at);
    CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
    CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (kind);
    CREATE TABLE events_2025_click PARTITION OF events_2025 FOR VALUES IN ('click');
    CREATE TABLE events_2025_other PARTITION OF events_2025 DEFAULT;
    INSERT INTO events SELECT g, CASE WHEN g % 2 = 0 THEN 'click' ELSE 'view' END, date '2024-06-01' + (g % 400)
    FROM generate_series(1, 3000) g;`,
});
const realNow = Date.now;

const options = (extra: Partial<BuildOptions> = {}): BuildOptions => ({
  url: db.url,
  lockTimeoutMs: 300,
  maxAttempts: 2,
  retryMinDelayMs: 20,
  retryMaxDelayMs: 50,
  events: silentEvents,
  ...extra,
});

async function leafIndexes(): Promise<{ table: string; index: string; oid: number }[]> {
  const { rows } = await db.sql<{ table: string; index: string; oid: number }>(`
    SELECT x.indrelid::regclass::text AS table, i.relname AS index, i.oid::int AS oid
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid::regclass::text LIKE 'events_%' ORDER BY 1`);
  return rows;
}

it('builds the parent ON ONLY, each leaf concurrently, attaches them, and ends valid', async () => {
  const partitions: string[] = [];
  const report = await build(
    entries(index('idx_events_kind', 'events (kind, at)')),
    options({
      events: { ...silentEvents, partitionDone: (_e, done, total, name) => void partitions.push(`${done}/${total} ${name}`) },
    }),
  );
  expect(report.indexes[0]).toMatchObject({ status: 'created', partitions: { total: 3, built: 3 } });
  expect(partitions).toEqual(['1/3 public.events_2024', '2/3 public.events_2025_click', '3/3 public.events_2025_other']);
  expect(await indexState(db, 'idx_events_kind')).toEqual({ valid: true });
  expect((await leafIndexes()).map((l) => [l.table, l.index])).toEqual([
    ['events_2024', 'idx_events_kind_events_2024'],
    ['events_2025', 'idx_events_kind_events_2025'],
    ['events_2025_click', 'idx_events_kind_events_2025_click'],
    ['events_2025_other', 'idx_events_kind_events_2025_other'],
  ]);
  // Every leaf index hangs off the tree of the parent index.
  const { rows } = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_partition_tree('idx_events_kind') WHERE isleaf`);
  expect(rows[0]!.n).toBe(3);

  const { rows: marks } = await db.sql<{ c: string | null }>("SELECT obj_description('idx_events_kind'::regclass, 'pg_class') AS c");
  expect(marks[0]!.c).toMatch(/^\[index-builder [0-9a-f]{16} built [0-9a-f]{12}\]$/);
  const again = await build(entries(index('idx_events_kind', 'events (kind, at)')), options());
  expect(again.indexes[0]!.status).toBe('skipped');
});

it('resumes an interrupted build without rebuilding the leaves already built', async () => {
  // A writer on one leaf makes that leaf's build fail: the run stops there, partly done.
  const writer: pg.Client = await db.connect();
  await writer.query('BEGIN');
  await writer.query('UPDATE events_2025_other SET kind = kind WHERE id = 1');
  const first = await build(entries(index('idx_events_kind', 'events (kind, at)')), options());
  expect(first.indexes[0]).toMatchObject({ status: 'failed', partitions: { total: 3, built: 2 }, error: { sqlstate: '55P03' } });
  expect(first.indexes[0]!.error!.message).toMatch(/^partition public\.events_2025_other: /);
  expect(await indexState(db, 'idx_events_kind')).toEqual({ valid: false });
  const builtBefore = await leafIndexes();
  await writer.query('COMMIT');
  await writer.end();

  const second = await build(entries(index('idx_events_kind', 'events (kind, at)')), options());
  expect(second.indexes[0]).toMatchObject({ status: 'rebuilt', partitions: { total: 3, built: 3 } });
  expect(await indexState(db, 'idx_events_kind')).toEqual({ valid: true });
  const after = await leafIndexes();
  for (const leaf of builtBefore.filter((l) => l.table !== 'events_2025_other')) {
    expect(after.find((a) => a.index === leaf.index)?.oid).toBe(leaf.oid);
  }
});

it('defers the rest of a partitioned build when the time budget runs out between partitions', async () => {
  const started = Date.now();
  const report = await build(
    entries(index('idx_events_kind', 'events (kind, at)')),
    options({
      timeBudgetMs: 60_000,
      // Each finished leaf moves the clock past the budget, so the run stops before the next leaf.
      events: { ...silentEvents, partitionDone: () => void (Date.now = () => started + 120_000) },
    }),
  ).finally(() => {
    Date.now = realNow;
  });
  expect(report.indexes[0]).toMatchObject({ status: 'deferred', partitions: { total: 3, built: 1 } });
  expect(await indexState(db, 'idx_events_kind')).toEqual({ valid: false });
  const resumed = await build(entries(index('idx_events_kind', 'events (kind, at)')), options());
  expect(resumed.indexes[0]).toMatchObject({ status: 'rebuilt', partitions: { total: 3, built: 3 } });
});

it('derives leaf index names that fit in 63 bytes, deterministically', () => {
  const long = partitionIndexName('idx_a_rather_long_index_name_for_events_by_kind', 'events_partition_for_the_year_2025');
  expect(Buffer.byteLength(long)).toBeLessThanOrEqual(63);
  expect(long).toBe(partitionIndexName('idx_a_rather_long_index_name_for_events_by_kind', 'events_partition_for_the_year_2025'));
  expect(long).not.toBe(partitionIndexName('idx_a_rather_long_index_name_for_events_by_kind', 'events_partition_for_the_year_2026'));
  expect(partitionIndexName('idx_k', 'events_2024')).toBe('idx_k_events_2024');
});
