// The registry's `constraint`: validated offline, then attached by the builder after a valid build, against a real
// PostgreSQL. Idempotent, retried under lock conflicts, refused where PostgreSQL would scan under a long lock.
import type pg from 'pg';
import { build, type BuildOptions } from '../../src/builder/build.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { checkConstraintKey } from '@index-builder/sql-core/registry';
import { problemText, readSingleIndexStatement, validateEntry, type EntryProblem } from '@index-builder/sql-core/registry';
import type { IndexStatement } from '@index-builder/sql-core';
import { renderSummary } from '../../src/render/summary.ts';
import { consoleEvents } from '../../src/render/console.ts';
import { indexState, useTestDatabase } from '../support/db.ts';
import { entries } from '../support/registry.ts';

const unique = (name: string, on: string, constraint: 'unique' | 'primary key' = 'unique') => ({
  name,
  sql: `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON ${on}`,
  constraint,
});

describe('registry constraint key', () => {
  const statement = (sql: string) => readSingleIndexStatement(sql) as IndexStatement;
  const codeOf = (value: unknown, sql: string) => checkConstraintKey(value, statement(sql))?.code;

  it('accepts a unique index on plain columns, and no key at all', () => {
    expect(codeOf('unique', 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS k ON t (a, b ASC) INCLUDE (c)')).toBeUndefined();
    expect(codeOf('primary key', 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS k ON t USING btree (a)')).toBeUndefined();
    expect(codeOf(undefined, 'CREATE INDEX CONCURRENTLY IF NOT EXISTS k ON t (lower(a))')).toBeUndefined();
  });

  it('refuses what ADD CONSTRAINT ... USING INDEX refuses, each with its code and fix', () => {
    expect(codeOf('foreign key', 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS k ON t (a)')).toBe('constraint-unknown-kind');
    expect(codeOf(true, 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS k ON t (a)')).toBe('constraint-unknown-kind');
    expect(codeOf('unique', 'CREATE INDEX CONCURRENTLY IF NOT EXISTS k ON t (a)')).toBe('constraint-needs-unique-index');
    expect(codeOf('unique', 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS k ON t (a) WHERE a > 0')).toBe('constraint-partial-index');
    expect(codeOf('primary key', 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS k ON t (lower(a))')).toBe('constraint-expression-index');
    expect(codeOf('unique', 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS k ON t USING hash (a)')).toBe('constraint-not-btree');
    expect(codeOf('unique', 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS k ON t (a DESC)')).toBe('constraint-sort-order');
    expect(codeOf('unique', 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS k ON t (a text_pattern_ops)')).toBe('constraint-sort-order');
    const problem = checkConstraintKey('unique', statement('CREATE INDEX CONCURRENTLY IF NOT EXISTS k ON t (a)'))!;
    expect(problem).toEqual({
      code: 'constraint-needs-unique-index',
      field: 'constraint',
      message: "constraint: 'unique' needs a unique index, but sql is CREATE INDEX",
      fix: 'write CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ..., or remove the constraint key and keep a plain unique index',
    });
  });

  it('is part of a validated entry, and its problems read as file:line messages', () => {
    const entry = validateEntry(unique('users_email_key', 'users (email)'), 0, { file: 'db/indexes.ts', line: 3 });
    expect(entry).toMatchObject({ indexName: 'users_email_key', constraint: 'unique' });
    const bad = validateEntry({ ...unique('k', 't (a) WHERE a > 0') }, 0, { file: 'db/indexes.ts', line: 3 });
    expect(bad).toMatchObject([{ code: 'constraint-partial-index', field: 'constraint' }]);
    expect(problemText((bad as EntryProblem[])[0]!)).toBe(
      "k: constraint: 'unique' cannot use a partial index (WHERE ...): a UNIQUE constraint covers every row; drop the WHERE clause, or remove the constraint key and keep a plain unique index",
    );
  });
});

describe('builder attaches constraints', () => {
  const db = useTestDatabase({
    reset: `
      DROP TABLE IF EXISTS accounts, dupes, codes CASCADE;
      CREATE TABLE accounts (id bigint, email text NOT NULL);
      INSERT INTO accounts SELECT g, 'a' || g || '@x' FROM generate_series(1, 500) g;
      CREATE TABLE dupes (id bigserial PRIMARY KEY, email text);
      INSERT INTO dupes (email) VALUES ('a@x'), ('a@x');
      CREATE TABLE codes (code text);`,
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
  const constraintsOf = async (table: string) =>
    (
      await db.sql<{ conname: string; contype: string; index: string }>(
        `SELECT c.conname, c.contype::text, c.conindid::regclass::text AS index FROM pg_constraint c
         WHERE c.conrelid = $1::regclass AND c.contype IN ('u', 'p') ORDER BY 1`,
        [table],
      )
    ).rows;

  /** A transaction that has read `table`: its ACCESS SHARE lock blocks ALTER TABLE, not a concurrent build. */
  async function openReader(table: string): Promise<pg.Client> {
    const client = await db.connect();
    await client.query('BEGIN');
    await client.query(`SELECT count(*) FROM ${table}`);
    return client;
  }

  it('builds and attaches on the first run; the second run skips, the constraint in place', async () => {
    const registry = entries(unique('accounts_email_key', 'accounts (email)'));
    const lines: string[] = [];
    const first = await build(registry, fast({ events: consoleEvents((line) => lines.push(line)) }));
    expect(first.indexes[0]).toMatchObject({
      status: 'created',
      constraint: { type: 'unique', name: 'accounts_email_key', status: 'added', attempts: 1 },
    });
    expect(await constraintsOf('accounts')).toEqual([{ conname: 'accounts_email_key', contype: 'u', index: 'accounts_email_key' }]);
    expect(lines).toContain('    🔗 Unique constraint accounts_email_key attached to the index');

    const second = await build(registry, fast());
    expect(second.indexes[0]).toMatchObject({ status: 'skipped', attempts: 0, constraint: { status: 'present', attempts: 0 } });
    expect(second.totals).toMatchObject({ skipped: 1, failed: 0 });
    expect(renderSummary({ report: second })).toContain('Unique constraint accounts_email_key already in place');
    expect((JSON.parse(JSON.stringify(second)) as typeof second).indexes[0]!.constraint).toEqual({
      type: 'unique',
      name: 'accounts_email_key',
      status: 'present',
      attempts: 0,
    });
  });

  it('attaches to an index that already exists, and a primary key on NOT NULL columns', async () => {
    await db.sql('ALTER TABLE accounts ALTER COLUMN id SET NOT NULL; CREATE UNIQUE INDEX accounts_pkey ON accounts (id)');
    const report = await build(entries(unique('accounts_pkey', 'accounts (id)', 'primary key')), fast());
    expect(report.indexes[0]).toMatchObject({ status: 'skipped', constraint: { type: 'primary key', status: 'added' } });
    expect(await constraintsOf('accounts')).toEqual([{ conname: 'accounts_pkey', contype: 'p', index: 'accounts_pkey' }]);
  });

  it('retries while a session holds the table, and attaches once it lets go', async () => {
    await db.sql('CREATE UNIQUE INDEX accounts_email_key ON accounts (email)');
    const reader = await openReader('accounts');
    const events = { ...silentEvents, retrying: () => void reader.query('COMMIT') };
    const report = await build(entries(unique('accounts_email_key', 'accounts (email)')), fast({ events }));
    expect(report.indexes[0]).toMatchObject({ status: 'skipped', constraint: { status: 'added', attempts: 2 } });
    expect(await constraintsOf('accounts')).toHaveLength(1);
  });

  it('fails clearly when the table stays locked through every attempt, and the next run attaches it', async () => {
    const reader = await openReader('accounts');
    const registry = entries(unique('accounts_email_key', 'accounts (email)'));
    const report = await build(registry, fast({ maxAttempts: 2 }));
    const result = report.indexes[0]!;
    expect(result).toMatchObject({ status: 'failed', constraint: { status: 'failed', attempts: 2 }, error: { sqlstate: '55P03' } });
    expect(result.error!.message).toMatch(
      /^the index is built and valid, but its unique constraint "accounts_email_key" is not attached: .*lock timeout.*stayed locked through 2 attempt\(s\)/,
    );
    expect(await indexState(db, 'accounts_email_key')).toEqual({ valid: true });
    expect(await constraintsOf('accounts')).toEqual([]);

    await reader.query('COMMIT');
    const again = await build(registry, fast());
    expect(again.indexes[0]).toMatchObject({ status: 'skipped', constraint: { status: 'added' } });
  });

  it('refuses a primary key on columns that allow NULL, and on a table that has one', async () => {
    const nullable = await build(entries(unique('codes_pkey', 'codes (code)', 'primary key')), fast());
    expect(nullable.indexes[0]).toMatchObject({ status: 'failed', constraint: { status: 'failed', attempts: 0 } });
    expect(nullable.indexes[0]!.error!.message).toContain(
      'column(s) code of codes allow NULL, and PRIMARY KEY would set NOT NULL by scanning the whole table under an ACCESS EXCLUSIVE lock. ' +
        'Make them NOT NULL first without a long lock, in a migration: ALTER TABLE codes ADD CONSTRAINT code_not_null CHECK (code IS NOT NULL) NOT VALID;',
    );
    expect(await indexState(db, 'codes_pkey')).toEqual({ valid: true });
    expect(await constraintsOf('codes')).toEqual([]);

    const second = await build(entries(unique('dupes_id_key', 'dupes (id)', 'primary key')), fast());
    expect(second.indexes[0]!.error!.message).toContain('dupes already has a primary key, "dupes_pkey"; a table has only one');
  });

  it('fails clearly when the name or the index is taken by another constraint', async () => {
    await db.sql('ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email)');
    const report = await build(entries(unique('accounts_email_key', 'accounts (email)', 'primary key')), fast());
    expect(report.indexes[0]!.error!.message).toContain('the index already backs the unique constraint "accounts_email_key"');

    await db.sql("ALTER TABLE codes ADD CONSTRAINT codes_code_key CHECK (code <> '')");
    const named = await build(entries(unique('codes_code_key', 'codes (code)')), fast());
    expect(named.indexes[0]!.error!.message).toContain(
      'a constraint named "codes_code_key" already exists in schema public on codes; rename one of them',
    );
  });

  it('a unique build over duplicate values fails cleanly: no constraint, no invalid leftover', async () => {
    const report = await build(entries(unique('dupes_email_key', 'dupes (email)')), fast());
    expect(report.indexes[0]).toMatchObject({ status: 'failed', error: { sqlstate: '23505' } });
    expect(report.indexes[0]!.constraint).toBeUndefined();
    expect(await indexState(db, 'dupes_email_key')).toBeUndefined();
    expect(await constraintsOf('dupes')).toEqual([{ conname: 'dupes_pkey', contype: 'p', index: 'dupes_pkey' }]);
  });
});
