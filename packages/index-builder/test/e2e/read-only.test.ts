// A target that takes no writes: a real hot standby, and default_transaction_read_only set on a role or a database.
// Build refuses before attempting anything (outcome `read-only`, every entry failed and not attempted, one line
// saying what to change), plan says the same, and every channel renders it: console, job summary, outputs,
// annotations, fail-on, and a fleet with a read-only database in it.
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startEmbeddedServer, type EmbeddedServer } from '../../../../tools/embedded-server.mjs';
import { build } from '../../src/builder/build.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { plan } from '../../src/builder/plan.ts';
import { reportAnnotations } from '../../src/render/annotations.ts';
import { renderFleetSummary } from '../../src/render/fleet-summary.ts';
import { outputsOf } from '../../src/action/outputs.ts';
import { renderSummary } from '../../src/render/summary.ts';
import { failedDatabases, fleetShouldFail } from '../../src/fleet/report.ts';
import { runFleet, type FleetEvents } from '../../src/fleet/run.ts';
import { consoleEvents } from '../../src/render/console.ts';
import { shouldFail, type Report } from '../../src/builder/result.ts';
import { runCli } from '../support/cli.ts';
import { serverSql, useTestDatabase } from '../support/db.ts';
import { readJsonReport } from '../support/json.ts';
import { entries, index } from '../support/registry.ts';
import { startStandby, type Standby } from '../support/standby.ts';

const registry = entries(index('idx_status', 'leads (status)', { critical: true }), index('idx_email', 'leads (email)'));
const SETUP = `CREATE TABLE leads (id bigserial PRIMARY KEY, status text, email text);
               INSERT INTO leads (status, email) SELECT 'new', 'x' || g FROM generate_series(1, 100) g;`;

