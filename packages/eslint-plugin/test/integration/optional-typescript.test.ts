// TypeScript is an optional peer: a JavaScript-only project installs eslint-plugin-index-builder without
// typescript or @typescript-eslint/parser, and lints its .js and .sql migrations. The consumer project lives in a
// temporary folder outside the repository, with a copy of the package as npm installs it (package.json and dist) and
// only ESLint beside it, so neither typescript nor the parser can be resolved from the plugin.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { MISSING_TYPESCRIPT_PARSER } from '../../src/configs/typescript-parser.ts';
import { FIXTURES, PLUGIN, REPOSITORY } from '../support/paths.ts';

const manifest = JSON.parse(readFileSync(join(PLUGIN, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};

const workspace = mkdtempSync(join(tmpdir(), 'index-builder-no-typescript-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function lint(withTypeScriptMigration: boolean): { status: number | null; messages: string[]; stderr: string } {
  const cwd = join(workspace, withTypeScriptMigration ? 'with-ts' : 'js-only');
  mkdirSync(join(cwd, 'node_modules/eslint-plugin-index-builder'), { recursive: true });
  cpSync(join(FIXTURES, 'config-matrix/migrations'), join(cwd, 'migrations'), {
    recursive: true,
    filter: (source) => withTypeScriptMigration || !source.endsWith('.ts'),
  });
  for (const entry of ['package.json', 'dist', 'index.d.ts']) {
    cpSync(join(PLUGIN, entry), join(cwd, 'node_modules/eslint-plugin-index-builder', entry), { recursive: true });
  }
  symlinkSync(join(REPOSITORY, 'node_modules/eslint'), join(cwd, 'node_modules/eslint'), 'dir');
  writeFileSync(join(cwd, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
  writeFileSync(
    join(cwd, 'eslint.config.js'),
    "import indexBuilder from 'eslint-plugin-index-builder';\nexport default [...indexBuilder.configs.recommended];\n",
  );
  const run = spawnSync(process.execPath, [join(cwd, 'node_modules/eslint/bin/eslint.js'), '.', '--format', 'json'], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const results = run.stdout
    ? (JSON.parse(run.stdout) as { filePath: string; messages: { line: number; ruleId: string | null; message: string }[] }[])
    : [];
  return {
    status: run.status,
    stderr: run.stderr,
    messages: results.flatMap((r) => r.messages.map((m) => `${relative(cwd, r.filePath)}:${m.line} ${m.ruleId ?? m.message}`)).sort(),
  };
}

it('declares typescript and @typescript-eslint/parser as optional peers, and depends on nothing that needs them', () => {
  expect(manifest.dependencies ?? {}).toEqual({});
  expect(manifest.peerDependenciesMeta).toEqual({ '@typescript-eslint/parser': { optional: true }, typescript: { optional: true } });
  expect(Object.keys(manifest.peerDependencies).sort()).toEqual(['@typescript-eslint/parser', 'eslint', 'typescript']);
});

it('lints .js and .sql migrations in a project without typescript', () => {
  expect(lint(false)).toEqual({
    status: 1,
    stderr: '',
    messages: [
      'migrations/20240101000000_init.sql:2 index-builder/no-index-in-migration',
      'migrations/20240101000000_init.sql:3 index-builder/no-constraint-index-in-migration',
      'migrations/20240102000000_users_email.js:3 index-builder/no-index-in-migration',
    ],
  });
});

it('gives a .ts migration one parsing error that says what to install, and still lints the others', () => {
  expect(lint(true)).toEqual({
    status: 1,
    stderr: '',
    messages: [
      `migrations/1704240000000-PostsAuthor.ts:1 Parsing error: ${MISSING_TYPESCRIPT_PARSER}`,
      'migrations/20240101000000_init.sql:2 index-builder/no-index-in-migration',
      'migrations/20240101000000_init.sql:3 index-builder/no-constraint-index-in-migration',
      'migrations/20240102000000_users_email.js:3 index-builder/no-index-in-migration',
    ],
  });
});
