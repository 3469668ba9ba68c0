// The bundled CLI (dist/cli.js) with a .ts registry that misbehaves while it loads: it runs in a worker thread
// (src/registry/sandbox.ts), so a deadline and SIGTERM/SIGINT stop it, and `build` closes the two connections it
// opened in advance. Library-level cases: unit/registry-sandbox.test.ts.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, runCli, type RunResult } from '../support/cli.ts';
import { useTestDatabase, waitFor } from '../support/db.ts';

const db = useTestDatabase();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ib-sandbox-cli-'));
});

async function registry(name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `import { defineIndexes } from 'index-builder';\n${body}\n`);
  return path;
}

/** Client sessions on the test database other than the one asking (the CLI's application_name is set later). */
const sessionsOnTheDatabase = async () =>
  Number(
    (
      await db.sql<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
      )
    ).rows[0]!.n,
  );

/** Starts the CLI; once `ready` holds (given its output so far), sends `signal` and resolves to the result. */
async function signalWhile(args: string[], ready: (stdout: string) => Promise<boolean>, signal: NodeJS.Signals): Promise<RunResult> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', NODE_OPTIONS: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    await waitFor(() => ready(stdout), 20_000, 'the CLI to be loading the registry');
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  child.kill(signal);
  return { code: await closed, stdout, stderr };
}

