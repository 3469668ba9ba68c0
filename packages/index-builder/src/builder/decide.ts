// What the builder does for a registry entry in a given catalog state (every status, with drift). One pure
// decision that `plan` (and the Action's dry run) reports and `build` executes, so both say the same.
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import type { IndexStatus } from './result.ts';
import { physicalState, type CatalogState } from './catalog.ts';
import { describeForeignKeys, keepsForeignKeys, NO_DEPENDENTS, type IndexDependents } from './dependents.ts';
import type { Equivalence } from './equivalence.ts';
import { readMark } from './marker.ts';

export type OnDrift = 'report' | 'rebuild';
export const ON_DRIFT_VALUES: readonly OnDrift[] = ['report', 'rebuild'];

export interface DecisionOptions {
  /** A valid index whose definition differs from the registry: report it, or build the new one and swap it in. */
  onDrift: OnDrift;
}

type EntryAction =
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
  drift?: { database: string; registry: string; kept?: string };
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

/**
 * A valid index without this definition's current mark (none, another definition's, or one whose definition hash
 * no longer matches what PostgreSQL prints): only PostgreSQL can say whether it is the registry's definition.
 */
/**
 * `equivalence`: PostgreSQL's answer for the entries that `needsComparison`; ignored for the others. `dependents`:
 * what depends on the existing index (read for those PostgreSQL defines differently).
 */
export function decide(
  entry: RegistryEntry,
  state: CatalogState,
  equivalence: Equivalence | undefined,
  options: DecisionOptions,
  dependents: IndexDependents = NO_DEPENDENTS,
): Decision {
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
      return decideValid(entry, state, equivalence, options, dependents);
  }
}

function decideValid(
  entry: RegistryEntry,
  state: CatalogState,
  equivalence: Equivalence | undefined,
  options: DecisionOptions,
  dependents: IndexDependents,
): Decision {
  if (state.markCurrent) return { action: 'skip', status: 'skipped', reason: 'exists and is valid' };
  const mark = readMark(state.comment);
  // The registry is what built or checked the index, but PostgreSQL now prints another definition: a hand change.
  const behindTheMark = mark?.fingerprint === entry.fingerprint && mark.definitionHash !== undefined;
  if (equivalence?.kind === 'equal' && equivalence.owner !== undefined) {
    // Valid and the registry's definition, so nothing to build; but COMMENT ON INDEX needs the owner: not adopted.
    const note = notAdopted(`${equivalence.owner} owns it, and COMMENT ON INDEX needs its owner's privileges`);
    return { action: 'skip', status: 'skipped', reason: note, note };
  }
  if (equivalence?.kind === 'equal') return { action: 'adopt', status: 'skipped', reason: adoptReason(mark, entry) };
  if (equivalence?.kind === 'unknown' && equivalence.sqlstate === INSUFFICIENT_PRIVILEGE) {
    // Not a difference: PostgreSQL would not let this role read what the comparison needs.
    return { action: 'leave', status: 'failed', reason: notCompared(equivalence.error), sqlstate: INSUFFICIENT_PRIVILEGE };
  }
  const drift = { database: state.definition ?? '', registry: entry.sql };
  const changed = behindTheMark ? 'was changed by hand since index-builder built or checked it: the database has' : 'exists, but the database has';
  if (equivalence === undefined || equivalence.kind === 'unknown') {
    const why = equivalence ? `: ${equivalence.error}` : '';
    const kept = `it could not be compared with the registry${why}`;
    return {
      action: 'leave',
      status: 'drifted',
      reason: `exists, but could not be compared with the registry${why}; left as it is`,
      drift: { ...drift, kept },
    };
  }
  if (options.onDrift === 'report') {
    return { action: 'leave', status: 'drifted', reason: `${changed}: ${drift.database}`, drift };
  }
  if (state.tableKind === 'p') {
    return {
      action: 'leave',
      status: 'drifted',
      reason: `${changed}: ${drift.database}; an index on a partitioned table is not swapped: drop it, and the next run builds the new one`,
      drift: { ...drift, kept: 'an index on a partitioned table is not swapped: drop it, and the next run builds the new one' },
    };
  }
  if (dependents.constraint) {
    const kind = { u: 'unique', p: 'primary key', x: 'exclusion' }[dependents.constraint.type];
    return {
      action: 'leave',
      status: 'drifted',
      reason:
        `${changed}: ${drift.database}; it backs the ${kind} constraint "${dependents.constraint.name}", so it is not swapped: ` +
        'change the constraint in a migration (drop it, then let index-builder build the new index and attach it with `constraint`)',
      drift: {
        ...drift,
        kept:
          `it backs the ${kind} constraint "${dependents.constraint.name}", so it is not swapped: change the constraint in a migration ` +
          '(drop it, then let index-builder build the new index and attach it with `constraint`)',
      },
    };
  }
  if (dependents.foreignKeys.length > 0) {
    const keys = describeForeignKeys(dependents.foreignKeys);
    if (!keepsForeignKeys(entry, dependents.foreignKeys)) {
      return {
        action: 'leave',
        status: 'drifted',
        reason:
          `${changed}: ${drift.database}; foreign key(s) ${keys} depend on it and the registry's definition is not a unique index on ` +
          `exactly the columns they reference (${dependents.foreignKeys[0]!.columns.join(', ')}), so it is not swapped. Keep those key columns ` +
          '(then it is swapped and the foreign keys re-pointed), or change the key in a migration: build the new unique index concurrently; ' +
          'in one transaction under a short lock_timeout drop the foreign keys and the old index and add the foreign keys NOT VALID against the new key; ' +
          'then ALTER TABLE ... VALIDATE CONSTRAINT each',
        drift: {
          ...drift,
          kept: `foreign key(s) ${keys} depend on it and the new definition does not keep their key, so it is not swapped: see plan for the migration`,
        },
      };
    }
    return {
      action: 'replace',
      status: 'rebuilt',
      reason:
        `drifted (the database has: ${drift.database}): would build the new definition, swap it in and re-point foreign key(s) ${keys} ` +
        'in one short transaction (re-added NOT VALID, then validated)',
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

function adoptReason(mark: ReturnType<typeof readMark>, entry: RegistryEntry): string {
  if (mark === undefined) return 'exists, valid and PostgreSQL defines it as the registry does: would adopt it';
  if (mark.fingerprint !== entry.fingerprint) return "the registry's text changed, but PostgreSQL defines the index the same: would refresh its mark";
  if (mark.origin === 'unknown') {
    return 'its mark was written by an earlier index-builder, without its origin: treated as adopted (never pruned by default); would refresh the mark';
  }
  return 'PostgreSQL prints its definition differently from when it was marked, but defines it as the registry does: would refresh its mark';
}
