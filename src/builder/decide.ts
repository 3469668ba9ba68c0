// What the builder does for a registry entry in a given catalog state: DESIGN.md's status table, with drift. One pure
// decision that `plan` (and the Action's dry run) reports and `build` executes, so both say the same.
import type { RegistryEntry } from '../registry/types.ts';
import type { IndexStatus } from '../report/types.ts';
import { physicalState, type CatalogState } from './catalog.ts';
import type { Equivalence } from './equivalence.ts';
import { recordedFingerprint } from './marker.ts';

export type OnDrift = 'report' | 'rebuild';
export const ON_DRIFT_VALUES: readonly OnDrift[] = ['report', 'rebuild'];

export interface DecisionOptions {
  /** A valid index whose definition differs from the registry: report it, or build the new one and swap it in. */
  onDrift: OnDrift;
}

export type EntryAction =
  /** CREATE INDEX CONCURRENTLY (on each partition, for a partitioned table). */
  | 'create'
  /** Drop the invalid leftover of a failed build and build it again (or resume a partitioned one). */
  | 'rebuild'
  /** Build the registry's definition under a temporary name, then swap it in for the drifted index. */
  | 'replace'
  /** The valid index is the registry's definition: write (or refresh) the builder's mark. */
  | 'adopt'
  /** Nothing to do: the valid index carries the mark of this very definition. */
  | 'skip'
  /** Change nothing: drift reported, another session building it, or a name clash. */
  | 'leave';

export interface Decision {
  action: EntryAction;
  /** The status build reports when the action goes as expected. */
  status: IndexStatus;
  /** Why, in the words of a plan ("would create it"); for a `failed` status, the error itself. */
  reason: string;
  /** For a `failed` status decided here: its SQLSTATE, when PostgreSQL gave one. */
  sqlstate?: string;
  /** What the result says besides its status, when the status alone would mislead (IndexResult.reason). */
  note?: string;
  drift?: { database: string; registry: string };
}

const INSUFFICIENT_PRIVILEGE = '42501';

/**
 * A valid index that is the registry's definition, but whose mark is not written: `why`, from PostgreSQL or the
 * catalog; `fix`, what adopts it.
 */
export function notAdopted(why: string, fix = "Run the builder as the table's owner to adopt it"): string {
  return `exists and is valid, and PostgreSQL defines it as the registry does, but it is not adopted: its mark could not be written (${why}). ${fix}`;
}

/** A valid index the role may not compare with the registry: PostgreSQL's permission error, and what it needs. */
function notCompared(error: string): string {
  return (
    `exists, but could not be compared with the registry: ${error}. The comparison needs SELECT on the table, USAGE on its ` +
    "schema and TEMPORARY on the database: grant them to the builder's role, or run it as the table's owner"
  );
}

/** A valid index without this definition's mark: only PostgreSQL can say whether it is the registry's definition. */
export function needsComparison(entry: RegistryEntry, state: CatalogState): boolean {
  return physicalState(entry, state).kind === 'valid' && recordedFingerprint(state.comment) !== entry.fingerprint;
}

/** `equivalence`: PostgreSQL's answer for the entries that `needsComparison`; ignored for the others. */
export function decide(entry: RegistryEntry, state: CatalogState, equivalence: Equivalence | undefined, options: DecisionOptions): Decision {
  const table = entry.tableSchema ? `${entry.tableSchema}.${entry.tableName}` : entry.tableName;
  const physical = physicalState(entry, state);
  switch (physical.kind) {
    case 'missing':
      // Build still tries: the table may appear meanwhile, and PostgreSQL's own error is the clearest report.
      return state.tableExists
        ? { action: 'create', status: 'created', reason: 'missing: would create it' }
        : { action: 'create', status: 'failed', reason: `table ${table} does not exist: would fail` };
    case 'invalid':
      return {
        action: 'rebuild',
        status: 'rebuilt',
        reason:
          state.relkind === 'I' ? 'partly built on its partitions: would resume it' : 'invalid (a failed build left it): would drop and rebuild it',
      };
    case 'in-progress':
      return { action: 'leave', status: 'in-progress', reason: `being built by session ${physical.pid}: would leave it alone` };
    case 'conflict':
      return { action: 'leave', status: 'failed', reason: physical.message };
    case 'valid':
      return decideValid(entry, state, equivalence, options);
  }
}

function decideValid(entry: RegistryEntry, state: CatalogState, equivalence: Equivalence | undefined, options: DecisionOptions): Decision {
  const recorded = recordedFingerprint(state.comment);
  if (recorded === entry.fingerprint) return { action: 'skip', status: 'skipped', reason: 'exists and is valid' };
  if (equivalence?.kind === 'equal' && equivalence.owner !== undefined) {
    // Valid and the registry's definition, so nothing to build; but COMMENT ON INDEX needs the owner: not adopted.
    const note = notAdopted(`${equivalence.owner} owns it, and COMMENT ON INDEX needs its owner's privileges`);
    return { action: 'skip', status: 'skipped', reason: note, note };
  }
  if (equivalence?.kind === 'equal') {
    return recorded === undefined
      ? { action: 'adopt', status: 'skipped', reason: 'exists, valid and PostgreSQL defines it as the registry does: would adopt it' }
      : {
          action: 'adopt',
          status: 'skipped',
          reason: "the registry's text changed, but PostgreSQL defines the index the same: would refresh its mark",
        };
  }
  if (equivalence?.kind === 'unknown' && equivalence.sqlstate === INSUFFICIENT_PRIVILEGE) {
    // Not a difference: PostgreSQL would not let this role read what the comparison needs.
    return { action: 'leave', status: 'failed', reason: notCompared(equivalence.error), sqlstate: INSUFFICIENT_PRIVILEGE };
  }
  const drift = { database: state.definition ?? '', registry: entry.sql };
  if (equivalence === undefined || equivalence.kind === 'unknown') {
    const why = equivalence ? `: ${equivalence.error}` : '';
    return { action: 'leave', status: 'drifted', reason: `exists, but could not be compared with the registry${why}; left as it is`, drift };
  }
  if (options.onDrift === 'report') {
    return { action: 'leave', status: 'drifted', reason: `exists, but the database has: ${drift.database}`, drift };
  }
  if (state.tableKind === 'p') {
    return {
      action: 'leave',
      status: 'drifted',
      reason: `exists, but the database has: ${drift.database}; an index on a partitioned table is not swapped: drop it, and the next run builds the new one`,
      drift,
    };
  }
  return {
    action: 'replace',
    status: 'rebuilt',
    reason: `drifted (the database has: ${drift.database}): would build the new definition and swap it in`,
    drift,
  };
}