describe('a registry that never finishes loading', () => {
  it('build: SIGTERM stops it, closes the connections opened in advance, and exits 143 with one line', async () => {
    const path = await registry(
      'pending.ts',
      "console.log('registry started');\nawait new Promise(() => setInterval(() => {}, 1000));\nexport default defineIndexes([]);",
    );
    // The registry is running once it printed; both sessions are open once the server shows them.
    const result = await signalWhile(
      ['build', '-r', path, '--database-url', db.url],
      async (stdout) => stdout.includes('registry started') && (await sessionsOnTheDatabase()) === 2,
      'SIGTERM',
    );
    expect(result.code).toBe(143);
    expect(result.stdout).toContain('registry started');
    expect(result.stderr.trim()).toBe('index-builder: stopped by SIGTERM while loading the registry; nothing was done');
    await waitFor(async () => (await sessionsOnTheDatabase()) === 0, 5000, 'no index-builder session to be left');
  });

  it('check: an endless loop is stopped by SIGINT, exit 130', async () => {
    const marker = join(dir, 'spinning');
    const path = await registry(
      'spin.ts',
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, '');\nfor (;;) {}\nexport default defineIndexes([]);`,
    );
    const result = await signalWhile(['check', '-r', path], async () => Promise.resolve(existsSync(marker)), 'SIGINT');
    expect(result.code).toBe(130);
    expect(result.stderr.trim()).toBe('index-builder: stopped by SIGINT while loading the registry; nothing was done');
  });

  it('check: the deadline (--registry-timeout) makes it a problem, exit 1', async () => {
    const path = await registry('slow.ts', 'await new Promise((resolve) => setTimeout(resolve, 600_000));\nexport default defineIndexes([]);');
    const result = await runCli(['check', '-r', path, '--registry-timeout', '1s']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/slow\.ts:1: the registry did not finish loading within 1 s; make it finish \(no promise that never settles/);
  });

  it('plan: $INDEX_BUILDER_REGISTRY_TIMEOUT sets the deadline too', async () => {
    const path = await registry('slow-plan.ts', 'await new Promise((resolve) => setTimeout(resolve, 600_000));\nexport default defineIndexes([]);');
    const result = await runCli(['plan', '-r', path, '--database-url', db.url], { env: { INDEX_BUILDER_REGISTRY_TIMEOUT: '1s' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/slow-plan\.ts:1: the registry did not finish loading within 1 s/);
  });

  it('check: a top-level await nothing can settle is said at once', async () => {
    const path = await registry('never.ts', 'await new Promise(() => {});\nexport default defineIndexes([]);');
    const result = await runCli(['check', '-r', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/never\.ts:1: the registry's top-level await never settles/);
  });
});

describe('a registry that prints', () => {
  it("check: every line of the registry's console.log shows, before the verdict", async () => {
    const path = await registry(
      'noisy.ts',
      "for (let i = 0; i < 5000; i++) console.log(`line ${i}`);\nexport default defineIndexes([{ name: 'idx_a', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t (a)' }]);",
    );
    const result = await runCli(['check', '-r', path]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5001);
    expect(lines[4999]).toBe('line 4999');
    expect(lines[5000]).toMatch(/noisy\.ts: 1 index\(es\), all valid$/);
  });
});

describe('a .ts registry run as JavaScript first', () => {
  const entry = "{ name: 'idx_a', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t (a)' }";

  it.each([
    ['plain.ts', `console.log('ran');\nexport default defineIndexes([${entry}]);`],
    ['typed.ts', `console.log('ran');\nconst entries: { name: string; sql: string }[] = [${entry}];\nexport default defineIndexes(entries);`],
    ['enum.ts', `console.log('ran');\nenum Column { A = 'a' }\nexport default defineIndexes([{ ...${entry}, description: Column.A }]);`],
  ])('check: %s runs once, whether or not it needs its types removed', async (name, body) => {
    const path = await registry(name, body);
    const result = await runCli(['check', '-r', path]);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n')).toEqual(['ran', expect.stringMatching(/: 1 index\(es\), all valid$/)]);
    expect(result.code).toBe(0);
  });

  it('check: an error the registry throws names its line', async () => {
    const path = await registry('throws.ts', "const table = 'leads';\nthrow new Error(`no ${table} today`);\nexport default defineIndexes([]);");
    const result = await runCli(['check', '-r', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/throws\.ts:3: cannot load the registry: no leads today\n/);
  });

  it('check: a registry importing another file of its own, JavaScript as it is, loads', async () => {
    await writeFile(join(dir, 'shared.ts'), "export const table = 'leads';\n");
    const path = await registry(
      'importer.ts',
      "import { table } from './shared.ts';\nexport default defineIndexes([{ name: 'idx_i', sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_i ON ${table} (a)` }]);",
    );
    const result = await runCli(['check', '-r', path]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/importer\.ts: 1 index\(es\), all valid\n$/);
  });

  it('check: a generic call, which JavaScript would read as two comparisons, runs as TypeScript', async () => {
    const path = await registry('generic.ts', `const entries = [${entry}];\nexport default defineIndexes<typeof entries>(entries);`);
    const result = await runCli(['check', '-r', path]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/generic\.ts: 1 index\(es\), all valid\n$/);
  });
});

describe('a registry that misbehaves', () => {
  it('check: process.exit(0) in the registry fails the check, and its console.log still shows', async () => {
    const path = await registry('exit.ts', "console.log('about to exit');\nprocess.exit(0);\nexport default defineIndexes([]);");
    const result = await runCli(['check', '-r', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('about to exit\n');
    expect(result.stderr).toMatch(/exit\.ts:1: the registry called process\.exit\(0\) while loading\n1 problem\(s\) in /);
  });

  it('build: an entry holding a function is a registry problem naming the field; the connections are closed', async () => {
    const path = await registry(
      'function.ts',
      "export default defineIndexes([\n  { name: 'idx_a', sql: (() => 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_a ON t (a)') as unknown as string },\n]);",
    );
    const result = await runCli(['build', '-r', path, '--database-url', db.url, '--fail-on', 'any']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/function\.ts:3: idx_a: "sql" is a function; a registry exports plain data; write the value itself/);
    expect(result.stderr).not.toMatch(/DataCloneError|\n\s+at /);
    await waitFor(async () => (await sessionsOnTheDatabase()) === 0, 5000, 'no index-builder session to be left');
  });
});
