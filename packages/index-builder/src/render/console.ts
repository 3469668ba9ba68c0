// The console log: a banner, one block per index with its progress and result, then the summary block.
import { roughDuration } from '../builder/eta.ts';
import type { BuildEvents } from '../builder/events.ts';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { formatDuration } from '../util/duration.ts';
import { constraintNote } from './constraint-text.ts';
import type { FailOn, IndexFailure, IndexResult, Report } from '../builder/result.ts';
import { describeBlocker, indexOutcome, type IndexOutcome } from '../outcome/index-outcome.ts';
import type { Surface } from '../outcome/next-step.ts';
import { runView, stepFailureOf, type RunContext } from '../outcome/run-outcome.ts';

const RULE = '='.repeat(50);
const INDENT = '    ';

export type WriteLine = (line: string) => void;

/** Console events; `group` lets the Action fold each index into a collapsible group. */
/** `surface` names the settings the next steps refer to; `failOn` lets the last line say when the step fails. */
export function consoleEvents(
  write: WriteLine,
  group?: { start(title: string): void; end(): void },
  context: { surface?: Surface; failOn?: FailOn } = {},
): BuildEvents {
  const surface = context.surface ?? 'cli';
  const line = (text = '') => write(text);
  return {
    connecting(target) {
      line(RULE);
      line('Database Index Builder');
      line(RULE);
      line();
      line(`Connecting to database ${target}...`);
    },
    connected() {
      line('✅ Database connection successful');
      line();
    },
    notice(message) {
      line(`⚠️  ${message}`);
    },
    runStarted(count) {
      line(`Found ${count} index(es) to process`);
      line();
    },
    indexStarted(position, count, entry) {
      const title = `[${position}/${count}] Processing: ${entry.name}`;
      if (group) group.start(title);
      else line(title);
      if (entry.description) line(`${INDENT}Description: ${entry.description}`);
      line(`${INDENT}Critical: ${entry.critical ? 'True' : 'False'}`);
    },
    building(_entry, kind) {
      line(
        kind === 'rebuild'
          ? `${INDENT}♻️  Found an invalid index left by a failed build: dropping it and rebuilding (this may take a while)...`
          : kind === 'replace'
            ? `${INDENT}♻️  Drifted: building the registry's new definition beside the old index, then swapping it in (this may take a while)...`
            : `${INDENT}🔨 Creating index (this may take a while)...`,
      );
    },
    progress(_entry, progress, elapsedMs) {
      const percent = progress.percent === null ? '' : ` ${progress.percent}%`;
      const partitions = progress.partitionsTotal ? `, partition ${progress.partitionsDone}/${progress.partitionsTotal}` : '';
      const waiting = progress.waitingFor.map((session) => `; waiting for ${describeBlocker(session)}`).join('');
      const left = progress.estimatedMs === undefined ? undefined : progress.estimatedMs - elapsedMs;
      const eta =
        left === undefined || progress.estimatedMs === undefined
          ? ''
          : left > 0
            ? `, ETA ${roughDuration(left)}`
            : `, longer than the estimated ${roughDuration(progress.estimatedMs)}`;
      line(`${INDENT}⏳ ${progress.phase}${percent}${partitions} (${formatDuration(elapsedMs)}${eta})${waiting}`);
    },
    attemptFailed(_entry, attempt, maxAttempts, failure, willRetry) {
      const what = failure.sqlstate === '40P01' ? 'Deadlock' : 'Lock conflict';
      if (!willRetry) return;
      line(`${INDENT}⚠️  ${what} on attempt ${attempt}/${maxAttempts} (${failure.sqlstate}): ${failure.message}`);
      for (const blocker of failure.blockers) line(`${INDENT}    blocked by ${describeBlocker(blocker)}`);
      line(`${INDENT}    dropped the invalid leftover; backing off before the next attempt`);
    },
    retrying(_entry, attempt, maxAttempts, waitedMs) {
      line(`${INDENT}🔁 Retry ${attempt}/${maxAttempts} after waiting ${formatDuration(waitedMs)}`);
    },
    partitionDone(_entry, done, total, partition) {
      line(`${INDENT}🧩 Partition ${done}/${total} ${partition}: index built and attached`);
    },
    adopted() {
      line(`${INDENT}🏷️  Existing index matches the registry: adopted (its definition is now tracked)`);
    },
    cancelling(reason) {
      line(`⚠️  ${reason} received: cancelling the running build and stopping`);
    },
    indexFinished(entry, result) {
      const outcome = indexOutcome(result, { surface });
      if (outcome.heldBack) line(`${INDENT}⏸️  ${outcome.heldBack[0]!.toUpperCase()}${outcome.heldBack.slice(1)}`);
      for (const text of outcomeLines(entry, result, outcome)) line(`${INDENT}${text}`);
      const constraint = constraintNote(result);
      if (constraint) line(`${INDENT}🔗 ${constraint}`);
      if (group) group.end();
      else line();
    },
    runFinished(report) {
      const stepFailed =
        context.failOn !== undefined && report.outcome !== 'another-builder' && stepFailureOf(runView(report), context.failOn, false) !== undefined;
      for (const text of summaryLines(report, { surface, stepFailed })) line(text);
    },
  };
}

