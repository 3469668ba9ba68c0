// A fleet against a real PostgreSQL: 10 databases on the test server (reached as two "hosts", 127.0.0.1 and
// localhost) plus one unreachable target (a closed port) and one whose urlEnv is unset.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { freePort } from '../../../../tools/embedded-server.mjs';
import { APPLICATION_NAME } from '../../src/db/connection.ts';
import { silentEvents } from '../../src/builder/events.ts';
import { main } from '../../src/cli/main.ts';
import { connectionBound } from '../../src/fleet/limits.ts';
import { runFleet, type FleetEvents } from '../../src/fleet/run.ts';
import { shardNames } from '../../src/fleet/shards.ts';
import type { FleetReport, Target } from '../../src/fleet/types.ts';
import { runCli } from '../support/cli.ts';
import { indexState, serverUrl, useTestDatabase, type TestDatabase } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';

const COUNT = 10;
/** These databases hold duplicate emails: their unique index fails. */
const DUPLICATES = new Set([3, 7]);
const dbs = Array.from({ length: COUNT }, () => useTestDatabase());
let dir: string;
let closedPortUrl: string;

const name = (i: number) => `db-${String(i).padStart(2, '0')}`;
/** Even databases through 127.0.0.1, odd ones through localhost: two hosts for the per-host bound, one server. */
function urlOf(db: TestDatabase, i: number): string {
  const url = new URL(db.url);
  url.hostname = i % 2 === 0 ? '127.0.0.1' : 'localhost';
  return url.toString();
}

