// The repository's YAML that GitHub or docker compose reads: every workflow, the example workflows and action.yml pass
// @action-validator/cli's schemas, and the compose example is a compose file that builds the indexes after the migrations.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../support/cli.ts';

const validator = join(ROOT, 'node_modules/.bin/action-validator');

/** Exit code and output of action-validator on `file`; it prints nothing and exits 0 when the file is valid. */
function validate(file: string): { code: number; output: string } {
  try {
    const output = execFileSync(validator, [file], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: failed.stdout + failed.stderr };
  }
}

const workflows = [
  ...readdirSync(join(ROOT, '.github/workflows')).map((name) => `.github/workflows/${name}`),
  ...readdirSync(join(ROOT, 'examples/workflows')).map((name) => `examples/workflows/${name}`),
];

it.each(workflows)('%s passes the workflow schema', (file) => {
  expect(validate(file)).toEqual({ code: 0, output: '' });
});

it('action.yml passes the action schema (validated as node20: the validator 0.6 schema predates node24)', () => {
  const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  expect(action).toMatch(/^ {2}using: 'node24'$/m);
  const dir = mkdtempSync(join(tmpdir(), 'ib-action-yml-'));
  try {
    writeFileSync(join(dir, 'action.yml'), action.replace(/^( {2}using: )'node24'$/m, "$1'node20'"));
    expect(validate(join(dir, 'action.yml'))).toEqual({ code: 0, output: '' });
    // And the validator does look: the untouched file fails on `using`, so the substitution is what makes it pass.
    copyFileSync(join(ROOT, 'action.yml'), join(dir, 'action.yml'));
    expect(validate(join(dir, 'action.yml')).code).not.toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('third-party actions in the workflows are pinned by full commit SHA', () => {
  for (const file of workflows.filter((name) => name.startsWith('.github/'))) {
    const uses = [...readFileSync(join(ROOT, file), 'utf8').matchAll(/uses: (\S+)(.*)/g)].filter(([, ref]) => !ref!.startsWith('./'));
    for (const [line, ref, comment] of uses) {
      expect({ file, line, pinned: /@[0-9a-f]{40}$/.test(ref!), versionComment: /^ # v\d/.test(comment!) }).toEqual({
        file,
        line,
        pinned: true,
        versionComment: true,
      });
    }
  }
});

it('examples/compose builds the indexes after the migrations completed', () => {
  const compose = parse(readFileSync(join(ROOT, 'examples/compose/compose.yaml'), 'utf8')) as {
    services: Record<string, { command?: string[]; depends_on?: Record<string, { condition: string }> }>;
  };
  expect(Object.keys(compose.services)).toEqual(['db', 'migrate', 'indexer']);
  expect(compose.services.indexer!.command!.slice(0, 3)).toEqual(['npx', 'index-builder', 'build']);
  expect(compose.services.indexer!.depends_on).toEqual({ migrate: { condition: 'service_completed_successfully' } });
  expect(compose.services.migrate!.depends_on).toEqual({ db: { condition: 'service_healthy' } });
});

it('the ESLint plugin reaches the shared code only through its public surfaces (@index-builder/sql-core and its /registry entry)', () => {
  const sources = readdirSync(join(ROOT, 'packages/eslint-plugin/src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  const pathImports = sources.flatMap((file) =>
    [...readFileSync(join(ROOT, 'packages/eslint-plugin/src', file), 'utf8').matchAll(/from '((?:\.\.\/)+(?:sql-core|index-builder)\/[^']+)'/g)].map(
      (match) => `${file}: ${match[1]}`,
    ),
  );
  expect(pathImports).toEqual([]);
});

it('the README stays a first-five-minutes page (at most 12 KiB); everything else goes to the docs site', () => {
  const readme = readFileSync(join(ROOT, 'README.md'));
  expect(readme.length).toBeLessThanOrEqual(12 * 1024);
  // Its first lines give a new user the two commands: the demo and the tests.
  const commands = readme.toString('utf8').split('\n').slice(0, 6).join('\n');
  expect(commands).toContain('npm run demo');
  expect(commands).toContain('npm test');
});
