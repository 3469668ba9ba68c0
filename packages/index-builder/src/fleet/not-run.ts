// The report of a database the fleet did not build: its URL could not be resolved, its canaries failed, or the
// run was cancelled before its turn. Same shape as a build's report, so every renderer treats it alike.
import { buildOrder } from '../builder/build.ts';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { failedBeforeStart, indexResult } from '../builder/index-result.ts';
import { countTotals, type Report, type RunOutcome } from '../builder/result.ts';

/**
 * `unreachable`: every index failed with the reason (so a critical one counts for `fail-on`, as when a server
 * cannot be reached). `deferred` and `cancelled`: every index deferred, nothing connected.
 */
export function notRunReport(
  entries: readonly RegistryEntry[],
  outcome: Extract<RunOutcome, 'unreachable' | 'deferred' | 'cancelled'>,
  notice: string,
): Report {
  const ordered = buildOrder(entries);
  const indexes =
    outcome === 'unreachable'
      ? failedBeforeStart(ordered, `not attempted: ${notice}`)
      : ordered.map((entry) => indexResult(entry, 'deferred', 0, 0, { reason: `not attempted: ${notice}` }));
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
