// PostgreSQL decides whether an existing index is the registry's definition. Each pair below is a registry entry and
// the statement a team's migration ran by hand, written the way people write them; `same` says whether they are the
// same index. No false drift (an equal pair called different) and no missed drift (a different pair called equal).
import { build } from '../../src/builder/build.ts';
import { readCatalog } from '../../src/builder/catalog.ts';
import { decide } from '../../src/builder/decide.ts';
import { compareDefinitions } from '../../src/builder/equivalence.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { plan } from '../../src/builder/plan.ts';
import { useTestDatabase, waitFor } from '../support/db.ts';
import { entries } from '../support/registry.ts';
import { expect } from '@jest/globals';

interface Pair {
  /** Registry: `CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS <name> ON <registry>`. */
  registry: string;
  /** What the migration ran: `CREATE [UNIQUE] INDEX <name> ON <existing>`. */
  existing: string;
  same: boolean;
  unique?: boolean | [registry: boolean, existing: boolean];
  what: string;
}

const PAIRS: Pair[] = [
  { what: 'IN list', registry: "leads (status) WHERE status IN ('a', 'b')", existing: "leads (status) WHERE status IN ('a','b')", same: true },
  {
    what: 'NOT IN list',
    registry: "leads (status) WHERE status NOT IN ('x', 'y')",
    existing: "leads(status) where status not in ('x','y')",
    same: true,
  },
  { what: 'BETWEEN', registry: 'leads (n) WHERE n BETWEEN 1 AND 10', existing: 'leads (n) WHERE n between 1 and 10', same: true },
  {
    what: 'LIKE on varchar',
    registry: "leads (email) WHERE email LIKE '%@corp.com'",
    existing: "leads (email) WHERE email LIKE '%@corp.com'",
    same: true,
  },
  {
    what: 'NOT LIKE on varchar',
    registry: "leads (email) WHERE email NOT LIKE 'test%'",
    existing: "leads USING btree (email) WHERE email NOT LIKE 'test%'",
    same: true,
  },
  { what: 'varchar in an expression', registry: 'leads (lower(email))', existing: 'leads (LOWER(email))', same: true },
  { what: 'varchar IN list', registry: "leads (kind) WHERE kind IN ('a', 'b')", existing: "leads (kind) WHERE kind IN ('a','b')", same: true },
  {
    what: 'varchar IN list, registry as pg_get_indexdef prints it (not a fixed point)',
    registry: "leads USING btree (kind) WHERE ((kind)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))",
    existing: "leads (kind) WHERE kind IN ('a','b')",
    same: true,
  },
  {
    what: 'varchar IN list as printed, another value',
    registry: "leads USING btree (kind) WHERE ((kind)::text = ANY ((ARRAY['a'::character varying, 'c'::character varying])::text[]))",
    existing: "leads (kind) WHERE kind IN ('a','b')",
    same: false,
  },
  {
    what: 'timestamptz literal',
    registry: "leads (at) WHERE at > '2024-01-01'",
    existing: "leads (at) WHERE at > '2024-01-01 00:00:00'",
    same: true,
  },
  {
    what: 'date literal, two spellings',
    registry: "leads (created) WHERE created > '2024-01-01'::date",
    existing: "leads (created) WHERE created > DATE '2024-01-01'",
    same: true,
  },
  { what: 'fillfactor spacing', registry: 'leads (n) WITH (fillfactor = 70)', existing: 'leads (n) WITH (fillfactor=70)', same: true },
  { what: 'explicit defaults', registry: 'leads USING btree (n ASC NULLS LAST)', existing: 'leads (n)', same: true },
  { what: 'DESC implies NULLS FIRST', registry: 'leads (n DESC)', existing: 'leads (n DESC NULLS FIRST)', same: true },
  { what: 'default opclass spelled out', registry: 'leads (status text_ops)', existing: 'leads (status)', same: true },
  { what: "collation equal to the column's", registry: 'leads (name COLLATE "C")', existing: 'leads (name)', same: true },
  { what: 'INCLUDE', registry: 'leads (status) INCLUDE (email, n)', existing: 'leads (status) include (email,n)', same: true },
  { what: 'unique', registry: 'leads (email)', existing: 'leads (email)', unique: true, same: true },
  { what: 'NULLS NOT DISTINCT', registry: 'leads (ref) NULLS NOT DISTINCT', existing: 'leads (ref) NULLS NOT DISTINCT', unique: true, same: true },
  { what: 'gin, default opclass spelled out', registry: 'leads USING gin (tags)', existing: 'leads USING GIN (tags array_ops)', same: true },
  { what: 'gin jsonb_path_ops', registry: 'leads USING gin (doc jsonb_path_ops)', existing: 'leads USING gin (doc jsonb_path_ops)', same: true },
  { what: 'gist', registry: 'leads USING gist (pos)', existing: 'leads USING GiST (pos)', same: true },
  {
    what: 'brin reloption spelling',
    registry: 'leads USING brin (created) WITH (pages_per_range = 32)',
    existing: "leads USING brin (created) WITH (pages_per_range='32')",
    same: true,
  },
  { what: 'hash', registry: 'leads USING hash (ref)', existing: 'leads USING hash (ref)', same: true },
  { what: 'jsonb expression spacing', registry: "leads ((doc->>'k'))", existing: "leads (( doc ->> 'k' ))", same: true },
  { what: 'coalesce expression', registry: "leads (coalesce(status, ''))", existing: "leads (COALESCE(status,''))", same: true },
  { what: 'enum literal', registry: "leads (n) WHERE mood = 'ok'", existing: "leads (n) WHERE mood = 'ok'::mood", same: true },
  { what: 'domain column in an expression', registry: 'leads (lower(handle))', existing: 'leads (lower(handle::text))', same: true },
  { what: 'generated column', registry: 'leads (doubled)', existing: 'leads (doubled)', same: true },
  {
    what: 'parenthesised predicate',
    registry: "leads (n) WHERE n IS NOT NULL AND status <> 'x'",
    existing: "leads (n) WHERE ((n IS NOT NULL) AND (status <> 'x'))",
    same: true,
  },
  { what: 'public table qualified only in the database', registry: 'leads (score)', existing: 'public.leads (score)', same: true },
  {
    what: 'quoted, schema-qualified table',
    registry: 'billing."Invoices" ("Total")',
    existing: 'billing."Invoices" USING btree ("Total")',
    same: true,
  },
  { what: 'partitioned parent', registry: 'events (kind, at)', existing: 'events (kind, at)', same: true },
  { what: 'materialized view', registry: 'lead_totals (status) WHERE total > 1', existing: 'lead_totals (status) WHERE total > 1', same: true },
  { what: 'partitioned parent, unique', registry: 'events (at, kind)', existing: 'events (at, kind)', unique: true, same: true },

  { what: 'other column', registry: 'leads (status)', existing: 'leads (email)', same: false },
  { what: 'column order', registry: 'leads (status, n)', existing: 'leads (n, status)', same: false },
  { what: 'unique or not', registry: 'leads (email)', existing: 'leads (email)', unique: [true, false], same: false },
  { what: 'predicate constant', registry: "leads (status) WHERE status = 'a'", existing: "leads (status) WHERE status = 'b'", same: false },
  { what: 'predicate or none', registry: "leads (status) WHERE status = 'a'", existing: 'leads (status)', same: false },
  { what: 'timestamptz constant', registry: "leads (at) WHERE at > '2024-01-01'", existing: "leads (at) WHERE at > '2024-01-02'", same: false },
  { what: 'sort order', registry: 'leads (n DESC)', existing: 'leads (n)', same: false },
  { what: 'nulls order', registry: 'leads (n NULLS FIRST)', existing: 'leads (n)', same: false },
  { what: 'opclass', registry: 'leads (status text_pattern_ops)', existing: 'leads (status)', same: false },
  { what: 'collation', registry: 'leads (status COLLATE "C")', existing: 'leads (status)', same: false },
  { what: 'INCLUDE columns', registry: 'leads (status) INCLUDE (email)', existing: 'leads (status) INCLUDE (n)', same: false },
  { what: 'INCLUDE or none', registry: 'leads (status) INCLUDE (email)', existing: 'leads (status)', same: false },
  { what: 'NULLS NOT DISTINCT or not', registry: 'leads (ref) NULLS NOT DISTINCT', existing: 'leads (ref)', unique: true, same: false },
  { what: 'gin opclass', registry: 'leads USING gin (doc jsonb_path_ops)', existing: 'leads USING gin (doc)', same: false },
  {
    what: 'brin reloption value',
    registry: 'leads USING brin (created) WITH (pages_per_range = 32)',
    existing: 'leads USING brin (created) WITH (pages_per_range = 64)',
    same: false,
  },
  { what: 'hash or btree', registry: 'leads USING hash (ref)', existing: 'leads (ref)', same: false },
  { what: 'gist or spgist', registry: 'leads USING gist (pos)', existing: 'leads USING spgist (pos)', same: false },
  { what: 'fillfactor', registry: 'leads (n) WITH (fillfactor = 70)', existing: 'leads (n) WITH (fillfactor = 80)', same: false },
  { what: 'expression', registry: 'leads (lower(status))', existing: 'leads (upper(status))', same: false },
  {
    what: 'IN list members',
    registry: "leads (status) WHERE status IN ('a', 'b')",
    existing: "leads (status) WHERE status IN ('a', 'c')",
    same: false,
  },
  {
    what: 'quoted table, more columns',
    registry: 'billing."Invoices" ("Total", customer_id)',
    existing: 'billing."Invoices" ("Total")',
    same: false,
  },
  { what: 'partitioned parent, other column', registry: 'events (kind)', existing: 'events (at)', same: false },
];

