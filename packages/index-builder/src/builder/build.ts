// A whole run: one builder per database (advisory lock), one catalog query, then each entry in turn — critical
// first, then registry order — until done, cancelled, or the time budget is spent. Never throws: every outcome is
// in the report.
import type pg from 'pg';
import { SETTING_DEFAULTS } from '../defaults.ts';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { countTotals, type IndexResult, type IndexStatus, type OrphanIndex, type Report, type RunOutcome } from './result.ts';
import { readCatalog, type CatalogState } from './catalog.ts';
import { attachConstraint } from './constraint.ts';
import { connect, disconnect, nameSession } from '../db/connection.ts';
import { describeError, detailOf, sqlstateOf } from '../db/errors.ts';
import { describeTarget } from '../db/url.ts';
import { buildIndex, type BuildOutcome, type BuildSettings } from './create-index.ts';
import { decide, notAdopted, type Decision, type OnDrift } from './decide.ts';
import { compareWhereNeeded } from './equivalence.ts';
import type { BuildEvents } from './events.ts';
import { decisionDetails, failedBeforeStart, indexResult as result, type ResultDetails as Extra } from './index-result.ts';
import { closeWithin, LIVENESS_TIMEOUT_MS } from './liveness.ts';
import { ADVISORY_LOCK_KEY, RunLock } from './lock.ts';
import { readSwapDependents } from './dependents.ts';
import { originAfterRefresh, writeMark } from './marker.ts';
import { DEFAULT_PRUNE_MAX, executePrune, findPruneCandidates, planPrune, type PruneClass } from './prune.ts';
import { BUDGET_SPENT, buildPartitioned } from './partitioned.ts';
import { READ_ONLY_COLUMNS, readOnlyTarget, refusalNotice, type ReadOnlyColumns } from './read-only.ts';
import { closeSessions, openSessions, usableSession, type OpeningSessions, type RunSessions } from './sessions.ts';
import { replaceDrifted } from './swap.ts';
import { parseDuration } from '../util/duration.ts';
import { runScheduled, serializeQueries, tableLockKeys } from './scheduler.ts';
import { StartGate } from './start-gate.ts';
import { BuildSpeeds, overBudget, readRecordedSpeeds, readTableBytes } from './eta.ts';
import type { MaintenanceWindow } from './window.ts';

export { ADVISORY_LOCK_KEY } from './lock.ts';
export const ANOTHER_BUILDER_RUNNING = 'another index build is running on this database; nothing was done';
/** Why an entry was not attempted, as its `reason` (the budget's is BUDGET_SPENT). */
const HELD_BY_ANOTHER_BUILDER = 'not attempted: another index-builder run holds this database';
function cancelledBeforeTurn(signal: unknown): string {
  return `not attempted: the run was cancelled (${typeof signal === 'string' ? signal : 'a signal'}) before its turn`;
}

export { ON_DRIFT_VALUES, type OnDrift } from './decide.ts';

/** What a build is told besides where (url), whom to tell (events) and when to stop (signal): the user's settings. */
export type RunSettings = Omit<BuildOptions, 'url' | 'events' | 'signal' | 'sessions'>;

