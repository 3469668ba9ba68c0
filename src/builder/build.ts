// A whole run: one builder per database (advisory lock), one catalog query, then each entry in turn — critical
// first, then registry order — until done or the time budget is spent. Never throws: every outcome is in the report.
import type pg from 'pg';
import type { RegistryEntry } from '../registry/types.ts';
import { countTotals, type IndexFailure, type IndexResult, type IndexStatus, type Report } from '../report/types.ts';
import { planAction, readCatalog, type CatalogState } from './catalog.ts';
import { connect, describeError, describeTarget, disconnect } from './connection.ts';
import { buildIndex, type BuildSettings } from './create-index.ts';
import type { BuildEvents } from './events.ts';

/** The key of the session advisory lock that keeps a second builder off the same database. */
export const ADVISORY_LOCK_KEY = 7_262_013_801;
export const ANOTHER_BUILDER_RUNNING = 'another index build is running on this database; nothing was done';

export interface BuildOptions {
  url: string;
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
  maxAttempts?: number;
  retryMinDelayMs?: number;
  retryMaxDelayMs?: number;
  timeBudgetMs?: number;
  progressIntervalMs?: number;
  events: BuildEvents;
}

export const DEFAULTS = {
  lockTimeoutMs: 5 * 60_000,
  statementTimeoutMs: 0,
  maxAttempts: 10,
  retryMinDelayMs: 1000,
  retryMaxDelayMs: 60_000,
  progressIntervalMs: 10_000,
};

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
    deadline: options.timeBudgetMs === undefined ? undefined : startedAt + options.timeBudgetMs,
    events,
  };
  const ordered = buildOrder(entries);
  const finish = (indexes: IndexResult[], notice?: string): Report => {
    const report: Report = { indexes, totals: countTotals(indexes), ...(notice ? { notice } : {}), durationMs: Date.now() - startedAt };
    events.runFinished(report);
    return report;
  };

  events.connecting(describeTarget(options.url));
  let main: pg.Client | undefined;
  let monitor: pg.Client | undefined;
  try {
    main = await connect(options.url);
  } catch (error) {
    const message = `could not start: ${describeError(error, options.url)}`;
    events.notice(message);
    return finish(ordered.map((entry) => result(entry, 'failed', 0, 0, { message, blockers: [] })), message);
  }
  try {
    events.connected();
    const locked = (await main.query('SELECT pg_try_advisory_lock($1) AS locked', [ADVISORY_LOCK_KEY])).rows[0].locked;
    if (!locked) {
      events.notice(ANOTHER_BUILDER_RUNNING);
      return finish(ordered.map((entry) => result(entry, 'deferred', 0, 0)), ANOTHER_BUILDER_RUNNING);
    }
    monitor = await connect(options.url).catch(() => undefined);
    const states = await readCatalog(main, ordered);
    events.runStarted(ordered.length);
    const results: IndexResult[] = [];
    for (const [i, entry] of ordered.entries()) {
      events.indexStarted(i + 1, ordered.length, entry);
      const outcome = await buildEntry(entry, states[i]!, main, settings, monitor);
      events.indexFinished(entry, outcome);
      results.push(outcome);
    }
    return finish(results);
  } catch (error) {
    // The main connection died between entries (server restart, network). What is done stays done.
    const message = describeError(error, options.url);
    events.notice(message);
    return finish(ordered.map((entry) => result(entry, 'failed', 0, 0, { message, blockers: [] })), message);
  } finally {
    await disconnect(monitor);
    await disconnect(main);
  }
}

async function buildEntry(
  entry: RegistryEntry,
  plannedState: CatalogState,
  main: pg.Client,
  settings: BuildSettings,
  monitor: pg.Client | undefined,
): Promise<IndexResult> {
  const started = Date.now();
  const elapsed = () => Date.now() - started;
  let state = plannedState;
  let action = planAction(entry, state);
  if (action.kind === 'create' || action.kind === 'rebuild') {
    // Earlier builds may have taken long: look again before acting (another session may have built or begun it).
    state = (await readCatalog(main, [{ ...entry, schema: state.schema }]).catch(() => []))[0] ?? state;
    action = planAction(entry, state);
  }
  if (action.kind === 'skip') return result(entry, 'skipped', 0, elapsed());
  if (action.kind === 'in-progress') return result(entry, 'in-progress', 0, elapsed());
  if (action.kind === 'conflict') return result(entry, 'failed', 0, elapsed(), { message: action.message, blockers: [] });
  if (settings.deadline !== undefined && Date.now() >= settings.deadline) return result(entry, 'deferred', 0, elapsed());

  settings.events.building(entry, action.kind);
  const outcome = await buildIndex(entry, state.schema, settings, monitor);
  if (outcome.error) return result(entry, 'failed', outcome.attempts, elapsed(), outcome.error);
  if (outcome.foundOnAttempt === 'valid') return result(entry, 'skipped', outcome.attempts, elapsed());
  if (outcome.foundOnAttempt === 'in-progress') return result(entry, 'in-progress', outcome.attempts, elapsed());
  return result(entry, action.kind === 'rebuild' ? 'rebuilt' : 'created', outcome.attempts, elapsed());
}

function result(entry: RegistryEntry, status: IndexStatus, attempts: number, durationMs: number, error?: IndexFailure): IndexResult {
  return {
    name: entry.name,
    table: entry.tableSchema ? `${entry.tableSchema}.${entry.tableName}` : entry.tableName,
    critical: entry.critical,
    status,
    attempts,
    durationMs,
    registry: entry.location,
    ...(error ? { error } : {}),
  };
}
