// While a build waits (for a lock, for writers, for old snapshots), each progress line names the session it waits
// for: an operator can end that session before lock_timeout ends the attempt.
import { expect } from '@jest/globals';
import type pg from 'pg';
import { build } from '../../src/builder/build.ts';
import type { BuildEvents } from '../../src/builder/events.ts';
import type { BuildProgress } from '../../src/builder/monitor.ts';
import { consoleEvents } from '../../src/render/console.ts';
import { pidOf, useTestDatabase } from '../support/db.ts';
import { entries, index } from '../support/registry.ts';

const db = useTestDatabase({
  reset: `
    DROP TABLE IF EXISTS leads, other CASCADE;
    CREATE TABLE leads (id bigserial PRIMARY KEY, status text);
    INSERT INTO leads (status) SELECT 'new' FROM generate_series(1, 1000);
    CREATE TABLE other (id int);`,
});

/** Runs a build while `holder` keeps its transaction open; ends it once a progress line has named it. */
async function buildWhileHeld({ client: holder, pid: holderPid }: Held) {
  const lines: string[] = [];
  const seen: BuildProgress[] = [];
  const console = consoleEvents((line) => lines.push(line));
  const events: BuildEvents = {
    ...console,
    progress(entry, progress, elapsedMs) {
      console.progress(entry, progress, elapsedMs);
      seen.push(progress);
      if (progress.waitingFor.some((session) => session.pid === holderPid)) void holder.query('COMMIT').catch(() => {});
    },
  };
  const report = await build(entries(index('idx_status', 'leads (status)')), {
    url: db.url,
    lockTimeoutMs: 30_000,
    progressIntervalMs: 100,
    events,
  });
  const naming = lines.filter((line) => line.includes(`waiting for pid ${holderPid} `));
  // The builder's own monitor query is never named as a session the build waits for.
  expect(lines.filter((line) => line.includes('SELECT p.phase'))).toEqual([]);
  expect(seen.flatMap((p) => p.waitingFor).filter((session) => session.query?.includes('pg_stat_progress_create_index'))).toEqual([]);
  return { report, naming, named: seen.filter((p) => p.waitingFor.some((session) => session.pid === holderPid)) };
}

interface Held {
  client: pg.Client;
  pid: number;
}

/** A session that ran `statements` and keeps its transaction open; its pid is read first, so its last query is theirs. */
async function hold(...statements: string[]): Promise<Held> {
  const client = await db.connect();
  const pid = await pidOf(client);
  for (const statement of statements) await client.query(statement);
  return { client, pid };
}

it('names the open writer while the build waits for writers before build', async () => {
  const writer = await hold('BEGIN', 'UPDATE leads SET id = id WHERE id = 1');
  const { report, naming, named } = await buildWhileHeld(writer);
  expect(report.indexes[0]!.status).toBe('created');
  expect(named[0]).toMatchObject({
    phase: 'waiting for writers before build',
    waitingFor: [
      { pid: writer.pid, state: 'idle in transaction', query: 'UPDATE leads SET id = id WHERE id = 1', transactionAgeSeconds: expect.any(Number) },
    ],
  });
  expect(naming[0]).toMatch(
    /^ {4}⏳ waiting for writers before build .*; waiting for pid \d+ \(idle in transaction, transaction open [^)]+\): UPDATE leads SET id = id WHERE id = 1$/,
  );
});

it('names the session holding a table lock the statement waits for', async () => {
  const locker = await hold('BEGIN', 'LOCK TABLE leads IN SHARE MODE');
  const { report, naming, named } = await buildWhileHeld(locker);
  expect(report.indexes[0]!.status).toBe('created');
  expect(named[0]).toMatchObject({ phase: 'waiting for a lock', waitingFor: [{ pid: locker.pid, query: 'LOCK TABLE leads IN SHARE MODE' }] });
  expect(naming[0]).toContain('⏳ waiting for a lock');
  expect(naming[0]).toContain(': LOCK TABLE leads IN SHARE MODE');
});

it('names the transaction whose old snapshot the build waits for', async () => {
  const reader = await hold('BEGIN ISOLATION LEVEL REPEATABLE READ', 'SELECT count(*) FROM other');
  const { report, naming, named } = await buildWhileHeld(reader);
  expect(report.indexes[0]!.status).toBe('created');
  expect(named[0]).toMatchObject({ phase: 'waiting for old snapshots', waitingFor: [{ pid: reader.pid, query: 'SELECT count(*) FROM other' }] });
  expect(naming[0]).toContain('⏳ waiting for old snapshots');
});