export interface BuildOptions {
  url: string;
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
  maxAttempts?: number;
  retryMinDelayMs?: number;
  retryMaxDelayMs?: number;
  timeBudgetMs?: number;
  progressIntervalMs?: number;
  /**
   * How long a control-session query may go unanswered (the lock is then lost, and regained on a new connection), and
   * how long a build's answer may be missing once the server has finished it (the build then fails as stalled).
   */
  livenessTimeoutMs?: number;
  /** What to do with a valid index whose definition differs from the registry: report it (default) or replace it. */
  onDrift?: OnDrift;
  /** Drop the builder's own indexes that the registry no longer declares (prune.ts says which may go). */
  prune?: boolean;
  /** Classes `prune` may drop besides the builder's own plain indexes: adopted, unique, constraint, shrunk-registry. */
  pruneInclude?: readonly PruneClass[];
  /** At most this many orphans dropped in one run (default DEFAULT_PRUNE_MAX). */
  pruneMax?: number;
  /** Abort to stop the run: the running build is cancelled on the server and the rest deferred. */
  signal?: AbortSignal;
  events: BuildEvents;
  /** The run's connections, opened in advance (openSessions) so that they authenticate while the registry loads. */
  sessions?: OpeningSessions;
  /** No build starts while a streaming replica's replay lag exceeds this (health-gate.ts). */
  maxReplicaLagMs?: number;
  /** No build starts while a replication slot keeps more WAL than this on the primary. */
  maxRetainedWalBytes?: number;
  /** No build starts outside it (entries with ignoreWindow excepted); they are deferred. */
  window?: MaintenanceWindow;
  /** Up to this many builds at once, never two on one table (scheduler.ts); default 1. */
  parallel?: number;
  /** maintenance_work_mem for each build's session (an entry's own overrides it). */
  maintenanceWorkMem?: string;
  /** max_parallel_maintenance_workers for each build's session (an entry's own overrides it). */
  maxParallelMaintenanceWorkers?: number;
}

export const DEFAULTS = {
  lockTimeoutMs: parseDuration(SETTING_DEFAULTS['lock-timeout']),
  statementTimeoutMs: parseDuration(SETTING_DEFAULTS['statement-timeout']),
  maxAttempts: Number(SETTING_DEFAULTS['max-attempts']),
  retryMinDelayMs: 1000,
  retryMaxDelayMs: 60_000,
  progressIntervalMs: parseDuration(SETTING_DEFAULTS['progress-interval']),
};

/** Opens a run's connections ahead of build() (see openSessions), with the timeouts build() will set. */
export function openRun(url: string, run: RunSettings): OpeningSessions {
  return openSessions(url, {
    lockTimeoutMs: run.lockTimeoutMs ?? DEFAULTS.lockTimeoutMs,
    statementTimeoutMs: run.statementTimeoutMs ?? DEFAULTS.statementTimeoutMs,
  });
}

/** Critical entries first, then registry order. */
export function buildOrder(entries: readonly RegistryEntry[]): RegistryEntry[] {
  return [...entries.filter((e) => e.critical), ...entries.filter((e) => !e.critical)];
}

