// src/cli/main.ts in-process, through its injectable I/O: what it prints and the exit code, with no child process.
// (test/e2e/cli.test.ts runs the bundled dist/cli.js end to end; these run the sources.)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { ExitCode, type Io } from '../../../src/cli/io.ts';
import { main } from '../../../src/cli/main.ts';
import { SETTING_DEFAULTS } from '../../../src/defaults.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ib-cli-main-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function runMain(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line), env };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

it('check: a valid registry exits 0 and says so', async () => {
  const registry = join(dir, 'valid.json');
  await writeFile(
    registry,
    JSON.stringify([{ name: 'users_email_idx', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email)' }]),
  );
  const result = await runMain(['check', '--registry', registry]);
  expect(result).toMatchObject({ code: ExitCode.OK });
  expect(result.out).toContain('1 index(es), all valid');
});

it('check: a registry entry without CONCURRENTLY exits 1 with file:line and the statement to write', async () => {
  const registry = join(dir, 'invalid.yaml');
  await writeFile(registry, '- name: users_email_idx\n  sql: CREATE INDEX IF NOT EXISTS users_email_idx ON users (email)\n');
  const result = await runMain(['check', '--registry', registry]);
  expect(result.code).toBe(ExitCode.FAILED);
  expect(`${result.out}\n${result.err}`).toMatch(/invalid\.yaml:2: .*CONCURRENTLY/);
});

it('build without a database URL is a usage error naming what to pass', async () => {
  const result = await runMain(['build', '--registry', join(dir, 'valid.json')]);
  expect(result.code).toBe(ExitCode.USAGE);
  expect(result.err).toMatch(/DATABASE_URL|--database-url/);
});

it('build --help shows the defaults action.yml declares (defaults.ts)', async () => {
  const result = await runMain(['build', '--help']);
  expect(result.code).toBe(ExitCode.OK);
  const help = result.out.replace(/\s+/g, ' '); // commander wraps the help at 80 columns
  expect(help).toContain(`lock_timeout for each attempt (default: ${SETTING_DEFAULTS['lock-timeout']})`);
  expect(help).toContain(`how often to print build progress (default: ${SETTING_DEFAULTS['progress-interval']})`);
  expect(help).toContain(`any index failed (default: "${SETTING_DEFAULTS['fail-on']}")`);
  expect(help).toContain(`(default: "${SETTING_DEFAULTS.registry}")`);
});

it('build and plan name a bad --window, --parallel, --max-replica-lag or resource flag as a usage error', async () => {
  const url = 'postgres://app@127.0.0.1:1/app';
  const cases: [string[], string][] = [
    [['build', '--parallel', '0'], `option '--parallel <n>' argument '0' is invalid. "0" is not a whole number from 1 to 64`],
    [['build', '--max-replica-lag', 'soon'], `argument 'soon' is invalid. "soon" is not a duration`],
    [['build', '--max-retained-wal', 'lots'], `argument 'lots' is invalid. "lots" is not a size (examples: 512MB, 1GB, 64kB)`],
    [['build', '--maintenance-work-mem', '1 gig'], `argument '1 gig' is invalid. "1 gig" is not a memory size (e.g. '1GB', '256MB')`],
    [['build', '--max-parallel-maintenance-workers', '-1'], `argument '-1' is invalid. "-1" is not a whole number from 0 to 1024`],
    [['plan', '--window', '9-17'], `argument '9-17' is invalid. "9-17" is not a window: write HH:MM-HH:MM with an optional time zone`],
  ];
  for (const [argv, message] of cases) {
    const result = await runMain([...argv, '-d', url, '--registry', join(dir, 'valid.json')]);
    expect([argv[1], result.code]).toEqual([argv[1], ExitCode.USAGE]);
    expect(result.err).toContain(message);
  }
});
