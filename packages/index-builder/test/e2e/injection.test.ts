// Registry text a hostile role's settings would make the server read differently from `check`: the builder pins how
// statement text is read on every session, sends registry text with a protocol that refuses a second statement, and
// re-parses every statement it rewrites. Run as a dedicated role, owner of the tables, with settings that turn the
// registry's one statement into two.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { build, type BuildOptions } from '../../src/builder/build.ts';
import { readCatalog } from '../../src/builder/catalog.ts';
import { connect, disconnect, nameSession } from '../../src/db/connection.ts';
import { compareDefinitions } from '../../src/builder/equivalence.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { plan } from '../../src/builder/plan.ts';
import { runStatement } from '../../src/db/statement-reading.ts';
import { importRegistry } from '../../src/import/import-registry.ts';
import { problemText } from '@index-builder/sql-core/registry';
import { validateEntry } from '@index-builder/sql-core/registry';
import { parseSql } from '@index-builder/sql-core';
import { runCli } from '../support/cli.ts';
import { serverSql, useTestDatabase } from '../support/db.ts';
import { onEveryServerConnection, startPgBouncer } from '../support/pgbouncer.ts';
import { entries } from '../support/registry.ts';

/** Role settings that change how statement text is read, and a predicate that each turns into two statements. */
const PROFILES = [
  {
    name: 'standard_conforming_strings off, backslash_quote on',
    settings: ['standard_conforming_strings = off', 'backslash_quote = on', 'escape_string_warning = off'],
    // With standard_conforming_strings on (the validator's reading) \ is an ordinary character, '' a quote.
    predicate: "y <> 'a\\'';DROP TABLE victim;--'",
    constant: "a\\';DROP TABLE victim;--",
  },
  {
    // node-postgres asks for UTF-8 in the startup packet, which a role setting cannot override; a pooler that did
    // not pass that on would leave the server connection in Shift-JIS, which the builder's SET covers.
    name: 'client_encoding SJIS',
    settings: ["client_encoding = 'SJIS'", 'backslash_quote = on'],
    // Á is C3 81 in UTF-8; read as Shift-JIS, 81 5C is one character and swallows the backslash.
    predicate: "y <> E'\u00c1\\';DROP TABLE victim;--'",
    constant: "\u00c1';DROP TABLE victim;--",
  },
];

const db = useTestDatabase();
let role: string;
let hostileUrl: string;

beforeAll(async () => {
  role = `ib_hostile_${randomBytes(4).toString('hex')}`;
  await db.sql(`CREATE ROLE ${role} LOGIN PASSWORD 'hostile-pw'; GRANT ALL ON SCHEMA public TO ${role}`);
  const url = new URL(db.url);
  url.username = role;
  url.password = 'hostile-pw';
  hostileUrl = url.toString();
});
// Runs once the database (where the role owns tables) is dropped.
afterAll(async () => {
  await serverSql(`DROP ROLE IF EXISTS ${role}`);
});

/** The tables, owned by the hostile role, and that role's settings for every session it opens from now on. */
async function setUp(settings: readonly string[]): Promise<void> {
  await db.sql(`
    DROP TABLE IF EXISTS t, pt, victim CASCADE;
    CREATE TABLE victim (id int);
    CREATE TABLE t (x int, y text);
    INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 200) g;
    CREATE TABLE pt (x int, y text) PARTITION BY RANGE (x);
    CREATE TABLE pt_1 PARTITION OF pt FOR VALUES FROM (0) TO (100);
    CREATE TABLE pt_2 PARTITION OF pt FOR VALUES FROM (100) TO (1000);
    INSERT INTO pt SELECT g, 'v' || g FROM generate_series(1, 200) g;
    ALTER TABLE victim OWNER TO ${role};
    ALTER TABLE t OWNER TO ${role};
    ALTER TABLE pt OWNER TO ${role};
    ALTER TABLE pt_1 OWNER TO ${role};
    ALTER TABLE pt_2 OWNER TO ${role};
    ALTER ROLE ${role} RESET ALL;
    ${settings.map((setting) => `ALTER ROLE ${role} SET ${setting};`).join('\n')}`);
}

const options = (extra: Partial<BuildOptions> = {}): BuildOptions => ({
  url: hostileUrl,
  lockTimeoutMs: 2000,
  maxAttempts: 1,
  retryMinDelayMs: 10,
  retryMaxDelayMs: 20,
  events: silentEvents,
  ...extra,
});

