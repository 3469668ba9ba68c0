// The bundled CLI (dist/cli.js) in a child process, as users and CI run it.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADVISORY_LOCK_KEY } from '../../src/builder/build.ts';
import { ROOT, runCli } from '../support/cli.ts';
import { indexState, useTestDatabase } from '../support/db.ts';
import { expect } from '@jest/globals';
import { readJsonReport, readProblemsJson } from '../support/json.ts';

const db = useTestDatabase({
  reset: `
    DROP TABLE IF EXISTS leads, users CASCADE;
    CREATE TABLE leads (id bigserial PRIMARY KEY, status text);
    INSERT INTO leads (status) SELECT 'new' FROM generate_series(1, 500);
    CREATE TABLE users (id bigserial PRIMARY KEY, email text);
    INSERT INTO users (email) VALUES ('a@x'), ('a@x');`,
});
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ib-cli-'));
});

/** Writes a registry outside the repository, importing 'index-builder' as a user's would. */
async function registry(name: string, defs: object[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `import { defineIndexes } from 'index-builder';\n\nexport default defineIndexes(${JSON.stringify(defs, null, 2)});\n`);
  return path;
}

const status = { name: 'idx_status', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_status ON leads (status)', description: 'Leads by status' };
const uniqueEmail = (critical: boolean) => ({
  name: 'idx_email',
  sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_email ON users (email)',
  critical,
});

describe('index-builder --help', () => {
  it('lists the commands and each command its options', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/check \[options\][\s\S]*plan \[options\][\s\S]*build \[options\][\s\S]*import \[options\]/);
    const help = await runCli(['build', '--help']);
    for (const option of [
      '--registry',
      '--database-url',
      '--lock-timeout',
      '--max-attempts',
      '--statement-timeout',
      '--time-budget',
      '--progress-interval',
      '--fail-on',
      '--json',
    ]) {
      expect(help.stdout).toContain(option);
    }
  });
});

it('runs as `npx index-builder` from the repository root (bin points at the committed bundle)', () => {
  const output = execFileSync('npx', ['--no-install', 'index-builder', '--version'], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } });
  expect(output.toString().trim()).toMatch(/^\d+\.\d+\.\d+$/);
});