const registryDefs = [
  index('idx_fleet_status', 'leads (status)', { critical: true }),
  { name: 'idx_fleet_email', sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_fleet_email ON users (email)' },
];

beforeAll(async () => {
  await Promise.all(
    dbs.map((db, i) =>
      db.sql(`
        CREATE TABLE leads (id bigserial PRIMARY KEY, status text);
        INSERT INTO leads (status) SELECT 'new' FROM generate_series(1, 2000);
        CREATE TABLE users (id bigserial PRIMARY KEY, email text);
        INSERT INTO users (email) VALUES ('a@x'), ('${DUPLICATES.has(i) ? 'a@x' : 'b@x'}');`),
    ),
  );
  dir = await mkdtemp(join(tmpdir(), 'ib-fleet-'));
  await writeFile(join(dir, 'indexes.json'), JSON.stringify(registryDefs, null, 2));
  const closed = new URL(serverUrl());
  closed.port = String(await freePort());
  closedPortUrl = closed.toString();
}, 120_000);

/** Each scenario starts with no index built. */
async function reset(): Promise<void> {
  await Promise.all(dbs.map((db) => db.sql('DROP INDEX IF EXISTS idx_fleet_status, idx_fleet_email')));
}

function targetsYaml(indexes: number[], extra = '', group?: (i: number) => string | undefined): string {
  const items = indexes.map((i) => `  - name: ${name(i)}\n    url: ${urlOf(dbs[i]!, i)}\n${group?.(i) ? `    group: ${group(i)}\n` : ''}`);
  return `targets:\n${items.join('')}${extra}`;
}

const unreachable = () => `  - name: closed-port\n    url: ${closedPortUrl}\n  - name: no-env\n    urlEnv: IB_FLEET_TEST_UNSET_URL\n`;

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function fleetFile(yaml: string): Promise<string> {
  const path = join(dir, `targets-${Math.random().toString(36).slice(2)}.yml`);
  await writeFile(path, yaml);
  return path;
}

async function buildFleet(targetsFile: string, more: string[] = []) {
  const json = join(dir, `report-${Math.random().toString(36).slice(2)}.json`);
  const result = await cli([
    'build',
    '--registry',
    join(dir, 'indexes.json'),
    '--targets',
    targetsFile,
    '--json',
    json,
    '--lock-timeout',
    '2s',
    '--max-attempts',
    '1',
    ...more,
  ]);
  return { ...result, report: JSON.parse(await readFile(json, 'utf8')) as FleetReport };
}

describe('connections in use', () => {
  it('never exceed what --concurrency and --per-host imply, and each bound is held', async () => {
    await reset();
    const targets: Target[] = dbs.map((db, i) => ({ name: name(i), url: urlOf(db, i), host: i % 2 === 0 ? 'a' : 'b' }));
    const limits = { concurrency: 3, perHost: 2 };
    const databases = dbs.map((db) => db.name);
    const sampler = new pg.Client({ connectionString: serverUrl() });
    await sampler.connect();
    let peak = 0;
    let sampling = true;
    const samples = (async () => {
      while (sampling) {
        const { rows } = await sampler.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = ANY($2)',
          [APPLICATION_NAME, databases],
        );
        peak = Math.max(peak, rows[0]!.n);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const running = new Map<string, number>();
    let inFlight = 0;
    let peakInFlight = 0;
    let peakPerHost = 0;
    const events: FleetEvents = {
      buildEvents: () => silentEvents,
      targetStarted(target) {
        inFlight += 1;
        running.set(target.host, (running.get(target.host) ?? 0) + 1);
        peakInFlight = Math.max(peakInFlight, inFlight);
        peakPerHost = Math.max(peakPerHost, ...running.values());
      },
      targetFinished(target) {
        inFlight -= 1;
        running.set(target.host, running.get(target.host)! - 1);
      },
      canariesStarted() {},
      canariesFailed() {},
    };
    try {
      const fleet = await runFleet(entries(...registryDefs), targets, { ...limits, build: { lockTimeoutMs: 2000, maxAttempts: 1 }, events });
      expect(fleet.targets.map((t) => t.outcome)).toEqual(Array(COUNT).fill('completed'));
    } finally {
      sampling = false;
      await samples;
      await sampler.end();
    }
    expect(peakInFlight).toBe(3);
    expect(peakPerHost).toBe(2);
    expect(
      connectionBound(
        targets.map((t) => t.host),
        limits,
      ),
    ).toBe(9);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(9);
  });
});

describe('a fleet with an unreachable database, an unset urlEnv and failing indexes', () => {
  let run: Awaited<ReturnType<typeof buildFleet>>;

  beforeAll(async () => {
    await reset();
    run = await buildFleet(await fleetFile(targetsYaml([...dbs.keys()], unreachable())), ['--concurrency', '4', '--per-host', '2']);
  });

  it("builds every reachable database; each problem stays that database's row", async () => {
    const outcomes = Object.fromEntries(run.report.targets.map((t) => [t.name, t.outcome]));
    expect(outcomes).toEqual({
      ...Object.fromEntries(dbs.map((_, i) => [name(i), 'completed'])),
      'closed-port': 'unreachable',
      'no-env': 'unreachable',
    });
    for (const [i, db] of dbs.entries()) {
      expect(await indexState(db, 'idx_fleet_status')).toEqual({ valid: true });
      expect(await indexState(db, 'idx_fleet_email')).toEqual(DUPLICATES.has(i) ? undefined : { valid: true });
    }
    const noEnv = run.report.targets.find((t) => t.name === 'no-env')!;
    expect(noEnv.report.notice).toBe('environment variable IB_FLEET_TEST_UNSET_URL (its urlEnv) is not set or empty');
    expect(run.report.targets.find((t) => t.name === 'closed-port')!.report.notice).toMatch(/connection refused/);
  });

  it('writes { targets: [{ name, outcome, report }], totals } as JSON', () => {
    expect(Object.keys(run.report).sort()).toEqual(['durationMs', 'targets', 'totals']);
    for (const target of run.report.targets) {
      expect(Object.keys(target).sort()).toEqual(['name', 'outcome', 'report']);
      expect(target.report.outcome).toBe(target.outcome);
      expect(target.report.indexes.map((i) => i.name)).toEqual(['idx_fleet_status', 'idx_fleet_email']);
    }
    expect(run.report.totals).toEqual({
      databases: 12,
      failedDatabases: 4,
      deferredDatabases: 0,
      total: 24,
      created: 18,
      rebuilt: 0,
      skipped: 0,
      failed: 6,
      deferred: 0,
      inProgress: 0,
      drifted: 0,
    });
  });

  it('logs a line as each database starts and ends, prefixes its lines, then prints the fleet table and totals', () => {
    expect(run.stdout).toMatch(/^Fleet: 12 database\(s\), at most 4 at once and 2 per server$/m);
    expect(run.stdout).toMatch(/^▶ \[db-00\] started \(127\.0\.0\.1:\d+\/ib_test_\w+\)$/m);
    expect(run.stdout).toMatch(/^\[db-03\]     ⚠️  Failed to build idx_fleet_email/m);
    // A database with a failed index does not read "completed".
    expect(run.stdout).toMatch(/^■ \[db-03\] (critical )?failed: 1 created, 0 rebuilt, 0 skipped, 1 failed, 0 deferred in /m);
    expect(run.stdout).toMatch(
      /^■ \[no-env\] unreachable: 0 created, 0 rebuilt, 0 skipped, 2 failed, 0 deferred in 0ms — environment variable IB_FLEET_TEST_UNSET_URL/m,
    );
    expect(run.stdout).toMatch(/^database\s+state\s+created\s+rebuilt\s+skipped\s+failed\s+deferred\s+duration$/m);
    expect(run.stdout).toMatch(/^closed-port\s+unreachable\s+0\s+0\s+0\s+2\s+0\s+\S+$/m);
    expect(run.stdout).toMatch(
      /Fleet Summary\n=+\nDatabases:      12 \(8 completed, 2 (critical )?failed, 2 unreachable\)\nFailed DBs:     4\nTotal indexes:  24\nCreated:        18\n/,
    );
    expect(run.stdout).not.toContain('ib-local-pw');
  });

  it('exits 0 under the default --fail-on never', () => {
    expect(run.code).toBe(0);
  });
});

describe('--fail-on across the fleet', () => {
  it('critical: fails for an unreachable database with a critical index, not for failed non-critical ones', async () => {
    await reset();
    const reachable = await fleetFile(targetsYaml([...dbs.keys()]));
    expect((await buildFleet(reachable, ['--fail-on', 'critical'])).code).toBe(0);
    expect((await buildFleet(reachable, ['--fail-on', 'any'])).code).toBe(1);
    const withClosed = await fleetFile(targetsYaml([0, 1], `  - name: closed-port\n    url: ${closedPortUrl}\n`));
    expect((await buildFleet(withClosed, ['--fail-on', 'critical'])).code).toBe(1);
  });
});

describe('canaries', () => {
  it('--canary N: when a canary has a failed index, the rest are deferred with the reason, untouched', async () => {
    await reset();
    const order = [3, 0, 1, 2, 4];
    const run = await buildFleet(await fleetFile(targetsYaml(order)), ['--canary', '1']);
    expect(run.report.targets.map((t) => [t.name, t.outcome])).toEqual([['db-03', 'completed'], ...order.slice(1).map((i) => [name(i), 'deferred'])]);
    const deferred = run.report.targets[1]!.report;
    expect(deferred.notice).toBe('deferred: canary database(s) db-03 had 1 failed index(es); nothing was done here. Fix the canaries and run again.');
    expect(deferred.indexes.map((i) => i.status)).toEqual(['deferred', 'deferred']);
    expect(run.report.totals).toMatchObject({ deferredDatabases: 4, deferred: 8 });
    expect(await indexState(dbs[0]!, 'idx_fleet_status')).toBeUndefined();
    expect(run.stdout).toContain('🐤 Canaries first: db-03');
  });

  it('group canary: canaries that pass let the rest build', async () => {
    await reset();
    const run = await buildFleet(await fleetFile(targetsYaml([0, 1, 2, 4], '', (i) => (i === 4 ? 'canary' : undefined))));
    expect(run.report.targets.map((t) => t.outcome)).toEqual(['completed', 'completed', 'completed', 'completed']);
    expect(run.stdout.indexOf('▶ [db-04]')).toBeLessThan(run.stdout.indexOf('▶ [db-00]'));
    expect(await indexState(dbs[0]!, 'idx_fleet_status')).toEqual({ valid: true });
  });
});

describe('shards', () => {
  it('`shards` prints the matrix and `build --shard i/K` builds only shard i', async () => {
    await reset();
    const file = await fleetFile(targetsYaml([...dbs.keys()]));
    const printed = await cli(['shards', '--targets', file, '--shards', '3']);
    expect(printed.code).toBe(0);
    const matrix = JSON.parse(printed.stdout) as { include: { shard: string; targets: string[] }[] };
    const expected = shardNames(
      dbs.map((_, i) => name(i)),
      3,
    );
    expect(matrix).toEqual({ include: expected.map((targets, i) => ({ shard: `${i + 1}/3`, targets })) });

    const run = await buildFleet(file, ['--shard', '2/3']);
    expect(run.report.targets.map((t) => t.name)).toEqual(expected[1]);
    for (const [i, db] of dbs.entries()) {
      expect({ db: name(i), built: (await indexState(db, 'idx_fleet_status')) !== undefined }).toEqual({
        db: name(i),
        built: expected[1]!.includes(name(i)),
      });
    }
  });

  it('are in the bundled CLI too, with the fleet options in build --help', async () => {
    const file = await fleetFile(targetsYaml([0, 1, 2]));
    const printed = await runCli(['shards', '--targets', file, '--shards', '2']);
    expect({ code: printed.code, stderr: printed.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(printed.stdout)).toEqual({
      include: [
        { shard: '1/2', targets: ['db-00', 'db-02'] },
        { shard: '2/2', targets: ['db-01'] },
      ],
    });
    const help = await runCli(['build', '--help']);
    for (const option of ['--targets', '--concurrency', '--per-host', '--canary', '--shard']) expect(help.stdout).toContain(option);
  });

  it('says what is wrong with a bad targets file or shard, as a usage error', async () => {
    const bad = await fleetFile('targets:\n  - name: a\n    url: postgres://h/a\n    pasword: x\n');
    const result = await cli(['build', '--registry', join(dir, 'indexes.json'), '--targets', bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^index-builder: .*targets-\w+\.yml:2: target "a": unknown key "pasword" \(expected name, url, urlEnv, group\)$/);
    const shard = await cli(['build', '--targets', bad, '--shard', '4/3']);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('"4/3" is not a shard');
  });
});

describe('plan --targets', () => {
  it('plans each database through the bundled CLI, reports the unreachable one and changes nothing', async () => {
    await reset();
    await dbs[0]!.sql('CREATE INDEX idx_fleet_status ON leads (status)');
    const file = await fleetFile(targetsYaml([0, 1]) + `  - name: closed-port\n    url: ${closedPortUrl}\n`);
    const json = join(dir, 'plan.json');
    const result = await runCli([
      'plan',
      '--registry',
      join(dir, 'indexes.json'),
      '--targets',
      file,
      '--concurrency',
      '2',
      '--per-host',
      '1',
      '--json',
      json,
    ]);
    // One database could not be planned: exit 1, as `plan` of that one database would; the others are planned.
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Fleet plan: 3 database(s), at most 2 at once and 1 per server; nothing is changed');
    expect(lines).toContain('[db-00] Plan for 2 index(es); nothing is changed:');
    expect(lines).toContainEqual(expect.stringMatching(/^\[db-00\] {3}skipped {2}idx_fleet_status on leads: exists, valid and .*would adopt it$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\[db-00\] {3}created {2}idx_fleet_email on users: missing: would create it$/));
    expect(lines).toContainEqual(expect.stringMatching(/^\[db-01\] {3}created {2}idx_fleet_status on leads: missing: would create it$/));
    expect(lines).toContainEqual(expect.stringMatching(/^■ \[closed-port\] unreachable: could not start: could not connect to .*connection refused/));
    expect(lines).toContain(
      'Fleet plan: 2 of 3 database(s) planned: 3 to create, 0 to rebuild, 1 up to date, 0 in progress, 0 drifted, 0 would fail; nothing was changed.',
    );
    expect(lines).toContain('⚠️  1 database(s) could not be planned: closed-port');
    expect(lines).toContainEqual(expect.stringMatching(/^db-01 +planned +2 +0 +0 +0 +0 +0$/));

    const report = JSON.parse(await readFile(json, 'utf8')) as FleetReport;
    expect(report.targets.map((t) => [t.name, t.outcome, t.report.totals.created, t.report.totals.skipped, t.report.totals.failed])).toEqual([
      ['db-00', 'completed', 1, 1, 0],
      ['db-01', 'completed', 2, 0, 0],
      ['closed-port', 'unreachable', 0, 0, 2],
    ]);
    expect(await indexState(dbs[0]!, 'idx_fleet_email')).toBeUndefined();
    expect(await indexState(dbs[1]!, 'idx_fleet_status')).toBeUndefined();
  });

  it('takes --shard and repeated --database-url, and has no --canary (it changes nothing)', async () => {
    const file = await fleetFile(targetsYaml([0, 1, 2]));
    const shard = await runCli(['plan', '--registry', join(dir, 'indexes.json'), '--targets', file, '--shard', '2/2']);
    expect({ code: shard.code, stderr: shard.stderr }).toEqual({ code: 0, stderr: '' });
    expect(shard.stdout).toContain('Fleet plan: 1 database(s), at most 4 at once and 2 per server, shard 2/2; nothing is changed');
    expect(shard.stdout).toContain('[db-01] Plan for 2 index(es)');
    expect(shard.stdout).not.toContain('[db-00]');

    const urls = await runCli(['plan', '--registry', join(dir, 'indexes.json'), '-d', urlOf(dbs[0]!, 0), '-d', urlOf(dbs[2]!, 2)]);
    expect(urls.code).toBe(0);
    expect(urls.stdout).toContain('Fleet plan: 2 of 2 database(s) planned');

    const canary = await runCli(['plan', '--registry', join(dir, 'indexes.json'), '--targets', file, '--canary', '1']);
    expect(canary.code).toBe(2);
    expect(canary.stderr).toContain("unknown option '--canary'");
  });
});
