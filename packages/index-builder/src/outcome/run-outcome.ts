// A run's outcome as every channel shows it: its state, the counts worded for a build or a dry run (not-attempted
// entries apart from failed ones), the headline, and the one sentence of what happens next. Also a fleet database's
// state, so that a database with a failed critical index never reads "completed".
import type { FailOn, IndexResult, Report } from '../builder/result.ts';
import { indexOutcome, type IndexOutcome, type OutcomeContext } from './index-outcome.ts';
import { NOT_STARTED, notStartedNextStep, orphansNextStep, stepFailureText } from './next-step.ts';

/** From worst to best: the first that applies is the run's state. */
type RunState = 'invalid-registry' | 'critical-failed' | 'not-started' | 'failed' | 'cancelled' | 'drifted' | 'pending' | 'held' | 'ok';

export interface RunView {
  state: RunState;
  emoji: string;
  /** `Index build`, or for a dry run `Index build plan (dry run: nothing was changed)`. */
  title: string;
  /** Counts as shown, worst first, zero counts left out: `1 failed, 2 created`. */
  counts: { label: string; count: number }[];
  /** The one sentence of what happened and what happens next, for the whole run. */
  sentence: string;
  /** Every index's outcome, in the report's order. */
  indexes: { index: IndexResult; outcome: IndexOutcome }[];
  notAttempted: number;
  /** Orphans found and left in place, and what to do about them; undefined when there are none. */
  orphansNote?: string;
}

export interface RunContext extends OutcomeContext {
  /** fail-on failed the step: the sentence does not claim the deploy went on. */
  stepFailed?: boolean;
}

const EMOJI: Record<RunState, string> = {
  'invalid-registry': '❌',
  'critical-failed': '❌',
  'not-started': '❌',
  failed: '⚠️',
  cancelled: '⏹️',
  drifted: '🔀',
  pending: '⏸️',
  held: '⏸️',
  ok: '✅',
};

