// SIGINT/SIGTERM (a Ctrl-C, a cancelled CI job): the CLI cancels the running build on the server, drops its
// leftover, prints the partial summary, writes the report and exits 0 — within seconds. Real signals, real server.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from '../support/cli.ts';
import { indexState, useTestDatabase, waitFor } from '../support/db.ts';
import { readJsonReport } from '../support/json.ts';

// An expression index over a function that takes a millisecond a row: a build that runs for minutes.
const db = useTestDatabase({
  setup: `
    CREATE FUNCTION slow_key(x bigint) RETURNS bigint IMMUTABLE LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_sleep(0.001); RETURN x; END $$;
    CREATE TABLE leads (id bigserial PRIMARY KEY, status text);
    INSERT INTO leads (status) SELECT 'new' FROM generate_series(1, 100000);`,
});
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ib-cancel-'));
});

async function cancelMidBuild(signal: NodeJS.Signals, extraArgs: string[] = []) {
  const registry = join(dir, `${signal}.json`);
  await writeFile(
    registry,
    JSON.stringify([
      { name: 'idx_slow', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_slow ON leads (slow_key(id))' },
      { name: 'idx_status', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_status ON leads (status)' },
    ]),
  );
  const json = join(dir, `${signal}-report.json`);
  const child = spawn(process.execPath, [CLI, 'build', '-r', registry, '--database-url', db.url, '--json', json, ...extraArgs], { cwd: ROOT });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await waitFor(
    async () => {
      const { rows } = await db.sql(
        "SELECT phase FROM pg_stat_progress_create_index WHERE phase LIKE 'building index%' AND datname = current_database()",
      );
      return rows.length > 0;
    },
    20_000,
    'the slow build to be scanning',
  );

  const sentAt = Date.now();
  child.kill(signal);
  const code = await exited;
  return { code, stdout, seconds: (Date.now() - sentAt) / 1000, report: await readJsonReport(json) };
}

it.each(['SIGTERM', 'SIGINT'] as const)('stops cleanly on %s: build cancelled on the server, leftover dropped, partial report', async (signal) => {
  const { code, stdout, seconds, report } = await cancelMidBuild(signal);
  expect(code).toBe(0);
  expect(seconds).toBeLessThan(10);
  expect(stdout).toContain(`⚠️  ${signal} received: cancelling the running build and stopping`);
  expect(stdout).toContain('Index Build Summary');
  expect(report.cancelled).toBe(true);
  expect(report.indexes.map((i) => i.status)).toEqual(['failed', 'deferred']);
  expect(report.indexes[0]!.error).toMatchObject({ sqlstate: '57014', message: `cancelled by ${signal}` });
  expect(report.indexes[0]!.attempts).toBe(1);
  expect(await indexState(db, 'idx_slow')).toBeUndefined();
  expect(await indexState(db, 'idx_status')).toBeUndefined();
  const { rows } = await db.sql<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'index-builder' AND datname = current_database()",
  );
  expect(rows[0]!.n).toBe(0);
});

it('lets --fail-on any turn a cancelled build into exit 1', async () => {
  const { code } = await cancelMidBuild('SIGTERM', ['--fail-on', 'any']);
  expect(code).toBe(1);
});
