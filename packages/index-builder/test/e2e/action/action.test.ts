// The committed dist/index.js, run as the GitHub runner runs it, against a real PostgreSQL.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { freePort } from '../../../../../tools/embedded-server.mjs';
import { ROOT } from '../../support/cli.ts';
import { indexState, useTestDatabase } from '../../support/db.ts';
import { commands, createRunner, MAIN_JS, registry, runStep, type StepResult } from './run-action.ts';
import { readJsonReport } from '../../support/json.ts';

const db = useTestDatabase({
  setup: `
    CREATE TABLE leads (id serial PRIMARY KEY, last_call_direction text, backfill_status text);
    CREATE TABLE call_log (id serial PRIMARY KEY, lead_id int, created_at timestamptz DEFAULT now());
    INSERT INTO leads (last_call_direction, backfill_status) SELECT 'in', 'pending' FROM generate_series(1, 1000);`,
});

/** The line of each entry's `name:` in `registry()`'s text: 3 header lines, then 7 lines per entry. */
const entryLine = (position: number) => 5 + position * 7;

/** The part of a GitHub workflow file these tests read. */
interface Workflow {
  jobs: Record<string, { steps: { name?: string; uses?: string; run?: string; with?: Record<string, string> }[] }>;
}

async function reportFile(result: StepResult) {
  return readJsonReport(result.outputs.report!);
}

describe('a run that creates, then one that skips', () => {
  const entries = [
    { name: 'idx_e2e_direction', on: 'leads (last_call_direction)' },
    { name: 'idx_e2e_call_log', on: 'call_log (lead_id, created_at DESC)', critical: true },
  ];
  let first: StepResult;

  beforeAll(async () => {
    const runner = await createRunner(registry(entries));
    first = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url } });
  });

  it('creates the indexes and succeeds', async () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(await indexState(db, 'idx_e2e_direction')).toEqual({ valid: true });
    expect(await indexState(db, 'idx_e2e_call_log')).toEqual({ valid: true });
  });

  it('sets the outputs from the report, with the JSON report under RUNNER_TEMP', async () => {
    expect(first.outputs).toEqual({
      outcome: 'completed',
      created: '2',
      rebuilt: '0',
      skipped: '0',
      failed: '0',
      deferred: '0',
      'not-attempted': '0',
      drifted: '0',
      orphans: '0',
      'dry-run': 'false',
      'critical-failed': 'false',
      report: expect.stringMatching(/runner-temp\/index-builder-report-__org_index-builder\.json$/),
    });
    const report = await reportFile(first);
    expect(report.totals).toMatchObject({ total: 2, created: 2 });
    expect(report.indexes.map((i) => i.name)).toEqual(['idx_e2e_call_log', 'idx_e2e_direction']);
  });

  it("prints the builder's log with each index in a collapsible group", () => {
    expect(first.stdout).toContain('Database Index Builder');
    expect(first.stdout).toContain('::group::[1/2] Processing: idx_e2e_call_log\n');
    expect(first.stdout).toContain('::group::[2/2] Processing: idx_e2e_direction\n');
    expect(first.stdout.match(/^::endgroup::$/gm)).toHaveLength(2);
    expect(first.stdout).toMatch(/✅ Created index idx_e2e_direction in \d/);
    expect(first.stdout).toContain('Total indexes:  2');
  });

  it('writes the job summary and raises no error or warning', () => {
    expect(first.summary).toMatch(/^## ✅ Index build: 2 created · `127\.0\.0\.1:\d+\/\w+`\n/);
    expect(first.summary).toMatch(/\| `idx_e2e_call_log` \*\*critical\*\*<br>on `call_log` \| ✅ created<br><sub>\d+ms<\/sub> \|/);
    expect(commands(first.stdout, 'error')).toEqual([]);
    expect(commands(first.stdout, 'warning')).toEqual([]);
  });

  it('saves the state its post step reads: the build started, and finished', () => {
    expect(first.savedState).toEqual({ 'build-started': 'true', 'build-finished': 'true' });
  });

  it('skips everything on the next run', async () => {
    const runner = await createRunner(registry(entries));
    const second = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url } });
    expect(second.code).toBe(0);
    expect(second.outputs).toMatchObject({ created: '0', skipped: '2', failed: '0', 'critical-failed': 'false' });
    expect(second.summary).toMatch(/^## ✅ Index build: 2 up to date · /);
    expect(second.summary).toContain('| `idx_e2e_direction`<br>on `leads` | ⏭️ up to date |');
    expect(second.stdout).toContain('⏭️  Already exists, skipping');
  });
});

