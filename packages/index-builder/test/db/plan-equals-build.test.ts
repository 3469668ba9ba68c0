// `plan` says exactly what `build` would do with the same options: over a matrix of catalog states, plan first (it
// changes nothing), then build, and both give the same statuses, drift and orphans.
import { build } from '../../src/builder/build.ts';
import type { OnDrift } from '../../src/builder/decide.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { definitionHashSql, markComment } from '../../src/builder/marker.ts';
import { plan } from '../../src/builder/plan.ts';
import { parseWindow } from '../../src/builder/window.ts';
import type { IndexDef } from '@index-builder/sql-core/registry';
import type { Report } from '../../src/builder/result.ts';
import { useTestDatabase } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';

const db = useTestDatabase({
  reset: `
    DROP SCHEMA public CASCADE;
    CREATE SCHEMA public;
    CREATE TABLE leads (id bigserial PRIMARY KEY, status text, email varchar(100));
    INSERT INTO leads (status, email) SELECT 'new', 'x' || g FROM generate_series(1, 200) g;
    CREATE TABLE events (at timestamptz NOT NULL, kind text) PARTITION BY RANGE (at);
    CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`,
});

const byStatus = index('idx_status', "leads (status) WHERE status IN ('new', 'old')");
const byEmail = index('idx_status', 'leads (email)');
/** A mark as an earlier index-builder wrote it: no origin, no definition hash. */
const mark = (def: IndexDef) => `COMMENT ON INDEX ${def.name} IS '${markComment(entries(def)[0]!)}'`;
/** The mark of an index the builder built, with the hash of the definition PostgreSQL prints now. */
const builtMark = (def: IndexDef) =>
  `DO $$ BEGIN EXECUTE format('COMMENT ON INDEX ${def.name} IS %L', '[index-builder ${entries(def)[0]!.fingerprint} built ' ||
   (SELECT ${definitionHashSql('x', 'i')} FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE i.oid = '${def.name}'::regclass) || ']'); END $$`;

interface Case {
  state: string;
  /** Statements run first; `{ fails }` is one that must fail (it leaves the state to test). */
  setup: (string | { fails: string })[];
  registry: IndexDef[];
  options?: { onDrift?: OnDrift; prune?: boolean; window?: ReturnType<typeof parseWindow> };
  statuses: string[];
  orphans?: { name: string; dropped: boolean }[];
}

