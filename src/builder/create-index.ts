// Builds one registry entry: CREATE INDEX CONCURRENTLY on its own connection, retrying lock conflicts with capped
// exponential backoff and jitter, and never leaving an invalid index behind.
import pRetry, { AbortError } from 'p-retry';
import type pg from 'pg';
import type { RegistryEntry } from '../registry/types.ts';
import type { Blocker, IndexFailure } from '../report/types.ts';
import { planAction, quoteQualified, readCatalog } from './catalog.ts';
import { connect, describeError, disconnect, sqlstateOf } from './connection.ts';
import type { BuildEvents } from './events.ts';
import { watchBuild } from './monitor.ts';

/** 55P03 lock_not_available (lock_timeout), 40P01 deadlock_detected: worth another try; nothing else is. */
const LOCK_CONFLICTS = new Set(['55P03', '40P01']);
const CLEANUP_LOCK_TIMEOUT_MS = 5000;

export interface BuildSettings {
  url: string;
  lockTimeoutMs: number;
  statementTimeoutMs: number;
  maxAttempts: number;
  /** First backoff wait; it doubles each retry up to `retryMaxDelayMs`, times a random factor in [1, 2). */
  retryMinDelayMs: number;
  retryMaxDelayMs: number;
  progressIntervalMs: number;
  /** Epoch ms after which no new attempt starts. */
  deadline: number | undefined;
  events: BuildEvents;
}

export interface BuildOutcome {
  attempts: number;
  /** Set when, at an attempt, the catalog showed the index already valid or being built by another session. */
  foundOnAttempt?: 'valid' | 'in-progress';
  error?: IndexFailure;
}

/**
 * Creates the index, each attempt first dropping an invalid leftover (of an earlier run or attempt). `monitor` is
 * the run's second connection, used to watch progress and blockers.
 */
export async function buildIndex(
  entry: RegistryEntry,
  schema: string,
  settings: BuildSettings,
  monitor: pg.Client | undefined,
): Promise<BuildOutcome> {
  const { events, maxAttempts } = settings;
  let attempts = 0;
  let lastFailure: IndexFailure | undefined;
  let failedAt = 0;
  let found: BuildOutcome['foundOnAttempt'];

  const attempt = async (attemptNumber: number) => {
    attempts = attemptNumber;
    if (attemptNumber > 1) events.retrying(entry, attemptNumber, maxAttempts, Date.now() - failedAt);
    try {
      found = await runAttempt(entry, schema, settings, monitor);
    } catch (error) {
      failedAt = Date.now();
      const failure = toFailure(error, settings.url);
      const cleanup = await dropInvalidLeftover(entry, schema, settings);
      if (cleanup) failure.message += `; ${cleanup}`;
      lastFailure = failure;
      const retryable = LOCK_CONFLICTS.has(failure.sqlstate ?? '') && attemptNumber < maxAttempts && !pastDeadline(settings);
      events.attemptFailed(entry, attemptNumber, maxAttempts, failure, retryable);
      if (!retryable) throw new AbortError(failure.message);
      throw new Error(failure.message);
    }
  };

  try {
    await pRetry(attempt, {
      retries: maxAttempts - 1,
      factor: 2,
      minTimeout: settings.retryMinDelayMs,
      maxTimeout: settings.retryMaxDelayMs,
      randomize: true,
      maxRetryTime: settings.deadline === undefined ? Number.POSITIVE_INFINITY : Math.max(0, settings.deadline - Date.now()),
    });
    return { attempts, ...(found ? { foundOnAttempt: found } : {}) };
  } catch {
    return { attempts, error: lastFailure ?? { message: 'the build did not run', blockers: [] } };
  }
}

/**
 * One attempt on a fresh connection: drop an invalid leftover nobody is building, run the registry's statement, and
 * check the catalog afterwards (IF NOT EXISTS would silently accept an invalid index of the same name).
 */
async function runAttempt(
  entry: RegistryEntry,
  schema: string,
  settings: BuildSettings,
  monitor: pg.Client | undefined,
): Promise<BuildOutcome['foundOnAttempt']> {
  const client = await connect(settings.url, settings);
  const target = { ...entry, schema };
  const pid: number = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const started = Date.now();
  const watcher = watchBuild(monitor, pid, {
    progressIntervalMs: settings.progressIntervalMs,
    pollIntervalMs: Math.max(50, Math.min(1000, settings.lockTimeoutMs / 4 || 1000)),
    onProgress: (progress) => settings.events.progress(entry, progress, Date.now() - started),
  });
  try {
    const [before] = await readCatalog(client, [target]);
    const action = before ? planAction(entry, before).kind : 'create';
    if (action === 'skip') return 'valid';
    if (action === 'in-progress') return 'in-progress';
    if (action === 'rebuild') await client.query(`DROP INDEX CONCURRENTLY IF EXISTS ${quoteQualified(schema, entry.indexName)}`);
    await client.query(entry.sql);
    const [after] = await readCatalog(client, [target]);
    if (!after?.valid) throw new Error(`the statement succeeded but "${schema}.${entry.indexName}" is not a valid index`);
    return undefined;
  } catch (error) {
    (error as { blockers?: Blocker[] }).blockers = watcher.blockers();
    throw error;
  } finally {
    watcher.stop();
    await disconnect(client);
  }
}

/**
 * Drops the invalid index a failed build leaves at once (a failed UNIQUE build would go on rejecting writes), unless
 * another session is building it. It waits for locks only briefly: when a blocker still holds the table, the next
 * attempt or run drops it. Returns a note when the leftover stays.
 */
async function dropInvalidLeftover(entry: RegistryEntry, schema: string, settings: BuildSettings): Promise<string | undefined> {
  let client: pg.Client;
  try {
    client = await connect(settings.url, { ...settings, lockTimeoutMs: Math.min(settings.lockTimeoutMs, CLEANUP_LOCK_TIMEOUT_MS) });
  } catch {
    return undefined; // The server is unreachable: the failure already says so, and the next run cleans up.
  }
  try {
    const [state] = await readCatalog(client, [{ ...entry, schema }]);
    if (!state || planAction(entry, state).kind !== 'rebuild') return undefined;
    await client.query(`DROP INDEX CONCURRENTLY IF EXISTS ${quoteQualified(state.schema, entry.indexName)}`);
    return undefined;
  } catch (error) {
    return `its invalid leftover could not be dropped yet (${describeError(error, settings.url)}); the next attempt or run drops it`;
  } finally {
    await disconnect(client);
  }
}

function toFailure(error: unknown, url: string): IndexFailure {
  const e = error as { hint?: string; blockers?: Blocker[] };
  const sqlstate = sqlstateOf(error);
  return {
    ...(sqlstate ? { sqlstate } : {}),
    message: describeError(error, url),
    ...(e.hint ? { hint: e.hint } : {}),
    blockers: e.blockers ?? [],
  };
}

function pastDeadline(settings: BuildSettings): boolean {
  return settings.deadline !== undefined && Date.now() >= settings.deadline;
}
