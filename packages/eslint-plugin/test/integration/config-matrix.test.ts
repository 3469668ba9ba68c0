// The configurations people really have: ESLint 9 and 10; an ES module eslint.config.js, a CommonJS one
// and eslint.config.ts; each of @eslint/js recommended, typescript-eslint recommended, strictTypeChecked with the
// project service, and a config with no `files` key at all, followed by `...indexBuilder.configs.recommended`. Each
// cell is a consumer project in a temporary folder (test/fixtures/config-matrix plus the config, and node_modules
// links to the packages of that cell: ESLint 9 is the pinned `eslint-9` alias) linted by the real `eslint` binary in
// its own Node process. Every cell must exit 1 (reports, no crash), report the same index-builder problems, and let
// no other rule report on, or fail to parse, a .sql file.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import pLimit from 'p-limit';
import { FIXTURES, PLUGIN, REPOSITORY } from '../support/paths.ts';

const FIXTURE = join(FIXTURES, 'config-matrix');
const modules = (name: string): string => join(REPOSITORY, 'node_modules', name);

const ESLINT_VERSIONS = {
  'ESLint 10': { eslint: modules('eslint'), js: modules('@eslint/js') },
  'ESLint 9': { eslint: modules('eslint-9'), js: modules('eslint-js-9') },
} as const;

type Format = 'esm' | 'cjs' | 'ts';
type Setup = 'js-recommended' | 'tseslint-recommended' | 'strict-type-checked' | 'no-files';

/** The configs before `...indexBuilder.configs.recommended`, as a user writes them. */
function userConfigs(setup: Setup, format: Format): string {
  const rootDir = format === 'cjs' ? '__dirname' : 'import.meta.dirname';
  switch (setup) {
    case 'js-recommended':
      return 'js.configs.recommended';
    case 'tseslint-recommended':
      return 'js.configs.recommended, ...tseslint.configs.recommended';
    case 'strict-type-checked':
      return `js.configs.recommended, ...tseslint.configs.strictTypeChecked, { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: ${rootDir} } } }`;
    case 'no-files':
      // Rules that read JavaScript's comments, scope or parser options as soon as they start, and a plugin's rule
      // that reads the comments (as unicorn's expiring-todo-comments does), which no list of rules can name.
      return (
        '{ plugins: { local: { rules: { comments: { create(context) { context.sourceCode.getAllComments(); return {}; } } } } }, ' +
        "rules: { 'local/comments': 'error', 'no-irregular-whitespace': 'error', 'no-unused-vars': 'error', eqeqeq: 'error', indent: ['error', 2], strict: 'error', 'logical-assignment-operators': 'error' } }"
      );
  }
}

function configFile(setup: Setup, format: Format): { name: string; text: string; packageJson: object } {
  const body = `[\n  ${userConfigs(setup, format)},\n  ...indexBuilder.configs.recommended,\n]`;
  if (format === 'cjs') {
    return {
      name: 'eslint.config.js',
      packageJson: { private: true },
      text:
        "const js = require('@eslint/js');\nconst tseslint = require('typescript-eslint');\n" +
        `const indexBuilder = require('eslint-plugin-index-builder');\n\nmodule.exports = ${body};\n`,
    };
  }
  return {
    name: format === 'ts' ? 'eslint.config.ts' : 'eslint.config.js',
    packageJson: { private: true, type: 'module' },
    text:
      "import js from '@eslint/js';\nimport tseslint from 'typescript-eslint';\n" +
      `import indexBuilder from 'eslint-plugin-index-builder';\n\nexport default ${body};\n`,
  };
}

interface Message {
  ruleId: string | null;
  line: number;
  fatal?: boolean;
  message: string;
}

interface Outcome {
  status: number | null;
  stderr: string;
  reports: string[];
  onSql: string[];
  fatal: string[];
}

const workspace = mkdtempSync(join(tmpdir(), 'index-builder-config-matrix-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** A consumer project for one cell, linted by that cell's `eslint` binary. */
async function lintCell(version: keyof typeof ESLINT_VERSIONS, format: Format, setup: Setup): Promise<Outcome> {
  const cwd = join(workspace, `${version.replace(' ', '')}-${format}-${setup}`);
  cpSync(FIXTURE, cwd, { recursive: true });
  const config = configFile(setup, format);
  writeFileSync(join(cwd, config.name), config.text);
  writeFileSync(join(cwd, 'package.json'), JSON.stringify(config.packageJson));
  mkdirSync(join(cwd, 'node_modules/@eslint'), { recursive: true });
  const links: Record<string, string> = {
    eslint: ESLINT_VERSIONS[version].eslint,
    '@eslint/js': ESLINT_VERSIONS[version].js,
    'typescript-eslint': modules('typescript-eslint'),
    typescript: modules('typescript'),
    jiti: modules('jiti'),
    'eslint-plugin-index-builder': PLUGIN,
  };
  for (const [name, target] of Object.entries(links)) symlinkSync(target, join(cwd, 'node_modules', name), 'dir');
  const run = await promisify(execFile)(process.execPath, [join(cwd, 'node_modules/eslint/bin/eslint.js'), '.', '--format', 'json'], {
    cwd,
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ status: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      status: error.code ?? null,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }),
  );
  const results = run.stdout ? (JSON.parse(run.stdout) as { filePath: string; messages: Message[] }[]) : [];
  const at = (filePath: string, m: Message): string => `${relative(cwd, filePath)}:${m.line} ${m.ruleId ?? m.message}`;
  return {
    status: run.status,
    stderr: run.stderr,
    reports: results.flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('index-builder/')).map((m) => at(r.filePath, m))).sort(),
    onSql: results
      .filter((r) => r.filePath.endsWith('.sql'))
      .flatMap((r) => r.messages.filter((m) => !m.ruleId?.startsWith('index-builder/')).map((m) => at(r.filePath, m))),
    fatal: results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => at(r.filePath, m))),
  };
}

const EXPECTED = [
  'migrations/1704240000000-PostsAuthor.ts:7 index-builder/no-index-in-migration',
  'migrations/20240101000000_init.sql:2 index-builder/no-index-in-migration',
  'migrations/20240101000000_init.sql:3 index-builder/no-constraint-index-in-migration',
  'migrations/20240102000000_users_email.js:3 index-builder/no-index-in-migration',
];

const versions = Object.keys(ESLINT_VERSIONS) as (keyof typeof ESLINT_VERSIONS)[];
const formats: Format[] = ['esm', 'cjs', 'ts'];
const setups: Setup[] = ['js-recommended', 'tseslint-recommended', 'strict-type-checked', 'no-files'];
const cells = versions.flatMap((version) => formats.flatMap((format) => setups.map((setup) => [version, format, setup] as const)));

// Two ESLint processes at a time (the machine has two cores); each test awaits its own cell.
const limit = pLimit(2);
const outcomes = new Map(cells.map((cell) => [cell.join(' '), limit(() => lintCell(...cell))]));

describe.each(cells)('%s, %s eslint.config, %s', (version, format, setup) => {
  it('lints .js, .ts and .sql migrations without a crash, with the expected reports and nothing else on .sql files', async () => {
    const outcome = await outcomes.get([version, format, setup].join(' '))!;
    expect({ reports: outcome.reports, onSql: outcome.onSql, fatal: outcome.fatal, crash: outcome.status === 1 ? '' : outcome.stderr }).toEqual({
      reports: EXPECTED,
      onSql: [],
      fatal: [],
      crash: '',
    });
    expect(outcome.status).toBe(1);
  }, 600_000);
});
