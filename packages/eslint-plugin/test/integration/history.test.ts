// Adopting the rule in a repository whose old migrations already ran: the `since` option, linting only
// what a pull request changed (the lint workflow example's own step), and ESLint's bulk suppressions
// (`eslint --suppress-rule`, eslint-suppressions.json). A fixture repository holds old and new migrations of
// several tools; only the new ones may be reported.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { parse } from 'yaml';
import { ESLINT_BIN, FIXTURES, REPOSITORY } from '../support/paths.ts';

const FIXTURE = join(FIXTURES, 'history');
const WORKFLOW = join(REPOSITORY, 'examples/workflows/lint-migrations.yml');
const RULE = 'index-builder/no-index-in-migration';
const MIGRATIONS = ['migrations/**', 'prisma/**', 'drizzle/**', 'db/**'];

function reported(results: ESLint.LintResult[], cwd: string): string[] {
  return results.flatMap((result) => result.messages.map((m) => `${relative(cwd, result.filePath)} ${/"(.*?)"/.exec(m.message)?.[1]}`)).sort();
}

async function lintWith(overrideConfig: ESLint.Options['overrideConfig']): Promise<string[]> {
  return reported(await new ESLint({ cwd: FIXTURE, overrideConfig }).lintFiles(['.']), FIXTURE);
}

describe('since', () => {
  it("'20261125' skips timestamped migrations named before it; sequence-numbered and unnamed ones are checked", async () => {
    expect(await lintWith({ files: MIGRATIONS, rules: { [RULE]: ['error', { since: '20261125' }] } })).toEqual([
      'db/migration/R__repeatable.sql repeatable_flyway',
      'db/migration/V11__old_flyway.sql old_flyway',
      'db/migration/V12__new_flyway.sql new_flyway',
      'drizzle/0002_old_drizzle.sql old_drizzle',
      'drizzle/0003_new_drizzle.sql new_drizzle',
      'migrations/1796000000000_new_pg_migrate.js new_pg_migrate',
      'migrations/2026-12-01T10-00-00_new_kysely.js new_kysely',
      'migrations/20261126090000_new_knex.js new_knex',
      'migrations/add_unnamed.js unnamed',
      'prisma/migrations/20261201000000_new/migration.sql new_prisma',
    ]);
  });

  it('a sequence (3 for Drizzle, V12 for Flyway) skips the lower numbers', async () => {
    const reports = await lintWith([
      { files: ['drizzle/**'], rules: { [RULE]: ['error', { since: 3 }] } },
      { files: ['db/migration/**'], rules: { [RULE]: ['error', { since: 'V12' }] } },
    ]);
    expect(reports.filter((line) => /^(drizzle|db)\//.test(line))).toEqual([
      'db/migration/R__repeatable.sql repeatable_flyway',
      'db/migration/V12__new_flyway.sql new_flyway',
      'drizzle/0003_new_drizzle.sql new_drizzle',
    ]);
  });

  it('rejects a since that is neither a date nor a sequence', async () => {
    await expect(lintWith({ files: ['migrations/**'], rules: { [RULE]: ['error', { since: 'last week' }] } })).rejects.toThrow(
      /"last week" should match pattern/,
    );
  });
});

/** A copy of the fixture repository in a temporary folder, resolving the plugin through the workspace. */
function copyOfFixture(): string {
  const repo = mkdtempSync(join(tmpdir(), 'ib-history-'));
  cpSync(FIXTURE, repo, { recursive: true });
  symlinkSync(join(REPOSITORY, 'node_modules'), join(repo, 'node_modules'));
  return repo;
}

const NEW_MIGRATION = "exports.up = (knex) => knex.raw('CREATE INDEX added ON t (a)');\n";

describe("the lint workflow example's changed-files step", () => {
  let repo: string;

  beforeAll(() => {
    repo = copyOfFixture();
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf8' });
    writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'history');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    git('checkout', '-qb', 'feature');
    writeFileSync(join(repo, 'migrations/20261201000000_added.js'), NEW_MIGRATION);
    writeFileSync(join(repo, 'README.md'), 'not linted\n');
    git('add', '.');
    git('commit', '-qm', 'a new migration');
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('lints only the files the pull request changed', () => {
    const steps = (parse(readFileSync(WORKFLOW, 'utf8')) as { jobs: { lint: { steps: { name?: string; run?: string }[] } } }).jobs.lint.steps;
    const step = steps.find((s) => s.name === 'ESLint on the files this pull request changes')!;
    const run = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, BASE_REF: 'main', RUNNER_TEMP: repo },
      timeout: 120_000,
    });
    // xargs exits 123 when eslint fails: the step, and the job, fail.
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 123, stderr: '' });
    expect(run.stdout).toContain('migrations/20261201000000_added.js');
    expect(run.stdout).toContain('1 problem');
    expect(run.stdout).not.toContain('README');
  });
});

describe('bulk suppressions (eslint --suppress-rule)', () => {
  let repo: string;

  beforeAll(() => {
    repo = copyOfFixture();
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  const eslint = (...args: string[]) =>
    spawnSync(process.execPath, [ESLINT_BIN, ...args, '--format', 'json', '.'], { cwd: repo, encoding: 'utf8', timeout: 120_000 });

  it('suppresses the existing reports, then reports only a new migration', () => {
    const suppress = eslint('--suppress-rule', RULE);
    expect(suppress.status).toBe(0);
    expect(existsSync(join(repo, 'eslint-suppressions.json'))).toBe(true);

    expect(eslint().status).toBe(0);

    writeFileSync(join(repo, 'migrations/20261201000000_added.js'), NEW_MIGRATION);
    const after = eslint();
    expect(after.status).toBe(1);
    expect(reported(JSON.parse(after.stdout) as ESLint.LintResult[], repo)).toEqual(['migrations/20261201000000_added.js added']);
  });
});
