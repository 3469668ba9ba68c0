// Builds one index: CREATE INDEX CONCURRENTLY on its own connection, retrying lock conflicts with capped exponential
// backoff and jitter, and never leaving an invalid index behind.
import { AbortError } from 'p-retry';
import type pg from 'pg';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import type { Blocker, IndexFailure } from './result.ts';
import { checkIndexStatement } from '@index-builder/sql-core';
import { physicalState, quoteQualified, readCatalog, type IndexTarget } from './catalog.ts';
import { DeferredError, waitForOtherBuilds } from './concurrent-builds.ts';
import { cancelBackend, connect, disconnect } from '../db/connection.ts';
import { describeError, detailOf, sqlstateOf } from '../db/errors.ts';
import { applyResources, resourcesFor, type BuildResources } from './build-resources.ts';
import type { BuildSpeeds } from './eta.ts';
import type { BuildEvents } from './events.ts';
import { StalledError, stalledMessage, withDeadline } from './liveness.ts';
import { watchBuild, type BuildProgress } from './monitor.ts';
import { backendPid } from './pooler.ts';
import { stepConnection, type RunSessions } from './sessions.ts';
import { isLockConflict, retryLockConflicts, type BackoffSettings } from './retry.ts';
import type { StartGate } from './start-gate.ts';
import { runStatement } from '../db/statement-reading.ts';

const CLEANUP_LOCK_TIMEOUT_MS = 5000;
const OWNER_HINT = "Only the table's owner (or a member of the owning role) can create indexes on it: connect as that role.";

export interface BuildSettings extends BackoffSettings {
  url: string;
  lockTimeoutMs: number;
  statementTimeoutMs: number;
  progressIntervalMs: number;
  /** A control-session query must answer within this; a build's missing answer is a stall after this (liveness.ts). */
  livenessTimeoutMs: number;
  /** Epoch ms after which no new attempt starts. */
  deadline: number | undefined;
  /** Aborted on SIGINT/SIGTERM: the running statement is cancelled on the server. */
  signal: AbortSignal | undefined;
  events: BuildEvents;
  /** Asked before each attempt: the maintenance window and the replicas' and slots' health (start-gate.ts). */
  gate?: StartGate;
  /** The run's maintenance_work_mem and max_parallel_maintenance_workers; an entry's own override them. */
  resources?: BuildResources;
  /** How fast builds went on this database (eta.ts); each build's mark adds its own. */
  speeds?: BuildSpeeds;
}

/** An index to build: a target in the catalog, the statement that builds it, and the entry it is for. */
export interface BuildJob {
  entry: RegistryEntry;
  target: IndexTarget & { schema: string };
  sql: string;
  /** Runs on the build's own connection once the index is valid (e.g. recording the builder's mark), told how long the statement took. */
  afterBuild?: (client: pg.Client, buildMs: number) => Promise<void>;
}

export interface BuildOutcome {
  attempts: number;
  /** Set when, at an attempt, the catalog showed the index already valid or being built by another session. */
  foundOnAttempt?: 'valid' | 'in-progress';
  error?: IndexFailure;
  /** Not started, and why: the lock is lost, or another session's build stands in the way. */
  deferred?: string;
}

/** Creates the index, each attempt first dropping an invalid leftover (of an earlier run or attempt). */
export async function buildIndex(job: BuildJob, settings: BuildSettings, sessions: RunSessions): Promise<BuildOutcome> {
  const { events, maxAttempts } = settings;
  const { target } = job;
  try {
    // The statement goes out only if it reads as the one CREATE INDEX CONCURRENTLY of this target.
    checkIndexStatement(job.sql, { indexName: target.indexName, tableSchema: target.tableSchema, tableName: target.tableName, concurrent: true });
  } catch (error) {
    return { attempts: 0, error: { message: (error as Error).message, blockers: [] } };
  }
  let attempts = 0;
  let lastFailure: IndexFailure | undefined;
  let failedAt = 0;
  let found: BuildOutcome['foundOnAttempt'];
  let deferred: string | undefined;

  const attempt = async (attemptNumber: number) => {
    attempts = attemptNumber;
    if (attemptNumber > 1) events.retrying(job.entry, attemptNumber, maxAttempts, Date.now() - failedAt);
    try {
      found = await runAttempt(job, settings, sessions);
    } catch (error) {
      if (error instanceof DeferredError) {
        deferred = error.message;
        attempts = attemptNumber - 1;
        throw new AbortError(error.message);
      }
      failedAt = Date.now();
      const failure = toFailure(error, settings);
      const cleanup = await dropInvalidLeftover(job, settings);
      if (cleanup) failure.message += `; ${cleanup}`;
      lastFailure = failure;
      const retryable = isLockConflict(failure.sqlstate) && attemptNumber < maxAttempts && !pastDeadline(settings) && !settings.signal?.aborted;
      events.attemptFailed(job.entry, attemptNumber, maxAttempts, failure, retryable);
      if (!retryable) throw new AbortError(failure.message);
      throw error;
    }
  };

  try {
    // The run's deadline bounds the builds' retries: no build starts after it (the constraint and swap that finish
    // a built index are not cut short).
    await retryLockConflicts(attempt, settings, { deadline: settings.deadline });
    return { attempts, ...(found ? { foundOnAttempt: found } : {}) };
  } catch {
    if (deferred) return { attempts, deferred };
    const error = lastFailure ?? { message: settings.signal?.aborted ? 'cancelled before it started' : 'the build did not run', blockers: [] };
    return { attempts, error };
  }
}

