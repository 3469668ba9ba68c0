// No build starts beside another session's CREATE INDEX on the same table (two concurrent builds on one table
// deadlock, and the loser leaves an invalid index), nor beside another index-builder session's build anywhere in the
// database (concurrent builds wait for each other's snapshots), this run's own with --parallel excepted: it chose to
// run those at once, on other tables. The advisory lock alone cannot promise the second: a
// builder killed mid-build, or one that lost its lock, leaves its CREATE INDEX running on the server. Such a build is
// waited for up to lock_timeout, shown in the progress line; past that the entry is deferred with that reason.
import type pg from 'pg';
import type { Blocker } from './result.ts';
import { APPLICATION_NAME } from '../db/connection.ts';
import { sqlstateOf } from '../db/errors.ts';
import { withDeadline } from './liveness.ts';
import type { BuildProgress } from './monitor.ts';

const OTHER_BUILDS_QUERY = `
SELECT p.pid, coalesce(i.relname, '') AS index_name, coalesce(p.relid::regclass::text, '') AS table_name,
       a.application_name = '${APPLICATION_NAME}' AS ours, p.relid = to_regclass($1) AS same_table, a.state,
       round(extract(epoch FROM now() - a.xact_start)::numeric, 1) AS age, left(a.query, 200) AS query
FROM pg_stat_progress_create_index p
JOIN pg_stat_activity a ON a.pid = p.pid
LEFT JOIN pg_class i ON i.oid = p.index_relid
WHERE p.datid = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND p.pid <> ALL ($2::int[]) AND p.pid <> pg_backend_pid()
  AND (p.relid = to_regclass($1) OR a.application_name = '${APPLICATION_NAME}')
ORDER BY p.pid`;

interface OtherBuild {
  pid: number;
  index_name: string;
  table_name: string;
  ours: boolean;
  same_table: boolean;
  state: string | null;
  age: string | null;
  query: string | null;
}

/** Thrown by an attempt that must not start now: the entry is deferred with this message. */
export class DeferredError extends Error {}

export interface WaitOptions {
  /** The control session as it is now. */
  client: () => pg.Client | undefined;
  url: string;
  /** The quoted table the build is for. */
  table: string;
  /** The server process that will build, and this run's other builds (--parallel): excluded, they are our own. */
  ownPids: readonly number[];
  lockTimeoutMs: number;
  pollIntervalMs: number;
  progressIntervalMs: number;
  livenessTimeoutMs: number;
  /** Builds waited out before in this run: seen again, they defer at once. */
  waitedOut: Set<number>;
  signal: AbortSignal | undefined;
  onProgress: (progress: BuildProgress) => void;
  /** The control session failed or stopped answering: the lock is lost with it. */
  onControlFailed: (client: pg.Client, error: unknown) => void;
}

/**
 * Waits until no other build stands in the way: true. False when the control session failed (check the lock again).
 * Throws {@link DeferredError} when lock_timeout passes first.
 */
export async function waitForOtherBuilds(options: WaitOptions): Promise<boolean> {
  const started = Date.now();
  let lastPrinted = 0;
  let shown = '';
  for (;;) {
    const client = options.client();
    if (options.signal?.aborted) return true;
    if (!client) return false;
    let others: OtherBuild[];
    try {
      const query = client.query<OtherBuild>(OTHER_BUILDS_QUERY, [options.table, options.ownPids]);
      others = (await withDeadline(query, options.livenessTimeoutMs, options.url)).rows;
    } catch (error) {
      if (sqlstateOf(error) && !/^(08|57P)/.test(sqlstateOf(error)!)) throw error;
      options.onControlFailed(client, error);
      return false;
    }
    if (others.length === 0) return true;
    const pids = others.map((other) => other.pid).join(',');
    const waited = Date.now() - started;
    if (others.every((other) => options.waitedOut.has(other.pid)) || waited >= options.lockTimeoutMs) {
      for (const other of others) options.waitedOut.add(other.pid);
      throw new DeferredError(`${describe(others[0]!)}; waited ${formatSeconds(waited)}, the next run builds it`);
    }
    if (pids !== shown || Date.now() - lastPrinted >= options.progressIntervalMs) {
      shown = pids;
      lastPrinted = Date.now();
      options.onProgress({
        phase: `waiting for ${describe(others[0]!)}`,
        percent: null,
        partitionsDone: null,
        partitionsTotal: null,
        waitingFor: others.map(toBlocker),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(options.pollIntervalMs, Math.max(10, options.lockTimeoutMs - waited))));
  }
}

function describe(other: OtherBuild): string {
  const index = other.index_name ? `${printable(other.index_name)} on ${printable(other.table_name)}` : `an index on ${printable(other.table_name)}`;
  const who = other.ours ? 'another index-builder session' : 'another session';
  return `${who} (pid ${other.pid}) building ${index}${other.same_table ? '' : ', another table of this database'}`;
}

function toBlocker(other: OtherBuild): Blocker {
  return { pid: other.pid, state: other.state, transactionAgeSeconds: other.age === null ? null : Number(other.age), query: other.query };
}

/** Names from the catalog are printed: no control characters. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
