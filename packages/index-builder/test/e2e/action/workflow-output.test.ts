// Hostile text from the database and the registry, through the bundled Action and CLI as a GitHub runner reads them:
// it forges no workflow command, breaks no line or table of the job summary, and no error, whatever threw it, shows
// the database password in any channel (log, stderr, job summary, outputs, JSON report).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../../support/cli.ts';
import { useTestDatabase } from '../../support/db.ts';
import { readJsonReport } from '../../support/json.ts';
import { createRunner, MAIN_JS, runStep, type StepResult } from './run-action.ts';

const db = useTestDatabase({ setup: 'CREATE TABLE t_hostile (a int, b int)' });

// Index names PostgreSQL accepts (quoted), each carrying the builder's mark so that it is reported as an orphan.
const FORGED_COMMAND = 'x\n::error file=x,line=1::forged ##[warning]legacy';
const MARKDOWN_ATTACK = 'y|</code><script>alert(1)</script>[link](https://evil.example)';

beforeAll(async () => {
  for (const name of [FORGED_COMMAND, MARKDOWN_ATTACK]) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    await db.sql(`CREATE INDEX ${quoted} ON t_hostile (a)`);
    await db.sql(`COMMENT ON INDEX ${quoted} IS 'kept for x [index-builder 0123456789abcdef]'`);
  }
});

/** A registry whose description and SQL (a missing table's name, quoted back by PostgreSQL) hold forged commands. */
const HOSTILE_REGISTRY = `export default ${JSON.stringify([
  {
    name: 'idx_hostile_ok',
    sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_hostile_ok ON t_hostile (b)',
    description: 'desc\n::error file=z,line=3::desc-forged ##[error]legacy\r::warning::cr-forged\u2028::notice::ls-forged',
  },
  {
    name: 'idx_hostile_missing',
    sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_hostile_missing ON "no\n::error file=y,line=2::pg-forged" (a)',
  },
])};\n`;

/** The lines the runner reads (it splits at CR, LF and CRLF) that it would take for a command, and which one. */
function runnerCommands(output: string): { name: string; line: string }[] {
  const found = [];
  for (const line of output.split(/\r\n|\r|\n/)) {
    // ActionCommand.TryParseV2: `::name props::data` after leading whitespace; TryParse: `##[name props]` anywhere.
    const v2 = /^::([^:\s]+)[^:]*::/.exec(line.replace(/^[\s\u0085]+/, ''));
    if (v2) found.push({ name: v2[1]!, line });
    if (line.includes('##[')) found.push({ name: 'legacy', line });
  }
  return found;
}

/** The annotations a runner would raise: `level` commands, with their properties. */
function annotations(output: string, level: string) {
  return runnerCommands(output)
    .filter((command) => command.name === level)
    .map(({ line }) => {
      const [, properties = '', message = ''] = /^::\w+(?: ([^:]*))?::(.*)$/.exec(line.trim())!;
      return { properties, message };
    });
}