const SCHEMA = `
  CREATE TYPE mood AS ENUM ('ok', 'sad');
  CREATE DOMAIN handle AS text;
  CREATE TABLE leads (
    id bigserial PRIMARY KEY, status text, email varchar(200), kind varchar, name text COLLATE "C", n int,
    at timestamptz, created date, score numeric, ref uuid, tags text[], doc jsonb, pos point, mood mood,
    handle handle, doubled int GENERATED ALWAYS AS (n * 2) STORED);
  CREATE MATERIALIZED VIEW lead_totals AS SELECT status, count(*) AS total FROM leads GROUP BY status;
  CREATE SCHEMA billing;
  CREATE TABLE billing."Invoices" ("Total" numeric, customer_id bigint);
  CREATE TABLE events (at timestamptz NOT NULL, kind text) PARTITION BY RANGE (at);
  CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
  CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`;

const nameOf = (i: number) => `pair_${String(i + 1).padStart(2, '0')}`;
const uniqueness = (pair: Pair, side: 0 | 1) => (Array.isArray(pair.unique) ? pair.unique[side] : pair.unique === true);
const registryEntries = () =>
  entries(
    ...PAIRS.map((pair, i) => ({
      name: nameOf(i),
      sql: `CREATE ${uniqueness(pair, 0) ? 'UNIQUE ' : ''}INDEX CONCURRENTLY IF NOT EXISTS ${nameOf(i)} ON ${pair.registry}`,
    })),
  );

