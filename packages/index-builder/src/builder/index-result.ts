// One index's line in a report, as build gives it and plan predicts it.
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import type { IndexResult, IndexStatus } from './result.ts';
import type { Decision } from './decide.ts';

export type ResultDetails = Pick<IndexResult, 'error' | 'reason' | 'drift' | 'partitions' | 'restore'>;

export function indexResult(entry: RegistryEntry, status: IndexStatus, attempts: number, durationMs: number, extra: ResultDetails = {}): IndexResult {
  return {
    name: entry.name,
    table: entry.tableSchema ? `${entry.tableSchema}.${entry.tableName}` : entry.tableName,
    critical: entry.critical,
    status,
    attempts,
    durationMs,
    registry: entry.location,
    ...(extra.error ? { error: extra.error } : {}),
    ...(extra.reason ? { reason: extra.reason } : {}),
    ...(extra.drift ? { drift: extra.drift } : {}),
    ...(extra.partitions ? { partitions: extra.partitions } : {}),
    ...(extra.restore ? { restore: extra.restore } : {}),
  };
}

/** What a decision settles from the catalog alone (skip, leave): its drift, its note, and for `failed` the error. */
export function decisionDetails(decision: Decision): ResultDetails {
  return {
    ...(decision.drift ? { drift: decision.drift } : {}),
    ...(decision.note ? { reason: decision.note } : {}),
    ...(decision.status === 'failed'
      ? { error: { ...(decision.sqlstate ? { sqlstate: decision.sqlstate } : {}), message: decision.reason, blockers: [] } }
      : {}),
  };
}

/** Every entry failed with one message, none attempted: the run stopped before its first build. */
export function failedBeforeStart(entries: readonly RegistryEntry[], message: string): IndexResult[] {
  return entries.map((entry) => indexResult(entry, 'failed', 0, 0, { error: { message, blockers: [] } }));
}
