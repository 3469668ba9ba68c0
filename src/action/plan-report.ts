// `dry-run: true` runs the plan instead of the build; this turns the plan into a Report so that the outputs, the
// summary and the annotations show the status each index would get.
import { buildOrder } from '../builder/build.ts';
import type { Plan } from '../builder/plan.ts';
import type { RegistryEntry } from '../registry/types.ts';
import { countTotals, type IndexResult, type Report } from '../report/types.ts';

export interface PlannedReport {
  report: Report;
  /** Why each index would get its status, by index name. */
  reasons: Record<string, string>;
}

export function planToReport(plan: Plan, entries: readonly RegistryEntry[], durationMs: number): PlannedReport {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  if (plan.error) {
    // The plan could not read the catalog, or build would refuse the pooler: every index would fail.
    const outcome = plan.outcome ?? 'unreachable';
    const message = outcome === 'pooler' ? `build would refuse: ${plan.error}` : `could not start: ${plan.error}`;
    const indexes = buildOrder(entries).map((entry) => result(entry, { status: 'failed', error: { message, blockers: [] } }));
    return { report: { outcome, indexes, totals: countTotals(indexes), notice: message, durationMs }, reasons: {} };
  }
  const reasons: Record<string, string> = {};
  const indexes = plan.indexes.map((planned) => {
    reasons[planned.name] = planned.reason;
    const entry = byName.get(planned.name)!;
    return result(entry, {
      status: planned.status,
      ...(planned.status === 'failed' ? { error: { message: planned.reason, blockers: [] } } : {}),
    });
  });
  return { report: { outcome: 'completed', indexes, totals: countTotals(indexes), durationMs }, reasons };
}

function result(entry: RegistryEntry, outcome: Pick<IndexResult, 'status' | 'error'>): IndexResult {
  return {
    name: entry.name,
    table: entry.tableSchema ? `${entry.tableSchema}.${entry.tableName}` : entry.tableName,
    critical: entry.critical,
    attempts: 0,
    durationMs: 0,
    registry: entry.location,
    ...outcome,
  };
}