export function runView(report: Report, context: RunContext = {}): RunView {
  const ctx: OutcomeContext = { ...context, runOutcome: report.outcome };
  const dry = context.dryRun === true;
  const indexes = report.indexes.map((index) => ({ index, outcome: indexOutcome(index, ctx) }));
  const count = (pick: (o: IndexOutcome, i: IndexResult) => boolean) => indexes.filter(({ index, outcome }) => pick(outcome, index)).length;
  const notAttempted = count((o) => o.label === 'not attempted');
  const failed = count((o) => o.status === 'failed' && o.label !== 'not attempted');
  const criticalFailed = count((o, i) => o.status === 'failed' && o.label !== 'not attempted' && i.critical);
  const needsHuman = count((o) => o.failureClass === 'needs-human');
  const drifted = count((o) => o.status === 'drifted');
  const pending = count((o) => o.status === 'in-progress' || o.status === 'deferred');
  const orphansLeft = (report.orphans ?? []).filter((orphan) => !orphan.dropped);
  const dropped = (report.orphans ?? []).filter((orphan) => orphan.dropped).length;

  const state: RunState =
    report.outcome === 'invalid-registry'
      ? 'invalid-registry'
      : criticalFailed > 0
        ? 'critical-failed'
        : NOT_STARTED.includes(report.outcome)
          ? 'not-started'
          : report.outcome === 'cancelled'
            ? 'cancelled'
            : failed > 0
              ? 'failed'
              : drifted > 0
                ? 'drifted'
                : report.outcome === 'another-builder' || report.outcome === 'deferred'
                  ? 'held'
                  : pending > 0
                    ? 'pending'
                    : 'ok';

  const t = report.totals;
  const counts = (
    [
      [failed, dry ? 'would fail' : 'failed'],
      [notAttempted, 'not attempted'],
      [drifted, 'drifted'],
      [t.inProgress, 'in progress'],
      [t.created, dry ? 'to create' : 'created'],
      [t.rebuilt, dry ? 'to rebuild' : 'rebuilt'],
      [t.skipped, 'up to date'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, label]) => ({ label, count: n }));

  const went = context.stepFailed ? 'the step failed (fail-on)' : dry ? 'nothing was changed' : 'the deploy went on';
  const humanPart =
    needsHuman > 0 ? `; ${needsHuman} need${needsHuman === 1 ? 's' : ''} a fix before any run can build ${needsHuman === 1 ? 'it' : 'them'}` : '';
  const sentences: Record<RunState, () => string> = {
    'invalid-registry': () => report.notice ?? 'the registry is invalid; nothing was built',
    'critical-failed': () =>
      `${criticalFailed} critical index(es) ${dry ? 'would fail' : 'failed'}${failed > criticalFailed ? ` (${failed} failed in all)` : ''}: ${went}${humanPart}; see each one's next step.`,
    'not-started': () =>
      `${t.total} index(es) not attempted. ${notStartedNextStep(report.outcome, context.surface ?? 'cli')
        .replace(/^Not attempted: /, '')
        .replace(/^./, (c) => c.toUpperCase())}`,
    failed: () => `${failed} index(es) ${dry ? 'would fail' : 'failed'}: ${went}${humanPart || '; the next run retries them'}.`,
    cancelled: () =>
      `The run was cancelled${notAttempted > 0 ? `: ${notAttempted} index(es) not attempted` : ''}; the next run builds what is missing.`,
    drifted: () => `${drifted} index(es) drifted from the registry and were left as they are; see each one's next step.`,
    held: () => `${t.total} index(es) not attempted; the next run builds what is missing.`,
    pending: () => `${pending} index(es) still to be built; the next run picks them up.`,
    ok: () =>
      dry
        ? `Nothing was changed; a build would find nothing to fix by hand${t.created + t.rebuilt > 0 ? ` and would build ${t.created + t.rebuilt} index(es)` : ''}.`
        : dropped > 0
          ? `Every index is as the registry defines it; ${dropped} index(es) no longer in the registry were dropped (restore.sql recreates them).`
          : orphansLeft.length > 0
            ? `Every registry index is as the registry defines it; ${orphansLeft.length} index(es) no longer in the registry are left in place.`
            : 'All indexes processed successfully!',
  };
  const sentence = sentences[state]();
  return {
    state,
    emoji:
      state === 'ok' && dropped === 0 && orphansLeft.length === 0 && !dry
        ? '🎉'
        : state === 'not-started' && !report.indexes.some((index) => index.critical)
          ? '⚠️'
          : EMOJI[state],
    title: dry ? 'Index build plan (dry run: nothing was changed)' : 'Index build',
    counts,
    sentence,
    indexes,
    notAttempted,
    ...(orphansLeft.length > 0 ? { orphansNote: orphansNextStep(context.surface ?? 'cli') } : {}),
  };
}

/** The headline of a summary: `✅ Index build on db: 3 created`. */
export function headline(view: RunView, database?: string): string {
  const what = view.counts.length > 0 ? view.counts.map(({ count, label }) => `${count} ${label}`).join(', ') : 'no indexes in the registry';
  const emoji = view.emoji === '🎉' ? '✅' : view.emoji;
  return `${emoji} ${view.title}${database ? ` on ${database}` : ''}: ${what}`;
}

/** Why fail-on fails the step, or undefined when it does not. Not-attempted entries are named as such. */
export function stepFailureOf(view: RunView, failOn: FailOn, dryRun: boolean): string | undefined {
  return stepFailureAcross([{ view }], failOn, dryRun);
}

/** The same across a fleet's databases, each index named `database: index`. */
export function stepFailureAcross(runs: readonly { name?: string; view: RunView }[], failOn: FailOn, dryRun: boolean): string | undefined {
  if (failOn === 'never') return undefined;
  const counted = runs.flatMap(({ name, view }) =>
    view.indexes
      .filter(({ index }) => index.status === 'failed' && (failOn === 'any' || index.critical))
      .map(({ index, outcome }) => ({
        name: name === undefined ? index.name : `${name}: ${index.name}`,
        notAttempted: outcome.label === 'not attempted',
      })),
  );
  if (counted.length === 0) return undefined;
  const notAttempted = counted.filter((entry) => entry.notAttempted).length;
  const names =
    counted
      .slice(0, 10)
      .map((entry) => entry.name)
      .join(', ') + (counted.length > 10 ? `, and ${counted.length - 10} more` : '');
  const scope = runs.some(({ name }) => name !== undefined) ? ' across the fleet' : '';
  return stepFailureText(failOn, counted.length - notAttempted, notAttempted, failOn === 'critical', dryRun, names, scope);
}

