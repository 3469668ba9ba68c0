// Which annotations a run raises, most important first. GitHub shows only 10 of each kind per step, so the ones
// that need a human come before the ones that fix themselves on the next run; the rest are counted, not lost.
import type { IndexResult, Report } from '../builder/result.ts';
import type { IndexOutcome } from '../outcome/index-outcome.ts';
import { runView, type RunView } from '../outcome/run-outcome.ts';
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
export function reportAnnotations(
  report: Report,
  options: { dryRun?: boolean; repoPath?: (file: string) => string; stepFailed?: boolean } = {},
): Annotation[] {
  const repoPath = options.repoPath ?? ((file: string) => file);
  const would = options.dryRun === true;
  const run = runView(report, { dryRun: would, surface: 'action', stepFailed: options.stepFailed === true });
  // A cancelled run still reports what it did; one that never started has nothing per index to say.
  if (report.outcome !== 'completed' && report.outcome !== 'cancelled') return [noticeAnnotation(report, run)];
  const at = (index: IndexResult) => ({ file: repoPath(index.registry.file), startLine: index.registry.line });
  const message = (outcome: IndexOutcome, lead = '') => sentences([lead, ...outcome.facts, outcome.nextStep ?? '']);
  const failed = run.indexes.filter(({ outcome }) => outcome.status === 'failed');
  // What needs a human comes before what clears by itself on the next run.
  const byUrgency = [
    ...failed.filter(({ outcome }) => outcome.failureClass !== 'transient'),
    ...failed.filter(({ outcome }) => outcome.failureClass === 'transient'),
  ];
  const failures = byUrgency.map(({ index, outcome }): Annotation => ({
    level: index.critical ? 'error' : 'warning',
    title: `${index.critical ? 'Critical index' : 'Index'} ${index.name} ${outcome.label}`,
    message: message(outcome),
    ...at(index),
  }));
  const drifted = run.indexes
    .filter(({ outcome }) => outcome.status === 'drifted')
    .map(({ index, outcome }): Annotation => ({
      level: 'notice',
      title: `Index ${index.name} drifted`,
      message: message(outcome, `${index.name} exists on ${index.table}, but the registry now defines it differently.`),
      ...at(index),
    }));
  // Skipped, yet with a reason: the index is the registry's, but it could not be adopted (its mark not written).
  const notAdopted = run.indexes
    .filter(({ index }) => index.status === 'skipped' && index.reason)
    .map(({ index }): Annotation => ({
      level: 'notice',
      title: `Index ${index.name} ${would ? 'would not be' : 'was not'} adopted`,
      message: `${index.name} on ${index.table}: ${index.reason}.`,
      ...at(index),
    }));
  const rebuilt = run.indexes
    .filter(({ outcome }) => outcome.status === 'rebuilt')
    .map(({ index, outcome }): Annotation => ({
      level: 'notice',
      title: `Index ${index.name} ${would ? 'would be rebuilt' : 'rebuilt'}`,
      message: `${index.name} on ${index.table}: ${outcome.facts.join('; ')}.`,
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
            message:
              `${orphans.length} index(es) carrying index-builder's mark are no longer in the registry: ${orphans.map((o) => o.name).join(', ')}. ${run.orphansNote ?? ''}`.trim(),
          },
        ];
  const cancelled: Annotation[] =
    report.outcome === 'cancelled'
      ? [{ level: 'warning', title: 'Index build cancelled', message: sentences([report.notice ?? '', run.sentence]) }]
      : [];
  const errors = failures.filter((a) => a.level === 'error');
  const warnings = failures.filter((a) => a.level === 'warning');
  return [...errors, ...cancelled, ...warnings, ...drifted, ...notAdopted, ...rebuilt, ...orphaned];
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

/** Texts as one line of sentences, each ending with a full stop. */
function sentences(texts: readonly string[]): string {
  return texts
    .filter(Boolean)
    .map((text) => (/[.!?]$/.test(text) ? text : `${text}.`))
    .join(' ');
}

/** The one annotation of a run that did not get to build (`outcome` other than completed or cancelled). */
function noticeAnnotation(report: Report, run: RunView): Annotation {
  const first = run.indexes[0]?.outcome.nextStep;
  const critical = report.indexes.some((index) => index.status === 'failed' && index.critical);
  const failed = report.indexes.some((index) => index.status === 'failed');
  return {
    level: !failed ? 'notice' : critical ? 'error' : 'warning',
    title: 'No index was built',
    message: sentences([report.notice ?? run.sentence, first ?? '']),
  };
}
