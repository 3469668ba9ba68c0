// After `kill -9` of the CLI mid-build, the server session it started goes on building. Later runs must report that
// index in-progress (never drop it under a live build) and leave it valid once that session is gone.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { CLI, ROOT, runCli } from '../support/cli.ts';
import { indexState, useTestDatabase, waitFor } from '../support/db.ts';

const db = useTestDatabase({
  reset: `
    DROP TABLE IF EXISTS leads;
    CREATE TABLE leads (id bigserial PRIMARY KEY, status text);
    INSERT INTO leads (status) SELECT 'new' FROM generate_series(1, 1000);`,
});
let registryPath: string;
let writer: pg.Client;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ib-kill-'));
  registryPath = join(dir, 'indexes.json');
  await writeFile(
    registryPath,
    JSON.stringify([{ name: 'idx_status', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_status ON leads (status)' }]),
  );
});
beforeEach(async () => {
  // An open write transaction makes every concurrent build on leads wait: the build is reliably "halfway".
  writer = await db.connect();
  await writer.query('BEGIN');
  await writer.query('UPDATE leads SET status = status WHERE id = 1');
});

/** Starts a build, waits until its server session is building the index, and kills the CLI with SIGKILL. */
async function killBuildHalfway(): Promise<number> {
  const child = spawn(process.execPath, [CLI, 'build', '-r', registryPath, '--database-url', db.url], { cwd: ROOT, stdio: 'ignore' });
  let builderPid = 0;
  await waitFor(
    async () => {
      const { rows } = await db.sql<{ pid: number }>(
        `SELECT p.pid FROM pg_stat_progress_create_index p JOIN pg_class i ON i.oid = p.index_relid WHERE i.relname = 'idx_status' AND p.datname = current_database()`,
      );
      builderPid = rows[0]?.pid ?? 0;
      return builderPid !== 0;
    },
    20_000,
    "the CLI's build to start",
  );
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  return builderPid;
}

async function buildStatus(): Promise<string> {
  const result = await runCli(['build', '-r', registryPath, '--database-url', db.url, '--lock-timeout', '1s', '--max-attempts', '2']);
  expect(result.code).toBe(0);
  const outcome = /\[1\/1\] Processing: idx_status\n(?:.*\n)*?\s+(✅ \w+|⏭️ {2}Already exists|⏳ Another session is building)/.exec(result.stdout);
  return outcome?.[1] ?? result.stdout;
}

it('reports in-progress while the orphaned session builds, then skipped once it finished', async () => {
  const orphan = await killBuildHalfway();
  expect(
    (await db.sql<{ application_name: string }>('SELECT application_name FROM pg_stat_activity WHERE pid = $1', [orphan])).rows[0]!.application_name,
  ).toBe('index-builder');

  expect(await buildStatus()).toBe('⏳ Another session is building');
  expect(await indexState(db, 'idx_status')).toEqual({ valid: false });

  await writer.query('COMMIT');
  await waitFor(async () => (await indexState(db, 'idx_status'))?.valid === true, 20_000, 'the orphaned build to finish');
  expect(await buildStatus()).toBe('⏭️  Already exists');
});

it('rebuilds the invalid index once the orphaned session is gone', async () => {
  const orphan = await killBuildHalfway();
  await db.sql('SELECT pg_terminate_backend($1)', [orphan]);
  await waitFor(async () => (await db.sql('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [orphan])).rowCount === 0, 10_000, 'the orphan to exit');
  await writer.query('COMMIT');
  expect(await indexState(db, 'idx_status')).toEqual({ valid: false });

  expect(await buildStatus()).toBe('✅ Rebuilt');
  expect(await indexState(db, 'idx_status')).toEqual({ valid: true });
});
