// A PostgreSQL server that goes away in the middle of a run: the builder reports it in one line and exits 0.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { startEmbeddedServer, type EmbeddedServer } from '../../../../tools/embedded-server.mjs';
import { CLI, ROOT } from '../support/cli.ts';
import { waitFor } from '../support/db.ts';
import { readJsonReport } from '../support/json.ts';

let server: EmbeddedServer;
afterAll(async () => {
  await server?.stop().catch(() => {});
});

it('fails the running index and defers the rest, each with a one-line reason, when the server stops mid-build', async () => {
  server = await startEmbeddedServer();
  const setup = new pg.Client({ connectionString: server.url });
  setup.on('error', () => {});
  await setup.connect();
  await setup.query(`CREATE TABLE leads (id bigserial PRIMARY KEY, status text);
                     INSERT INTO leads (status) SELECT 'new' FROM generate_series(1, 1000);`);
  // An open writer keeps the first build waiting, so the server can be stopped while it runs.
  await setup.query('BEGIN');
  await setup.query('UPDATE leads SET status = status WHERE id = 1');

  const dir = await mkdtemp(join(tmpdir(), 'ib-gone-'));
  const registry = join(dir, 'indexes.yaml');
  await writeFile(
    registry,
    `- name: idx_status
  sql: CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_status ON leads (status)
- name: idx_id
  sql: CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_id ON leads (id)
`,
  );
  const json = join(dir, 'report.json');
  const child = spawn(process.execPath, [CLI, 'build', '-r', registry, '--database-url', server.url, '--json', json], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));

  // Stop the server only once the build statement is running (waiting for the writer), not while it connects.
  // (A separate connection: inside the writer's transaction pg_stat_activity would be a frozen snapshot.)
  const probe = new pg.Client({ connectionString: server.url });
  probe.on('error', () => {});
  await probe.connect();
  await waitFor(
    async () => {
      const { rowCount } = await probe.query(
        "SELECT 1 FROM pg_stat_activity WHERE application_name = 'index-builder' AND state = 'active' AND query LIKE 'CREATE INDEX%'",
      );
      return (rowCount ?? 0) > 0;
    },
    20_000,
    'the first build to be running',
  );
  await probe.end();
  await server.stop();
  const code = await exited;

  expect(code).toBe(0);
  expect(stderr).toBe('');
  expect(stdout).not.toMatch(/\n\s+at /);
  const report = await readJsonReport(json);
  expect(report.indexes.map((i) => i.status)).toEqual(['failed', 'deferred']);
  expect(report.indexes[0]!.error!.message).toMatch(/terminating connection due to administrator command|closed the connection|shutting down/);
  // The builder waited for the server to come back (a restart), then deferred the rest, saying why, without trying each.
  expect(report.indexes[1]!.reason).toMatch(
    /^not attempted: the connection to 127\.0\.0\.1:\d+\/postgres was lost \((the database system is shutting down|could not connect to 127\.0\.0\.1:\d+\/postgres: connection refused.*)\); the next run builds it$/,
  );
  expect(report.indexes[1]!.attempts).toBe(0);
  expect(report.indexes[1]!.error).toBeUndefined();
  expect(report.indexes[0]!.error!.message).not.toContain('\n');
  expect(report.indexes[1]!.reason).not.toContain('\n');
}, 90_000);