/** The string constants of a statement, as PostgreSQL's parser (the validator's) reads them. */
function stringConstants(sql: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const sval = (record.A_Const as { sval?: { sval?: string } } | undefined)?.sval?.sval;
    if (sval !== undefined) found.push(sval);
    Object.values(record).forEach(walk);
  };
  walk(parseSql(sql));
  return found;
}

async function victimExists(): Promise<boolean> {
  return (await db.sql<{ found: boolean }>("SELECT to_regclass('public.victim') IS NOT NULL AS found")).rows[0]!.found;
}

/** Every index on `table` and its partitions: name, validity, and the string constants of its definition. */
async function indexesOn(table: string): Promise<{ name: string; valid: boolean; constants: string[] }[]> {
  const { rows } = await db.sql<{ name: string; valid: boolean; definition: string }>(
    `SELECT i.relname AS name, x.indisvalid AS valid, pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = $1::regclass OR x.indrelid IN (SELECT relid FROM pg_partition_tree($1::regclass)) ORDER BY 1`,
    [table],
  );
  return rows.map((row) => ({ name: row.name, valid: row.valid, constants: stringConstants(row.definition) }));
}

async function invalidIndexes(): Promise<string[]> {
  const { rows } = await db.sql<{ name: string }>(
    'SELECT indexrelid::regclass::text AS name FROM pg_index WHERE NOT indisvalid OR NOT indisready ORDER BY 1',
  );
  return rows.map((row) => row.name);
}

