// Statuses after faults say what really happened: after a lost connection an index that needed nothing stays
// `skipped` and the ones that needed work are `deferred` with the reason; a role that may not read the table gets
// the permission error (not "drifted"); a role that does not own the index is not told it was adopted. Plan says
// the same as build, and the database is left as it was.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedServer, type EmbeddedServer } from '../../../../tools/embedded-server.mjs';
import { reportAnnotations } from '../../src/render/annotations.ts';
import { renderSummary } from '../../src/render/summary.ts';
import { build } from '../../src/builder/build.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { readMark, writeMark } from '../../src/builder/marker.ts';
import { plan } from '../../src/builder/plan.ts';
import { consoleEvents } from '../../src/render/console.ts';
import { serverSql, useTestDatabase, waitFor } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';

describe('the server goes away mid-run', () => {
  let server: EmbeddedServer;
  afterAll(async () => {
    await server?.stop().catch(() => {});
  });

  it('keeps what the catalog settled, and defers what needed the server with the real reason', async () => {
    server = await startEmbeddedServer();
    const registry = entries(
      index('idx_done', 'leads (id, status)'),
      index('idx_status', 'leads (status)'),
      index('idx_email', 'leads (email)'),
      index('idx_adopt', 'leads (email, status)'),
    );
    const setup = new pg.Client({ connectionString: server.url });
    setup.on('error', () => {});
    await setup.connect();
    await setup.query(`CREATE TABLE leads (id bigserial PRIMARY KEY, status text, email text);
                       INSERT INTO leads (status, email) SELECT 'new', 'x' || g FROM generate_series(1, 1000) g;
                       CREATE INDEX idx_done ON leads (id, status);
                       CREATE INDEX idx_adopt ON leads (email, status);`);
    // The current mark (origin and definition hash): the catalog alone settles idx_done.
    expect(await writeMark(setup, 'public', registry[0]!, 'built')).toBe(true);
    // An open writer keeps the first build waiting, so the server can be stopped while it runs.
    await setup.query('BEGIN');
    await setup.query('UPDATE leads SET status = status WHERE id = 1');

    const lines: string[] = [];
    const running = build(registry, { url: server.url, events: consoleEvents((line) => lines.push(line)) });
    const probe = new pg.Client({ connectionString: server.url });
    probe.on('error', () => {});
    await probe.connect();
    await waitFor(
      async () =>
        ((
          await probe.query(
            "SELECT 1 FROM pg_stat_activity WHERE application_name = 'index-builder' AND state = 'active' AND query LIKE 'CREATE INDEX%'",
          )
        ).rowCount ?? 0) > 0,
      20_000,
      'the first build to be running',
    );
    await probe.end();
    await server.stop();
    const report = await running;

    expect(report.outcome).toBe('completed');
    expect(report.indexes.map((i) => [i.name, i.status, i.attempts])).toEqual([
      ['idx_done', 'skipped', 0],
      ['idx_status', 'failed', 1],
      ['idx_email', 'deferred', 0],
      ['idx_adopt', 'skipped', 0],
    ]);
    const [done, inFlight, missing, unadopted] = report.indexes;
    expect(done!.reason).toBeUndefined();
    expect(inFlight!.error!.message).toMatch(/terminating connection due to administrator command|closed the connection|shutting down/);
    // (In jest's VM the driver's error is from another realm, so p-retry words it differently than the CLI would.)
    expect(missing!.error).toBeUndefined();
    expect(missing!.reason).toMatch(
      /^not attempted: the connection to 127\.0\.0\.1:\d+\/postgres was lost \(.*(shutting down|ECONNREFUSED|ECONNRESET|connection refused|closed the connection).*\); the next run builds it$/,
    );
    expect(unadopted!.reason).toMatch(
      /^exists and is valid, and PostgreSQL defines it as the registry does, but it is not adopted: its mark could not be written \(the connection to .+ was lost \(.+\)\)\. The next run adopts it$/,
    );
    expect(report.totals).toMatchObject({ skipped: 2, failed: 1, deferred: 1 });

    // The log says the same: no "not attempted" failure, no adoption claimed, no time budget.
    const log = lines.join('\n');
    expect(log).toContain(`⏸️  Deferred: ${missing!.reason}`);
    expect(log).toContain(`⏭️  Skipped: ${unadopted!.reason}`);
    expect(log).not.toMatch(/time budget|adopted \(its definition is now tracked\)/);
    expect(log).not.toMatch(/Failed to build idx_(email|done|adopt)/);
    // The job summary gives the deferred entry its real reason, not the time budget's.
    const summary = renderSummary({ report });
    expect(summary).toMatch(/\| `idx_email`<br>on `leads` \| ⏸️ not attempted[^|]* \| not attempted: the connection to .+ was lost/);
    expect(summary).not.toContain('the time budget was spent');
  }, 90_000);
});

