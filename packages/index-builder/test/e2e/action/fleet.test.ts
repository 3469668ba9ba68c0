// The committed dist/index.js over a fleet (input `targets`), run as the GitHub runner runs it: three real
// databases (one whose unique index fails), one behind a closed port, one whose URL comes from urlEnv.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../../../../../tools/embedded-server.mjs';
import { shardNames } from '../../../src/fleet/shards.ts';
import type { FleetReport } from '../../../src/fleet/types.ts';
import { indexState, serverSql, serverUrl, useTestDatabase } from '../../support/db.ts';
import { commands, createRunner, MAIN_JS, POST_JS, registry, runStep, type Runner, type StepResult } from './run-action.ts';

const dbs = [useTestDatabase(), useTestDatabase(), useTestDatabase()];
let closedPortUrl: string;
const role = `ib_fleet_${process.pid}`;
const password = 'Fl33t-pw@tenant/9';
const encoded = encodeURIComponent(password);
let envUrl: string;

beforeAll(async () => {
  await Promise.all(
    dbs.map((db, i) =>
      db.sql(`
        CREATE TABLE leads (id serial PRIMARY KEY, status text);
        CREATE TABLE users (id serial PRIMARY KEY, email text);
        INSERT INTO users (email) VALUES ('a@x'), ('${i === 1 ? 'a@x' : 'b@x'}');`),
    ),
  );
  await dbs[0]!.sql(`CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${password}'`);
  const parsed = new URL(dbs[2]!.url);
  envUrl = `postgres://${role}:${encoded}@${parsed.host}${parsed.pathname}`;
  const closed = new URL(serverUrl());
  closed.port = String(await freePort());
  closedPortUrl = closed.toString();
}, 120_000);

// Runs once the databases (where the role built indexes) are dropped.
afterAll(async () => {
  await serverSql(`DROP ROLE IF EXISTS ${role}`);
});

const entries = [
  { name: 'idx_af_status', on: 'leads (status)', critical: true },
  { name: 'idx_af_email', on: 'users (email)' },
];

async function fleetRunner(): Promise<Runner> {
  const text = registry(entries).replace(
    'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_af_email',
    'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_af_email',
  );
  const runner = await createRunner(text);
  await writeFile(
    join(runner.workspace, 'db/targets.yml'),
    `targets:
  - name: tenant-a
    url: ${dbs[0]!.url}
  - name: tenant-b
    url: ${dbs[1]!.url}
  - name: tenant-c
    urlEnv: TENANT_C_URL
  - name: closed
    url: ${closedPortUrl}
`,
  );
  return runner;
}

describe('a fleet run of the Action', () => {
  let result: StepResult;

  beforeAll(async () => {
    const runner = await fleetRunner();
    result = await runStep(runner, MAIN_JS, {
      inputs: { targets: 'db/targets.yml', concurrency: '2', 'per-host': '2', 'fail-on': 'critical' },
      env: { TENANT_C_URL: envUrl },
    });
  });

  it("builds every reachable database and fails the step for the unreachable one's critical index", async () => {
    expect(result.code).toBe(1);
    expect(await indexState(dbs[0]!, 'idx_af_status')).toEqual({ valid: true });
    expect(await indexState(dbs[1]!, 'idx_af_email')).toBeUndefined();
    expect(await indexState(dbs[2]!, 'idx_af_email')).toEqual({ valid: true });
    expect(commands(result.stdout, 'error').at(-1)!.message).toBe(
      'index-builder: fail-on is "critical" and 1 critical index(es) could not be attempted across the fleet: closed: idx_af_status',
    );
  });

  it('sets the fleet totals and failed-databases as outputs, and writes the fleet report', async () => {
    expect(result.outputs).toEqual({
      outcome: 'completed',
      created: '5',
      rebuilt: '0',
      skipped: '0',
      failed: '1',
      deferred: '0',
      'not-attempted': '2',
      drifted: '0',
      orphans: '0',
      'dry-run': 'false',
      'critical-failed': 'false',
      report: expect.stringMatching(/index-builder-report-__org_index-builder\.json$/),
      'failed-databases': '["tenant-b","closed"]',
    });
    const report = JSON.parse(await readFile(result.outputs.report!, 'utf8')) as FleetReport;
    expect(report.targets.map((t) => [t.name, t.outcome])).toEqual([
      ['tenant-a', 'completed'],
      ['tenant-b', 'completed'],
      ['tenant-c', 'completed'],
      ['closed', 'unreachable'],
    ]);
  });

  it('writes one summary row per database', () => {
    expect(result.summary).toMatch(
      /^## ❌ Index build across 4 database\(s\): 1 failed, 2 not attempted, 5 created \(2 database\(s\) with failures\)\n/,
    );
    expect(result.summary).toMatch(/^\| `tenant-a` \| ✅ completed<br><sub>\S+<\/sub> \| 2 created \|$/m);
    // A failed index: not "completed".
    expect(result.summary).toMatch(/^\| `tenant-b` \| ⚠️ failed<br><sub>\S+<\/sub> \| 1 failed<br>1 created \|$/m);
    expect(result.summary).toMatch(/^- `tenant-b`: failed: `idx_af_email` \(23505\)$/m);
    expect(result.summary).toMatch(/^\| `closed` \| ❌ unreachable<br><sub>\S+<\/sub> \| 2 not attempted \|$/m);
    expect(result.summary).toMatch(/^- `closed`: could not start: could not connect to 127\.0\.0\.1:\d+\/postgres: connection refused/m);
  });

  it('annotates per database and entry', () => {
    expect(commands(result.stdout, 'warning').map((c) => c.properties.title)).toEqual(['[tenant-b] Index idx_af_email failed']);
    expect(
      commands(result.stdout, 'error')
        .map((c) => c.properties.title)
        .slice(0, -1),
    ).toEqual(['[closed] No index was built']);
    expect(commands(result.stdout, 'warning')[0]!.properties.file).toBe('db/indexes.ts');
  });

  it('masks the URL from urlEnv and every form of its password', async () => {
    const masks = commands(result.stdout, 'add-mask').map((c) => c.message);
    for (const secret of [envUrl, password, encoded]) expect(masks).toContain(secret);
    const stdout = result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    const everything = [stdout, result.stderr, result.summary, JSON.stringify(result.outputs), await readFile(result.outputs.report!, 'utf8')].join(
      '\n',
    );
    for (const secret of [password, encoded, 'ib-local-pw']) expect(everything).not.toContain(secret);
    expect(stdout).toMatch(/^▶ \[tenant-c\] started/m);
    expect(stdout).toMatch(/^\[tenant-c\] ✅ Database connection successful$/m);
  });
});