/** A fleet database's state: `completed` only when nothing of it needs a reader. */
export function databaseState(report: Report): { emoji: string; label: string } {
  const view = runView(report);
  switch (view.state) {
    case 'critical-failed':
      return { emoji: '❌', label: 'critical failed' };
    case 'failed':
      return { emoji: '⚠️', label: 'failed' };
    case 'not-started':
      return { emoji: '❌', label: report.outcome };
    case 'cancelled':
      return { emoji: '⏹️', label: 'cancelled' };
    case 'drifted':
      return { emoji: '🔀', label: 'drifted' };
    case 'held':
      return { emoji: '⏸️', label: report.outcome === 'another-builder' ? 'held by another builder' : 'held back' };
    case 'pending':
      return { emoji: '⏸️', label: 'incomplete' };
    case 'invalid-registry':
      return { emoji: '❌', label: 'invalid registry' };
    case 'ok':
      return { emoji: '✅', label: 'completed' };
  }
}

/** A fleet's headline state: its worst database's, so one failed critical index is never a green fleet. */
export function fleetState(reports: readonly Report[]): { emoji: string; sentence: string } {
  const states = reports.map((report) => runView(report).state);
  const worst = (['critical-failed', 'not-started', 'failed', 'cancelled', 'drifted', 'held', 'pending'] as const).find((state) =>
    states.includes(state),
  );
  const count = (state: RunState) => states.filter((s) => s === state).length;
  switch (worst) {
    case 'critical-failed':
      return { emoji: '❌', sentence: `${count('critical-failed')} database(s) with a failed critical index: see below.` };
    case 'not-started':
      return { emoji: '❌', sentence: `${count('not-started')} database(s) could not be built (unreachable or refused): see below.` };
    case 'failed':
      return { emoji: '⚠️', sentence: `${count('failed')} database(s) with failed indexes: see below.` };
    case 'cancelled':
      return { emoji: '⏹️', sentence: 'The run was cancelled; the next run builds what is missing.' };
    case 'drifted':
      return { emoji: '🔀', sentence: `${count('drifted')} database(s) with drifted indexes, left as they are.` };
    case 'held':
      return { emoji: '⏸️', sentence: `${count('held')} database(s) not attempted: held by another builder, or held back by failed canaries.` };
    case 'pending':
      return { emoji: '⏸️', sentence: `${count('pending')} database(s) with indexes still to be built; the next run picks them up.` };
    case undefined:
      return { emoji: '✅', sentence: 'Every database is as the registry defines it.' };
  }
}

/** A fleet database's note: why it was not built, else its failed and drifted indexes (critical ones marked), short. */
export function databaseNote(report: Report): { failed: IndexResult[]; drifted: IndexResult[]; notice?: string } {
  const view = runView(report);
  if (view.state === 'not-started' || view.state === 'held' || view.state === 'cancelled')
    return { failed: [], drifted: [], notice: report.notice ?? view.sentence };
  return {
    failed: view.indexes.filter(({ outcome }) => outcome.status === 'failed').map(({ index }) => index),
    drifted: view.indexes.filter(({ outcome }) => outcome.status === 'drifted').map(({ index }) => index),
  };
}

/** A fleet's counts as each database's model has them (an unreachable database's indexes are not attempted, not failed). */
export function fleetCounts(reports: readonly Report[]): { label: string; count: number }[] {
  const sums = new Map<string, number>();
  for (const report of reports) for (const { label, count } of runView(report).counts) sums.set(label, (sums.get(label) ?? 0) + count);
  const order = ['failed', 'not attempted', 'drifted', 'in progress', 'created', 'rebuilt', 'up to date'];
  return order.filter((label) => sums.has(label)).map((label) => ({ label, count: sums.get(label)! }));
}
