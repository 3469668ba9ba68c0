// `index-builder import` against a real PostgreSQL: a schema of varied indexes becomes a registry that passes
// `check`, and a `build` right after adopts every entry (all skipped, none created, none drifted).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegistry } from '../../src/registry/load.ts';
import { runCli } from '../support/cli.ts';
import { useTestDatabase } from '../support/db.ts';
import { readJsonReport } from '../support/json.ts';

const SCHEMA = `
CREATE SCHEMA billing;
CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL,
  status varchar(20) NOT NULL,
  email text,
  code varchar(40),
  total numeric(12, 2),
  created_at timestamptz NOT NULL DEFAULT now(),
  shipped_at timestamp,
  data jsonb,
  tags text[],
  during tstzrange,
  pos point,
  note text,
  ext_ref uuid,
  CONSTRAINT orders_ext_ref_key UNIQUE (ext_ref),
  CONSTRAINT orders_no_overlap EXCLUDE USING gist (during WITH &&)
);
INSERT INTO orders (customer_id, status, email, code, total)
  SELECT g % 50, CASE WHEN g % 3 = 0 THEN 'paid' ELSE 'new' END, 'u' || g || '@x', 'A' || g, g FROM generate_series(1, 300) g;
CREATE INDEX idx_orders_customer ON orders (customer_id);
COMMENT ON INDEX idx_orders_customer IS 'Orders of a customer';
CREATE INDEX idx_orders_customer_created ON orders (customer_id, created_at DESC);
CREATE INDEX idx_orders_lower_email ON orders (lower(email));
CREATE INDEX idx_orders_status_in ON orders (customer_id) WHERE status IN ('new', 'paid');
CREATE INDEX idx_orders_status_not_in ON orders (created_at) WHERE status NOT IN ('cancelled', 'refunded');
CREATE INDEX idx_orders_total_between ON orders (customer_id) WHERE total BETWEEN 10 AND 100;
CREATE INDEX idx_orders_code_like ON orders (code) WHERE code LIKE 'A%';
CREATE INDEX idx_orders_code_pattern ON orders (code varchar_pattern_ops);
CREATE INDEX idx_orders_email_pattern ON orders (email text_pattern_ops);
CREATE INDEX idx_orders_email_collate ON orders (email COLLATE "C");
CREATE INDEX idx_orders_status ON orders USING btree (status ASC NULLS LAST);
CREATE INDEX idx_orders_recent ON orders (customer_id) WHERE created_at > '2024-01-01 00:00:00+00';
CREATE INDEX idx_orders_covering ON orders (customer_id) INCLUDE (status, total);
CREATE INDEX idx_orders_fillfactor ON orders (created_at) WITH (fillfactor = 70);
CREATE UNIQUE INDEX idx_orders_unique_code ON orders (code) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX idx_orders_unique_email ON orders (lower(email)) WHERE status <> 'deleted';
CREATE UNIQUE INDEX idx_orders_customer_id ON orders (customer_id, id);
CREATE INDEX idx_orders_data_gin ON orders USING gin (data);
CREATE INDEX idx_orders_data_path ON orders USING gin (data jsonb_path_ops);
CREATE INDEX idx_orders_tags_gin ON orders USING gin (tags);
CREATE INDEX idx_orders_during_gist ON orders USING gist (during);
CREATE INDEX idx_orders_pos_gist ON orders USING gist (pos);
CREATE INDEX idx_orders_created_brin ON orders USING brin (created_at) WITH (pages_per_range = 32);
CREATE INDEX idx_orders_ext_hash ON orders USING hash (ext_ref);
CREATE INDEX "Idx Orders Quoted" ON orders (note);
COMMENT ON INDEX "Idx Orders Quoted" IS 'It''s quoted: "yes"';
CREATE INDEX "idx_orders_MixedCase" ON orders (status, customer_id);
CREATE INDEX idx_orders_shipped_first ON orders (shipped_at NULLS FIRST);
CREATE INDEX idx_orders_total_desc ON orders (total DESC NULLS LAST);
CREATE INDEX idx_orders_kind ON orders ((data ->> 'kind'));
CREATE INDEX idx_orders_unshipped ON orders (customer_id) WHERE shipped_at IS NULL;
CREATE INDEX idx_orders_paid ON orders (customer_id) WHERE status = 'paid' AND total > 0;
CREATE INDEX idx_orders_code_upper ON orders (upper(code::text)) WHERE code::text ~~ 'A%' AND status::text = ANY (ARRAY['new', 'paid']);

-- A foreign key may use a plain unique index: the index stays the registry's.
CREATE TABLE refunds (id bigserial PRIMARY KEY, customer_id bigint, order_id bigint,
  FOREIGN KEY (customer_id, order_id) REFERENCES orders (customer_id, id));

CREATE TABLE billing.invoices (id bigserial PRIMARY KEY, customer_id bigint, number text, issued_on date);
CREATE INDEX idx_orders_customer ON billing.invoices (customer_id);
CREATE INDEX idx_invoices_number ON billing.invoices (number) WHERE number ~ '^INV';
CREATE INDEX idx_invoices_issued ON billing.invoices (issued_on) WHERE issued_on BETWEEN '2024-01-01' AND '2024-12-31';

CREATE TABLE events (id bigint NOT NULL, created_at timestamptz NOT NULL, kind text) PARTITION BY RANGE (created_at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX idx_events_kind ON events (kind);
CREATE UNIQUE INDEX idx_events_id ON events (id, created_at);
CREATE INDEX idx_events_2024_id ON events_2024 (id);

CREATE MATERIALIZED VIEW order_counts AS SELECT customer_id, count(*) AS n FROM orders GROUP BY customer_id;
CREATE INDEX idx_order_counts_customer ON order_counts (customer_id);
`;