export async function build(entries: readonly RegistryEntry[], options: BuildOptions): Promise<Report> {
  const startedAt = Date.now();
  const { events } = options;
  const settings: BuildSettings = {
    url: options.url,
    lockTimeoutMs: options.lockTimeoutMs ?? DEFAULTS.lockTimeoutMs,
    statementTimeoutMs: options.statementTimeoutMs ?? DEFAULTS.statementTimeoutMs,
    maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
    retryMinDelayMs: options.retryMinDelayMs ?? DEFAULTS.retryMinDelayMs,
    retryMaxDelayMs: options.retryMaxDelayMs ?? DEFAULTS.retryMaxDelayMs,
    progressIntervalMs: options.progressIntervalMs ?? DEFAULTS.progressIntervalMs,
    livenessTimeoutMs: options.livenessTimeoutMs ?? LIVENESS_TIMEOUT_MS,
    deadline: options.timeBudgetMs === undefined ? undefined : startedAt + options.timeBudgetMs,
    signal: options.signal,
    events,
  };
  const ordered = buildOrder(entries);
  const finish = (indexes: IndexResult[], orphans: OrphanIndex[] = [], notice?: string, stopped?: RunOutcome): Report => {
    const cancelled = options.signal?.aborted === true;
    const note =
      notice ??
      (cancelled
        ? `cancelled by ${String(options.signal?.reason)}: the running build was cancelled on the server; the rest wait for the next run`
        : undefined);
    const report: Report = {
      outcome: stopped ?? (cancelled ? 'cancelled' : 'completed'),
      indexes,
      totals: countTotals(indexes),
      orphans,
      ...(note ? { notice: note } : {}),
      ...(cancelled ? { cancelled } : {}),
      durationMs: Date.now() - startedAt,
    };
    events.runFinished(report);
    return report;
  };

  events.connecting(describeTarget(options.url));
  const opening = options.sessions ?? openSessions(options.url, settings);
  let control: pg.Client | undefined;
  try {
    control = await opening.control;
  } catch (error) {
    await closeSessions(opening);
    const message = `could not start: ${describeError(error, options.url)}`;
    events.notice(message);
    return finish(failedBeforeStart(ordered, message), [], message, 'unreachable');
  }
  let locked = false;
  let runLock: RunLock | undefined;
  try {
    events.connected();
    // Before anything changes on a server connection: a transaction pooler would keep our lock and settings.
    const pooler = await opening.pooler;
    if ('message' in pooler) {
      events.notice(pooler.message);
      return finish(failedBeforeStart(ordered, pooler.message), [], pooler.message, 'pooler');
    }
    const [lock, session] = await Promise.all([
      nameSession<{ locked: boolean } & ReadOnlyColumns>(
        control,
        `SELECT pg_try_advisory_lock(${ADVISORY_LOCK_KEY}) AS locked, ${READ_ONLY_COLUMNS}`,
      ),
      opening.build,
    ]);
    locked = lock[0]!.locked;
    const readOnly = await readOnlyTarget(control, lock[0]!, options.url);
    if (readOnly) {
      const message = refusalNotice(readOnly);
      events.notice(message);
      return finish(failedBeforeStart(ordered, message), [], message, 'read-only');
    }
    if (!locked) {
      events.notice(ANOTHER_BUILDER_RUNNING);
      return finish(
        ordered.map((entry) => result(entry, 'deferred', 0, 0, { reason: HELD_BY_ANOTHER_BUILDER })),
        [],
        ANOTHER_BUILDER_RUNNING,
        'another-builder',
      );
    }
    const held = await RunLock.held(control, {
      url: options.url,
      livenessTimeoutMs: settings.livenessTimeoutMs,
      signal: options.signal,
      notice: (message) => events.notice(message),
    });
    runLock = held;
    // Read where the first build runs: its own check of the catalog then finds the session's caches warm.
    const states = await readCatalog(session?.client ?? control, ordered);
    const equivalences = await compareWhereNeeded(control, ordered, states);
    const dependents = await readSwapDependents(control, ordered, states, equivalences);
    const decisions = ordered.map((entry, i) => decide(entry, states[i]!, equivalences[i], { onDrift: options.onDrift ?? 'report' }, dependents[i]));
    const parallel = Math.max(1, options.parallel ?? 1);
    // Builds in flight at once share the control session to watch them: one query at a time on it.
    const monitor = parallel > 1 ? () => (held.client ? serializeQueries(held.client) : undefined) : () => held.client;
    const sessions: RunSessions = { monitor, build: session, lock: held, waitedOut: new Set(), runPids: new Set() };
    settings.gate = new StartGate({
      ...(options.window ? { window: options.window } : {}),
      bounds: {
        ...(options.maxReplicaLagMs !== undefined ? { maxReplicaLagMs: options.maxReplicaLagMs } : {}),
        ...(options.maxRetainedWalBytes !== undefined ? { maxRetainedWalBytes: options.maxRetainedWalBytes } : {}),
      },
      url: options.url,
      monitor,
      livenessTimeoutMs: settings.livenessTimeoutMs,
      deadline: settings.deadline,
      signal: settings.signal,
      progressIntervalMs: settings.progressIntervalMs,
    });
    settings.resources = {
      ...(options.maintenanceWorkMem !== undefined ? { maintenanceWorkMem: options.maintenanceWorkMem } : {}),
      ...(options.maxParallelMaintenanceWorkers !== undefined ? { maxParallelMaintenanceWorkers: options.maxParallelMaintenanceWorkers } : {}),
    };
    // Builds in flight at once print their progress interleaved: each line then names its index.
    const runEvents = parallel > 1 ? parallelEvents(events) : events;
    const slotSettings: BuildSettings = parallel > 1 ? { ...settings, events: runEvents } : settings;
    const lockKeys = parallel > 1 ? await tableLockKeys(control, ordered) : [];
    // Estimates only when something is to be built: a steady-state run pays nothing for them.
    const toBuild = decisions.some((decision) => ['create', 'rebuild', 'replace'].includes(decision.action));
    const [recordedSpeeds, tableBytes] = toBuild ? await Promise.all([readRecordedSpeeds(control), readTableBytes(control, ordered)]) : [[], []];
    settings.speeds = new BuildSpeeds(recordedSpeeds);
    events.runStarted(ordered.length);
    const results: IndexResult[] = [];
    let unreachable: string | undefined;
    let position = 0;
    await runScheduled(
      ordered.length,
      parallel,
      (i) => lockKeys[i] ?? [],
      async (i, slot) => {
        const entry = ordered[i]!;
        runEvents.indexStarted(++position, ordered.length, entry);
        // Slot 0 builds on the run's build session; the others on connections of their own.
        const slotSessions: RunSessions = slot === 0 ? sessions : { ...sessions, build: undefined };
        const estimateMs = settings.speeds?.estimateMs(tableBytes[i] ?? 0);
        const entrySettings = estimateMs === undefined ? slotSettings : { ...slotSettings, events: withRemaining(slotSettings.events, estimateMs) };
        // After a lost connection, what the catalog (read before the loss) settled still stands; the rest waits.
        const built = unreachable
          ? notAttempted(entry, decisions[i]!, `the connection to ${describeTarget(options.url)} was lost (${unreachable})`)
          : await buildEntry(entry, states[i]!, decisions[i]!, held.client ?? control, entrySettings, slotSessions, estimateMs);
        const attached = await attachConstraint(entry, states[i]!.schema, built, settings);
        const heldBack = settings.gate?.heldBack.get(entry.name);
        const builds = ['create', 'rebuild', 'replace'].includes(decisions[i]!.action);
        const outcome = {
          ...attached,
          ...(heldBack ? { heldBack } : {}),
          ...(builds && estimateMs !== undefined ? { estimatedMs: estimateMs } : {}),
        };
        runEvents.indexFinished(entry, outcome);
        results[i] = outcome;
        if (!unreachable && lostConnection(outcome)) unreachable = await probeServer(options.url, settings.signal);
      },
    );
    // On the build session while it lasts (its catalog caches are warm), unless a cancellation may still reach it.
    const orphanSession = (!options.signal?.aborted && usableSession(session)?.client) || held.client;
    // Without the lock nothing is dropped. The run still ends `completed` (every entry has a status, the deferred
    // ones say why); its notice says that the lock was lost.
    const lost = held.lostReason;
    const orphans = orphanSession
      ? await handleOrphans(orphanSession, ordered, states, decisions, { ...options, prune: options.prune && !lost }, settings)
      : [];
    return finish(results, orphans, lost);
  } catch (error) {
    // The control connection died before the builds began (server restart, network).
    const message = describeError(error, options.url);
    events.notice(message);
    return finish(failedBeforeStart(ordered, message), [], message, 'unreachable');
  } finally {
    await Promise.all([
      opening.build.then((session) => closeWithin(session?.client, settings.livenessTimeoutMs)),
      runLock ? runLock.release() : release(control, locked),
    ]);
  }
}