describe('index-builder check', () => {
  it('exits 0 for a valid registry that imports index-builder from outside any node_modules', async () => {
    const path = await registry('valid.ts', [status]);
    const result = await runCli(['check', '--registry', path]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 index(es), all valid');
  });

  it('exits 1 and prints file:line for each problem', async () => {
    const path = join(dir, 'invalid.ts');
    await writeFile(
      path,
      `export default [
  { name: 'idx_a', sql: 'CREATE INDEX idx_a ON leads (status)' },
  { name: 'idx_b', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_b ON leads (status); DROP TABLE leads' },
];
`,
    );
    const result = await runCli(['check', '--registry', path]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/invalid\.ts:2: idx_a: sql lacks CONCURRENTLY/);
    expect(lines[1]).toMatch(/invalid\.ts:2: idx_a: sql lacks IF NOT EXISTS/);
    expect(lines[2]).toMatch(/invalid\.ts:3: idx_b: sql holds 2 statements \(CREATE INDEX, DROP\)/);
    expect(lines[3]).toMatch(/3 problem\(s\) in .*invalid\.ts/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes the problems as data with --json, and an empty list for a valid registry', async () => {
    const path = join(dir, 'coded.ts');
    await writeFile(
      path,
      `export default [\n  { name: 'idx_a', sql: 'CREATE INDEX idx_a ON leads (status)', critcal: true },\n  { name: 'idx_b', sql: 'CREATE INDEX IF NOT EXISTS idx_b ON leads (status)' },\n];\n`,
    );
    const json = join(dir, 'out', 'problems.json');
    const result = await runCli(['check', '--registry', path, '--json', json]);
    expect(result.code).toBe(1);
    const { problems } = await readProblemsJson(json);
    expect(problems).toEqual([
      {
        file: expect.stringMatching(/coded\.ts$/),
        line: 2,
        code: 'unknown-key',
        field: 'critcal',
        message: 'idx_a: unknown key "critcal"',
        fix: 'remove it, or write one of name, sql, critical, description, constraint, maintenanceWorkMem, maxParallelMaintenanceWorkers, ignoreWindow',
      },
      {
        file: expect.stringMatching(/coded\.ts$/),
        line: 2,
        code: 'missing-concurrently',
        field: 'sql',
        message: 'idx_a: sql lacks CONCURRENTLY, so the build would block writes to leads',
        fix: 'write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON leads (...)',
      },
      {
        file: expect.stringMatching(/coded\.ts$/),
        line: 2,
        code: 'missing-if-not-exists',
        field: 'sql',
        message: 'idx_a: sql lacks IF NOT EXISTS, so a second run would fail',
        fix: 'write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON leads (...)',
      },
      {
        file: expect.stringMatching(/coded\.ts$/),
        line: 3,
        code: 'missing-concurrently',
        field: 'sql',
        message: 'idx_b: sql lacks CONCURRENTLY, so the build would block writes to leads',
        fix: 'write CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_b ON leads (...)',
      },
    ]);
    expect(result.stderr).toContain(
      `${problems[3]!.file}:3: idx_b: sql lacks CONCURRENTLY, so the build would block writes to leads; write CREATE INDEX`,
    );

    const valid = await registry('valid-json.ts', [status]);
    expect((await runCli(['check', '--registry', valid, '--json', json])).code).toBe(0);
    expect(JSON.parse(await readFile(json, 'utf8'))).toEqual({ problems: [] });
  });

  it('prints every problem of an entry, one line each, at the line of its key in a .json registry', async () => {
    const path = join(dir, 'three.json');
    await writeFile(
      path,
      '[\n  {\n    "name": "idx_a",\n    "sql": "CREATE INDEX CONCURRENTLY idx_a ON leads (status)",\n    "critical": "yes",\n    "critcal": true\n  }\n]\n',
    );
    const result = await runCli(['check', '--registry', path]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/three\.json:4: idx_a: sql lacks IF NOT EXISTS, so a second run would fail; write /);
    expect(lines[1]).toMatch(/three\.json:5: idx_a: "critical" must be true or false, found "yes"; write critical: true or critical: false$/);
    expect(lines[2]).toMatch(/three\.json:6: idx_a: unknown key "critcal"; remove it, or write one of /);
    expect(lines[3]).toMatch(/^3 problem\(s\) in .*three\.json$/);
  });

  it('rejects a .json registry with a trailing comma at the line of the comma', async () => {
    const path = join(dir, 'trailing.json');
    await writeFile(
      path,
      `[\n  {\n    "name": "idx_status",\n    "sql": "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_status ON leads (status)"\n  },\n]\n`,
    );
    const result = await runCli(['check', '--registry', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^\S*trailing\.json:5: not valid JSON: trailing comma at line 5, column 4 \(JSON allows none\); remove the comma\n/,
    );
  });

  it.each([[['check']], [['plan']], [['build']], [['build', '--targets', 'targets.yaml']]])(
    '%j with a registry path that names no file is a usage error (exit 2), whatever --fail-on says',
    async (args) => {
      await writeFile(join(dir, 'targets.yaml'), 'targets:\n  - name: a\n    url: postgres://x@localhost/a\n');
      const url = ['plan', 'build'].includes(args[0]!) && args.length === 1 ? ['--database-url', db.url] : [];
      const result = await runCli([...args, ...url, '--registry', 'db/indexs.ts'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        'index-builder: db/indexs.ts: registry file not found; pass the right path with --registry, or write one with index-builder import\n',
      );
      expect(result.stdout).toBe('');
    },
  );

  it.each([
    [['check', '--bogus'], "unknown option '--bogus'"],
    [['build', '--max-attempts', 'abc', '--database-url', 'postgres://x@localhost/db'], '"abc" is not a whole number of 1 or more'],
    [['build', '--lock-timeout', '5 minutes', '--database-url', 'postgres://x@localhost/db'], '"5 minutes" is not a duration'],
    [['build', '--fail-on', 'sometimes', '--database-url', 'postgres://x@localhost/db'], '"sometimes" is not one of never, critical, any'],
    [['build'], 'no database URL: pass --database-url or set DATABASE_URL'],
    [['plan', '--database-url', 'not a url'], 'the database URL is not a valid URL'],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('index-builder build', () => {
  it('prints the console log, writes the JSON report, and skips everything on the second run', async () => {
    const path = await registry('build.ts', [status]);
    const json = join(dir, 'report.json');
    const first = await runCli(['build', '--registry', path, '--json', json], { env: { DATABASE_URL: db.url } });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Database Index Builder');
    expect(first.stdout).toContain('✅ Database connection successful');
    expect(first.stdout).toContain('[1/1] Processing: idx_status\n    Description: Leads by status\n    Critical: False\n    🔨 Creating index');
    expect(first.stdout).toMatch(
      /Total indexes: {2}1\nCreated: {8}1\nRebuilt: {8}0\nSkipped: {8}0 \(already existed\)\nFailed: {9}0\nDeferred: {7}0\n/,
    );
    expect(first.stdout).toContain('🎉 All indexes processed successfully!');
    const report = await readJsonReport(json);
    expect(report.indexes).toEqual([
      {
        name: 'idx_status',
        table: 'leads',
        critical: false,
        status: 'created',
        attempts: 1,
        durationMs: expect.any(Number),
        registry: { file: expect.stringMatching(/build\.ts$/), line: 5 },
      },
    ]);
    expect(report.totals).toEqual({ total: 1, created: 1, rebuilt: 0, skipped: 0, failed: 0, deferred: 0, inProgress: 0, drifted: 0 });

    const second = await runCli(['build', '--registry', path], { env: { DATABASE_URL: db.url } });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('⏭️  Already exists, skipping');
    expect(second.stdout).toContain('Skipped:        1 (already existed)');
  });

  it.each([
    [true, 'never', 0],
    [true, 'critical', 1],
    [true, 'any', 1],
    [false, 'critical', 0],
    [false, 'any', 1],
  ])('with a failed index (critical: %s) and --fail-on %s exits %d', async (critical, failOn, code) => {
    const path = await registry(`fail-${critical}-${failOn}.ts`, [uniqueEmail(critical), status]);
    const json = join(dir, `fail-${critical}-${failOn}.json`);
    const result = await runCli(['build', '-r', path, '--database-url', db.url, '--fail-on', failOn, '--json', json]);
    expect(result.code).toBe(code);
    const report = await readJsonReport(json);
    expect(report.indexes[0]).toMatchObject({ name: 'idx_email', status: 'failed', critical, error: { sqlstate: '23505' } });
    expect(report.indexes[0]!.error!.message).toContain('could not create unique index "idx_email"');
    expect(report.indexes[1]).toMatchObject({ name: 'idx_status', status: expect.stringMatching(/created|skipped/) });
    expect(result.stdout).toContain(critical ? '❌ CRITICAL: failed to build idx_email [23505]' : '⚠️  Failed to build idx_email [23505]');
    expect(await indexState(db, 'idx_email')).toBeUndefined();
  });

  it('names the other builder and changes nothing while one holds the lock', async () => {
    const path = await registry('locked.ts', [status]);
    const other = await db.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
      const result = await runCli(['build', '-r', path, '--database-url', db.url, '--fail-on', 'any']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('another index build is running on this database; nothing was done');
      expect(await indexState(db, 'idx_status')).toBeUndefined();
    } finally {
      await other.end();
    }
  });

  it('refuses to touch the database while the registry is invalid', async () => {
    const path = await registry('bad.ts', [status, { name: 'idx_x', sql: 'DROP TABLE leads' }]);
    const result = await runCli(['build', '-r', path, '--database-url', db.url]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/bad\.ts:\d+: idx_x: sql is DROP, not CREATE INDEX/);
    expect(result.stderr).toContain('Nothing was built');
    expect(await indexState(db, 'idx_status')).toBeUndefined();
    expect((await runCli(['build', '-r', path, '--database-url', db.url, '--fail-on', 'any'])).code).toBe(1);
  });

  it('appends the statements that undo its drops to restore.sql beside the JSON report, and prints where', async () => {
    const byId = { name: 'idx_leads_id_status', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_id_status ON leads (id, status)' };
    const both = await registry('prune-both.ts', [status, byId]);
    expect((await runCli(['build', '-r', both, '--database-url', db.url])).code).toBe(0);
    const definition = async () => (await db.sql<{ d: string | null }>("SELECT pg_get_indexdef(to_regclass('idx_leads_id_status')) AS d")).rows[0]!.d;
    const before = await definition();
    const out = join(dir, 'prune-out');
    const one = await registry('prune-one.ts', [status]);
    const result = await runCli(['build', '-r', one, '--database-url', db.url, '--prune', '--json', join(out, 'report.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Statements that undo this run's drops and swaps were appended to ${join(out, 'restore.sql')}`);
    expect(await definition()).toBeNull();
    const restore = await readFile(join(out, 'restore.sql'), 'utf8');
    expect(restore).toContain('CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_id_status ON public.leads USING btree (id, status);');
    await db.sql('CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_leads_id_status ON public.leads USING btree (id, status)');
    expect(await definition()).toBe(before);
    await db.sql('DROP INDEX idx_status, idx_leads_id_status');
  });
});

describe('connection failures', () => {
  const secret = 'pa55-w0rd%2Fsecret';
  const decoded = 'pa55-w0rd/secret';

  function expectNoSecret(...texts: string[]) {
    for (const text of texts) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(decoded);
    }
  }

  it('reports a wrong password in one line, without the password, exit 0', async () => {
    const path = await registry('auth.ts', [status]);
    const url = db.url.replace(/\/\/[^@]+@/, `//postgres:${secret}@`);
    const json = join(dir, 'auth.json');
    const result = await runCli(['build', '-r', path, '--json', json], { env: { DATABASE_URL: url } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('⚠️  could not start: password authentication failed for user "postgres"');
    // Not attempted, not failed: the build never started.
    expect(result.stdout).toContain('Failed:         0');
    expect(result.stdout).toContain('Not attempted:  1 (the run did not start)');
    expect(result.stderr).toBe('');
    expectNoSecret(result.stdout, result.stderr, await readFile(json, 'utf8'));
  });

  it('reports an unreachable server, and fails the exit code only when --fail-on asks', async () => {
    const path = await registry('down.ts', [{ ...status, critical: true }]);
    const url = `postgres://app:${secret}@127.0.0.1:1/app?password=${secret}`;
    const never = await runCli(['build', '-r', path, '--database-url', url]);
    expect(never.code).toBe(0);
    expect(never.stdout).toContain('could not connect to 127.0.0.1:1/app: connection refused');
    expectNoSecret(never.stdout, never.stderr);
    const critical = await runCli(['build', '-r', path, '--database-url', url, '--fail-on', 'critical']);
    expect(critical.code).toBe(1);
    const plan = await runCli(['plan', '-r', path, '--database-url', url]);
    expect(plan.code).toBe(1);
    expectNoSecret(plan.stdout, plan.stderr);
  });

  it('reports an unknown host and a missing database in one line', async () => {
    const path = await registry('host.ts', [status]);
    const host = await runCli(['build', '-r', path, '--database-url', 'postgres://u:p@no-such-host.invalid:5432/db']);
    expect(host.code).toBe(0);
    expect(host.stdout).toContain('could not connect to no-such-host.invalid:5432/db: host "no-such-host.invalid" not found');
    const missing = await runCli(['build', '-r', path, '--database-url', db.url.replace(/\/[^/]+$/, '/no_such_db')]);
    expect(missing.stdout).toContain('could not start: database "no_such_db" does not exist');
  });
});

describe('index-builder plan', () => {
  it('shows what build would do and changes nothing', async () => {
    await db.sql('CREATE INDEX idx_status ON leads (status)');
    const path = await registry('plan.ts', [
      status,
      uniqueEmail(true),
      { name: 'idx_gone', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_gone ON gone (x)' },
    ]);
    const result = await runCli(['plan', '-r', path, '--database-url', db.url]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'Plan for 3 index(es); nothing is changed:',
      '  created  idx_email on users: missing: would create it',
      '  skipped  idx_status on leads: exists, valid and PostgreSQL defines it as the registry does: would adopt it',
      '  failed   idx_gone on gone: table gone does not exist: would fail',
      '',
    ]);
    expect(await indexState(db, 'idx_email')).toBeUndefined();
  });

  it('takes --on-drift and --prune, and writes the report build would give with --json', async () => {
    await db.sql('CREATE INDEX idx_status ON leads (id)');
    await db.sql('CREATE INDEX idx_old ON leads (status, id)');
    await db.sql("COMMENT ON INDEX idx_old IS 'Old [index-builder 0123456789abcdef built 000000000000]'");
    const path = await registry('plan-options.ts', [status]);
    const json = join(dir, 'plan.json');
    const result = await runCli(['plan', '-r', path, '--database-url', db.url, '--on-drift', 'rebuild', '--prune', '--json', json]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'Plan for 1 index(es); nothing is changed:',
      '  rebuilt  idx_status on leads: drifted (the database has: CREATE INDEX idx_status ON public.leads USING btree (id)): would build the new definition and swap it in',
      '  orphan   public.idx_old on leads: built by index-builder, no longer in the registry: would drop it (--prune)',
      '',
    ]);
    const report = await readJsonReport(json);
    expect(report).toMatchObject({
      outcome: 'completed',
      indexes: [{ name: 'idx_status', status: 'rebuilt', drift: { database: 'CREATE INDEX idx_status ON public.leads USING btree (id)' } }],
      orphans: [{ name: 'public.idx_old', dropped: true }],
      totals: { total: 1, rebuilt: 1 },
    });
    expect(await indexState(db, 'idx_old')).toEqual({ valid: true });
    await db.sql('DROP INDEX idx_old');
  });
});