it('builds only its shard with the shard input', async () => {
  await Promise.all(dbs.map((db) => db.sql('DROP INDEX IF EXISTS idx_af_status, idx_af_email')));
  const runner = await fleetRunner();
  const result = await runStep(runner, MAIN_JS, { inputs: { targets: 'db/targets.yml', shard: '2/2' }, env: { TENANT_C_URL: envUrl } });
  const names = shardNames(['tenant-a', 'tenant-b', 'tenant-c', 'closed'], 2)[1]!;
  const report = JSON.parse(await readFile(result.outputs.report!, 'utf8')) as FleetReport;
  expect(report.targets.map((t) => t.name).sort()).toEqual([...names].sort());
  expect(result.code).toBe(0);
  const built = await Promise.all(dbs.map(async (db) => (await indexState(db, 'idx_af_status')) !== undefined));
  expect(built).toEqual(['tenant-a', 'tenant-b', 'tenant-c'].map((name) => names.includes(name)));
});

it('fails the step for a targets input that names no file, whatever fail-on says, with an annotation and a summary', async () => {
  const runner = await createRunner(registry([{ name: 'idx_af_never', on: 'leads (status)' }]));
  const result = await runStep(runner, MAIN_JS, { inputs: { targets: 'db/targes.yml', 'fail-on': 'never' } });
  expect(result.code).toBe(1);
  expect(commands(result.stdout, 'error')).toEqual([
    { properties: {}, message: expect.stringMatching(/^index-builder: \S*db\/targes\.yml: targets file not found$/) },
  ]);
  expect(result.summary).toMatch(/^## ❌ Index build: not started\n\n❌ \S*db\/targes\.yml: targets file not found\n/);
  expect(await indexState(dbs[0]!, 'idx_af_never')).toBeUndefined();
});

it('keeps a one-database run as it was: no failed-databases output', async () => {
  const runner = await createRunner(registry([{ name: 'idx_af_single', on: 'leads (status)' }]));
  const result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': dbs[0]!.url } });
  expect(result.code).toBe(0);
  expect(Object.keys(result.outputs).sort()).toEqual([
    'created',
    'critical-failed',
    'deferred',
    'drifted',
    'dry-run',
    'failed',
    'not-attempted',
    'orphans',
    'outcome',
    'rebuilt',
    'report',
    'skipped',
  ]);
});

it('cleans up after a killed fleet run in the post step, per database', async () => {
  await dbs[1]!.sql('CREATE UNIQUE INDEX CONCURRENTLY idx_af_email ON users (email)').catch(() => {});
  expect(await indexState(dbs[1]!, 'idx_af_email')).toEqual({ valid: false });
  const runner = await fleetRunner();
  const post = await runStep(runner, POST_JS, {
    inputs: { targets: 'db/targets.yml' },
    state: { 'build-started': 'true' },
    env: { TENANT_C_URL: envUrl },
  });
  expect(post.code).toBe(0);
  expect(post.stdout).toContain('[tenant-b] 🧹 Dropped invalid index public.idx_af_email, left by an interrupted build');
  expect(post.stdout).toContain('[tenant-a] index-builder cleanup: no invalid registry index was left behind.');
  expect(post.stdout).toMatch(
    /\[closed\] index-builder cleanup: nothing was dropped: could not connect to 127\.0\.0\.1:\d+\/postgres: connection refused/,
  );
  expect(await indexState(dbs[1]!, 'idx_af_email')).toBeUndefined();
  const stdout = post.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  for (const secret of [password, encoded]) expect(stdout).not.toContain(secret);
});
