// The plugin loads in every kind of project a user has: a CommonJS eslint.config.js that require()s it,
// an ES module eslint.config.js or eslint.config.mjs that imports it, and eslint.config.ts. Each fixture project is
// linted by the real `eslint` CLI in its own Node process (so Node's own loaders, not jest's, load the bundle) and
// must report the index of its .sql migration and of its knex migration.
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { ESLINT_BIN, FIXTURES } from '../support/paths.ts';

interface Result {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

function lint(project: string): { status: number | null; reports: string[]; stderr: string } {
  const cwd = join(FIXTURES, project);
  const run = spawnSync(process.execPath, [ESLINT_BIN, '.', '--format', 'json'], { cwd, encoding: 'utf8', timeout: 120_000 });
  const results = run.stdout ? (JSON.parse(run.stdout) as Result[]) : [];
  const reports = results.flatMap((result) =>
    result.messages.map((m) => `${relative(cwd, result.filePath)}:${m.line} ${m.ruleId} ${/"(.*?)"/.exec(m.message)?.[1]}`),
  );
  return { status: run.status, reports, stderr: run.stderr };
}

const EXPECTED = [
  'migrations/001_init.sql:2 index-builder/no-index-in-migration t_a',
  'migrations/002_more.cjs:1 index-builder/no-index-in-migration u_b',
];

describe.each([
  ['load-cjs', 'CommonJS package, eslint.config.js with require()'],
  ['load-esm', 'ES module package, eslint.config.js with import'],
  ['load-mjs', 'CommonJS package, eslint.config.mjs with import'],
  ['load-ts', 'eslint.config.ts'],
])('%s (%s)', (project) => {
  it('loads the plugin and reports both indexes', () => {
    const { status, reports, stderr } = lint(project);
    expect({ reports, stderr: stderr.includes('ERR_REQUIRE') ? stderr : '' }).toEqual({ reports: EXPECTED, stderr: '' });
    expect(status).toBe(1);
  });
});

it('the bundle has no top-level await, which would make require() throw ERR_REQUIRE_ASYNC_MODULE', () => {
  const required = spawnSync(process.execPath, ['-e', "console.log(Object.keys(require('eslint-plugin-index-builder').rules).join(','))"], {
    cwd: join(FIXTURES, 'load-cjs'),
    encoding: 'utf8',
  });
  expect(required.stderr).toBe('');
  expect(required.stdout.trim()).toBe('no-index-in-migration,no-constraint-index-in-migration,valid-registry');
});
