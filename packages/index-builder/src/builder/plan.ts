// `index-builder plan`: what build would do with the same options, entry by entry and orphan by orphan, from the
// same catalog reads and the same decision (decide.ts). Changes nothing.
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { countTotals, type IndexResult, type Report } from './result.ts';
import { buildOrder } from './build.ts';
import { readCatalog } from './catalog.ts';
import { connect, disconnect, nameSession } from '../db/connection.ts';
import { describeError } from '../db/errors.ts';
import { decide, type DecisionOptions } from './decide.ts';
import { compareWhereNeeded } from './equivalence.ts';
import { decisionDetails, failedBeforeStart, indexResult } from './index-result.ts';
import { readSwapDependents } from './dependents.ts';
import { DEFAULT_PRUNE_MAX, findPruneCandidates, planPrune, type PruneClass } from './prune.ts';
import { detectPooler } from './pooler.ts';
import { READ_ONLY_COLUMNS, readOnlyTarget, refusalNotice, type ReadOnlyColumns } from './read-only.ts';
import { outsideWindowReason, type MaintenanceWindow } from './window.ts';
import { BuildSpeeds, readRecordedSpeeds, readTableBytes, roughDuration } from './eta.ts';

export interface PlanOptions extends Partial<DecisionOptions> {
  /** Plan for `build --prune` (with the same `pruneInclude` and `pruneMax`): what build would drop. */
  prune?: boolean;
  pruneInclude?: readonly PruneClass[];
  pruneMax?: number;
  /** Plan for `build --window`: outside it, what build would build is deferred. */
  window?: MaintenanceWindow;
}

export interface Plan {
  /** Build's report as build would give it (`outcome` completed; unreachable, pooler or read-only when build would not start). */
  report: Report;
  /** Why each index would get its status, by index name. */
  reasons: Record<string, string>;
  lines: string[];
  error?: string;
}

export async function plan(entries: readonly RegistryEntry[], url: string, options: PlanOptions = {}): Promise<Plan> {
  const started = Date.now();
  const decisionOptions: DecisionOptions = { onDrift: options.onDrift ?? 'report' };
  const ordered = buildOrder(entries);
  let client;
  try {
    client = await connect(url);
    const pooler = await detectPooler(client, url);
    if ('message' in pooler) return notStarted(ordered, 'pooler', pooler.message, started);
    // Read as build reads: the catalog's prints and the comparison depend on how the session reads and prints text.
    // In the same round trip, whether the target takes writes at all.
    const [columns] = await nameSession<ReadOnlyColumns>(client, `SELECT ${READ_ONLY_COLUMNS}`);
    const readOnly = await readOnlyTarget(client, columns!, url);
    if (readOnly) return notStarted(ordered, 'read-only', refusalNotice(readOnly, true), started);
    const states = await readCatalog(client, ordered);
    const equivalences = await compareWhereNeeded(client, ordered, states);
    const dependents = await readSwapDependents(client, ordered, states, equivalences);
    const decisions = ordered.map((entry, i) => decide(entry, states[i]!, equivalences[i], decisionOptions, dependents[i]));
    const reasons: Record<string, string> = {};
    const outside = outsideWindowReason(options.window, new Date());
    const buildsAt = decisions.map((decision) => decision.action === 'create' || decision.action === 'rebuild' || decision.action === 'replace');
    const [speeds, tableBytes] = buildsAt.some(Boolean) ? await Promise.all([readRecordedSpeeds(client), readTableBytes(client, ordered)]) : [[], []];
    const estimates = new BuildSpeeds(speeds);
    const indexes = ordered.map((entry, i): IndexResult => {
      const decision = decisions[i]!;
      const builds = buildsAt[i]!;
      const estimatedMs = builds && decision.status !== 'failed' ? estimates.estimateMs(tableBytes[i] ?? 0) : undefined;
      if (builds && outside && !entry.ignoreWindow) {
        reasons[entry.name] = `would be deferred: ${outside}`;
        return indexResult(entry, 'deferred', 0, 0, { ...(decision.drift ? { drift: decision.drift } : {}), reason: outside });
      }
      reasons[entry.name] = estimatedMs === undefined ? decision.reason : `${decision.reason} (estimated ${roughDuration(estimatedMs)})`;
      const result = indexResult(entry, decision.status, 0, 0, decisionDetails(decision));
      return estimatedMs === undefined ? result : { ...result, estimatedMs };
    });
    const planned = planPrune(await findPruneCandidates(client, ordered, states, decisions), ordered, {
      prune: options.prune === true,
      include: options.pruneInclude ?? [],
      max: options.pruneMax ?? DEFAULT_PRUNE_MAX,
    });
    const orphans = planned.map(({ orphan }) => orphan);
    const report: Report = { outcome: 'completed', indexes, totals: countTotals(indexes), orphans, durationMs: Date.now() - started };
    return {
      report,
      reasons,
      lines: planLines(
        report,
        reasons,
        planned.map(({ reason }) => reason),
      ),
    };
  } catch (error) {
    const message = describeError(error, url);
    return notStarted(ordered, 'unreachable', message, started);
  } finally {
    await disconnect(client);
  }
}

/** Build would not start (the database is unreachable, read-only, or a transaction pooler is in the way): every index would fail. */
function notStarted(ordered: readonly RegistryEntry[], outcome: 'unreachable' | 'pooler' | 'read-only', reason: string, started: number): Plan {
  const notice = outcome === 'pooler' ? `build would refuse: ${reason}` : outcome === 'read-only' ? reason : `could not start: ${reason}`;
  const indexes = failedBeforeStart(ordered, notice);
  const report: Report = { outcome, indexes, totals: countTotals(indexes), notice, durationMs: Date.now() - started };
  return { report, reasons: {}, lines: [`⚠️  ${outcome === 'unreachable' ? reason : notice}`], error: reason };
}

function planLines(report: Report, reasons: Record<string, string>, orphanReasons: readonly string[]): string[] {
  const orphans = report.orphans ?? [];
  const width = Math.max(
    ...report.indexes.map((i) => i.status.length),
    orphans.some((o) => o.leftover) ? 'leftover'.length : orphans.length > 0 ? 'orphan'.length : 0,
  );
  return [
    `Plan for ${report.indexes.length} index(es); nothing is changed:`,
    ...report.indexes.map((i) => `  ${i.status.padEnd(width)}  ${i.name} on ${i.table}: ${reasons[i.name]}`),
    ...orphans.map((o, i) => `  ${(o.leftover ? 'leftover' : 'orphan').padEnd(width)}  ${o.name} on ${o.table}: ${orphanReasons[i]}`),
  ];
}