/** Registry names import must write: every index above except the primary keys, constraints and partition leaves. */
const EXPECTED = [
  'billing.idx_invoices_issued',
  'billing.idx_invoices_number',
  'billing.idx_orders_customer',
  'idx_events_id',
  'idx_events_kind',
  'idx_events_2024_id',
  'idx_order_counts_customer',
  'Idx Orders Quoted',
  'idx_orders_code_like',
  'idx_orders_code_pattern',
  'idx_orders_code_upper',
  'idx_orders_covering',
  'idx_orders_created_brin',
  'idx_orders_customer',
  'idx_orders_customer_created',
  'idx_orders_customer_id',
  'idx_orders_data_gin',
  'idx_orders_data_path',
  'idx_orders_during_gist',
  'idx_orders_email_collate',
  'idx_orders_email_pattern',
  'idx_orders_ext_hash',
  'idx_orders_fillfactor',
  'idx_orders_kind',
  'idx_orders_lower_email',
  'idx_orders_MixedCase',
  'idx_orders_paid',
  'idx_orders_pos_gist',
  'idx_orders_recent',
  'idx_orders_shipped_first',
  'idx_orders_status',
  'idx_orders_status_in',
  'idx_orders_status_not_in',
  'idx_orders_tags_gin',
  'idx_orders_total_between',
  'idx_orders_total_desc',
  'idx_orders_unique_code',
  'idx_orders_unique_email',
  'idx_orders_unshipped',
].sort();

const db = useTestDatabase({ setup: SCHEMA });
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ib-import-'));
  // A failed CREATE INDEX CONCURRENTLY leaves an invalid index behind: import names it and leaves it out.
  await db.sql('CREATE UNIQUE INDEX CONCURRENTLY idx_orders_dup_status ON orders (status)').catch(() => undefined);
});

const importTo = (output: string, ...args: string[]) => runCli(['import', '--database-url', db.url, '--output', output, ...args]);
const names = async (path: string) => (await loadRegistry(path)).entries.map((entry) => entry.name).sort();

