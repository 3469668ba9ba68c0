// Fleet totals, fail-on across the fleet, and which databases failed: all read from the per-database reports.
import { countTotals, shouldFail, type FailOn, type Report } from '../builder/result.ts';
import type { FleetReport, FleetTargetResult, FleetTotals } from './types.ts';

/** Every database's indexes in one report: what fail-on, the summary block and the Action's outputs read. */
export function combinedReport(fleet: Pick<FleetReport, 'targets' | 'durationMs'>): Report {
  const indexes = fleet.targets.flatMap((target) => target.report.indexes);
  return { outcome: 'completed', indexes, totals: countTotals(indexes), orphans: [], durationMs: fleet.durationMs };
}

export function fleetTotals(targets: readonly FleetTargetResult[]): FleetTotals {
  const indexes = targets.flatMap((target) => target.report.indexes);
  return {
    databases: targets.length,
    failedDatabases: failedDatabases(targets).length,
    deferredDatabases: targets.filter((target) => target.outcome === 'deferred').length,
    ...countTotals(indexes),
  };
}

/**
 * A database failed when one of its indexes failed, or when it could not be built at all (unreachable, refused
 * pooler, read-only). Another builder holding its lock, a cancelled run or a canary deferral is not a failure.
 */
export function failedDatabases(targets: readonly FleetTargetResult[]): string[] {
  return targets
    .filter((target) => ['unreachable', 'pooler', 'read-only'].includes(target.outcome) || target.report.totals.failed > 0)
    .map((target) => target.name);
}

/**
 * `fail-on` across the fleet. An unreachable database reports its indexes as failed, so a critical index that was
 * not built because its database could not be reached counts as a failed critical index.
 */
export function fleetShouldFail(fleet: Pick<FleetReport, 'targets' | 'durationMs'>, failOn: FailOn): boolean {
  return shouldFail(combinedReport(fleet), failOn);
}