/**
 * The run's events for builds in flight at once: each progress line names its index, and an index's heading is held
 * back until it starts building or is done, so that an index that builds nothing prints its heading and outcome
 * together instead of between another's lines.
 */
function parallelEvents(events: BuildEvents): BuildEvents {
  const headings = new Map<RegistryEntry, () => void>();
  const flush = (entry: RegistryEntry) => {
    headings.get(entry)?.();
    headings.delete(entry);
  };
  return {
    ...events,
    indexStarted: (position, count, entry) => void headings.set(entry, () => events.indexStarted(position, count, entry)),
    building: (entry, kind) => {
      flush(entry);
      events.building(entry, kind);
    },
    progress: (entry, progress, elapsedMs) => {
      flush(entry);
      events.progress(entry, { ...progress, phase: `${entry.name}: ${progress.phase}` }, elapsedMs);
    },
    attemptFailed: (entry, ...rest) => {
      flush(entry);
      events.attemptFailed(entry, ...rest);
    },
    partitionDone: (entry, ...rest) => {
      flush(entry);
      events.partitionDone(entry, ...rest);
    },
    adopted: (entry) => {
      flush(entry);
      events.adopted(entry);
    },
    indexFinished: (entry, result) => {
      flush(entry);
      events.indexFinished(entry, result);
    },
  };
}

