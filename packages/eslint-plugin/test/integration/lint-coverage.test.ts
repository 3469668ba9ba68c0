// `eslint-plugin-index-builder lint-coverage`: a project that keeps migrations in folders of its own gets
// them listed, with the config line that adds them; once the line is in eslint.config.js, nothing is listed. Run as
// the bundled bin in its own Node process, on a copy of test/fixtures/lint-coverage inside the repository (so that
// its eslint.config.js resolves the plugin as a project would).
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, PLUGIN, REPOSITORY } from '../support/paths.ts';

const CLI = join(PLUGIN, 'dist/cli.js');
const project = join(FIXTURES, `.lint-coverage-${process.pid}`);

beforeAll(() => cpSync(join(FIXTURES, 'lint-coverage'), project, { recursive: true }));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: project, encoding: 'utf8', timeout: 120_000 });

const CONFIG_LINE = "...indexBuilder.migrationConfigs({ folders: ['packages/schemas/alterations', 'schema/changes'] }),";

it('lists the files that build an index and that the ESLint config does not lint, with the line that adds them', () => {
  const result = run('lint-coverage');
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 1, stderr: '' });
  expect(result.stdout.trim().split('\n')).toEqual([
    'packages/schemas/alterations/next-1700000000-add-index.js:6: creates an index, and the ESLint config does not run index-builder/no-index-in-migration on it',
    'schema/changes/002_users_handle.sql:2: creates an index-building constraint, and the ESLint config does not run index-builder/no-constraint-index-in-migration on it',
    '2 files build an index that ESLint does not check. To lint them, add to eslint.config.js, after ...indexBuilder.configs.recommended:',
    `  ${CONFIG_LINE}`,
  ]);
});

it('lists nothing once that line is in the config', () => {
  const config = readFileSync(join(project, 'eslint.config.js'), 'utf8').replace(
    '[...indexBuilder.configs.recommended]',
    `[...indexBuilder.configs.recommended, ${CONFIG_LINE}]`,
  );
  writeFileSync(join(project, 'eslint.config.js'), config);
  const result = run('lint-coverage', '.');
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  expect(result.stdout).toMatch(/^Every file in \. that builds an index is linted by eslint-plugin-index-builder \(5 files read\)\.\n$/);
});

it('reads tests and fixtures too with --all', () => {
  const result = run('lint-coverage', '--all');
  expect(result.status).toBe(1);
  expect(result.stdout).toContain('test/setup.js:1: creates an index');
});

it('answers a wrong command with one usage line and exit code 2', () => {
  const result = run('coverage');
  expect(result.status).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(2);
  expect(result.stdout).toBe('');
});

it('runs in the pull-request workflow example, through the bin the package declares', async () => {
  const { parse } = await import('yaml');
  const workflow = parse(readFileSync(join(REPOSITORY, 'examples/workflows/lint-migrations.yml'), 'utf8')) as {
    jobs: { lint: { steps: { run?: string }[] } };
  };
  const manifest = JSON.parse(readFileSync(join(PLUGIN, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  expect(workflow.jobs.lint.steps.map((step) => step.run?.trim())).toContain('npx eslint-plugin-index-builder lint-coverage');
  expect(manifest.bin).toEqual({ 'eslint-plugin-index-builder': './dist/cli.js' });
});