async function indexesOn(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE tablename = 'leads' ORDER BY 1");
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

/** What every read-only refusal has in common, in build and in plan alike. */
function expectRefused(report: Report, reason: RegExp) {
  expect(report.outcome).toBe('read-only');
  expect(report.indexes.map((i) => [i.name, i.status, i.attempts])).toEqual([
    ['idx_status', 'failed', 0],
    ['idx_email', 'failed', 0],
  ]);
  expect(report.notice).toMatch(reason);
  expect(report.notice).not.toContain('\n');
  expect(report.notice).not.toMatch(/retr(y|ies)/);
  for (const i of report.indexes) expect(i.error!.message).toBe(report.notice);
  expect(report.totals).toMatchObject({ total: 2, failed: 2, created: 0, skipped: 0 });
}

describe('a hot standby', () => {
  let primary: EmbeddedServer;
  let standby: Standby;
  beforeAll(async () => {
    primary = await startEmbeddedServer();
    const client = new pg.Client({ connectionString: primary.url });
    await client.connect();
    await client.query(SETUP);
    await client.end();
    standby = await startStandby(primary);
    await standby.waitForReplay();
  }, 120_000);
  afterAll(async () => {
    await standby?.stop();
    await primary?.stop();
  });

  it('is a real standby: in recovery, streaming from the primary, refusing writes', async () => {
    const client = new pg.Client({ connectionString: standby.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ recovery: boolean; leads: number }>(
        'SELECT pg_is_in_recovery() AS recovery, (SELECT count(*)::int FROM leads) AS leads',
      );
      expect(rows[0]).toEqual({ recovery: true, leads: 100 });
      await expect(client.query('CREATE TABLE t (a int)')).rejects.toMatchObject({ code: '25006' });
    } finally {
      await client.end();
    }
  });

  it('a standby without streaming stays where its backup ended, and is refused all the same', async () => {
    const frozen = await startStandby(primary, { streaming: false });
    try {
      const client = new pg.Client({ connectionString: primary.url });
      await client.connect();
      await client.query('CREATE TABLE later (id int)');
      await client.end();
      await standby.waitForReplay();
      const reader = new pg.Client({ connectionString: frozen.url });
      await reader.connect();
      const { rows } = await reader.query<{ recovery: boolean; later: string | null }>(
        "SELECT pg_is_in_recovery() AS recovery, to_regclass('later')::text AS later",
      );
      await reader.end();
      expect(rows[0]).toEqual({ recovery: true, later: null });
      expect((await build(registry, { url: frozen.url, events: silentEvents })).outcome).toBe('read-only');
    } finally {
      await frozen.stop();
    }
  });

  it('build refuses before attempting anything, and says to point the URL at the primary', async () => {
    const lines: string[] = [];
    const report = await build(registry, { url: standby.url, events: consoleEvents((line) => lines.push(line)) });
    expectRefused(report, /^refused: 127\.0\.0\.1:\d+\/postgres is a hot standby \(pg_is_in_recovery\(\) is true\), where no index can be built;/);
    expect(report.notice).toMatch(/nothing was attempted\. Point --database-url \(Action input database-url\) at the primary\.$/);
    // Nothing was built, on the standby or the primary.
    expect(await indexesOn(standby.url)).toEqual(['leads_pkey']);
    expect(await indexesOn(primary.url)).toEqual(['leads_pkey']);

    // Console: the refusal, no per-index "the next run retries it", no "Processing".
    const log = lines.join('\n');
    expect(log).toContain(`⚠️  ${report.notice}`);
    expect(log).not.toMatch(/Processing|next run retries|Created index/);
    // fail-on: like an unreachable database, a refused critical index fails `critical` and `any`.
    expect(shouldFail(report, 'critical')).toBe(true);
    expect(shouldFail(report, 'any')).toBe(true);
    expect(shouldFail(report, 'never')).toBe(false);
    // The Action's outputs, annotation and job summary.
    expect(outputsOf(report, '/tmp/r.json')).toMatchObject({ outcome: 'read-only', failed: '0', 'not-attempted': '2', 'critical-failed': 'false' });
    const annotations = reportAnnotations(report);
    expect(annotations).toEqual([
      {
        level: 'error',
        title: 'No index was built',
        message: `${report.notice!.replace(/\.$/, '')}. Not attempted: the database takes no writes; point the database-url input at the primary, or every run is refused the same way.`,
      },
    ]);
    const summary = renderSummary({ report });
    expect(summary).toContain('hot standby (pg_is_in_recovery() is true)');
    expect(summary).toContain('| ❌ not attempted |');
    expect(summary).toContain('point the database-url input at the primary');
    expect(summary).not.toMatch(/\d failed/);
    // The JSON report is the report itself: its outcome is the new one.
    expect((JSON.parse(JSON.stringify(report)) as Report).outcome).toBe('read-only');
  });

  it('plan says what build does', async () => {
    const planned = await plan(registry, standby.url);
    expectRefused(planned.report, /^build would refuse: 127\.0\.0\.1:\d+\/postgres is a hot standby \(pg_is_in_recovery\(\) is true\)/);
    expect(planned.report.notice).toMatch(/nothing would be attempted\. Point --database-url \(Action input database-url\) at the primary\.$/);
    expect(planned.lines).toEqual([`⚠️  ${planned.report.notice}`]);
    expect(planned.error).toBeDefined();
  });

  it('the CLI: build prints the refusal and fails under --fail-on critical; plan says the same and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ib-read-only-'));
    const file = join(dir, 'indexes.json');
    await writeFile(file, JSON.stringify(registry.map((entry) => ({ name: entry.name, sql: entry.sql, critical: entry.critical }))));
    const json = join(dir, 'report.json');
    const built = await runCli(['build', '-r', file, '--database-url', standby.url, '--fail-on', 'critical', '--json', json]);
    expect(built.code).toBe(1);
    expect(built.stderr).toBe('');
    expect(built.stdout).toMatch(/⚠️ {2}refused: 127\.0\.0\.1:\d+\/postgres is a hot standby \(pg_is_in_recovery\(\) is true\)/);
    expect(built.stdout).not.toContain('retries');
    expect((await readJsonReport(json)).outcome).toBe('read-only');
    const neverFails = await runCli(['build', '-r', file, '--database-url', standby.url]);
    expect(neverFails.code).toBe(0);
    const planned = await runCli(['plan', '-r', file, '--database-url', standby.url]);
    expect(planned.code).toBe(1);
    expect(planned.stdout).toMatch(/^⚠️ {2}build would refuse: 127\.0\.0\.1:\d+\/postgres is a hot standby .+ at the primary\.\n$/);
    expect(await indexesOn(standby.url)).toEqual(['leads_pkey']);
  });

  it('is a failed database of a fleet, beside one that builds', async () => {
    const url = new URL(primary.url);
    const fleetEvents: FleetEvents = {
      buildEvents: () => silentEvents,
      targetStarted() {},
      targetFinished() {},
      canariesStarted() {},
      canariesFailed() {},
    };
    const fleet = await runFleet(
      registry,
      [
        { name: 'primary', url: primary.url, host: `127.0.0.1:${url.port}` },
        { name: 'replica', url: standby.url, host: `127.0.0.1:${standby.port}` },
      ],
      { concurrency: 2, perHost: 1, build: {}, events: fleetEvents },
    );
    expect(fleet.targets.map((t) => [t.name, t.outcome, t.report.totals.created, t.report.totals.failed])).toEqual([
      ['primary', 'completed', 2, 0],
      ['replica', 'read-only', 0, 2],
    ]);
    expect(failedDatabases(fleet.targets)).toEqual(['replica']);
    expect(fleetShouldFail(fleet, 'critical')).toBe(true);
    const summary = renderFleetSummary({ fleet });
    expect(summary).toMatch(/\| `replica` \| ❌ read-only<br><sub>[^<]+<\/sub> \| 2 not attempted \|/);
    expect(summary).toMatch(/- `replica`: refused: 127\.0\.0\.1:\d+\/postgres is a hot standby/);
    // The primary's indexes reach the standby by replication, not by the builder.
    await standby.waitForReplay();
    expect(await indexesOn(standby.url)).toEqual(['idx_email', 'idx_status', 'leads_pkey']);
  });
});