const db = useTestDatabase({ setup: SCHEMA });
beforeAll(async () => {
  for (const [i, pair] of PAIRS.entries()) {
    await db.sql(`CREATE ${uniqueness(pair, 1) ? 'UNIQUE ' : ''}INDEX ${nameOf(i)} ON ${pair.existing}`);
  }
});

it(`has PostgreSQL tell equal from different in ${PAIRS.length} pairs: no false drift, no missed drift`, async () => {
  expect(PAIRS.length).toBeGreaterThanOrEqual(40);
  const registry = registryEntries();
  const client = await db.connect();
  try {
    const states = await readCatalog(client, registry);
    const answers = await compareDefinitions(
      client,
      registry.map((entry, i) => ({ entry, state: states[i]! })),
    );
    const verdicts = PAIRS.map((pair, i) => `${nameOf(i)} ${pair.what}: ${answers[i]!.kind}`);
    expect(verdicts).toEqual(PAIRS.map((pair, i) => `${nameOf(i)} ${pair.what}: ${pair.same ? 'equal' : 'different'}`));

    // Nothing is left behind on the connection: no temporary table, index or function, no open transaction.
    const { rows } = await client.query(`
      SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema())::int AS relations,
             (SELECT count(*) FROM pg_proc WHERE pronamespace = pg_my_temp_schema())::int AS functions,
             now() = statement_timestamp() AS outside_transaction`);
    expect(rows[0]).toEqual({ relations: 0, functions: 0, outside_transaction: true });
  } finally {
    await client.end();
  }
});