describe('writing the mark fails on the server', () => {
  const db = useTestDatabase();

  it("says the index was not adopted, with PostgreSQL's reason, and claims no adoption", async () => {
    // An event trigger that refuses every COMMENT: the builder's role owns the index, yet the mark is not written.
    await db.sql(`CREATE TABLE leads (id bigserial PRIMARY KEY, status text);
                  CREATE INDEX idx_status ON leads (status);
                  CREATE FUNCTION refuse_comments() RETURNS event_trigger LANGUAGE plpgsql AS $$
                  BEGIN RAISE EXCEPTION 'comments are frozen during the audit'; END $$;
                  CREATE EVENT TRIGGER no_comments ON ddl_command_start WHEN TAG IN ('COMMENT') EXECUTE FUNCTION refuse_comments();`);
    const registry = entries(index('idx_status', 'leads (status)'));
    let adopted = 0;
    const report = await build(registry, { url: db.url, events: { ...silentEvents, adopted: () => void (adopted += 1) } });
    expect(report.indexes).toMatchObject([
      {
        status: 'skipped',
        reason:
          'exists and is valid, and PostgreSQL defines it as the registry does, but it is not adopted: its mark could not be written ' +
          '(comments are frozen during the audit [P0001]). Once that is fixed, the next run adopts it',
      },
    ]);
    expect(adopted).toBe(0);
    expect((await db.sql("SELECT obj_description('idx_status'::regclass, 'pg_class') AS comment")).rows[0]!.comment).toBeNull();
  });
});

