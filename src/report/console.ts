// The console log, in the format of the guide's "Monitoring Index Build" block.
import { roughDuration } from '../builder/eta.ts';
import type { BuildEvents } from '../builder/events.ts';
import type { RegistryEntry } from '../registry/types.ts';
import { formatDuration } from '../util/duration.ts';
import { constraintNote } from './constraint-text.ts';
import type { IndexFailure, IndexResult, Report } from './types.ts';

const RULE = '='.repeat(50);
const INDENT = '    ';

export type WriteLine = (line: string) => void;

/** Console events; `group` lets the Action fold each index into a collapsible group. */
export function consoleEvents(write: WriteLine, group?: { start(title: string): void; end(): void }): BuildEvents {
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
      if (result.heldBack) line(`${INDENT}⏸️  Held back ${formatDuration(result.heldBack.waitedMs)} before starting: ${result.heldBack.cause}`);
      for (const text of outcomeLines(entry, result)) line(`${INDENT}${text}`);
      const constraint = constraintNote(result);
      if (constraint) line(`${INDENT}🔗 ${constraint}`);
      if (group) group.end();
      else line();
    },
    runFinished(report) {
      for (const text of summaryLines(report)) line(text);
    },
  };
}

function outcomeLines(entry: RegistryEntry, result: IndexResult): string[] {
  const took = formatDuration(result.durationMs);
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
      return ['⏳ Another session is building this index right now; leaving it alone'];
    case 'drifted':
      return driftLines(result);
    case 'deferred':
      return [`⏸️  Deferred: ${result.reason ?? 'the time budget was spent before its turn'}`];
    case 'failed':
      return failureLines(entry, result);
  }
}

function failureLines(entry: RegistryEntry, result: IndexResult): string[] {
  const error: IndexFailure = result.error ?? { message: 'unknown error', blockers: [] };
  const level = entry.critical ? '❌ CRITICAL: failed' : '⚠️  Failed';
  const code = error.sqlstate ? ` [${error.sqlstate}]` : '';
  const lines = [`${level} to build ${entry.name}${attemptsNote(result)}${code}: ${error.message}`];
  if (error.hint) lines.push(`    Hint: ${error.hint}`);
  for (const blocker of error.blockers) lines.push(`    Blocked by ${describeBlocker(blocker)}`);
  lines.push(
    `    ${entry.critical ? 'The application needs this index: fix the cause and run the builder again.' : 'The deploy goes on; the next run retries it.'}`,
  );
  return lines;
}

function driftLines(result: IndexResult): string[] {
  return [
    '⚠️  Drifted: the index exists, but the registry now defines it differently; left as it is',
    `    Database: ${result.drift?.database ?? '?'}`,
    `    Registry: ${(result.drift?.registry ?? '?').replace(/\s+/g, ' ').trim()}`,
    '    To replace it without blocking writes: --on-drift rebuild (Action input on-drift: rebuild).',
  ];
}

function partitionsNote(result: IndexResult): string {
  return result.partitions ? ` (${result.partitions.built}/${result.partitions.total} partitions)` : '';
}

function attemptsNote(result: IndexResult): string {
  return result.attempts > 1 ? ` after ${result.attempts} attempts` : '';
}

export function describeBlocker(blocker: IndexFailure['blockers'][number]): string {
  const age = blocker.transactionAgeSeconds === null ? 'no transaction' : `transaction open ${formatDuration(blocker.transactionAgeSeconds * 1000)}`;
  const query = blocker.query ? `: ${blocker.query.replace(/\s+/g, ' ').slice(0, 120)}` : '';
  return `pid ${blocker.pid} (${blocker.state ?? 'unknown state'}, ${age})${query}`;
}

export function summaryLines(report: Report): string[] {
  const t = report.totals;
  const lines = [
    RULE,
    'Index Build Summary',
    RULE,
    `Total indexes:  ${t.total}`,
    `Created:        ${t.created}`,
    `Rebuilt:        ${t.rebuilt}`,
    `Skipped:        ${t.skipped} (already existed)`,
    `Failed:         ${t.failed}`,
    `Deferred:       ${t.deferred}`,
  ];
  if (t.inProgress > 0) lines.push(`In progress:    ${t.inProgress} (another session is building them)`);
  if (t.drifted > 0) lines.push(`Drifted:        ${t.drifted} (left as they are)`);
  const orphans = report.orphans ?? [];
  if (orphans.length > 0) {
    const dropped = orphans.filter((o) => o.dropped).length;
    lines.push(
      `Orphans:        ${orphans.length} (carrying index-builder's mark, no longer in the registry${dropped ? `; ${dropped} dropped` : '; see --prune'})`,
    );
    for (const orphan of orphans)
      lines.push(
        `  ${orphan.dropped ? 'dropped' : orphan.error || orphan.kept ? 'kept' : 'found'} ${orphan.name} on ${orphan.table}${orphan.leftover ? " (a swap's leftover)" : ''}${orphan.error || orphan.kept ? `: ${orphan.error ?? orphan.kept}` : ''}`,
      );
  }
  lines.push('');
  const criticalFailed = report.indexes.filter((i) => i.status === 'failed' && i.critical).length;
  if (report.notice) lines.push(`⚠️  ${report.notice}`);
  else if (criticalFailed > 0) lines.push(`❌ ${criticalFailed} critical index(es) failed. The deploy went on; fix them and run again.`);
  else if (t.failed > 0) lines.push(`⚠️  ${t.failed} index(es) failed. The deploy went on; the next run retries them.`);
  else if (t.deferred + t.inProgress > 0) lines.push('⏸️  Some indexes are still to be built; the next run picks them up.');
  else lines.push('🎉 All indexes processed successfully!');
  return lines;
}