const CASES: Case[] = [
  { state: 'missing', setup: [], registry: [byStatus], statuses: ['created'] },
  {
    state: 'valid and marked',
    setup: ["CREATE INDEX idx_status ON leads (status) WHERE status IN ('new', 'old')", mark(byStatus)],
    registry: [byStatus],
    statuses: ['skipped'],
  },
  {
    state: 'valid, unmarked, equal',
    setup: ["CREATE INDEX idx_status ON leads (status) WHERE status = ANY (ARRAY['new', 'old'])"],
    registry: [byStatus],
    statuses: ['skipped'],
  },
  {
    state: 'valid, unmarked, different, on-drift report',
    setup: ['CREATE INDEX idx_status ON leads (email)'],
    registry: [byStatus],
    statuses: ['drifted'],
  },
  {
    state: 'valid, unmarked, different, on-drift rebuild',
    setup: ['CREATE INDEX idx_status ON leads (email)'],
    registry: [byStatus],
    options: { onDrift: 'rebuild' },
    statuses: ['rebuilt'],
  },
  {
    state: 'marked by another definition, PostgreSQL-equal (the mark is refreshed)',
    setup: [
      "CREATE INDEX idx_status ON leads (status) WHERE status IN ('new', 'old')",
      mark(index('idx_status', "leads (status) WHERE status IN ('new','old')")),
    ],
    registry: [byStatus],
    options: { onDrift: 'rebuild' },
    statuses: ['skipped'],
  },
  {
    state: 'marked by another definition, different, on-drift rebuild',
    setup: ['CREATE INDEX idx_status ON leads (email)', mark(byEmail)],
    registry: [byStatus],
    options: { onDrift: 'rebuild' },
    statuses: ['rebuilt'],
  },
  {
    state: 'invalid leftover of a failed build',
    setup: [
      "INSERT INTO leads (status, email) VALUES ('dup', 'x1')",
      { fails: 'CREATE UNIQUE INDEX CONCURRENTLY idx_email ON leads (email)' },
      "DELETE FROM leads WHERE status = 'dup'",
    ],
    registry: [{ name: 'idx_email', sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_email ON leads (email)' }],
    statuses: ['rebuilt'],
  },
  { state: 'name clash with a table', setup: ['CREATE TABLE idx_status (id int)'], registry: [byStatus], statuses: ['failed'] },
  { state: 'missing table', setup: [], registry: [index('idx_gone', 'gone (x)')], statuses: ['failed'] },
  { state: 'partitioned, missing', setup: [], registry: [index('idx_events', 'events (kind)')], statuses: ['created'] },
  {
    state: 'partitioned, different, on-drift rebuild (not swapped)',
    setup: ['CREATE INDEX idx_events ON events (at)'],
    registry: [index('idx_events', 'events (kind)')],
    options: { onDrift: 'rebuild' },
    statuses: ['drifted'],
  },
  {
    state: 'orphan, without prune',
    setup: ['CREATE INDEX idx_old ON leads (email)', mark(index('idx_old', 'leads (email)'))],
    registry: [byStatus],
    statuses: ['created'],
    orphans: [{ name: 'public.idx_old', dropped: false }],
  },
  {
    state: 'orphan of an earlier version (no origin: adopted), with prune',
    setup: ['CREATE INDEX idx_old ON leads (email)', mark(index('idx_old', 'leads (email)'))],
    registry: [byStatus],
    options: { prune: true },
    statuses: ['created'],
    orphans: [{ name: 'public.idx_old', dropped: false }],
  },
  {
    state: 'orphan, with prune; an unmarked index is no orphan',
    setup: ['CREATE INDEX idx_old ON leads (email)', builtMark(index('idx_old', 'leads (email)')), 'CREATE INDEX idx_handmade ON leads (id, status)'],
    registry: [byStatus],
    options: { prune: true },
    statuses: ['created'],
    orphans: [{ name: 'public.idx_old', dropped: true }],
  },
  {
    state: 'missing, invalid and drifted outside the maintenance window; an entry that ignores it; one that exists',
    setup: ['CREATE INDEX idx_status ON leads (email)', { fails: 'CREATE UNIQUE INDEX CONCURRENTLY idx_email ON leads (status)' }],
    registry: [
      byStatus,
      index('idx_email', 'leads (email)'),
      index('idx_id', 'leads (id)', { ignoreWindow: true }),
      index('idx_more', 'leads (status, id)'),
    ],
    options: { onDrift: 'rebuild', window: outsideNow() },
    statuses: ['deferred', 'deferred', 'created', 'deferred'],
  },
];

/** A one-hour window starting two hours from now (UTC): now is outside it. */
function outsideNow() {
  const hour = (new Date().getUTCHours() + 2) % 24;
  return parseWindow(`${String(hour).padStart(2, '0')}:00-${String((hour + 1) % 24).padStart(2, '0')}:00`);
}

const summary = (report: Report) => ({
  outcome: report.outcome,
  indexes: report.indexes.map((i) => ({ name: i.name, status: i.status, drift: i.drift })),
  orphans: (report.orphans ?? []).map((o) => ({ name: o.name, dropped: o.dropped })),
});

it.each(CASES.map((c) => [c.state, c] as const))('%s: plan then build give the same statuses', async (_state, c) => {
  for (const statement of c.setup) {
    if (typeof statement === 'string') await db.sql(statement);
    else await expect(db.sql(statement.fails)).rejects.toThrow();
  }
  const registry = entries(...c.registry);
  const planned = await plan(registry, db.url, c.options);
  const built = await build(registry, { url: db.url, events: silentEvents, ...c.options });
  expect(summary(planned.report).indexes.map((i) => i.status)).toEqual(c.statuses);
  expect(summary(planned.report).orphans).toEqual(c.orphans ?? []);
  expect(summary(built)).toEqual(summary(planned.report));
  // What build created, rebuilt or adopted carries the mark of the registry's definition.
  for (const [i, result] of built.indexes.entries()) {
    if (!['created', 'rebuilt', 'skipped'].includes(result.status)) continue;
    const { rows } = await db.sql<{ comment: string | null }>("SELECT obj_description($1::regclass, 'pg_class') AS comment", [
      registry[i]!.indexName,
    ]);
    expect(rows[0]!.comment).toMatch(new RegExp(`\\[index-builder ${registry[i]!.fingerprint} (built|adopted) [0-9a-f]{12}( \\d+B/s)?\\]`));
  }
});