describe('failures under each fail-on', () => {
  const entries = [
    { name: 'idx_e2e_fail_ok', on: 'leads (backfill_status)' },
    { name: 'idx_e2e_fail_critical', on: 'no_such_table (x)', critical: true },
    { name: 'idx_e2e_fail_other', on: 'no_other_table (y)' },
  ];

  it.each([
    ['never', 0],
    ['critical', 1],
    ['any', 1],
  ] as const)('a critical failure with fail-on: %s exits %d, with an error and a warning at the registry lines', async (failOn, exitCode) => {
    const runner = await createRunner(registry(entries));
    const result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url, 'fail-on': failOn } });
    expect(result.code).toBe(exitCode);
    expect(result.outputs).toMatchObject({ failed: '2', 'critical-failed': 'true' });

    const errors = commands(result.stdout, 'error');
    expect(errors[0]).toEqual({
      properties: { title: 'Critical index idx_e2e_fail_critical failed', file: 'db/indexes.ts', line: String(entryLine(1)) },
      message:
        '[42P01] relation "no_such_table" does not exist. Needs a fix: the next run will fail the same way until the table exists (create it in a migration, or correct the registry entry).',
    });
    expect(commands(result.stdout, 'warning')).toEqual([
      {
        properties: { title: 'Index idx_e2e_fail_other failed', file: 'db/indexes.ts', line: String(entryLine(2)) },
        message:
          '[42P01] relation "no_other_table" does not exist. Needs a fix: the next run will fail the same way until the table exists (create it in a migration, or correct the registry entry).',
      },
    ]);
    if (failOn === 'never') {
      expect(errors).toHaveLength(1);
      expect(result.summary).not.toContain('The step failed');
    } else {
      const because =
        failOn === 'any' ? '2 index(es) failed: idx_e2e_fail_critical, idx_e2e_fail_other' : '1 critical index(es) failed: idx_e2e_fail_critical';
      expect(errors[1]!.message).toBe(`index-builder: fail-on is "${failOn}" and ${because}`);
      expect(result.summary).toContain(`❌ **The step failed:** fail-on is "${failOn}" and ${because}`);
    }
    expect(result.summary).toMatch(/^## ❌ Index build: 2 failed, 1 (created|up to date)/);
    expect(result.summary).toMatch(/\| `idx_e2e_fail_critical` \*\*critical\*\*<br>on `no_such_table` \| ❌ failed<br><sub>\S+<\/sub> \|/);
    expect(result.summary).toContain('\\[42P01\\] relation "no_such_table" does not exist<br>**Next:** Needs a fix');
    // When fail-on failed the step, nothing says the deploy went on.
    if (failOn !== 'never') expect(result.summary).not.toContain('the deploy went on');
  });

  it.each([
    ['critical', 0],
    ['any', 1],
  ] as const)('a non-critical failure with fail-on: %s exits %d', async (failOn, exitCode) => {
    const runner = await createRunner(registry([entries[0]!, entries[2]!]));
    const result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url, 'fail-on': failOn } });
    expect(result.code).toBe(exitCode);
    expect(result.outputs).toMatchObject({ failed: '1', 'critical-failed': 'false' });
  });
});