describe('a role with fewer privileges than the builder needs', () => {
  const role = `ib_limited_${randomBytes(4).toString('hex')}`;
  const db = useTestDatabase({
    setup: `CREATE TABLE leads (id bigserial PRIMARY KEY, status text, email text);
            CREATE INDEX idx_status ON leads (status);
            CREATE TABLE accounts (id bigserial PRIMARY KEY, plan text);
            CREATE INDEX idx_plan ON accounts (plan);
            CREATE SCHEMA hidden;
            CREATE TABLE hidden.secrets (id bigserial PRIMARY KEY, kind text);
            CREATE INDEX idx_kind ON hidden.secrets (kind);
            CREATE ROLE ${role} LOGIN PASSWORD 'limited-pw';
            GRANT SELECT ON accounts TO ${role};`,
  });
  const roleUrl = () => {
    const url = new URL(db.url);
    url.username = role;
    url.password = 'limited-pw';
    return url.toString();
  };
  const comment = async (name: string) =>
    (await db.sql<{ comment: string | null }>("SELECT obj_description($1::regclass, 'pg_class') AS comment", [name])).rows[0]!.comment;
  const indexes = async () =>
    (
      await db.sql<{ name: string; definition: string }>(
        "SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
      )
    ).rows;

  // Declared after the database, so it runs once the database (whose objects the role has rights on) is dropped.
  afterAll(async () => {
    await serverSql(`DROP ROLE IF EXISTS ${role}`);
  });

  it('without SELECT on the table: failed with the permission error, not drifted, in plan and build alike', async () => {
    const registry = entries(index('idx_status', 'leads (status)', { critical: true }));
    const before = await indexes();
    const planned = await plan(registry, roleUrl());
    const lines: string[] = [];
    const built = await build(registry, { url: roleUrl(), events: consoleEvents((line) => lines.push(line)) });
    const expected = {
      name: 'idx_status',
      status: 'failed',
      error: {
        sqlstate: '42501',
        message:
          'exists, but could not be compared with the registry: permission denied for table leads. The comparison needs SELECT on the table, ' +
          "USAGE on its schema and TEMPORARY on the database: grant them to the builder's role, or run it as the table's owner",
        blockers: [],
      },
    };
    expect(built.indexes).toMatchObject([expected]);
    expect(planned.report.indexes).toMatchObject([expected]);
    expect(built.indexes[0]!.drift).toBeUndefined();
    expect(planned.lines[1]).toBe(`  failed  idx_status on leads: ${expected.error.message}`);
    expect(lines.join('\n')).not.toMatch(/Drifted|defines it differently/);
    expect(lines.join('\n')).toContain('permission denied for table leads');
    expect(await indexes()).toEqual(before);
    expect(await comment('idx_status')).toBeNull();
  });

  it('without USAGE on a schema: that entry failed with the permission error, the others go on', async () => {
    const registry = entries(index('idx_kind', 'hidden.secrets (kind)'), index('idx_plan', 'accounts (plan)'));
    const planned = await plan(registry, roleUrl());
    const built = await build(registry, { url: roleUrl(), events: silentEvents });
    for (const report of [planned.report, built]) {
      // The database was reached and read: not `unreachable`, and not every entry failed for one schema.
      expect(report.outcome).toBe('completed');
      expect(report.indexes.map((i) => [i.name, i.status, i.error?.sqlstate])).toEqual([
        ['idx_kind', 'failed', '42501'],
        ['idx_plan', 'skipped', undefined],
      ]);
      expect(report.indexes[0]!.error!.message).toMatch(
        /^exists, but could not be compared with the registry: permission denied for schema hidden\. /,
      );
    }
    expect(await comment('idx_plan')).toBeNull();
  });

  it('without TEMPORARY on the database: failed with that permission error, not drifted', async () => {
    await db.sql(`REVOKE TEMPORARY ON DATABASE ${db.name} FROM PUBLIC`);
    try {
      const registry = entries(index('idx_plan', 'accounts (plan)'));
      const planned = await plan(registry, roleUrl());
      const built = await build(registry, { url: roleUrl(), events: silentEvents });
      for (const report of [planned.report, built]) {
        expect(report.indexes.map((i) => [i.status, i.error?.sqlstate])).toEqual([['failed', '42501']]);
        expect(report.indexes[0]!.error!.message).toMatch(
          new RegExp(
            `^exists, but could not be compared with the registry: permission denied to create temporary tables in database "${db.name}"\\.`,
          ),
        );
      }
      expect(await comment('idx_plan')).toBeNull();
    } finally {
      await db.sql(`GRANT TEMPORARY ON DATABASE ${db.name} TO PUBLIC`);
    }
  });

  it('not the owner: skipped, not adopted, with the reason and the fix, and the index left unmarked', async () => {
    const registry = entries(index('idx_plan', 'accounts (plan)'));
    const before = await indexes();
    const planned = await plan(registry, roleUrl());
    const lines: string[] = [];
    let adopted = 0;
    const built = await build(registry, {
      url: roleUrl(),
      events: { ...consoleEvents((line) => lines.push(line)), adopted: () => void (adopted += 1) },
    });
    const reason =
      'exists and is valid, and PostgreSQL defines it as the registry does, but it is not adopted: its mark could not be written ' +
      "(postgres owns it, and COMMENT ON INDEX needs its owner's privileges). Run the builder as the table's owner to adopt it";
    for (const report of [planned.report, built]) {
      expect(report.outcome).toBe('completed');
      expect(report.indexes).toMatchObject([{ name: 'idx_plan', status: 'skipped', reason }]);
    }
    expect(planned.lines[1]).toBe(`  skipped  idx_plan on accounts: ${reason}`);
    expect(adopted).toBe(0);
    expect(lines.join('\n')).toContain(`⏭️  Skipped: ${reason}`);
    expect(lines.join('\n')).not.toMatch(/adopted \(its definition is now tracked\)|Already exists, skipping/);
    expect(renderSummary({ report: built })).toContain(`| ⏭️ up to date |`);
    expect(renderSummary({ report: built })).toContain("Run the builder as the table's owner to adopt it");
    expect(reportAnnotations(built)).toEqual([
      {
        level: 'notice',
        title: 'Index idx_plan was not adopted',
        message: `idx_plan on accounts: ${reason}.`,
        file: 'db/indexes.ts',
        startLine: 1,
      },
    ]);
    expect(await comment('idx_plan')).toBeNull();
    expect(await indexes()).toEqual(before);

    // As the owner, the same index is adopted: the mark is written.
    await db.sql(`ALTER TABLE accounts OWNER TO ${role}`);
    try {
      const owned = await build(registry, { url: roleUrl(), events: silentEvents });
      expect(owned.indexes).toMatchObject([{ status: 'skipped' }]);
      expect(owned.indexes[0]!.reason).toBeUndefined();
      expect(readMark(await comment('idx_plan'))).toMatchObject({ fingerprint: registry[0]!.fingerprint, origin: 'adopted' });
    } finally {
      await db.sql('ALTER TABLE accounts OWNER TO postgres');
    }
  });
});