describe('index-builder import', () => {
  it('writes every index that belongs in a registry, and a build right after adopts them all', async () => {
    const output = join(dir, 'db', 'indexes.ts');
    const result = await importTo(output);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`✅ Wrote ${EXPECTED.length} index(es) to ${output}`);
    expect(result.stdout).toContain(
      'Left out 1 invalid index(es) (a CREATE INDEX CONCURRENTLY that failed or is still running): public.idx_orders_dup_status;',
    );

    const text = await readFile(output, 'utf8');
    expect(text).toContain("import { defineIndexes } from 'index-builder';");
    const registry = await loadRegistry(output);
    expect(registry.problems).toEqual([]);
    expect(registry.entries.map((entry) => entry.name).sort()).toEqual(EXPECTED);
    expect(registry.entries.length).toBeGreaterThanOrEqual(30);
    for (const entry of registry.entries) {
      expect(entry.sql).toMatch(/^CREATE (UNIQUE )?INDEX CONCURRENTLY IF NOT EXISTS /);
      expect(entry.sql).not.toMatch(/\bON ONLY\b/);
      expect(entry.critical).toBe(false);
    }
    const byName = new Map(registry.entries.map((entry) => [entry.name, entry]));
    expect(byName.get('idx_orders_customer')!.description).toBe('Orders of a customer');
    expect(byName.get('Idx Orders Quoted')!.description).toBe('It\'s quoted: "yes"');
    expect(byName.get('billing.idx_orders_customer')!.sql).toBe(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_customer ON billing.invoices USING btree (customer_id)',
    );
    expect(byName.get('idx_events_kind')!.sql).toBe('CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_events_kind ON public.events USING btree (kind)');

    expect((await runCli(['check', '--registry', output])).code).toBe(0);

    const plan = await runCli(['plan', '--registry', output, '--database-url', db.url]);
    const planned = plan.stdout.split('\n').filter((line) => line.startsWith('  '));
    expect(planned).toHaveLength(EXPECTED.length);
    expect(planned.filter((line) => !line.endsWith('would adopt it'))).toEqual([]);

    const report = join(dir, 'adopt.json');
    const build = await runCli(['build', '--registry', output, '--database-url', db.url, '--json', report]);
    expect(build.code).toBe(0);
    const { indexes, totals } = await readJsonReport(report);
    const notSkipped = indexes.filter((index) => index.status !== 'skipped');
    expect(notSkipped).toEqual([]);
    expect(totals).toMatchObject({ total: EXPECTED.length, skipped: EXPECTED.length, created: 0, rebuilt: 0, drifted: 0, failed: 0 });

    // Adopted: marked, and a second build skips them as its own.
    const again = join(dir, 'again.json');
    await runCli(['build', '--registry', output, '--database-url', db.url, '--json', again]);
    expect((await readJsonReport(again)).totals).toMatchObject({ skipped: EXPECTED.length, drifted: 0 });
  });

  it('writes the same entries as JSON and YAML, each passing check', async () => {
    const ts = join(dir, 'formats', 'indexes.ts');
    await importTo(ts);
    for (const name of ['indexes.json', 'indexes.yaml', 'indexes.yml']) {
      const output = join(dir, 'formats', name);
      const result = await importTo(output);
      expect(result.code).toBe(0);
      expect((await runCli(['check', '--registry', output])).code).toBe(0);
      const [fromTs, fromData] = [await loadRegistry(ts), await loadRegistry(output)];
      expect(fromData.entries.map(({ name, sql, description }) => ({ name, sql, description }))).toEqual(
        fromTs.entries.map(({ name, sql, description }) => ({ name, sql, description })),
      );
    }
  });

  it('filters by schema and by table, repeated or comma-separated', async () => {
    const billing = join(dir, 'filters', 'billing.json');
    expect((await importTo(billing, '--schema', 'billing')).code).toBe(0);
    expect(await names(billing)).toEqual(['billing.idx_invoices_issued', 'billing.idx_invoices_number', 'billing.idx_orders_customer']);

    const tables = join(dir, 'filters', 'tables.json');
    expect((await importTo(tables, '--table', 'events,order_counts', '--table', 'billing.invoices', '--schema', 'public,billing')).code).toBe(0);
    expect(await names(tables)).toEqual(
      [
        'billing.idx_invoices_issued',
        'billing.idx_invoices_number',
        'billing.idx_orders_customer',
        'idx_events_id',
        'idx_events_kind',
        'idx_order_counts_customer',
      ].sort(),
    );
  });

  it('refuses an existing output unless --force, and an unknown extension, in one line', async () => {
    const output = join(dir, 'existing.ts');
    await writeFile(output, '// mine\n');
    const refused = await importTo(output);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe(`index-builder: ${output} already exists; pass --force to overwrite it, or choose another --output`);
    expect(await readFile(output, 'utf8')).toBe('// mine\n');
    expect((await importTo(output, '--force')).code).toBe(0);
    expect(await readFile(output, 'utf8')).toContain('defineIndexes');

    const unknown = await importTo(join(dir, 'indexes.sql'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('use .ts .json .yaml .yml');
    expect(existsSync(join(dir, 'indexes.sql'))).toBe(false);
  });

  it('writes definitions that do not depend on search_path: a rebuild under another search_path makes the same index', async () => {
    // norm_code in public is the index's; app's function of the same name, first on the later search_path, must
    // not be picked. Likewise the operator and the enum type, both in public.
    await db.sql(`
      CREATE SCHEMA app;
      CREATE FUNCTION public.norm_code(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(t) $$;
      CREATE FUNCTION app.norm_code(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT upper(t) $$;
      CREATE OPERATOR public.=== (LEFTARG = text, RIGHTARG = text, FUNCTION = pg_catalog.texteq);
      CREATE TYPE public.item_state AS ENUM ('new', 'done');
      CREATE TABLE app.items (id bigserial PRIMARY KEY, code text, state public.item_state);
      INSERT INTO app.items (code, state) SELECT 'C' || g, 'new' FROM generate_series(1, 100) g;
      CREATE INDEX idx_items_norm ON app.items (norm_code(code));
      CREATE INDEX idx_items_flagged ON app.items (id) WHERE code === 'x' AND state = 'done';`);
    const definitions = async () =>
      (
        await db.sql<{ name: string; definition: string }>(
          `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition FROM pg_class i JOIN pg_namespace n ON n.oid = i.relnamespace
           WHERE n.nspname = 'app' AND i.relkind = 'i' AND i.relname LIKE 'idx_items_%' ORDER BY 1`,
        )
      ).rows;
    // Read under search_path "$user", public (the default), where the server writes public's objects unqualified.
    const before = await definitions();
    expect(before.map((row) => row.definition).join('\n')).toContain('(norm_code(code))');

    const output = join(dir, 'search-path', 'indexes.json');
    expect((await importTo(output, '--schema', 'app')).code).toBe(0);
    const registry = await loadRegistry(output);
    expect(registry.problems).toEqual([]);
    const sqlOf = new Map(registry.entries.map((entry) => [entry.name, entry.sql]));
    expect(sqlOf.get('app.idx_items_norm')).toBe(
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_items_norm ON app.items USING btree (public.norm_code(code))',
    );
    expect(sqlOf.get('app.idx_items_flagged')).toBe(
      "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_items_flagged ON app.items USING btree (id) WHERE ((code OPERATOR(public.===) 'x'::text) AND (state = 'done'::public.item_state))",
    );
    expect((await runCli(['check', '--registry', output])).code).toBe(0);

    // Rebuilt by sessions whose search_path finds app.norm_code first: the same index all the same.
    await db.sql(`DROP INDEX app.idx_items_norm, app.idx_items_flagged; ALTER DATABASE ${db.name} SET search_path = app, public`);
    try {
      const report = join(dir, 'search-path', 'build.json');
      const build = await runCli(['build', '--registry', output, '--database-url', db.url, '--json', report]);
      expect(build.code).toBe(0);
      expect((await readJsonReport(report)).totals).toMatchObject({ created: 2, failed: 0 });
    } finally {
      await db.sql(`ALTER DATABASE ${db.name} RESET search_path`);
    }
    expect(await definitions()).toEqual(before);
  });

  it('reports an unreachable database in one line, without the password', async () => {
    const result = await runCli(['import', '--database-url', 'postgres://app:S3cret@127.0.0.1:1/app', '--output', join(dir, 'none.ts')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('index-builder: could not connect to 127.0.0.1:1/app: connection refused (is PostgreSQL running there?)');
    expect(existsSync(join(dir, 'none.ts'))).toBe(false);
  });
});