/**
 * One attempt on the run's build session (a fresh connection once that is lost): drop an invalid leftover nobody is
 * building, run the statement, and check the catalog afterwards (IF NOT EXISTS would silently accept an invalid
 * index of the same name).
 */
async function runAttempt(job: BuildJob, settings: BuildSettings, sessions: RunSessions): Promise<BuildOutcome['foundOnAttempt']> {
  const { target } = job;
  const lost = await sessions.lock?.check();
  if (lost) throw new DeferredError(lost);
  const held = await settings.gate?.hold(job.entry, (progress, waitedMs) => settings.events.progress(job.entry, progress, waitedMs));
  if (held) throw new DeferredError(held);
  const connection = await stepConnection(sessions, settings.url, settings, settings.signal);
  const { client } = connection;
  const pid = connection.pid ?? (await backendPid(client));
  sessions.runPids?.add(pid);
  const started = Date.now();
  const pollIntervalMs = Math.max(50, Math.min(1000, settings.lockTimeoutMs / 4 || 1000));
  const onProgress = (progress: BuildProgress) => settings.events.progress(job.entry, progress, Date.now() - started);
  let stalled: string | undefined;
  const watcher = watchBuild(sessions.monitor, pid, {
    progressIntervalMs: settings.progressIntervalMs,
    pollIntervalMs,
    onProgress,
    livenessTimeoutMs: settings.livenessTimeoutMs,
    url: settings.url,
    onControlFailed: (control, error) => sessions.lock?.failed(control, error),
    onStalled: (waitedMs, seen) => {
      if (stalled) return;
      stalled = `${stalledMessage(settings.url, waitedMs)}: ${
        seen === 'finished'
          ? 'the server no longer runs the statement but its answer never came'
          : 'no new connection could be opened to check on the statement'
      }, so the connection was closed`;
      client.connection.stream.destroy();
    },
    unwatchable: () => sessions.lock?.unwatchable ?? false,
  });
  const cancel = () => void cancelBackend(settings.url, pid);
  let statementStarted = Date.now();
  settings.signal?.addEventListener('abort', cancel);
  try {
    if (settings.signal?.aborted) throw new Error('cancelled');
    const [before] = await watcher.awaiting(readCatalog(client, [target]));
    const state = before ? physicalState(target, before).kind : 'missing';
    if (state === 'valid') return 'valid';
    if (state === 'in-progress') return 'in-progress';
    await startOnlyWhenClear(target, pid, settings, sessions, pollIntervalMs, onProgress);
    // A cancellation during the wait found nothing running to cancel: nothing may start after it.
    if (settings.signal?.aborted) throw new Error('cancelled');
    if (state === 'invalid')
      await watcher.awaiting(runStatement(client, `DROP INDEX CONCURRENTLY IF EXISTS ${quoteQualified(target.schema, target.indexName)}`));
    const reset = await applyResources(client, resourcesFor(job.entry, settings.resources));
    statementStarted = Date.now();
    try {
      await watcher.awaiting(runStatement(client, job.sql));
    } finally {
      if (!stalled) await reset();
    }
    const [after] = await watcher.awaiting(readCatalog(client, [target]));
    if (!after?.valid) throw new Error(`the statement succeeded but "${target.schema}.${target.indexName}" is not a valid index`);
    await job.afterBuild?.(client, Date.now() - statementStarted).catch(() => {});
    return undefined;
  } catch (error) {
    if (!stalled) {
      (error as { blockers?: Blocker[] }).blockers = watcher.blockers();
      throw error;
    }
    // The answer was lost, not necessarily the build: what the server did is read from the control session.
    const control = await builtMeanwhile(target, settings, sessions);
    if (control) {
      settings.events.notice(`${stalled}; the index was built all the same`);
      await job.afterBuild?.(control, Date.now() - statementStarted).catch(() => {});
      return undefined;
    }
    throw Object.assign(new StalledError(stalled), { blockers: watcher.blockers() });
  } finally {
    settings.signal?.removeEventListener('abort', cancel);
    sessions.runPids?.delete(pid);
    watcher.stop();
    await connection.release();
  }
}