it('plan and build agree on every pair, adopt the equal ones and leave the different ones alone', async () => {
  const registry = registryEntries();
  const expected = PAIRS.map((pair, i) => `${nameOf(i)}: ${pair.same ? 'skipped' : 'drifted'}`);
  const planned = await plan(registry, db.url);
  expect(planned.report.indexes.map((i) => `${i.name}: ${i.status}`)).toEqual(expected);
  const report = await build(registry, { url: db.url, events: silentEvents });
  expect(report.indexes.map((i) => `${i.name}: ${i.status}`)).toEqual(expected);
  // Adopted ones now carry the mark, so the next run skips them without asking PostgreSQL again.
  const marked = await db.sql<{ relname: string }>(
    `SELECT relname FROM pg_class WHERE obj_description(oid, 'pg_class') LIKE '%[index-builder %' ORDER BY 1`,
  );
  expect(marked.rows.map((r) => r.relname)).toEqual(PAIRS.flatMap((pair, i) => (pair.same ? [nameOf(i)] : [])));
  const drifted = report.indexes.find((i) => i.name === nameOf(PAIRS.findIndex((p) => p.what === 'other column')))!;
  expect(drifted.drift).toEqual({ database: expect.stringContaining('(email)'), registry: expect.stringContaining('(status)') });
});

it('takes only ACCESS SHARE on the real table: runs while another session holds EXCLUSIVE, waits behind ACCESS EXCLUSIVE', async () => {
  const registry = registryEntries()
    .filter((entry) => entry.tableName === 'leads')
    .slice(0, 3);
  const holder = await db.connect();
  const client = await db.connect();
  const observer = await db.connect();
  try {
    const states = await readCatalog(client, registry);
    const questions = registry.map((entry, i) => ({ entry, state: states[i]! }));
    // EXCLUSIVE conflicts with every mode but ACCESS SHARE.
    await holder.query('BEGIN; LOCK TABLE leads IN EXCLUSIVE MODE');
    expect((await compareDefinitions(client, questions)).map((a) => a.kind)).toEqual(['equal', 'equal', 'equal']);
    await holder.query('ROLLBACK');

    await holder.query('BEGIN; LOCK TABLE leads IN ACCESS EXCLUSIVE MODE');
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const answers = compareDefinitions(client, questions);
    const waiting = async () =>
      (await observer.query<{ mode: string }>(`SELECT mode FROM pg_locks WHERE pid = $1 AND relation = 'leads'::regclass AND NOT granted`, [pid]))
        .rows;
    await waitFor(async () => (await waiting()).length > 0, 10_000, 'the comparison to wait for its lock');
    expect(await waiting()).toEqual([{ mode: 'AccessShareLock' }]);
    const held = await observer.query<{ mode: string }>(
      `SELECT DISTINCT l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
        WHERE l.pid = $1 AND l.granted AND c.relnamespace <> pg_my_temp_schema() AND c.relpersistence <> 't'
          AND c.relnamespace <> 'pg_catalog'::regnamespace`,
      [pid],
    );
    expect(held.rows.filter((r) => r.mode !== 'AccessShareLock')).toEqual([]);
    await holder.query('ROLLBACK');
    expect((await answers).map((a) => a.kind)).toEqual(['equal', 'equal', 'equal']);
  } finally {
    await holder.end();
    await client.end();
    await observer.end();
  }
});

