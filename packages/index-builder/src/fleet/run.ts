// A fleet run: the single-database builder on every target, bounded globally and per host, each database isolated
// (its own advisory lock, pooler check, time budget and report), canaries first. Never throws: every database
// ends as a row.
import { build, type RunSettings } from '../builder/build.ts';
import { describeError } from '../db/errors.ts';
import type { BuildEvents } from '../builder/events.ts';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import type { Report } from '../builder/result.ts';
import { limiter, type Limits } from './limits.ts';
import { notRunReport } from './not-run.ts';
import { fleetTotals } from './report.ts';
import type { FleetReport, FleetTargetResult, Target } from './types.ts';

const CANARY_GROUP = 'canary';

export interface FleetEvents {
  /** The log of one database's build, each line naming the target. */
  buildEvents(target: Target): BuildEvents;
  targetStarted(target: Target): void;
  targetFinished(target: Target, result: FleetTargetResult): void;
  canariesStarted(names: readonly string[]): void;
  /** Canaries had failed indexes: the rest are deferred. */
  canariesFailed(reason: string, deferred: number): void;
}

export interface FleetOptions extends Limits {
  /** What every database's build gets; the URL, events and signal are the fleet's. */
  build: RunSettings;
  /** The first N targets are canaries; without it, the targets of group `canary` (if any). */
  canary?: number;
  signal?: AbortSignal;
  events: FleetEvents;
}

/** What the fleet does on one database whose URL is known: its report; a database's own trouble never throws. */
export type TargetWork = (target: Target & { url: string }) => Promise<Report>;

/** Where a fleet's targets are run: the bounds, the cancel signal and the start and end of each database. */
export interface TargetRunOptions extends Limits {
  signal?: AbortSignal;
  events: Pick<FleetEvents, 'targetStarted' | 'targetFinished'>;
}

export async function runFleet(entries: readonly RegistryEntry[], targets: readonly Target[], options: FleetOptions): Promise<FleetReport> {
  const started = Date.now();
  const results = new Map<string, FleetTargetResult>();
  const work: TargetWork = (target) =>
    build(entries, {
      ...options.build,
      url: target.url,
      events: options.events.buildEvents(target),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  const runAll = async (batch: readonly Target[]) => {
    for (const result of (await runEachTarget(entries, batch, options, work)).targets) results.set(result.name, result);
  };

  const canaries = canaryTargets(targets, options.canary);
  const rest = targets.filter((target) => !canaries.includes(target));
  if (canaries.length > 0 && rest.length > 0) {
    options.events.canariesStarted(canaries.map((t) => t.name));
    await runAll(canaries);
    const failed = canaries.filter((target) => results.get(target.name)!.report.totals.failed > 0);
    if (failed.length > 0) {
      const count = failed.reduce((sum, target) => sum + results.get(target.name)!.report.totals.failed, 0);
      const reason = `deferred: canary database(s) ${failed.map((t) => t.name).join(', ')} had ${count} failed index(es); nothing was done here. Fix the canaries and run again.`;
      options.events.canariesFailed(reason, rest.length);
      for (const target of rest) {
        const result = row(target, notRunReport(entries, 'deferred', reason));
        results.set(target.name, result);
        options.events.targetFinished(target, result);
      }
    } else {
      await runAll(rest);
    }
  } else {
    await runAll(targets);
  }
  const rows = targets.map((target) => results.get(target.name)!);
  return { targets: rows, totals: fleetTotals(rows), durationMs: Date.now() - started };
}

/** Every target through `work`, bounded like a fleet build and without canaries, in the targets' order. */
export async function runEachTarget(
  entries: readonly RegistryEntry[],
  targets: readonly Target[],
  options: TargetRunOptions,
  work: TargetWork,
): Promise<FleetReport> {
  const started = Date.now();
  const schedule = limiter(options);
  const rows = await Promise.all(targets.map((target) => schedule(target.host, () => runTarget(entries, target, options, work))));
  return { targets: rows, totals: fleetTotals(rows), durationMs: Date.now() - started };
}

/** `--canary N`: the first N targets; otherwise those of group `canary`. */
export function canaryTargets(targets: readonly Target[], canary: number | undefined): Target[] {
  if (canary !== undefined) return targets.slice(0, canary);
  return targets.filter((target) => target.group === CANARY_GROUP);
}

async function runTarget(entries: readonly RegistryEntry[], target: Target, options: TargetRunOptions, work: TargetWork): Promise<FleetTargetResult> {
  if (options.signal?.aborted) {
    const notice = `cancelled by ${String(options.signal.reason)} before this database's turn; nothing was done here`;
    const result = row(target, notRunReport(entries, 'cancelled', notice));
    options.events.targetFinished(target, result);
    return result;
  }
  options.events.targetStarted(target);
  let report: Report;
  if (!target.url) {
    report = notRunReport(entries, 'unreachable', target.problem ?? 'no database URL');
  } else {
    try {
      report = await work({ ...target, url: target.url });
    } catch (error) {
      // build() and plan() report everything they meet; this is a fault of ours, kept to this database.
      report = notRunReport(entries, 'unreachable', `index-builder stopped unexpectedly: ${describeError(error, target.url)}`);
    }
  }
  const result = row(target, report);
  options.events.targetFinished(target, result);
  return result;
}

function row(target: Target, report: Report): FleetTargetResult {
  return { name: target.name, ...(target.group ? { group: target.group } : {}), outcome: report.outcome, report };
}
