// Every sentence that tells a reader what happens next, in one place: per failure class (transient, needs a human,
// not attempted) and per state. The renderers (log, JSON, summaries, outputs, annotations) never word their own.
import type { IndexFailure, RunOutcome } from '../builder/result.ts';
import { isLockConflict } from '../builder/retry.ts';

/**
 * `transient`: a lock, a deadlock, a cancel or a timeout; the next run retries and likely succeeds.
 * `needs-human`: the data, the schema or a privilege is wrong; every run fails the same way until someone fixes it.
 * `not-attempted`: nothing was tried (the database could not be reached, was refused, was held, the run stopped).
 */
export type FailureClass = 'transient' | 'needs-human' | 'not-attempted';

/** Where the reader changes a setting: the CLI's flags or the Action's inputs. */
export type Surface = 'cli' | 'action';

/** Transient besides the lock conflicts (retry.ts): serialization, cancel, shutdown, too many connections, idle timeout. */
const OTHER_TRANSIENT_SQLSTATES = new Set(['40001', '57014', '57P01', '57P02', '57P03', '53300', '25P03']);

/** What a human must fix before the next run can succeed, by SQLSTATE (exact, then by class). */
const FIX_BY_SQLSTATE: Record<string, string> = {
  '23505': 'the duplicated values are removed (or the index is made non-unique)',
  '42703': 'the column exists (add it in a migration, or correct the registry entry)',
  '42P01': 'the table exists (create it in a migration, or correct the registry entry)',
  '3F000': 'the schema exists (create it in a migration, or correct the registry entry)',
  '42501': "the builder's role owns the table (or is a member of its owner's role)",
  '42704': 'the type, operator class or collation it names exists',
  '42883': 'the function or operator it uses exists',
  '42P17': 'its expression only uses IMMUTABLE functions',
  '54000': 'its rows fit the index row size (index a hash or a prefix of the long values instead)',
  '53100': 'the server has disk space for it',
  '23514': 'the rows satisfy the constraint',
  '42P07': 'the name is free (another relation already has it)',
};

const FIX_BY_CLASS: Record<string, string> = {
  '22': 'the data the index expression fails on is fixed',
  '23': 'the rows that break the constraint are fixed',
  '42': 'the registry entry is corrected',
};

/** The runs that stopped before their first build: every entry of theirs was not attempted. */
export const NOT_STARTED: readonly RunOutcome[] = ['unreachable', 'pooler', 'read-only'];

export function failureClassOf(error: IndexFailure | undefined, attempts: number, runOutcome: RunOutcome): FailureClass {
  if (attempts === 0 && NOT_STARTED.includes(runOutcome)) return 'not-attempted';
  const sqlstate = error?.sqlstate;
  if (sqlstate === undefined) {
    // No SQLSTATE: the connection broke or the build stalled, which the next run gets past.
    return 'transient';
  }
  if (isLockConflict(sqlstate) || OTHER_TRANSIENT_SQLSTATES.has(sqlstate) || sqlstate.startsWith('08')) return 'transient';
  return 'needs-human';
}

/** The one sentence after a failed index. `stepFailed`: fail-on failed the step, so "the deploy went on" is false. */
export function failureNextStep(error: IndexFailure | undefined, failureClass: FailureClass, critical: boolean): string {
  if (failureClass === 'transient') {
    return critical
      ? 'Transient: the next run retries it; the application needs this index, so run again once the lock or load is gone.'
      : 'Transient: the next run retries it.';
  }
  if (failureClass === 'not-attempted') return 'Not attempted: the next run tries it.';
  const sqlstate = error?.sqlstate ?? '';
  const fix = FIX_BY_SQLSTATE[sqlstate] ?? FIX_BY_CLASS[sqlstate.slice(0, 2)] ?? 'the cause above is fixed';
  return `Needs a fix: the next run will fail the same way until ${fix}.`;
}

/** Every index of a run that did not start, by why it did not: the next step is the run's, said once. */
export function notStartedNextStep(outcome: RunOutcome, surface: Surface): string {
  const urlSetting = surface === 'action' ? 'the database-url input' : '--database-url';
  switch (outcome) {
    case 'unreachable':
      return 'Not attempted: the database could not be reached; the next run tries again.';
    case 'pooler':
      return `Not attempted: a transaction pooler refused the run; point ${urlSetting} at the server or a session pooler, or every run is refused the same way.`;
    case 'read-only':
      return `Not attempted: the database takes no writes; point ${urlSetting} at the primary, or every run is refused the same way.`;
    case 'another-builder':
      return 'Not attempted: another index-builder run holds this database; it, or the next run, builds what is missing.';
    case 'cancelled':
      return 'Not attempted: the run was cancelled; the next run builds what is missing.';
    case 'deferred':
      return 'Not attempted: held back because the canary databases failed; the next run builds it once they are fixed.';
    case 'invalid-registry':
      return 'Nothing was built: fix the registry (npx index-builder check), and the next run builds it.';
    case 'completed':
      return 'Not attempted: the next run builds it.';
  }
}

/** A `deferred` entry of a run that did start: its reason says why (budget, cancel, lost connection or lock). */
export const DEFERRED_NEXT_STEP = 'The next run builds it.';
export const IN_PROGRESS_NEXT_STEP = 'Another session is building it right now; the next run looks at it again.';

export function driftNextStep(kept: string | undefined, surface: Surface): string {
  if (kept) return `Left as it is, even with on-drift rebuild: ${kept}.`;
  return surface === 'action'
    ? 'Left as it is: to replace it without blocking writes, set the on-drift input to rebuild.'
    : 'Left as it is: to replace it without blocking writes, run with --on-drift rebuild.';
}

export function orphansNextStep(surface: Surface): string {
  return surface === 'action'
    ? 'Left in place: set the prune input to true to drop them (restore.sql keeps the statements that recreate them).'
    : 'Left in place: run with --prune to drop them (restore.sql keeps the statements that recreate them).';
}

/** What the step's failure says under fail-on. */
export function stepFailureText(
  failOn: string,
  failed: number,
  notAttempted: number,
  critical: boolean,
  dryRun: boolean,
  names: string,
  scope = '',
): string {
  const what = critical ? 'critical index(es)' : 'index(es)';
  const parts: string[] = [];
  if (failed > 0) parts.push(`${failed} ${what} ${dryRun ? 'would fail' : 'failed'}`);
  if (notAttempted > 0) parts.push(`${notAttempted} ${what} could not be attempted`);
  return `fail-on is "${failOn}" and ${parts.join(' and ')}${scope}: ${names}`;
}
