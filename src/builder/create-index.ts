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
  error?: IndexFailure;
}

/**
 * Creates the index (after dropping an invalid leftover when `rebuild`). `monitor` is the run's second connection,
 * used to watch progress and blockers.
 */
export async function buildIndex(
  entry: RegistryEntry,
  schema: string,
  rebuild: boolean,
  settings: BuildSettings,
  monitor: pg.Client | undefined,
): Promise<BuildOutcome> {
  const { events, maxAttempts } = settings;
  const qualifiedName = quoteQualified(schema, entry.indexName);
  let attempts = 0;
  let lastFailure: IndexFailure | undefined;
  let failedAt = 0;

  const attempt = async (attemptNumber: number) => {
    attempts = attemptNumber;
    if (attemptNumber > 1) events.retrying(entry, attemptNumber, maxAttempts, Date.now() - failedAt);
    let blockers: Blocker[] = [];
    try {
      blockers = await runCreate(entry, qualifiedName, rebuild && attemptNumber === 1, settings, monitor);
    } catch (error) {
      failedAt = Date.now();
      const failure = toFailure(error, settings.url, blockers);
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
    return { attempts };
  } catch {
    return { attempts, error: lastFailure ?? { message: 'the build did not run', blockers: [] } };
  }
}

/** One attempt on a fresh connection. Returns nothing useful on success; throws the server's error on failure. */
async function runCreate(
  entry: RegistryEntry,
  qualifiedName: string,
  dropFirst: boolean,
  settings: BuildSettings,
  monitor: pg.Client | undefined,
): Promise<Blocker[]> {
  const client = await connect(settings.url, settings);
  const pid: number = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  const started = Date.now();
  const watcher = watchBuild(monitor, pid, {
    progressIntervalMs: settings.progressIntervalMs,
    pollIntervalMs: Math.max(50, Math.min(1000, settings.lockTimeoutMs / 4 || 1000)),
    onProgress: (progress) => settings.events.progress(entry, progress, Date.now() - started),
  });
  try {
    if (dropFirst) await client.query(`DROP INDEX CONCURRENTLY IF EXISTS ${qualifiedName}`);
    await client.query(entry.sql);
    return [];
  } catch (error) {
    (error as { blockers?: Blocker[] }).blockers = watcher.blockers();
    throw error;
  } finally {
    watcher.stop();
    await disconnect(client);
  }
}

/**
 * Drops the invalid index a failed build leaves (a failed UNIQUE build would go on rejecting writes), unless another
 * session is building it. Returns a note when the leftover could not be dropped.
 */
async function dropInvalidLeftover(entry: RegistryEntry, schema: string, settings: BuildSettings): Promise<string | undefined> {
  let client: pg.Client | undefined;
  try {
    client = await connect(settings.url, settings);
    const [state] = await readCatalog(client, [{ ...entry, schema }]);
    if (!state || planAction(entry, state).kind !== 'rebuild') return undefined;
    await client.query(`DROP INDEX CONCURRENTLY IF EXISTS ${quoteQualified(state.schema, entry.indexName)}`);
    return undefined;
  } catch (error) {
    return `its invalid leftover could not be dropped (${describeError(error, settings.url)}); the next run rebuilds it`;
  } finally {
    await disconnect(client);
  }
}

function toFailure(error: unknown, url: string, fallbackBlockers: Blocker[]): IndexFailure {
  const e = error as { hint?: string; blockers?: Blocker[] };
  const sqlstate = sqlstateOf(error);
  return {
    ...(sqlstate ? { sqlstate } : {}),
    message: describeError(error, url),
    ...(e.hint ? { hint: e.hint } : {}),
    blockers: e.blockers ?? fallbackBlockers,
  };
}

function pastDeadline(settings: BuildSettings): boolean {
  return settings.deadline !== undefined && Date.now() >= settings.deadline;
}