/**
 * Holds the build until the run holds its lock and no other build stands in the way (concurrent-builds.ts). Throws
 * {@link DeferredError} when the lock is lost for good or the other build outlasts lock_timeout.
 */
async function startOnlyWhenClear(
  target: BuildJob['target'],
  ownPid: number,
  settings: BuildSettings,
  sessions: RunSessions,
  pollIntervalMs: number,
  onProgress: (progress: BuildProgress) => void,
): Promise<void> {
  sessions.waitedOut ??= new Set();
  for (;;) {
    const lost = await sessions.lock?.check();
    if (lost) throw new DeferredError(lost);
    const clear = await waitForOtherBuilds({
      client: sessions.monitor,
      url: settings.url,
      table: quoteQualified(target.tableSchema ?? target.schema, target.tableName),
      ownPids: [ownPid, ...(sessions.runPids ?? [])],
      lockTimeoutMs: settings.lockTimeoutMs,
      pollIntervalMs,
      progressIntervalMs: settings.progressIntervalMs,
      livenessTimeoutMs: settings.livenessTimeoutMs,
      waitedOut: sessions.waitedOut,
      signal: settings.signal,
      onProgress,
      onControlFailed: (control, error) => sessions.lock?.failed(control, error),
    });
    if (clear) return;
  }
}

/** After a stall: the control session, when it shows the index valid (the build finished, only its answer was lost). */
async function builtMeanwhile(target: BuildJob['target'], settings: BuildSettings, sessions: RunSessions): Promise<pg.Client | undefined> {
  await sessions.lock?.check();
  const control = sessions.monitor();
  if (!control) return undefined;
  try {
    const [state] = await withDeadline(readCatalog(control, [target]), settings.livenessTimeoutMs, settings.url);
    return state?.valid ? control : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Drops the invalid index a failed build leaves at once (a failed UNIQUE build would go on rejecting writes), unless
 * another session is building it. It waits for locks only briefly: when a blocker still holds the table, the next
 * attempt or run drops it. Returns a note when the leftover stays.
 */
async function dropInvalidLeftover(job: BuildJob, settings: BuildSettings): Promise<string | undefined> {
  let client: pg.Client;
  try {
    client = await connect(settings.url, { ...settings, lockTimeoutMs: Math.min(settings.lockTimeoutMs, CLEANUP_LOCK_TIMEOUT_MS) });
  } catch {
    return undefined; // The server is unreachable: the failure already says so, and the next run cleans up.
  }
  try {
    const [state] = await readCatalog(client, [job.target]);
    if (!state || physicalState(job.target, state).kind !== 'invalid') return undefined;
    await runStatement(client, `DROP INDEX CONCURRENTLY IF EXISTS ${quoteQualified(state.schema, job.target.indexName)}`);
    return undefined;
  } catch (error) {
    return `its invalid leftover could not be dropped yet (${describeError(error, settings.url)}); the next attempt or run drops it`;
  } finally {
    await disconnect(client);
  }
}

function toFailure(error: unknown, settings: BuildSettings): IndexFailure {
  const e = error as { hint?: string; blockers?: Blocker[] };
  const sqlstate = sqlstateOf(error);
  const hint = e.hint ?? (sqlstate === '42501' ? OWNER_HINT : undefined);
  const cancelled = settings.signal?.aborted && (sqlstate === '57014' || sqlstate === undefined);
  return {
    ...(sqlstate ? { sqlstate } : {}),
    message: cancelled ? `cancelled by ${String(settings.signal?.reason ?? 'a signal')}` : describeError(error, settings.url),
    ...(detailOf(error) ? { detail: detailOf(error)! } : {}),
    ...(hint ? { hint } : {}),
    blockers: e.blockers ?? [],
  };
}

function pastDeadline(settings: BuildSettings): boolean {
  return settings.deadline !== undefined && Date.now() >= settings.deadline;
}