describe('bad inputs and bad URLs', () => {
  it.each([
    ['max-attempts', 'abc', 'index-builder: Invalid input "max-attempts": "abc" is not a whole number of 1 or more'],
    ['fail-on', 'sometimes', 'index-builder: Invalid input "fail-on": "sometimes" is not one of never, critical, any'],
    [
      'database-url',
      'mysql://app:pw@localhost/app',
      'index-builder: Invalid input "database-url": the database URL must start with postgres:// or postgresql://, not mysql://',
    ],
  ])('%s: %s fails the step at once, naming the input, with a summary and every output', async (name, value, message) => {
    const runner = await createRunner(registry([{ name: 'idx_e2e_never_built', on: 'leads (id)' }]));
    const result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url, [name]: value } });
    expect(result.code).toBe(1);
    expect(commands(result.stdout, 'error')).toEqual([{ properties: {}, message }]);
    expect(result.outputs).toMatchObject({ outcome: 'invalid-input', created: '0', failed: '0', 'critical-failed': 'false', report: '' });
    expect(result.summary).toMatch(/^## ❌ Index build: not started\n\n❌ Invalid input /);
    expect(result.stdout).not.toContain('Database Index Builder');
  });

  it('a registry input naming no file fails the step whatever fail-on says, with an annotation and a summary', async () => {
    const runner = await createRunner(registry([{ name: 'idx_e2e_never_built', on: 'leads (id)' }]));
    const result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url, registry: 'db/indexs.ts', 'fail-on': 'never' } });
    expect(result.code).toBe(1);
    const message =
      'index-builder: db/indexs.ts: registry file not found; pass the right path with the "registry" input, or write one with index-builder import';
    expect(commands(result.stdout, 'error')).toEqual([{ properties: {}, message }]);
    expect(result.summary).toMatch(/^## ❌ Index build: not started\n\n❌ db\/indexs.ts: registry file not found; /);
    expect(result.summary).toContain('The step fails whatever `fail-on` says');
    expect(await indexState(db, 'idx_e2e_never_built')).toBeUndefined();
  });

  it('an unreachable database attempts no index and fails not the step, with one annotation', async () => {
    const port = await freePort();
    const runner = await createRunner(
      registry([
        { name: 'idx_e2e_a', on: 'leads (id)' },
        { name: 'idx_e2e_b', on: 'leads (id)', critical: true },
      ]),
    );
    const url = `postgres://app:pw@127.0.0.1:${port}/app`;
    const never = await runStep(runner, MAIN_JS, { inputs: { 'database-url': url } });
    expect(never.code).toBe(0);
    // Not attempted is not failed: nothing reads "2 failed".
    expect(never.outputs).toMatchObject({ outcome: 'unreachable', created: '0', failed: '0', 'not-attempted': '2', 'critical-failed': 'false' });
    const notice = `could not start: could not connect to 127.0.0.1:${port}/app: connection refused (is PostgreSQL running there?)`;
    expect(commands(never.stdout, 'error')).toEqual([
      {
        properties: { title: 'No index was built' },
        message: `${notice}. Not attempted: the database could not be reached; the next run tries again.`,
      },
    ]);
    expect(never.summary).toContain(`⚠️ ${notice}`);
    expect(never.summary).not.toMatch(/\d failed/);

    // fail-on: critical still fails the step for a critical index that was not built, and says it was not attempted.
    const critical = await runStep(runner, MAIN_JS, { inputs: { 'database-url': url, 'fail-on': 'critical' } });
    expect(critical.code).toBe(1);
    expect(critical.summary).toContain('fail-on is "critical" and 1 critical index(es) could not be attempted: idx_e2e_b');
  });
});

