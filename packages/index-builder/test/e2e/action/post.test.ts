// The post step (dist/post.js) after a main step killed halfway through a build, as when a deploy is cancelled: it
// drops the invalid registry index left behind, but never one a session is still building, never while a builder
// runs, and never an index the registry does not name.
import { beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { ADVISORY_LOCK_KEY } from '../../../src/builder/build.ts';
import { indexState, useTestDatabase, waitFor } from '../../support/db.ts';
import { commands, createRunner, MAIN_JS, POST_JS, runStep, startStep, type Runner } from './run-action.ts';

const REGISTRY = `import { defineIndexes } from 'index-builder';

export default defineIndexes([
  { name: 'idx_post_status', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_post_status ON leads (status)' },
  { name: 'idx_post_ready', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_post_ready ON leads (id, status)' },
]);
`;

const db = useTestDatabase({
  setup: `
    CREATE TABLE leads (id bigserial PRIMARY KEY, status text);
    INSERT INTO leads (status) SELECT 'new' FROM generate_series(1, 1000);
    CREATE INDEX idx_post_ready ON leads (id, status);
    CREATE TABLE dups (x int);
    INSERT INTO dups VALUES (1), (1);`,
});
let runner: Runner;

beforeAll(async () => {
  runner = await createRunner(REGISTRY);
  // An invalid index that is not in the registry: a failed concurrent UNIQUE build leaves one.
  await expect(db.sql('CREATE UNIQUE INDEX CONCURRENTLY idx_not_in_registry ON dups (x)')).rejects.toThrow(/could not create unique index/);
  expect(await indexState(db, 'idx_not_in_registry')).toEqual({ valid: false });
});

const inputs = () => ({ 'database-url': db.url, 'lock-timeout': '10s' });

describe('after a build killed halfway', () => {
  let state: Record<string, string>;
  let orphan: number;
  let writer: pg.Client;

  beforeAll(async () => {
    // An open write transaction makes the concurrent build wait: it is reliably halfway when killed, and stays so.
    writer = await db.connect();
    await writer.query('BEGIN');
    await writer.query('UPDATE leads SET status = status WHERE id = 1');

    const { child, result } = await startStep(runner, MAIN_JS, { inputs: inputs() });
    await waitFor(
      async () => {
        const { rows } = await db.sql<{ pid: number }>(
          `SELECT p.pid FROM pg_stat_progress_create_index p JOIN pg_class i ON i.oid = p.index_relid WHERE i.relname = 'idx_post_status' AND p.datname = current_database()`,
        );
        orphan = rows[0]?.pid ?? 0;
        return orphan !== 0;
      },
      20_000,
      'the build to start',
    );
    child.kill('SIGKILL');
    const killed = await result;
    expect(killed.signal).toBe('SIGKILL');
    state = killed.savedState;
    // The builder's other sessions (advisory lock, monitor) end with the process; the one building goes on.
    await waitFor(
      async () => {
        const { rows } = await db.sql(
          `SELECT pid FROM pg_stat_activity WHERE application_name = 'index-builder' AND datname = current_database() AND pid <> $1`,
          [orphan],
        );
        return rows.length === 0;
      },
      10_000,
      "the killed process's idle sessions to end",
    );
  });

  it('the main step saved the state the runner hands to the post step', () => {
    expect(state).toEqual({ 'build-started': 'true' });
  });

  it('leaves the index alone while the orphaned session still builds it', async () => {
    const post = await runStep(runner, POST_JS, { inputs: inputs(), state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('⏳ Left invalid index public.idx_post_status alone: another session is building it');
    expect(await db.sql('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [orphan])).toHaveProperty('rowCount', 1);
  });

  it('does nothing while a builder holds the advisory lock', async () => {
    await db.sql('SELECT pg_terminate_backend($1)', [orphan]);
    await waitFor(async () => (await db.sql('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [orphan])).rowCount === 0, 10_000, 'the orphan to exit');
    await writer.query('COMMIT');
    expect(await indexState(db, 'idx_post_status')).toEqual({ valid: false });

    const builder = await db.connect();
    await builder.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    const post = await runStep(runner, POST_JS, { inputs: inputs(), state });
    await builder.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('nothing was dropped: an index build is running on this database; its indexes are left alone.');
    expect(await indexState(db, 'idx_post_status')).toEqual({ valid: false });
  });

  it('drops the invalid registry index once nobody builds it, and nothing else', async () => {
    const post = await runStep(runner, POST_JS, { inputs: inputs(), state });
    expect(post.code).toBe(0);
    expect(post.stderr).toBe('');
    expect(post.stdout).toContain('🧹 Dropped invalid index public.idx_post_status, left by an interrupted build');
    expect(commands(post.stdout, 'notice')).toEqual([
      {
        properties: { title: 'index-builder cleanup' },
        message: 'Dropped 1 invalid index(es) left by an interrupted build: public.idx_post_status. The next deploy builds them again.',
      },
    ]);
    expect(await indexState(db, 'idx_post_status')).toBeUndefined();
    expect(await indexState(db, 'idx_not_in_registry')).toEqual({ valid: false });
    expect(await indexState(db, 'idx_post_ready')).toEqual({ valid: true });
  });

  it('the next deploy builds the index again, and its post step does not reconnect: that build finished', async () => {
    const main = await runStep(runner, MAIN_JS, { inputs: inputs() });
    expect(main.outputs).toMatchObject({ created: '1', skipped: '1', failed: '0' });
    expect(main.savedState).toEqual({ 'build-started': 'true', 'build-finished': 'true' });
    // Pointed at a closed port: a post step that reconnected would say it could not connect.
    const post = await runStep(runner, POST_JS, {
      inputs: { ...inputs(), 'database-url': 'postgres://app:pw@127.0.0.1:1/app' },
      state: main.savedState,
    });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('index-builder cleanup: the main step finished its build; nothing was left to clean up.');
    expect(post.stdout).not.toContain('could not connect');
    expect(await indexState(db, 'idx_post_status')).toEqual({ valid: true });
  });
});

describe('when the main step built nothing', () => {
  it('does not connect at all', async () => {
    const post = await runStep(runner, POST_JS, { inputs: { 'database-url': 'postgres://app:pw@127.0.0.1:1/app' } });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('index-builder cleanup: no build was started in this step; nothing to clean up.');
    expect(post.stdout).not.toContain('could not connect');
  });

  it('never fails the job, even on inputs the main step rejected', async () => {
    const post = await runStep(runner, POST_JS, { inputs: { ...inputs(), 'max-attempts': 'abc' }, state: { 'build-started': 'true' } });
    expect(post.code).toBe(0);
    expect(commands(post.stdout, 'warning').map((w) => w.message)).toEqual([
      'index-builder cleanup skipped: Invalid input "max-attempts": "abc" is not a whole number of 1 or more',
    ]);
  });
});

describe('a cancelled job', () => {
  it('SIGINT stops the build and still reports; the post step drops what it could not', async () => {
    const cancelRunner = await createRunner(
      "export default [{ name: 'idx_post_cancel', sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_post_cancel ON leads (status, id)' }];\n",
    );
    const writer = await db.connect();
    await writer.query('BEGIN');
    await writer.query('UPDATE leads SET status = status WHERE id = 2');
    const { child, result } = await startStep(cancelRunner, MAIN_JS, { inputs: inputs() });
    await waitFor(
      async () => {
        const { rows } = await db.sql(
          `SELECT 1 FROM pg_stat_progress_create_index p JOIN pg_class i ON i.oid = p.index_relid WHERE i.relname = 'idx_post_cancel' AND p.datname = current_database()`,
        );
        return rows.length > 0;
      },
      20_000,
      'the build to start',
    );
    // The runner sends SIGINT first when a job is cancelled.
    child.kill('SIGINT');
    const cancelled = await result;
    await writer.query('ROLLBACK');

    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toContain('SIGINT received: cancelling the running build and stopping');
    expect(cancelled.outputs).toMatchObject({ created: '0', failed: '1' });
    expect(cancelled.summary).toContain('cancelled by SIGINT');
    expect(commands(cancelled.stdout, 'warning').map((w) => w.properties.title)).toEqual(['Index build cancelled', 'Index idx_post_cancel failed']);

    // With the writer still open the builder may not get to drop its leftover before it exits; the post step does.
    const post = await runStep(cancelRunner, POST_JS, { inputs: inputs(), state: cancelled.savedState });
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/🧹 Dropped invalid index public\.idx_post_cancel|no invalid registry index was left behind/);
    expect(await indexState(db, 'idx_post_cancel')).toBeUndefined();
  });
});
