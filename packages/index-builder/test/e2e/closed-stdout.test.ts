// The CLI against a real server, read the ways people read it: through `| head` (stdout closed early: the run ends
// normally and writes its JSON report), and on a failure whose cause is in PostgreSQL's DETAIL (a duplicated key).
import { beforeAll, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, runCli } from '../support/cli.ts';
import { useTestDatabase } from '../support/db.ts';
import type { Report } from '../../src/builder/result.ts';

const db = useTestDatabase({
  setup: `CREATE TABLE users (id bigserial PRIMARY KEY, email text);
          INSERT INTO users (email) VALUES ('ada@example.com'), ('ada@example.com'), ('bob@example.com');`,
});
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ib-stdout-'));
});

async function registry(name: string, entries: object[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(entries));
  return path;
}

it('build | head: the closed stdout ends the run normally, and the JSON report is written', async () => {
  const entries = Array.from({ length: 6 }, (_, i) => ({
    name: `idx_head_${i}`,
    sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_head_${i} ON users (email, id)`,
  }));
  const path = await registry('head.json', entries);
  const json = join(dir, 'head-report.json');
  const child = spawn(process.execPath, [CLI, 'build', '-r', path, '--json', json], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url, NODE_OPTIONS: '' },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // Like `head -n 1`: read the first chunk, then close the pipe.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).not.toMatch(/EPIPE|stopped unexpectedly/);
  expect(code).toBe(0);
  const report = JSON.parse(await readFile(json, 'utf8')) as Report;
  expect(report.totals).toMatchObject({ total: 6, created: 6 });
});

it("a duplicated key: the failure keeps PostgreSQL's DETAIL and says the next run fails the same way until it is fixed", async () => {
  const path = await registry('unique.json', [
    { name: 'idx_users_email', sql: 'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_users_email ON users (email)' },
  ]);
  const json = join(dir, 'unique-report.json');
  const result = await runCli(['build', '-r', path, '--json', json], { env: { DATABASE_URL: db.url } });
  expect(result.code).toBe(0);
  const report = JSON.parse(await readFile(json, 'utf8')) as Report;
  expect(report.indexes[0]).toMatchObject({ status: 'failed', error: { sqlstate: '23505', detail: 'Key (email)=(ada@example.com) is duplicated.' } });
  expect(result.stdout).toContain('        DETAIL: Key (email)=(ada@example.com) is duplicated.');
  expect(result.stdout).toContain('Needs a fix: the next run will fail the same way until the duplicated values are removed');
  expect(result.stdout).not.toMatch(/next run retries/);
});

it('a missing column (42703) is not promised a retry', async () => {
  const path = await registry('column.json', [
    { name: 'idx_users_archived', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_archived ON users (archived_at)' },
  ]);
  const result = await runCli(['build', '-r', path], { env: { DATABASE_URL: db.url } });
  expect(result.stdout).toContain('[42703]: column "archived_at" does not exist');
  expect(result.stdout).toContain('Needs a fix: the next run will fail the same way until the column exists');
  expect(result.stdout).not.toMatch(/next run retries/);
});