describe('annotation limits', () => {
  it('emits the 10 most important errors, keeps room for the step failure, and says what was left out', async () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({ name: `idx_e2e_many_${i}`, on: `missing_${i} (x)`, critical: true }));
    const runner = await createRunner(registry(entries));
    const result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url, 'fail-on': 'critical' } });
    expect(result.code).toBe(1);
    const errors = commands(result.stdout, 'error');
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 9).map((e) => e.properties.title)).toEqual(entries.slice(0, 9).map((e) => `Critical index ${e.name} failed`));
    expect(errors[9]!.message).toMatch(
      /^index-builder: fail-on is "critical" and 12 critical index\(es\) failed: idx_e2e_many_0, .*idx_e2e_many_9, and 2 more$/,
    );
    expect(result.summary).toContain('so 3 errors were left out; the table above lists every index.');
    expect(result.summary.match(/❌ failed/g)).toHaveLength(12);
  });
});

describe("the README's deploy example", () => {
  it("runs with the example workflow's inputs and the example registry", async () => {
    const workflow = parse(await readFile(join(ROOT, 'examples/workflows/deploy.yml'), 'utf8')) as Workflow;
    const step = workflow.jobs.deploy!.steps.find((s) => s.uses === 'index-builder/index-builder@v1')!;
    const inputs = step.with!;
    const runner = await createRunner(await readFile(join(ROOT, 'examples/prosaas/db/indexes.ts'), 'utf8'), inputs.registry);
    const result = await runStep(runner, MAIN_JS, { inputs: { ...inputs, 'database-url': db.url } });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ created: '3', rebuilt: '0', skipped: '0', failed: '0', deferred: '0', 'critical-failed': 'false' });
    expect(result.summary).toMatch(/^## ✅ Index build: 3 created · /);
    expect(result.stdout).toContain('::group::[1/3] Processing: idx_leads_last_call_direction');
    expect((await reportFile(result)).totals).toMatchObject({ total: 3, created: 3 });
  });
});