describe('hostile names, descriptions and PostgreSQL messages in the Action', () => {
  let result: StepResult;

  beforeAll(async () => {
    const runner = await createRunner(HOSTILE_REGISTRY);
    result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': db.url } });
  });

  it('runs, raising only the annotations it means to', () => {
    expect(result.code).toBe(0);
    for (const output of [result.stdout, result.stderr]) {
      expect(runnerCommands(output).filter((c) => !['add-mask', 'group', 'endgroup', 'warning', 'notice'].includes(c.name))).toEqual([]);
    }
    expect(annotations(result.stdout, 'error')).toEqual([]);
    expect(annotations(result.stdout, 'warning').map((a) => a.properties)).toEqual([
      expect.stringMatching(/^title=Index idx_hostile_missing failed,file=db\/indexes.ts,line=\d+$/),
    ]);
    expect(annotations(result.stdout, 'notice').map((a) => a.properties)).toEqual(['title=Indexes no longer in the registry']);
  });

  it('writes the hostile text out on the line it belongs to, so the log still says what is there', () => {
    const lines = result.stdout.split('\n');
    expect(lines).toContain(
      '    Description: desc\\n::error file=z,line=3::desc-forged ##\\u{5b}error]legacy\\r::warning::cr-forged\\u{2028}::notice::ls-forged',
    );
    expect(lines).toContainEqual(expect.stringContaining('relation "no\\n::error file=y,line=2::pg-forged" does not exist'));
    expect(lines).toContain('  found public.x\\n::error file=x,line=1::forged ##\\u{5b}warning]legacy on t_hostile');
  });

  it('escapes the job summary: no line starts with a command, no HTML or link gets in, every table row keeps its cells', () => {
    const summary = result.summary;
    expect(runnerCommands(summary)).toEqual([]);
    expect(summary).toContain('- `public.x\\n::error file=x,line=1::forged ##\\u{5b}warning]legacy` on `t_hostile`');
    expect(summary).toContain('- `public.y\\|</code><script>alert(1)</script>[link](https://evil.example)` on `t_hostile`');
    expect(summary).toContain('relation "no\\\\n::error file=y,line=2::pg-forged" does not exist');
    // Outside code spans, nothing of the PostgreSQL message can open a tag or a link.
    const withoutCode = summary.replace(/(`+).*?\1/g, '');
    expect(withoutCode).not.toMatch(/<(?!br>|sub>|\/sub>)/);
    expect(withoutCode).not.toMatch(/(^|[^\\])\[/m);
    const rows = summary.split('\n').filter((line) => line.startsWith('| '));
    const cells = (row: string) => row.split(/(?<!\\)\|/).length;
    const [header] = rows.filter((row) => row.startsWith('| Index'));
    for (const row of rows.slice(rows.indexOf(header!))) expect(cells(row)).toBe(cells(header!));
  });

  it('keeps the names exactly as they are in the JSON report, for machines', async () => {
    const report = await readJsonReport(result.outputs.report!);
    expect(report.orphans?.map((orphan) => orphan.name).sort()).toEqual([`public.${FORGED_COMMAND}`, `public.${MARKDOWN_ATTACK}`]);
  });
});

describe('hostile names in the CLI', () => {
  it('prints them written out, forging no command on stdout or stderr', async () => {
    const runner = await createRunner(HOSTILE_REGISTRY);
    const result = await runCli(['build', '-r', join(runner.workspace, 'db/indexes.ts'), '-d', db.url]);
    expect(result.code).toBe(0);
    expect(runnerCommands(result.stdout)).toEqual([]);
    expect(runnerCommands(result.stderr)).toEqual([]);
    expect(result.stdout).toContain('  found public.x\\n::error file=x,line=1::forged ##\\u{5b}warning]legacy on t_hostile');
  });
});

describe('a registry whose error holds the database password', () => {
  const role = `ib_leak_${process.pid}`;
  // '@', '/', '%', '|' and '[' must be percent-encoded in a URL: every form must stay hidden, also once the job
  // summary has escaped its '|' and '[' (so no output may hold even its start).
  const password = 'Lk7-vault@Key/9%x|[y]';
  const encoded = encodeURIComponent(password);
  let url: string;

  beforeAll(async () => {
    await db.sql(`CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${password}'`);
    const parsed = new URL(db.url);
    url = `postgres://${role}:${encoded}@${parsed.host}${parsed.pathname}`;
  });

  afterAll(async () => {
    await db.sql(`DROP ROLE IF EXISTS ${role}`);
  });

  const LOAD_FAILED = /cannot load the registry/;
  const registries: [string, string, RegExp][] = [
    ['throws an Error with the URL', 'throw new Error(process.env.DATABASE_URL);\nexport default [];\n', LOAD_FAILED],
    [
      'exports a promise rejected with the URL',
      "export default Promise.reject(process.env['INPUT_DATABASE-URL'] ?? process.env.DATABASE_URL);\n",
      LOAD_FAILED,
    ],
    [
      'throws the decoded password',
      "const url = new URL(process.env['INPUT_DATABASE-URL'] ?? process.env.DATABASE_URL);\nthrow new Error(`cannot log in with ${decodeURIComponent(url.password)} (${url.password})`);\n",
      LOAD_FAILED,
    ],
    [
      // Nothing awaits the timer: its error reaches the registry's thread as an uncaught exception while it loads.
      'throws the URL from a timer while it loads',
      "setTimeout(() => {\n  throw new Error(`late: ${process.env.DATABASE_URL}`);\n}, 0);\nawait new Promise((resolve) => setTimeout(resolve, 500));\nexport default [{ name: 'idx_late', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_late ON t_hostile (a, b)' }];\n",
      /cannot load the registry: late: /,
    ],
  ];

  function expectNoSecret(said: RegExp, ...outputs: string[]): void {
    const text = outputs.join('\n');
    expect(text).toMatch(said);
    for (const secret of [password, encoded, 'Lk7-vault']) expect(text).not.toContain(secret);
  }

  it.each(registries)('Action: a registry that %s', async (_what, registry, said) => {
    const runner = await createRunner(registry);
    const result = await runStep(runner, MAIN_JS, { inputs: { 'database-url': url, 'fail-on': 'critical' }, env: { DATABASE_URL: url } });
    expect(result.code).toBe(1);
    // ::add-mask:: is how the runner learns what to mask; it consumes those lines and never shows them.
    const stdout = result.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    const report = result.outputs.report ? await readFile(result.outputs.report, 'utf8') : '';
    expectNoSecret(said, stdout, result.stderr, result.summary, JSON.stringify(result.outputs), report);
    expect(annotations(result.stdout, 'error').map((a) => a.message)).toContainEqual(expect.stringMatching(said));
  });

  it.each(registries)('CLI: a registry that %s', async (_what, registry, said) => {
    const runner = await createRunner(registry);
    const file = join(runner.workspace, 'db/indexes.ts');
    const json = join(runner.runnerTemp, 'problems.json');
    const build = await runCli(['build', '-r', file, '--fail-on', 'critical'], { env: { DATABASE_URL: url } });
    const check = await runCli(['check', '-r', file, '--json', json], { env: { DATABASE_URL: url } });
    expect([build.code, check.code]).toEqual([1, 1]);
    expectNoSecret(said, build.stdout, build.stderr, check.stdout, check.stderr, await readFile(json, 'utf8').catch(() => ''));
  });

  it('Action and CLI over a fleet: a registry that throws the URL of a target given by urlEnv', async () => {
    const runner = await createRunner('throw new Error(`no: ${process.env.TENANT_A_URL}`);\nexport default [];\n');
    await writeFile(join(runner.workspace, 'targets.yml'), 'targets:\n  - name: tenant-a\n    urlEnv: TENANT_A_URL\n');
    const env = { TENANT_A_URL: url };
    const action = await runStep(runner, MAIN_JS, { inputs: { targets: 'targets.yml', 'fail-on': 'critical' }, env });
    expect(action.code).toBe(1);
    const stdout = action.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expectNoSecret(LOAD_FAILED, stdout, action.stderr, action.summary, JSON.stringify(action.outputs));
    const cli = await runCli(['build', '-r', join(runner.workspace, 'db/indexes.ts'), '--targets', join(runner.workspace, 'targets.yml')], {
      env,
    });
    expectNoSecret(LOAD_FAILED, cli.stdout, cli.stderr);
  });
});
