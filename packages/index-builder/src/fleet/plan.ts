// `plan --targets`: what build would do on each database of a fleet, under the same bounds as a fleet build. It
// changes nothing, so there are no canaries; a database that cannot be reached is its own row, never the others'.
import { plan, type PlanOptions } from '../builder/plan.ts';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { runEachTarget, type FleetEvents } from './run.ts';
import type { Limits } from './limits.ts';
import type { FleetReport, Target } from './types.ts';

export interface FleetPlanEvents extends Pick<FleetEvents, 'targetStarted' | 'targetFinished'> {
  /** One planned database's plan, as `plan` prints it for one database; given whole, so databases do not interleave. */
  planned(target: Target, lines: readonly string[]): void;
}

export interface FleetPlanOptions extends Limits {
  plan: PlanOptions;
  signal?: AbortSignal;
  events: FleetPlanEvents;
}

export function planFleet(entries: readonly RegistryEntry[], targets: readonly Target[], options: FleetPlanOptions): Promise<FleetReport> {
  return runEachTarget(entries, targets, options, async (target) => {
    const result = await plan(entries, target.url, options.plan);
    // A database that cannot be planned says why in its end line (its notice), once.
    if (result.report.outcome === 'completed') options.events.planned(target, result.lines);
    return result.report;
  });
}
