// The report of a database the fleet did not build: its URL could not be resolved, its canaries failed, or the
// run was cancelled before its turn. Same shape as a build's report, so every renderer treats it alike.
import { buildOrder } from '../builder/build.ts';
import type { RegistryEntry } from '../registry/types.ts';
import { countTotals, type IndexResult, type Report, type RunOutcome } from '../report/types.ts';

/**
 * `unreachable`: every index failed with the reason (so a critical one counts for `fail-on`, as when a server
 * cannot be reached). `deferred` and `cancelled`: every index deferred, nothing connected.
 */
export function notRunReport(
  entries: readonly RegistryEntry[],
  outcome: Extract<RunOutcome, 'unreachable' | 'deferred' | 'cancelled'>,
  notice: string,
): Report {
  const indexes = buildOrder(entries).map((entry): IndexResult => ({
    name: entry.name,
    table: entry.tableSchema ? `${entry.tableSchema}.${entry.tableName}` : entry.tableName,
    critical: entry.critical,
    status: outcome === 'unreachable' ? 'failed' : 'deferred',
    attempts: 0,
    durationMs: 0,
    registry: entry.location,
    ...(outcome === 'unreachable' ? { error: { message: `not attempted: ${notice}`, blockers: [] } } : {}),
  }));
  return {
    outcome,
    indexes,
    totals: countTotals(indexes),
    orphans: [],
    notice,
    ...(outcome === 'cancelled' ? { cancelled: true } : {}),
    durationMs: 0,
  };
}