it('resolves unqualified names with the connection default search_path, not a SET left on the connection', async () => {
  await db.sql(`
    CREATE SCHEMA app;
    CREATE TABLE app.accounts (id int, email text);
    CREATE FUNCTION app.norm(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
    CREATE INDEX acc_norm ON app.accounts (app.norm(email));
    ALTER DATABASE ${db.name} SET search_path = app, public;`);
  const registry = entries({ name: 'acc_norm', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS acc_norm ON accounts (norm(email))' });
  const client = await db.connect();
  try {
    // A pooled connection may carry another client's SET; the build's own connections would not.
    await client.query('SET search_path = public');
    await client.query('SET search_path = app, public');
    const states = await readCatalog(client, registry);
    await client.query('SET search_path = public');
    const [answer] = await compareDefinitions(client, [{ entry: registry[0]!, state: states[0]! }]);
    expect(answer).toEqual({ kind: 'equal' });
    expect((await client.query<{ search_path: string }>('SHOW search_path')).rows[0]!.search_path).toBe('public');
  } finally {
    await client.end();
    await db.sql(`ALTER DATABASE ${db.name} RESET search_path`);
  }
});

it('asks in three round trips however many entries need it, and in none when none does', async () => {
  const registry = registryEntries();
  const client = await db.connect();
  try {
    const states = await readCatalog(client, registry);
    const questions = [...registry, ...registry, ...registry].map((entry, i) => ({ entry, state: states[i % registry.length]! }));
    let queries = 0;
    const query = client.query.bind(client);
    client.query = ((...args: Parameters<typeof query>) => (queries++, query(...args))) as typeof client.query;
    expect(await compareDefinitions(client, questions)).toHaveLength(questions.length);
    expect(queries).toBe(3);
    queries = 0;
    expect(await compareDefinitions(client, [])).toEqual([]);
    expect(queries).toBe(0);
  } finally {
    await client.end();
  }
});

it('calls nothing equal when PostgreSQL cannot compare (no TEMP privilege): failed with the permission error, never drifted nor rebuilt', async () => {
  // Two that carry no mark (the build above adopted the equal ones), so PostgreSQL must be asked.
  const registry = registryEntries()
    .filter((_, i) => !PAIRS[i]!.same)
    .slice(0, 2);
  const role = `ib_no_temp_${db.name.slice(-6)}`;
  await db.sql(`CREATE ROLE ${role}; GRANT USAGE ON SCHEMA public TO ${role}; GRANT SELECT ON leads TO ${role};
                REVOKE TEMPORARY ON DATABASE ${db.name} FROM PUBLIC`);
  const client = await db.connect();
  try {
    const states = await readCatalog(client, registry);
    await client.query(`SET ROLE ${role}`);
    const answers = await compareDefinitions(
      client,
      registry.map((entry, i) => ({ entry, state: states[i]! })),
    );
    expect(answers).toEqual([
      { kind: 'unknown', error: expect.stringContaining('permission denied to create temporary tables'), sqlstate: '42501' },
      { kind: 'unknown', error: expect.stringContaining('permission denied to create temporary tables'), sqlstate: '42501' },
    ]);
    const decision = decide(registry[0]!, states[0]!, answers[0], { onDrift: 'rebuild' });
    expect(decision).toMatchObject({
      action: 'leave',
      status: 'failed',
      sqlstate: '42501',
      reason: expect.stringContaining('could not be compared with the registry: permission denied'),
    });
    expect(decision.drift).toBeUndefined();
  } finally {
    await client.end();
    await db.sql(`GRANT TEMPORARY ON DATABASE ${db.name} TO PUBLIC`);
  }
});