function outcomeLines(entry: RegistryEntry, result: IndexResult, outcome: IndexOutcome): string[] {
  const took = formatDuration(result.durationMs);
  const next = outcome.nextStep ? [`    ${outcome.nextStep}`] : [];
  switch (result.status) {
    case 'created':
      return [`✅ Created index ${entry.name} in ${took}${attemptsNote(result)}${partitionsNote(result)}`];
    case 'rebuilt':
      return [
        `✅ Rebuilt index ${entry.name} in ${took}${attemptsNote(result)}${partitionsNote(result)}${result.drift ? " with the registry's new definition" : ''}`,
      ];
    case 'skipped':
      return [result.reason ? `⏭️  Skipped: ${result.reason}` : '⏭️  Already exists, skipping'];
    case 'in-progress':
      return [`⏳ ${outcome.nextStep}`];
    case 'drifted':
      return [
        '⚠️  Drifted: the index exists, but the registry now defines it differently; left as it is',
        ...outcome.facts.map((fact) => `    ${fact}`),
        ...next,
      ];
    case 'deferred':
      return [`⏸️  Deferred: ${outcome.facts[0] ?? 'not attempted'}`, ...next];
    case 'failed': {
      const error: IndexFailure = result.error ?? { message: 'unknown error', blockers: [] };
      const level = entry.critical ? '❌ CRITICAL: failed' : '⚠️  Failed';
      const code = error.sqlstate ? ` [${error.sqlstate}]` : '';
      return [
        `${level} to build ${entry.name}${attemptsNote(result)}${code}: ${error.message}`,
        ...outcome.facts.slice(1).map((fact) => `    ${fact}`),
        ...next,
      ];
    }
  }
}

function partitionsNote(result: IndexResult): string {
  return result.partitions ? ` (${result.partitions.built}/${result.partitions.total} partitions)` : '';
}

function attemptsNote(result: IndexResult): string {
  return result.attempts > 1 ? ` after ${result.attempts} attempts` : '';
}

export function summaryLines(report: Report, context: RunContext = {}): string[] {
  const view = runView(report, context);
  const t = report.totals;
  const lines = [
    RULE,
    'Index Build Summary',
    RULE,
    `Total indexes:  ${t.total}`,
    `Created:        ${t.created}`,
    `Rebuilt:        ${t.rebuilt}`,
    `Skipped:        ${t.skipped} (already existed)`,
    `Failed:         ${t.failed - view.notAttempted}`,
    `Deferred:       ${t.deferred}`,
  ];
  const notStarted = view.notAttempted - t.deferred;
  if (notStarted > 0) lines.push(`Not attempted:  ${notStarted} (the run did not start)`);
  if (t.inProgress > 0) lines.push(`In progress:    ${t.inProgress} (another session is building them)`);
  if (t.drifted > 0) lines.push(`Drifted:        ${t.drifted} (left as they are)`);
  const orphans = report.orphans ?? [];
  if (orphans.length > 0) {
    const dropped = orphans.filter((o) => o.dropped).length;
    lines.push(
      `Orphans:        ${orphans.length} (carrying index-builder's mark, no longer in the registry${dropped ? `; ${dropped} dropped` : ''})`,
    );
    for (const orphan of orphans)
      lines.push(
        `  ${orphan.dropped ? 'dropped' : orphan.error || orphan.kept ? 'kept' : 'found'} ${orphan.name} on ${orphan.table}${orphan.leftover ? " (a swap's leftover)" : ''}${orphan.error || orphan.kept ? `: ${orphan.error ?? orphan.kept}` : ''}`,
      );
    if (view.orphansNote) lines.push(`  ${view.orphansNote}`);
  }
  lines.push('');
  if (report.notice && report.outcome !== 'invalid-registry') lines.push(`⚠️  ${report.notice}`);
  lines.push(`${view.emoji}${view.emoji.length === 1 || view.emoji === '🎉' ? ' ' : '  '}${view.sentence}`);
  return lines;
}
