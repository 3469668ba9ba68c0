// Destructive steps are explicit, bounded and reversible: prune drops only what the builder built, within
// --prune-include and --prune-max; a swap of a unique index that foreign keys depend on completes with every key
// valid or is refused with nothing left behind; a swap's leftover is found and dropped; a hand change behind the
// mark is drifted; and every drop or swap records statements that restore the index exactly. Plan says each time
// what build then does.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildOptions } from '../../src/builder/build.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { plan } from '../../src/builder/plan.ts';
import { appendRestoreFile } from '../../src/builder/restore.ts';
import type { IndexDef } from '@index-builder/sql-core/registry';
import type { Report } from '../../src/builder/result.ts';
import { indexState, useTestDatabase } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';

const db = useTestDatabase({
  reset: `
    DROP SCHEMA public CASCADE;
    CREATE SCHEMA public;
    CREATE TABLE customers (id bigserial PRIMARY KEY, code text NOT NULL, email text, state text);
    INSERT INTO customers (code, email, state) SELECT 'c' || g, 'u' || g || '@x.test', 'new' FROM generate_series(1, 200) g;
    CREATE TABLE orders (id bigserial PRIMARY KEY, customer_code text, state text);`,
});
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ib-destructive-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Options = Omit<BuildOptions, 'url' | 'events'>;

/** Plan, then build with the same options: both must say the same of every index and orphan. */
async function planThenBuild(defs: IndexDef[], options: Options = {}): Promise<{ planned: Report; built: Report; reasons: string[] }> {
  const registry = entries(...defs);
  const planned = await plan(registry, db.url, options);
  const built = await build(registry, { url: db.url, events: silentEvents, ...options });
  const summary = (report: Report) => ({
    indexes: report.indexes.map((i) => ({ name: i.name, status: i.status })),
    orphans: (report.orphans ?? []).map((o) => ({ name: o.name, dropped: o.dropped, leftover: o.leftover === true })),
  });
  expect(summary(built)).toEqual(summary(planned.report));
  return { planned: planned.report, built, reasons: planned.lines };
}

const definitionOf = async (name: string) => (await db.sql<{ d: string | null }>('SELECT pg_get_indexdef(to_regclass($1)) AS d', [name])).rows[0]!.d;
const commentOf = async (name: string) =>
  (await db.sql<{ c: string | null }>("SELECT obj_description(to_regclass($1), 'pg_class') AS c", [name])).rows[0]!.c;
const temporaryIndexes = async () =>
  (await db.sql<{ relname: string }>("SELECT relname FROM pg_class WHERE relname LIKE '%\\_ib\\_new' ORDER BY 1")).rows.map((r) => r.relname);