describe.each(PROFILES)('a role with $name', (profile) => {
  beforeEach(async () => {
    await setUp(profile.settings);
  });

  const entry = (name: string, table: string) =>
    entries({ name, sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON ${table} (x) WHERE ${profile.predicate}` });

  it('passes check with the predicate the validator reads', () => {
    const [checked] = entry('t_y_idx', 't');
    expect(stringConstants(checked!.sql)).toEqual([profile.constant]);
  });

  it('builds a plain table index with that predicate, and leaves the victim', async () => {
    const report = await build(entry('t_y_idx', 't'), options());
    expect(report.indexes[0]).toMatchObject({ status: 'created' });
    expect(await victimExists()).toBe(true);
    expect(await invalidIndexes()).toEqual([]);
    expect(await indexesOn('t')).toEqual([{ name: 't_y_idx', valid: true, constants: [profile.constant] }]);
  });

  it('builds a partitioned table index (ON ONLY, each leaf, attach) with that predicate, and leaves the victim', async () => {
    const report = await build(entry('pt_y_idx', 'pt'), options());
    expect(report.indexes[0]).toMatchObject({ status: 'created', partitions: { total: 2, built: 2 } });
    expect(await victimExists()).toBe(true);
    expect(await invalidIndexes()).toEqual([]);
    expect(await indexesOn('pt')).toEqual([
      { name: 'pt_y_idx', valid: true, constants: [profile.constant] },
      { name: 'pt_y_idx_pt_1', valid: true, constants: [profile.constant] },
      { name: 'pt_y_idx_pt_2', valid: true, constants: [profile.constant] },
    ]);
  });

  it('replaces a drifted index (the equivalence check, then the swap) with that predicate, and leaves the victim', async () => {
    await db.sql('CREATE INDEX t_y_idx ON t (x)');
    const planned = await plan(entry('t_y_idx', 't'), hostileUrl, { onDrift: 'rebuild' });
    expect(planned.report.indexes[0]).toMatchObject({ status: 'rebuilt' });
    expect(await victimExists()).toBe(true);

    const report = await build(entry('t_y_idx', 't'), options({ onDrift: 'rebuild' }));
    expect(report.indexes[0]).toMatchObject({ status: 'rebuilt' });
    expect(await victimExists()).toBe(true);
    expect(await invalidIndexes()).toEqual([]);
    expect(await indexesOn('t')).toEqual([{ name: 't_y_idx', valid: true, constants: [profile.constant] }]);

    // The next run reads the same definition from the index it built: nothing to do.
    expect((await build(entry('t_y_idx', 't'), options({ onDrift: 'rebuild' }))).indexes[0]).toMatchObject({ status: 'skipped' });
  });

  it('imports the predicate as the validator reads it', async () => {
    // Created by a session that reads it as the validator does (the test's own, with the server's defaults).
    await db.sql(`CREATE INDEX t_y_idx ON t (x) WHERE ${profile.predicate}`);
    expect((await indexesOn('t'))[0]!.constants).toEqual([profile.constant]);
    const output = join(mkdtempSync(join(tmpdir(), 'ib-injection-')), 'indexes.json');
    const result = await importRegistry({ url: hostileUrl, output, force: false, filter: { schemas: [], tables: [] } });
    expect(result.problems).toEqual([]);
    const [imported] = JSON.parse(readFileSync(output, 'utf8')) as { sql: string }[];
    expect(stringConstants(imported!.sql)).toEqual([profile.constant]);
  });
});

describe('check', () => {
  it('refuses a NUL character, behind which the parser would leave a second statement unread', () => {
    const sql = 'CREATE INDEX CONCURRENTLY IF NOT EXISTS t_y_idx ON t (x)\n\u0000; DROP TABLE victim';
    const result = validateEntry({ name: 't_y_idx', sql }, 0, { file: 'db/indexes.ts', line: 3 });
    expect(Array.isArray(result) && result.map(problemText)).toEqual([
      't_y_idx: sql does not parse: it holds a NUL character, which PostgreSQL cannot receive (sql line 2)',
    ]);
  });
});

describe('through the CLI (dist/cli.js), as the hostile role', () => {
  const profile = PROFILES[0]!;
  beforeEach(async () => {
    await setUp(profile.settings);
  });

  it('check, plan and build read the predicate as check does, and leave the victim', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ib-injection-cli-'));
    const registry = join(dir, 'indexes.json');
    const sql = `CREATE INDEX CONCURRENTLY IF NOT EXISTS pt_y_idx ON pt (x) WHERE ${profile.predicate}`;
    writeFileSync(
      registry,
      JSON.stringify([
        { name: 'pt_y_idx', sql },
        { name: 't_y_idx', sql: sql.replace(/pt/g, 't') },
      ]),
    );

    const check = await runCli(['check', '--registry', registry]);
    expect(check.code).toBe(0);

    const planned = await runCli(['plan', '--registry', registry, '--database-url', hostileUrl]);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(/created\s+pt_y_idx on pt: missing: would create it/);
    expect(await victimExists()).toBe(true);

    const json = join(dir, 'report.json');
    const built = await runCli(['build', '--registry', registry, '--database-url', hostileUrl, '--json', json]);
    expect(built.code).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { indexes: { name: string; status: string }[] };
    expect(report.indexes.map((i) => [i.name, i.status])).toEqual([
      ['pt_y_idx', 'created'],
      ['t_y_idx', 'created'],
    ]);
    expect(await victimExists()).toBe(true);
    expect(await invalidIndexes()).toEqual([]);
    expect((await indexesOn('pt')).map((i) => i.constants)).toEqual([[profile.constant], [profile.constant], [profile.constant]]);
    expect((await indexesOn('t')).map((i) => i.constants)).toEqual([[profile.constant]]);
  });
});

describe('each defence holds alone', () => {
  const profile = PROFILES[0]!;
  const injected = `CREATE INDEX CONCURRENTLY IF NOT EXISTS t_y_idx ON t (x) WHERE ${profile.predicate}`;
  beforeEach(async () => {
    await setUp(profile.settings);
  });

  it('the extended protocol refuses the second statement on a session that reads with the role settings', async () => {
    const client = new pg.Client({ connectionString: hostileUrl });
    await client.connect();
    try {
      expect((await client.query('SHOW standard_conforming_strings')).rows[0]).toEqual({ standard_conforming_strings: 'off' });
      await expect(runStatement(client, injected)).rejects.toThrow('cannot insert multiple commands into a prepared statement');
    } finally {
      await client.end();
    }
    expect(await victimExists()).toBe(true);
    expect(await indexesOn('t')).toEqual([]);
  });

  it('every session the builder opens reads as check does, whatever the role sets', async () => {
    const pinned = { standard_conforming_strings: 'on', backslash_quote: 'safe_encoding', client_encoding: 'UTF8', transform_null_equals: 'off' };
    const read = async (client: pg.Client) =>
      Object.fromEntries(
        (
          await client.query<{ name: string; setting: string }>(`SELECT name, setting FROM pg_settings WHERE name = ANY ($1) ORDER BY name`, [
            Object.keys(pinned),
          ])
        ).rows.map((row) => [row.name, row.setting]),
      );
    const withSettings = await connect(hostileUrl, { lockTimeoutMs: 1000, statementTimeoutMs: 0 });
    const named = await connect(hostileUrl);
    await nameSession(named);
    try {
      expect(await read(withSettings)).toEqual(pinned);
      expect(await read(named)).toEqual(pinned);
      // The statement those sessions read as check does: one CREATE INDEX, with the validator's constant.
      await runStatement(withSettings, injected);
    } finally {
      await disconnect(withSettings);
      await disconnect(named);
    }
    expect(await victimExists()).toBe(true);
    expect(await indexesOn('t')).toEqual([{ name: 't_y_idx', valid: true, constants: [profile.constant] }]);
  });

  it("the drift comparison reads the registry's statement as check does on a client it was given as it is", async () => {
    await db.sql('CREATE INDEX t_y_idx ON t (x)');
    const [entry] = entries({ name: 't_y_idx', sql: injected });
    const client = new pg.Client({ connectionString: hostileUrl });
    await client.connect();
    try {
      const [state] = await readCatalog(client, [entry!]);
      const [answer] = await compareDefinitions(client, [{ entry: entry!, state: state! }]);
      expect(answer).toMatchObject({ kind: 'different' });
      // The scratch index as PostgreSQL prints it, without its name and table ("CREATE INDEX ON USING btree ...").
      const scratch = (answer as { scratch: string }).scratch.replace(/^CREATE INDEX ON /, 'CREATE INDEX ON t ');
      expect(stringConstants(scratch)).toEqual([profile.constant]);
    } finally {
      await client.end();
    }
    expect(await victimExists()).toBe(true);
  });
});

describe('settings that change what the text stands for, or how an index prints', () => {
  beforeEach(async () => {
    await setUp(['transform_null_equals = on', 'extra_float_digits = -15', 'quote_all_identifiers = on']);
  });

  it('builds x = NULL as written (transform_null_equals off), as check parsed it', async () => {
    const report = await build(
      entries({ name: 't_null_idx', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS t_null_idx ON t (x) WHERE y = NULL' }),
      options(),
    );
    expect(report.indexes[0]).toMatchObject({ status: 'created' });
    const { rows } = await db.sql<{ d: string }>("SELECT pg_get_indexdef('t_null_idx'::regclass) AS d");
    expect(rows[0]!.d).toBe('CREATE INDEX t_null_idx ON public.t USING btree (x) WHERE (y = NULL::text)');
  });

  it('tells two float constants apart that print alike with fewer digits (extra_float_digits)', async () => {
    await db.sql("CREATE INDEX t_f_idx ON t (x) WHERE (x::float8 > '0.30000000000000004'::float8)");
    const registry = entries({ name: 't_f_idx', sql: "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_f_idx ON t (x) WHERE (x::float8 > '0.3'::float8)" });
    const planned = await plan(registry, hostileUrl);
    expect(planned.report.indexes[0]).toMatchObject({ status: 'drifted' });
    expect(planned.reasons.t_f_idx).toContain("'0.30000000000000004'::double precision");
  });
});

describe('through PgBouncer in session mode, as the hostile role', () => {
  const profile = PROFILES[0]!;
  beforeEach(async () => {
    await setUp(profile.settings);
  });

  it('builds on a plain and a partitioned table and swaps a drifted index, and leaves the role settings on every server connection', async () => {
    const bouncer = await startPgBouncer(hostileUrl);
    try {
      const url = bouncer.url('session');
      await db.sql('CREATE INDEX t_y_idx ON t (x)');
      const registry = ['t', 'pt'].map((table) =>
        entries({ name: `${table}_y_idx`, sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${table}_y_idx ON ${table} (x) WHERE ${profile.predicate}` }),
      );
      const report = await build(registry.flat(), options({ url, onDrift: 'rebuild' }));
      expect(report.indexes.map((i) => [i.name, i.status])).toEqual([
        ['t_y_idx', 'rebuilt'],
        ['pt_y_idx', 'created'],
      ]);
      expect(await victimExists()).toBe(true);
      expect(await invalidIndexes()).toEqual([]);
      expect((await indexesOn('t')).map((i) => i.constants)).toEqual([[profile.constant]]);
      expect((await indexesOn('pt')).map((i) => i.constants)).toEqual([[profile.constant], [profile.constant], [profile.constant]]);
      const left = await onEveryServerConnection(url, bouncer.poolSize, 'SHOW standard_conforming_strings');
      expect(left).toEqual(Array(bouncer.poolSize).fill('off'));
    } finally {
      await bouncer.stop();
    }
  });
});
