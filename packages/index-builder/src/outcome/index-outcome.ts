// One index's outcome as every channel shows it: its state (worded for a build or a dry run), what happened (the
// error with PostgreSQL's DETAIL and HINT, the reason, the drift) and the one sentence of what happens next.
import type { Blocker, IndexResult, IndexStatus, RunOutcome } from '../builder/result.ts';
import { formatDuration } from '../util/duration.ts';
import {
  DEFERRED_NEXT_STEP,
  driftNextStep,
  failureClassOf,
  failureNextStep,
  IN_PROGRESS_NEXT_STEP,
  notStartedNextStep,
  type FailureClass,
  type Surface,
} from './next-step.ts';

export interface OutcomeContext {
  dryRun?: boolean;
  surface?: Surface;
  /** How the run ended: an entry of a run that never started was not attempted. */
  runOutcome?: RunOutcome;
}

/** `failure` and `drift` need a reader; `pending` comes by itself on the next run; `done` and `unchanged` do not. */
type Attention = 'failure' | 'drift' | 'pending' | 'done' | 'unchanged';

export interface IndexOutcome {
  status: IndexStatus;
  /** The state as shown: `created`, `would create`, `failed`, `not attempted`, `up to date`, ... */
  label: string;
  emoji: string;
  attention: Attention;
  failureClass?: FailureClass;
  /** What happened, one fact a line, plain text: the error and its DETAIL, HINT and blockers, or the reason. */
  facts: string[];
  /** The one sentence of what happens next, when there is one. */
  nextStep?: string;
  /** How long the health gate held its build back, and why (`held back 1m05s before starting: replica ...`). */
  heldBack?: string;
}

const LABEL: Record<IndexStatus, [build: string, dryRun: string]> = {
  created: ['created', 'would create'],
  rebuilt: ['rebuilt', 'would rebuild'],
  skipped: ['up to date', 'up to date'],
  'in-progress': ['in progress', 'in progress'],
  drifted: ['drifted', 'drifted'],
  failed: ['failed', 'would fail'],
  deferred: ['not attempted', 'not attempted'],
};

const EMOJI: Record<IndexStatus, string> = {
  created: '✅',
  rebuilt: '♻️',
  skipped: '⏭️',
  'in-progress': '⏳',
  drifted: '🔀',
  failed: '⚠️',
  deferred: '⏸️',
};

const ATTENTION: Record<IndexStatus, Attention> = {
  created: 'done',
  rebuilt: 'done',
  skipped: 'unchanged',
  'in-progress': 'pending',
  drifted: 'drift',
  failed: 'failure',
  deferred: 'pending',
};

export function indexOutcome(index: IndexResult, context: OutcomeContext = {}): IndexOutcome {
  const outcome = outcomeByStatus(index, context);
  if (!index.heldBack) return outcome;
  return { ...outcome, heldBack: `held back ${formatDuration(index.heldBack.waitedMs)} before starting: ${index.heldBack.cause}` };
}

function outcomeByStatus(index: IndexResult, context: OutcomeContext): IndexOutcome {
  const dry = context.dryRun === true;
  const surface = context.surface ?? 'cli';
  const runOutcome = context.runOutcome ?? 'completed';
  const base = { status: index.status, label: LABEL[index.status][dry ? 1 : 0], emoji: EMOJI[index.status], attention: ATTENTION[index.status] };
  switch (index.status) {
    case 'failed': {
      const failureClass = failureClassOf(index.error, index.attempts, runOutcome);
      if (failureClass === 'not-attempted') {
        return {
          ...base,
          label: 'not attempted',
          emoji: index.critical ? '❌' : '⏸️',
          failureClass,
          facts: [],
          nextStep: notStartedNextStep(runOutcome, surface),
        };
      }
      return {
        ...base,
        emoji: index.critical ? '❌' : '⚠️',
        failureClass,
        facts: failureFacts(index),
        ...(dry ? {} : { nextStep: failureNextStep(index.error, failureClass, index.critical) }),
      };
    }
    case 'deferred':
      return {
        ...base,
        failureClass: 'not-attempted',
        facts: index.reason ? [index.reason] : [],
        nextStep: index.reason ? DEFERRED_NEXT_STEP : notStartedNextStep(runOutcome, surface),
      };
    case 'in-progress':
      return { ...base, facts: [], nextStep: IN_PROGRESS_NEXT_STEP };
    case 'drifted':
      return {
        ...base,
        facts: index.drift ? [`Database: ${oneLine(index.drift.database)}`, `Registry: ${oneLine(index.drift.registry)}`] : [],
        nextStep: driftNextStep(index.drift?.kept, surface),
      };
    case 'rebuilt':
      return {
        ...base,
        facts: [
          index.drift
            ? `${dry ? 'would be replaced' : 'replaced'} with the registry's new definition`
            : `an invalid index left by a failed build ${dry ? 'would be' : 'was'} dropped and built again`,
          ...partitionFacts(index),
        ],
      };
    case 'created':
      return { ...base, facts: partitionFacts(index) };
    case 'skipped':
      return { ...base, facts: index.reason ? [index.reason] : [] };
  }
}

function failureFacts(index: IndexResult): string[] {
  const error = index.error ?? { message: 'unknown error', blockers: [] };
  const facts = [`${error.sqlstate ? `[${error.sqlstate}] ` : ''}${error.message}${index.attempts > 1 ? ` (after ${index.attempts} attempts)` : ''}`];
  if (error.detail) facts.push(`DETAIL: ${error.detail}`);
  if (error.hint) facts.push(`Hint: ${error.hint}`);
  for (const blocker of error.blockers) facts.push(`Blocked by ${describeBlocker(blocker)}`);
  return facts;
}

function partitionFacts(index: IndexResult): string[] {
  return index.partitions ? [`${index.partitions.built}/${index.partitions.total} partitions`] : [];
}

export function describeBlocker(blocker: Blocker): string {
  const age = blocker.transactionAgeSeconds === null ? 'no transaction' : `transaction open ${formatDuration(blocker.transactionAgeSeconds * 1000)}`;
  const query = blocker.query ? `: ${blocker.query.replace(/\s+/g, ' ').slice(0, 120)}` : '';
  return `pid ${blocker.pid} (${blocker.state ?? 'unknown state'}, ${age})${query}`;
}

function oneLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().replace(/;$/, '');
}