describe('other runs', () => {
  it('dry-run changes nothing and reports the statuses the build would give', async () => {
    // A table holding the index's name: the plan says the build would fail.
    await db.sql('CREATE TABLE idx_e2e_dry_taken (id int)');
    const runner = await createRunner(
      registry([
        { name: 'idx_e2e_dry', on: 'leads (backfill_status, id)' },
        { name: 'idx_e2e_dry_taken', on: 'leads (id)', critical: true },
        { name: 'idx_e2e_dry_gone', on: 'gone (x)' },
      ]),
    );
    const result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url, 'dry-run': 'true' } });
    expect(result.code).toBe(0);
    expect(await indexState(db, 'idx_e2e_dry')).toBeUndefined();
    expect(result.stdout).toContain('Plan for 3 index(es); nothing is changed:');
    // Marked as a dry run everywhere: the outputs, the headline, each row's "would".
    expect(result.outputs).toMatchObject({ created: '1', failed: '2', 'critical-failed': 'true', 'dry-run': 'true' });
    expect(result.summary).toMatch(/^## ❌ Index build plan \(dry run: nothing was changed\): 2 would fail, 1 to create · /);
    // Earlier builds on this database recorded their speed: the plan adds an estimate.
    expect(result.summary).toMatch(/\| `idx_e2e_dry`<br>on `leads` \| ✅ would create \| missing: would create it \(estimated [^)]+\) \|/);
    expect(result.summary).toContain('| `idx_e2e_dry_gone`<br>on `gone` | ⚠️ would fail | table gone does not exist: would fail |');
    expect(result.summary).not.toMatch(/✅ created|\d created/);
    expect(commands(result.stdout, 'error').map((e) => e.properties.title)).toEqual(['Critical index idx_e2e_dry_taken would fail']);
    expect(result.savedState).toEqual({});

    const failing = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url, 'dry-run': 'true', 'fail-on': 'critical' } });
    expect(failing.code).toBe(1);
    expect(commands(failing.stdout, 'error')[1]!.message).toBe(
      'index-builder: fail-on is "critical" and 1 critical index(es) would fail: idx_e2e_dry_taken',
    );

    // With the build's on-drift and prune, the plan says what such a build would do: swap the drifted index, drop
    // the orphan; and still changes nothing.
    await db.sql(`CREATE INDEX idx_e2e_dry ON leads (id); CREATE INDEX idx_e2e_dry_old ON leads (backfill_status);
                  COMMENT ON INDEX idx_e2e_dry_old IS '[index-builder 0123456789abcdef built 000000000000]'`);
    // Earlier tests left more marked indexes than this registry has entries: a shrunk registry, allowed here.
    const pruning = await runStep(runner, MAIN_JS, {
      inputs: { 'database-url': db.url, 'dry-run': 'true', 'on-drift': 'rebuild', prune: 'true', 'prune-include': 'shrunk-registry' },
    });
    expect(pruning.outputs).toMatchObject({ rebuilt: '1' });
    expect(pruning.summary).toContain('- `public.idx_e2e_dry_old` on `leads` (would be dropped)');
    expect(await indexState(db, 'idx_e2e_dry_old')).toEqual({ valid: true });
    await db.sql('DROP INDEX idx_e2e_dry, idx_e2e_dry_old');
  });

  it('an invalid registry builds nothing and points an error at the bad entry', async () => {
    const runner = await createRunner("export default [\n  { name: 'idx_e2e_bad', sql: 'CREATE INDEX idx_e2e_bad ON leads (id)' },\n];\n");
    const never = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url } });
    expect(never.code).toBe(0);
    // Every problem of the entry: it lacks both keywords.
    const [error, second, ...others] = commands(never.stdout, 'error');
    expect(others).toEqual([]);
    expect(error!.properties).toEqual({ title: 'Invalid index registry: missing-concurrently', file: 'db/indexes.ts', line: '2' });
    expect(error!.message).toMatch(/CONCURRENTLY/);
    expect(second!.properties).toEqual({ title: 'Invalid index registry: missing-if-not-exists', file: 'db/indexes.ts', line: '2' });
    expect(second!.message).toMatch(/^idx_e2e_bad: sql lacks IF NOT EXISTS/);
    expect(never.summary).toMatch(
      /^## ❌ Index build: the registry is invalid, nothing was built\n\n- `db\/indexes.ts:2` `missing-concurrently`: .*\n- `db\/indexes.ts:2` `missing-if-not-exists`: /,
    );
    expect(never.outputs).toMatchObject({ outcome: 'invalid-registry', created: '0', failed: '0', 'critical-failed': 'false' });
    expect(await indexState(db, 'idx_e2e_bad')).toBeUndefined();

    const critical = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url, 'fail-on': 'critical' } });
    expect(critical.code).toBe(1);
  });

  it('outside GitHub it still runs and prints the summary to the log', async () => {
    const runner = await createRunner(registry([{ name: 'idx_e2e_local', on: 'call_log (created_at)' }]));
    const result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url }, github: false });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Job summary (GITHUB_STEP_SUMMARY is not set, so it is printed here):');
    expect(result.stdout).toContain('## ✅ Index build: 1 created');
    expect(result.stdout).toMatch(/\| `idx_e2e_local`<br>on `call_log` \| ✅ created<br><sub>\S+<\/sub> \|/);
    expect(result.stdout).toMatch(
      /^Outputs: outcome=completed created=1 rebuilt=0 skipped=0 failed=0 deferred=0 not-attempted=0 drifted=0 orphans=\d+ dry-run=false critical-failed=false report=\S+\.json$/m,
    );
    // Through core.setOutput all the same (its fallback command), which @github/local-action reads.
    expect(result.stdout).toMatch(/^::set-output name=created::1$/m);
    // No runner reads ::add-mask:: here: printing it would show the password, not hide it.
    expect(result.stdout).not.toContain('::add-mask::');
    expect(result.stdout).not.toContain(new URL(db.url).password);
    expect(await indexState(db, 'idx_e2e_local')).toEqual({ valid: true });
  });
});