/** The events of one build expected to take `estimateMs`: its progress lines say how long is left. */
function withRemaining(events: BuildEvents, estimateMs: number): BuildEvents {
  return { ...events, progress: (entry, progress, elapsedMs) => events.progress(entry, { ...progress, estimatedMs: estimateMs }, elapsedMs) };
}

/** Closes the control session, first releasing the lock: through a session pooler the server connection outlives ours. */
async function release(control: pg.Client, locked: boolean): Promise<void> {
  if (locked) await control.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_KEY})`).catch(() => {});
  await disconnect(control);
}

async function buildEntry(
  entry: RegistryEntry,
  state: CatalogState,
  decision: Decision,
  control: pg.Client,
  settings: BuildSettings,
  sessions: RunSessions,
  estimateMs?: number,
): Promise<IndexResult> {
  const started = Date.now();
  const done = (status: IndexStatus, attempts: number, extra: Extra = {}) => result(entry, status, attempts, Date.now() - started, extra);
  const drift = decision.drift;
  switch (decision.action) {
    case 'skip':
    case 'leave':
      return done(decision.status, 0, decisionDetails(decision));
    case 'adopt':
      return adopt(entry, state, control, settings, done);
    case 'create':
    case 'rebuild':
    case 'replace':
      break;
  }
  if (settings.signal?.aborted) return done('deferred', 0, { ...(drift ? { drift } : {}), reason: cancelledBeforeTurn(settings.signal.reason) });
  if (settings.deadline !== undefined && Date.now() >= settings.deadline) {
    const waitedFor = settings.gate?.budgetSpentOn;
    return done('deferred', 0, { ...(drift ? { drift } : {}), reason: waitedFor ? `the time budget was spent waiting: ${waitedFor}` : BUDGET_SPENT });
  }
  const outsideWindow = settings.gate?.outsideWindow(entry);
  if (outsideWindow) return done('deferred', 0, { ...(drift ? { drift } : {}), reason: outsideWindow });
  const wouldOverrun = overBudget(estimateMs, settings.deadline, Date.now());
  if (wouldOverrun) return done('deferred', 0, { ...(drift ? { drift } : {}), reason: wouldOverrun });

  // Each build attempt reads this entry's catalog state again before acting, so a plan made long ago is safe.
  settings.events.building(entry, decision.action);
  const outcome = await buildEntryIndex(entry, decision, state, settings, sessions);
  const extra: Extra = {
    ...(drift ? { drift } : {}),
    ...('partitions' in outcome ? { partitions: outcome.partitions } : {}),
    ...('restore' in outcome && outcome.restore ? { restore: outcome.restore } : {}),
  };
  if (outcome.error) return done('failed', outcome.attempts, { ...extra, error: outcome.error });
  if (outcome.deferred) return done('deferred', outcome.attempts, { ...extra, reason: outcome.deferred });
  if (outcome.foundOnAttempt === 'valid') return done('skipped', outcome.attempts, extra);
  if (outcome.foundOnAttempt === 'in-progress') return done('in-progress', outcome.attempts, extra);
  return done(decision.action === 'create' ? 'created' : 'rebuilt', outcome.attempts, extra);
}

/** Builds the entry's index the way its table and decision need: per partition, by swap (a drifted index), or at once. */
async function buildEntryIndex(
  entry: RegistryEntry,
  decision: Decision,
  state: CatalogState,
  settings: BuildSettings,
  sessions: RunSessions,
): Promise<BuildOutcome & { partitions?: { total: number; built: number }; restore?: string }> {
  try {
    if (state.tableKind === 'p') return await buildPartitioned(entry, state.schema, settings, sessions);
    if (decision.action === 'replace') return await replaceDrifted(entry, state.schema, settings, sessions);
    const target = { ...entry, schema: state.schema };
    // Record the definition that built it: later runs compare against this to detect drift.
    // With how fast it went: later runs estimate their builds from it.
    const afterBuild = async (client: pg.Client, buildMs: number) =>
      void (await writeMark(client, state.schema, entry, 'built', { buildMs, record: (speed) => settings.speeds?.add(speed) }));
    return await buildIndex({ entry, target, sql: entry.sql, afterBuild }, settings, sessions);
  } catch (error) {
    const sqlstate = sqlstateOf(error);
    const detail = detailOf(error);
    return {
      attempts: 1,
      error: { ...(sqlstate ? { sqlstate } : {}), message: describeError(error, settings.url), ...(detail ? { detail } : {}), blockers: [] },
    };
  }
}

async function adopt(
  entry: RegistryEntry,
  state: CatalogState,
  control: pg.Client,
  settings: BuildSettings,
  done: (status: IndexStatus, attempts: number, extra?: Extra) => IndexResult,
): Promise<IndexResult> {
  // Without the mark the index is adopted again next run; drift detection is all it would cost. The index is still
  // the registry's definition (skipped), but the report must not claim it was adopted.
  try {
    if (!(await writeMark(control, state.schema, entry, originAfterRefresh(state.comment)))) {
      return done('skipped', 0, { reason: 'not adopted: the index was gone when its mark was to be written; the next run looks at it again' });
    }
  } catch (error) {
    const sqlstate = sqlstateOf(error);
    const why = `${describeError(error, settings.url)}${sqlstate ? ` [${sqlstate}]` : ''}`;
    // 42501: not the owner (the equivalence check saw none, but ownership can change); else the cause is the error's.
    return done('skipped', 0, { reason: sqlstate === '42501' ? notAdopted(why) : notAdopted(why, 'Once that is fixed, the next run adopts it') });
  }
  settings.events.adopted(entry);
  return done('skipped', 0);
}

/**
 * An entry after the connection was lost: a status the catalog settled (skipped, drifted, in-progress, a name
 * clash) stands; anything that needed the server is not attempted and says why.
 */
function notAttempted(entry: RegistryEntry, decision: Decision, lost: string): IndexResult {
  switch (decision.action) {
    case 'skip':
    case 'leave':
      return result(entry, decision.status, 0, 0, decisionDetails(decision));
    case 'adopt':
      return result(entry, 'skipped', 0, 0, { reason: notAdopted(lost, 'The next run adopts it') });
    case 'create':
    case 'rebuild':
    case 'replace':
      return result(entry, 'deferred', 0, 0, {
        ...(decision.drift ? { drift: decision.drift } : {}),
        reason: `not attempted: ${lost}; the next run builds it`,
      });
  }
}

async function handleOrphans(
  client: pg.Client,
  entries: readonly RegistryEntry[],
  states: readonly CatalogState[],
  decisions: readonly Decision[],
  options: BuildOptions,
  settings: BuildSettings,
): Promise<OrphanIndex[]> {
  try {
    const found = await findPruneCandidates(client, entries, states, decisions);
    const planned = planPrune(found, entries, {
      prune: options.prune === true,
      include: options.pruneInclude ?? [],
      max: options.pruneMax ?? DEFAULT_PRUNE_MAX,
    });
    if (options.signal?.aborted) return planned.map(({ orphan }) => ({ ...orphan, dropped: false }));
    return await executePrune(options.url, settings, planned);
  } catch {
    return [];
  }
}

/** A failure of the connection rather than of the statement: no SQLSTATE, or class 08 (connection) / 57P (shutdown, crash). */
function lostConnection(outcome: IndexResult): boolean {
  if (outcome.status !== 'failed' || !outcome.error) return false;
  const sqlstate = outcome.error.sqlstate;
  return sqlstate === undefined ? !outcome.error.message.startsWith('cancelled') : /^(08|57P)/.test(sqlstate);
}

/** After a lost connection: waits for the server to come back (a restart), or says why it cannot be reached. */
async function probeServer(url: string, signal: AbortSignal | undefined): Promise<string | undefined> {
  try {
    await disconnect(await connect(url, undefined, { retry: true, signal }));
    return undefined;
  } catch (error) {
    return describeError(error, url);
  }
}
