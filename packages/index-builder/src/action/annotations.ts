// Which annotations a run raises, most important first. GitHub shows only 10 of each kind per step, so the ones
// that need a human come before the ones that fix themselves on the next run; the rest are counted, not lost.
import { describeBlocker } from '../render/console.ts';
import type { IndexResult, Report } from '../builder/result.ts';
import { problemText } from '@index-builder/sql-core/registry';
import type { RegistryProblem } from '@index-builder/sql-core/registry';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  title: string;
  message: string;
  file?: string;
  startLine?: number;
}

const ANNOTATIONS_PER_KIND = 10;

export interface SelectedAnnotations {
  shown: Annotation[];
  omitted: Record<AnnotationLevel, number>;
}

/** Keeps the first `ANNOTATIONS_PER_KIND` of each level (minus `reservedErrors`, for the step's own failure message). */
export function capAnnotations(candidates: readonly Annotation[], reservedErrors = 0): SelectedAnnotations {
  const limit: Record<AnnotationLevel, number> = {
    error: Math.max(0, ANNOTATIONS_PER_KIND - reservedErrors),
    warning: ANNOTATIONS_PER_KIND,
    notice: ANNOTATIONS_PER_KIND,
  };
  const shown: Annotation[] = [];
  const omitted: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  for (const annotation of candidates) {
    if (limit[annotation.level] > 0) {
      limit[annotation.level] -= 1;
      shown.push(annotation);
    } else {
      omitted[annotation.level] += 1;
    }
  }
  return { shown, omitted };
}

/**
 * The annotations a report deserves, ordered by importance within each level: failed critical indexes are errors,
 * failed others warnings, rebuilt, drifted or not adopted ones notices. A run that could not start gets one
 * annotation, not one per index. `repoPath` turns the registry path into the one GitHub expects (relative to the
 * repository root).
 */
export function reportAnnotations(report: Report, options: { dryRun?: boolean; repoPath?: (file: string) => string } = {}): Annotation[] {
  const repoPath = options.repoPath ?? ((file: string) => file);
  const would = options.dryRun === true;
  // A cancelled run still reports what it did; one that never started has nothing per index to say.
  if (report.outcome !== 'completed' && report.outcome !== 'cancelled') return [noticeAnnotation(report)];
  const at = (index: IndexResult) => ({ file: repoPath(index.registry.file), startLine: index.registry.line });
  const failed = report.indexes.filter((index) => index.status === 'failed');
  // A lock conflict usually clears by itself on the next run; any other failure needs someone to act.
  const byUrgency = [...failed.filter((i) => !isLockConflict(i)), ...failed.filter(isLockConflict)];
  const failures = byUrgency.map((index): Annotation => ({
    level: index.critical ? 'error' : 'warning',
    title: `${index.critical ? 'Critical index' : 'Index'} ${index.name} ${would ? 'would fail' : 'failed'}`,
    message:
      failureText(index) +
      (would
        ? ''
        : index.critical
          ? ' The application needs this index: fix the cause and run the builder again.'
          : ' The deploy went on; the next run retries it.'),
    ...at(index),
  }));
  const drifted = report.indexes
    .filter((index) => index.status === 'drifted')
    .map((index): Annotation => ({
      level: 'notice',
      title: `Index ${index.name} drifted`,
      message:
        `${index.name} exists on ${index.table}, but the registry now defines it differently; it was left as it is.` +
        (index.drift ? ` Database: ${oneLine(index.drift.database)}. Registry: ${oneLine(index.drift.registry)}.` : ''),
      ...at(index),
    }));
  // Skipped, yet with a reason: the index is the registry's, but it could not be adopted (its mark not written).
  const notAdopted = report.indexes
    .filter((index) => index.status === 'skipped' && index.reason)
    .map((index): Annotation => ({
      level: 'notice',
      title: `Index ${index.name} ${would ? 'would not be' : 'was not'} adopted`,
      message: `${index.name} on ${index.table}: ${index.reason}.`,
      ...at(index),
    }));
  const rebuilt = report.indexes
    .filter((index) => index.status === 'rebuilt')
    .map((index): Annotation => ({
      level: 'notice',
      title: `Index ${index.name} ${would ? 'would be rebuilt' : 'rebuilt'}`,
      message: index.drift
        ? `${index.name} on ${index.table} was replaced with the registry's new definition.`
        : `An invalid ${index.name} on ${index.table}, left by an earlier failed build, ${would ? 'would be' : 'was'} dropped and built again.`,
      ...at(index),
    }));
  const orphans = (report.orphans ?? []).filter((orphan) => !orphan.dropped);
  const orphaned: Annotation[] =
    orphans.length === 0
      ? []
      : [
          {
            level: 'notice',
            title: 'Indexes no longer in the registry',
            message: `${orphans.length} index(es) carrying index-builder's mark are no longer in the registry and were left in place: ${orphans.map((o) => o.name).join(', ')}.`,
          },
        ];
  const cancelled: Annotation[] =
    report.outcome === 'cancelled' ? [{ level: 'warning', title: 'Index build cancelled', message: report.notice ?? 'cancelled' }] : [];
  const errors = failures.filter((a) => a.level === 'error');
  const warnings = failures.filter((a) => a.level === 'warning');
  return [...errors, ...cancelled, ...warnings, ...drifted, ...notAdopted, ...rebuilt, ...orphaned];
}

function oneLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().replace(/;$/, '');
}

/** Registry problems: each one an error at its line, titled by its code; nothing was built. */
export function problemAnnotations(problems: readonly RegistryProblem[], repoPath: (file: string) => string = (f) => f): Annotation[] {
  return problems.map((problem) => ({
    level: 'error',
    title: `Invalid index registry: ${problem.code}`,
    message: problemText(problem),
    file: repoPath(problem.location.file),
    startLine: problem.location.line,
  }));
}

/** One line for a failure: `[SQLSTATE] message. Hint: ... Blocked by ...`. */
function failureText(index: IndexResult): string {
  const error = index.error ?? { message: 'unknown error', blockers: [] };
  const parts = [`${error.sqlstate ? `[${error.sqlstate}] ` : ''}${error.message}${attemptsNote(index)}.`];
  if (error.hint) parts.push(`Hint: ${error.hint}`);
  if (error.blockers.length > 0) parts.push(`Blocked by ${error.blockers.map(describeBlocker).join('; ')}.`);
  return parts.join(' ');
}

function attemptsNote(index: IndexResult): string {
  return index.attempts > 1 ? ` (after ${index.attempts} attempts)` : '';
}

function isLockConflict(index: IndexResult): boolean {
  return index.error?.sqlstate === '55P03' || index.error?.sqlstate === '40P01';
}

/** The one annotation of a run that did not get to build (`outcome` other than completed or cancelled). */
function noticeAnnotation(report: Report): Annotation {
  const notice = report.notice ?? `nothing was done (${report.outcome})`;
  const failed = report.indexes.filter((index) => index.status === 'failed');
  if (failed.length === 0) return { level: 'notice', title: 'No index was built', message: notice };
  const critical = failed.some((index) => index.critical);
  return {
    level: critical ? 'error' : 'warning',
    title: 'No index was built',
    // A read-only target stays read-only: the next run is refused the same way until the notice's fix is made.
    message: `${notice}${critical ? '' : report.outcome === 'read-only' ? ' The deploy went on.' : ' The deploy went on; the next run retries.'}`,
  };
}