/** Runs restore statements one by one, as psql runs restore.sql (CREATE INDEX CONCURRENTLY cannot run in a block). */
async function runRestore(restore: string): Promise<void> {
  const client = await db.connect();
  try {
    const statements = restore
      .split('\n')
      .filter((line) => !line.startsWith('--'))
      .join('\n')
      .split(/;\n/)
      .map((statement) => statement.replace(/;$/, '').trim())
      .filter(Boolean);
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

const migrationIndexes = `
  CREATE UNIQUE INDEX idx_customers_lower_email ON customers (lower(email));
  CREATE INDEX idx_customers_state ON customers (state);
  COMMENT ON INDEX idx_customers_state IS 'Customers by state';`;
const imported: IndexDef[] = [
  { name: 'idx_customers_lower_email', sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_customers_lower_email ON customers (lower(email))' },
  index('idx_customers_state', 'customers (state)', { description: 'Customers by state' }),
];

describe('prune', () => {
  it('drops nothing of an adopted estate when the registry is emptied, and says why', async () => {
    await db.sql(migrationIndexes);
    const adopted = await planThenBuild(imported);
    expect(adopted.built.indexes.map((i) => i.status)).toEqual(['skipped', 'skipped']);
    expect(await commentOf('idx_customers_state')).toMatch(/^Customers by state \[index-builder [0-9a-f]{16} adopted [0-9a-f]{12}\]$/);

    const { built } = await planThenBuild([], { prune: true });
    expect(built.orphans).toEqual([
      expect.objectContaining({ name: 'public.idx_customers_lower_email', dropped: false, kept: expect.stringContaining('the registry is empty') }),
      expect.objectContaining({ name: 'public.idx_customers_state', dropped: false, kept: expect.stringContaining('the registry is empty') }),
    ]);
    expect(await indexState(db, 'idx_customers_lower_email')).toEqual({ valid: true });

    // A registry that still has entries: the adopted and the UNIQUE one each need their class named.
    const others = [index('idx_orders_state', 'orders (state)'), index('idx_orders_code', 'orders (customer_code)')];
    const kept = await planThenBuild(others, { prune: true });
    expect(kept.built.orphans!.map((o) => [o.name, o.dropped, o.kept])).toEqual([
      [
        'public.idx_customers_lower_email',
        false,
        expect.stringMatching(/adopted by index-builder .*; UNIQUE: --prune-include adopted,unique drops it$/),
      ],
      ['public.idx_customers_state', false, expect.stringMatching(/--prune-include adopted drops it$/)],
    ]);
    const included = await planThenBuild(others, { prune: true, pruneInclude: ['adopted'] });
    expect(included.built.orphans!.map((o) => [o.name, o.dropped])).toEqual([
      ['public.idx_customers_lower_email', false],
      ['public.idx_customers_state', true],
    ]);
    expect(await indexState(db, 'idx_customers_lower_email')).toEqual({ valid: true });
    expect(await indexState(db, 'idx_customers_state')).toBeUndefined();
  });

  it('treats a mark of an earlier version (no origin) as adopted', async () => {
    await db.sql(`CREATE INDEX idx_old ON customers (email);
                  COMMENT ON INDEX idx_old IS 'Old [index-builder 0123456789abcdef]';`);
    const { built, reasons } = await planThenBuild([index('idx_customers_state', 'customers (state)')], { prune: true });
    expect(built.orphans).toEqual([expect.objectContaining({ name: 'public.idx_old', dropped: false })]);
    expect(built.orphans![0]!.kept).toContain('written by an earlier index-builder without its origin, so it counts as adopted');
    expect(reasons.join('\n')).toContain('public.idx_old on customers: marked by index-builder');
  });

  it('drops at most --prune-max a run, and nothing when the registry lost most of what it managed', async () => {
    const defs = ['id', 'code', 'email', 'state', 'id, state', 'code, state', 'email, state', 'state, id'].map((columns, k) =>
      index(`idx_c${k}`, `customers (${columns})`),
    );
    await planThenBuild(defs);
    // 2 entries left of 8 marked indexes: fewer than half, so nothing is dropped.
    const shrunk = await planThenBuild(defs.slice(0, 2), { prune: true });
    expect(shrunk.built.orphans!.every((o) => !o.dropped && o.kept?.includes('fewer than half of the 8 indexes'))).toBe(true);
    expect(shrunk.built.orphans).toHaveLength(6);
    // 5 entries left: three orphans, two dropped under --prune-max 2, the third kept for the next run.
    const bounded = await planThenBuild(defs.slice(0, 5), { prune: true, pruneMax: 2 });
    expect(bounded.built.orphans!.map((o) => [o.name, o.dropped])).toEqual([
      ['public.idx_c5', true],
      ['public.idx_c6', true],
      ['public.idx_c7', false],
    ]);
    expect(bounded.built.orphans![2]!.kept).toBe('--prune-max 2 reached in this run: the next run drops it');
    // Explicitly allowed: a shrunk registry may be pruned, still within the bound.
    const allowed = await planThenBuild(defs.slice(0, 1), { prune: true, pruneInclude: ['shrunk-registry'] });
    expect(allowed.built.orphans!.filter((o) => o.dropped)).toHaveLength(5);
  });

  it('writes statements that restore a dropped index exactly, with its comment and its constraint', async () => {
    const unique: IndexDef = {
      name: 'customers_code_key',
      sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS customers_code_key ON customers (code)',
      constraint: 'unique',
      description: "Codes are unique (it's a key)",
    };
    const plain = index('idx_customers_email', 'customers (email) WITH (fillfactor = 70) WHERE state IS NOT NULL', { description: 'Emails' });
    await planThenBuild([unique, plain]);
    const before = { unique: await definitionOf('customers_code_key'), plain: await definitionOf('idx_customers_email') };
    const comments = { unique: await commentOf('customers_code_key'), plain: await commentOf('idx_customers_email') };

    const keep = index('idx_customers_state', 'customers (state)');
    const held = await plan(entries(keep), db.url, { prune: true, pruneInclude: ['shrunk-registry'] });
    expect(held.report.orphans!.find((o) => o.name === 'public.customers_code_key')!.kept).toMatch(
      /^UNIQUE; it backs the constraint "customers_code_key": --prune-include unique,constraint drops it$/,
    );
    const { built } = await planThenBuild([keep], { prune: true, pruneInclude: ['unique', 'constraint', 'shrunk-registry'] });
    expect(built.orphans!.map((o) => [o.name, o.dropped])).toEqual([
      ['public.customers_code_key', true],
      ['public.idx_customers_email', true],
    ]);
    expect(await definitionOf('customers_code_key')).toBeNull();

    const file = join(dir, 'restore.sql');
    expect(await appendRestoreFile(file, built, 'test')).toBe(file);
    const text = await readFile(file, 'utf8');
    for (const orphan of built.orphans!) {
      expect(text).toContain(orphan.restore!);
      await runRestore(orphan.restore!);
    }
    expect({ unique: await definitionOf('customers_code_key'), plain: await definitionOf('idx_customers_email') }).toEqual(before);
    expect({ unique: await commentOf('customers_code_key'), plain: await commentOf('idx_customers_email') }).toEqual(comments);
    const { rows } = await db.sql("SELECT 1 FROM pg_constraint WHERE conname = 'customers_code_key' AND contype = 'u'");
    expect(rows).toHaveLength(1);
  });
});

describe('swaps of a unique index that foreign keys depend on', () => {
  const setup = `
    CREATE UNIQUE INDEX customers_code ON customers (code);
    ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_code) REFERENCES customers (code) ON DELETE CASCADE;
    INSERT INTO orders (customer_code, state) SELECT 'c' || g, 'open' FROM generate_series(1, 50) g;`;
  const fk = async () =>
    (
      await db.sql<{ valid: boolean; index: string; definition: string }>(
        "SELECT convalidated AS valid, conindid::regclass::text AS index, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'orders_customer_fk'",
      )
    ).rows;

  it('keeps the key columns: swaps it, re-points the foreign key, validates it, leaves nothing, and can be undone', async () => {
    await db.sql(setup);
    const before = await definitionOf('customers_code');
    const registry = [
      { name: 'customers_code', sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS customers_code ON customers (code) INCLUDE (email)' },
    ];
    const { built, reasons } = await planThenBuild(registry, { onDrift: 'rebuild' });
    expect(reasons[1]).toContain('re-point foreign key(s) "orders_customer_fk" on orders');
    expect(built.indexes[0]).toMatchObject({ status: 'rebuilt' });
    expect(await definitionOf('customers_code')).toBe('CREATE UNIQUE INDEX customers_code ON public.customers USING btree (code) INCLUDE (email)');
    expect(await fk()).toEqual([{ valid: true, index: 'customers_code', definition: expect.stringContaining('ON DELETE CASCADE') }]);
    expect(await temporaryIndexes()).toEqual([]);
    await expect(db.sql("INSERT INTO orders (customer_code) VALUES ('nobody')")).rejects.toThrow(/foreign key/);

    await runRestore(built.indexes[0]!.restore!);
    expect(await definitionOf('customers_code')).toBe(before);
    expect(await fk()).toEqual([{ valid: true, index: 'customers_code', definition: expect.any(String) }]);
    expect(await temporaryIndexes()).toEqual([]);
  });

  it('changes the key columns: refuses with the recipe, and leaves nothing behind', async () => {
    await db.sql(setup);
    const before = await definitionOf('customers_code');
    const registry = [{ name: 'customers_code', sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS customers_code ON customers (code, email)' }];
    const { built, reasons } = await planThenBuild(registry, { onDrift: 'rebuild' });
    expect(built.indexes[0]).toMatchObject({ status: 'drifted' });
    expect(reasons[1]).toContain('foreign key(s) "orders_customer_fk" on orders depend on it');
    expect(reasons[1]).toContain('VALIDATE CONSTRAINT');
    expect(await definitionOf('customers_code')).toBe(before);
    expect(await fk()).toEqual([{ valid: true, index: 'customers_code', definition: expect.any(String) }]);
    expect(await temporaryIndexes()).toEqual([]);
  });

  it("finds a swap's leftover of an earlier run, reports it and drops it", async () => {
    await db.sql(`${setup}
      CREATE UNIQUE INDEX customers_code_ib_new ON customers (code, email);`);
    const registry = [{ name: 'customers_code', sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS customers_code ON customers (code)' }];
    const { built, reasons } = await planThenBuild(registry);
    expect(reasons).toContain(
      '  leftover  public.customers_code_ib_new on customers: the temporary index of a swap an earlier run did not finish: would drop it',
    );
    expect(built.orphans).toEqual([
      expect.objectContaining({
        name: 'public.customers_code_ib_new',
        dropped: true,
        leftover: true,
        restore: expect.stringContaining('CREATE UNIQUE INDEX'),
      }),
    ]);
    expect(await temporaryIndexes()).toEqual([]);
  });

  it('refuses to swap an index that backs a constraint, with what to do instead', async () => {
    await db.sql('ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE (email)');
    const registry = [
      { name: 'customers_email_key', sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS customers_email_key ON customers (email, id)' },
    ];
    const { built, reasons } = await planThenBuild(registry, { onDrift: 'rebuild' });
    expect(built.indexes[0]).toMatchObject({ status: 'drifted' });
    expect(reasons[1]).toContain('it backs the unique constraint "customers_email_key", so it is not swapped');
    expect(await temporaryIndexes()).toEqual([]);
  });
});

describe('drift behind the mark', () => {
  const entry = index('orders_customer', 'orders (customer_code)', { description: 'Orders by customer' });

  it('reports a reloption changed by hand as drifted', async () => {
    await planThenBuild([entry]);
    expect((await planThenBuild([entry])).built.indexes[0]!.status).toBe('skipped');
    await db.sql('ALTER INDEX orders_customer SET (fillfactor = 50)');
    const { built, reasons } = await planThenBuild([entry]);
    expect(built.indexes[0]).toMatchObject({ status: 'drifted', drift: { database: expect.stringContaining("fillfactor='50'") } });
    expect(reasons[1]).toContain('was changed by hand since index-builder built or checked it');
  });

  it('reports an index dropped and recreated with its old comment as drifted', async () => {
    await planThenBuild([entry]);
    const comment = (await commentOf('orders_customer'))!;
    await db.sql(`DROP INDEX orders_customer;
                  CREATE INDEX orders_customer ON orders (state, id);
                  COMMENT ON INDEX orders_customer IS '${comment}';`);
    const { built } = await planThenBuild([entry]);
    expect(built.indexes[0]).toMatchObject({ status: 'drifted', drift: { database: expect.stringContaining('(state, id)') } });
  });

  it('refreshes the mark of an earlier version once, and skips without comparing afterwards', async () => {
    await planThenBuild([entry]);
    const comment = (await commentOf('orders_customer'))!;
    await db.sql(`COMMENT ON INDEX orders_customer IS '${comment.replace(/ built [0-9a-f]{12}(?: \d+B\/s)?\]$/, ']')}'`);
    const { reasons } = await planThenBuild([entry]);
    expect(reasons[1]).toContain('its mark was written by an earlier index-builder, without its origin: treated as adopted');
    expect(await commentOf('orders_customer')).toMatch(/ adopted [0-9a-f]{12}\]$/);
    expect((await planThenBuild([entry])).reasons[1]).toContain('exists and is valid');
  });
});