describe('default_transaction_read_only', () => {
  const db = useTestDatabase({ setup: SETUP });
  const role = `ib_reader_${randomBytes(4).toString('hex')}`;
  const roleUrl = () => {
    const url = new URL(db.url);
    url.username = role;
    url.password = 'reader-pw';
    return url.toString();
  };
  beforeAll(async () => {
    await db.sql(`CREATE ROLE ${role} LOGIN PASSWORD 'reader-pw'`);
    // It may build otherwise: it owns the table and may create in its schema (CREATE INDEX needs both).
    await db.sql(`ALTER TABLE leads OWNER TO ${role}; GRANT CREATE ON SCHEMA public TO ${role}`);
  });
  // Runs once the database (where the role owns the table) is dropped.
  afterAll(async () => {
    await serverSql(`DROP ROLE IF EXISTS ${role}`);
  });

  it('on a role: build and plan refuse, naming the role and the statement that turns it off', async () => {
    await db.sql(`ALTER ROLE ${role} SET default_transaction_read_only = on`);
    try {
      const report = await build(registry, { url: roleUrl(), events: silentEvents });
      expectRefused(report, new RegExp(`^refused: default_transaction_read_only is on for role ${role} \\(ALTER ROLE \\.\\.\\. SET\\)`));
      expect(report.notice).toContain(
        `Connect as a role that may write, or run as another role: ALTER ROLE ${role} RESET default_transaction_read_only.`,
      );
      const planned = await plan(registry, roleUrl());
      expectRefused(planned.report, new RegExp(`^build would refuse: default_transaction_read_only is on for role ${role}`));
      expect(await indexesOn(db.url)).toEqual(['leads_pkey']);
    } finally {
      await db.sql(`ALTER ROLE ${role} RESET default_transaction_read_only`);
    }
    // Turned off, the same role builds both.
    const report = await build(registry, { url: roleUrl(), events: silentEvents });
    expect(report.outcome).toBe('completed');
    expect(report.indexes.map((i) => [i.status, i.error?.message])).toEqual([
      ['created', undefined],
      ['created', undefined],
    ]);
    await db.sql('DROP INDEX idx_status, idx_email');
  });

  it('on a database: build and plan refuse, naming the database', async () => {
    await db.sql(`ALTER DATABASE ${db.name} SET default_transaction_read_only = on`);
    try {
      const report = await build(registry, { url: db.url, events: silentEvents });
      expectRefused(report, new RegExp(`^refused: default_transaction_read_only is on for database ${db.name} \\(ALTER DATABASE \\.\\.\\. SET\\)`));
      expect(report.notice).toContain(
        `Run, after SET default_transaction_read_only = off in the same session: ALTER DATABASE ${db.name} RESET default_transaction_read_only`,
      );
      const planned = await plan(registry, db.url);
      expect(planned.report.outcome).toBe('read-only');
    } finally {
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      await admin.query('SET default_transaction_read_only = off');
      await admin.query(`ALTER DATABASE ${db.name} RESET default_transaction_read_only`);
      await admin.end();
    }
    expect(await indexesOn(db.url)).toEqual(['leads_pkey']);
  });

  it('on a role in one database: named with both', async () => {
    await db.sql(`ALTER ROLE ${role} IN DATABASE ${db.name} SET default_transaction_read_only = on`);
    try {
      const report = await build(registry, { url: roleUrl(), events: silentEvents });
      expectRefused(report, new RegExp(`^refused: default_transaction_read_only is on for role ${role} in database ${db.name} `));
      expect(report.notice).toContain(`run as another role: ALTER ROLE ${role} IN DATABASE ${db.name} RESET default_transaction_read_only.`);
    } finally {
      await db.sql(`ALTER ROLE ${role} IN DATABASE ${db.name} RESET default_transaction_read_only`);
    }
    expect(await indexesOn(db.url)).toEqual(['leads_pkey']);
  });

  it('asked for by the connection (options in the URL): told to remove it', async () => {
    const url = new URL(db.url);
    url.searchParams.set('options', '-c default_transaction_read_only=on');
    const report = await build(registry, { url: url.toString(), events: silentEvents });
    expectRefused(report, /^refused: default_transaction_read_only is on by the connection itself \(options in the database URL, or PGOPTIONS\)/);
    expect((await plan(registry, url.toString())).report.outcome).toBe('read-only');
    expect(await indexesOn(db.url)).toEqual(['leads_pkey']);
  });
});
