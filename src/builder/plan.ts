// `index-builder plan`: what build would do with the same options, entry by entry and orphan by orphan, from the
// same catalog reads and the same decision (decide.ts). Changes nothing.
import type { RegistryEntry } from '../registry/types.ts';
import { countTotals, type IndexResult, type OrphanIndex, type Report } from '../report/types.ts';
import { buildOrder } from './build.ts';
import { readCatalog } from './catalog.ts';
import { connect, describeError, disconnect, nameSession } from './connection.ts';
import { decide, type DecisionOptions } from './decide.ts';
import { compareWhereNeeded } from './equivalence.ts';
import { failedBeforeStart, indexResult } from './index-result.ts';
import { findOrphans, plannedOrphans } from './orphans.ts';
import { detectPooler } from './pooler.ts';

export interface PlanOptions extends Partial<DecisionOptions> {
  /** Plan for `build --prune`: orphans are reported as dropped. */
  prune?: boolean;
}

export interface Plan {
  /** Build's report as build would give it (`outcome` completed; unreachable or pooler when build would not start). */
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
    await nameSession(client);
    const states = await readCatalog(client, ordered);
    const equivalences = await compareWhereNeeded(client, ordered, states);
    const reasons: Record<string, string> = {};
    const indexes = ordered.map((entry, i): IndexResult => {
      const decision = decide(entry, states[i]!, equivalences[i], decisionOptions);
      reasons[entry.name] = decision.reason;
      return indexResult(entry, decision.status, 0, 0, {
        ...(decision.drift ? { drift: decision.drift } : {}),
        ...(decision.status === 'failed' ? { error: { message: decision.reason, blockers: [] } } : {}),
      });
    });
    const declared = new Set(ordered.map((entry, i) => `${states[i]!.schema}.${entry.indexName}`));
    const orphans = plannedOrphans(await findOrphans(client, declared), options.prune === true);
    const report: Report = { outcome: 'completed', indexes, totals: countTotals(indexes), orphans, durationMs: Date.now() - started };
    return { report, reasons, lines: planLines(report, reasons, options.prune === true) };
  } catch (error) {
    const message = describeError(error, url);
    return notStarted(ordered, 'unreachable', message, started);
  } finally {
    await disconnect(client);
  }
}

/** Build would not start (the database is unreachable, or a transaction pooler is in the way): every index would fail. */
function notStarted(ordered: readonly RegistryEntry[], outcome: 'unreachable' | 'pooler', reason: string, started: number): Plan {
  const notice = outcome === 'pooler' ? `build would refuse: ${reason}` : `could not start: ${reason}`;
  const indexes = failedBeforeStart(ordered, notice);
  const report: Report = { outcome, indexes, totals: countTotals(indexes), notice, durationMs: Date.now() - started };
  return { report, reasons: {}, lines: [`⚠️  ${outcome === 'pooler' ? notice : reason}`], error: reason };
}

function planLines(report: Report, reasons: Record<string, string>, prune: boolean): string[] {
  const orphans = report.orphans ?? [];
  const width = Math.max(...report.indexes.map((i) => i.status.length), orphans.length > 0 ? 'orphan'.length : 0);
  return [
    `Plan for ${report.indexes.length} index(es); nothing is changed:`,
    ...report.indexes.map((i) => `  ${i.status.padEnd(width)}  ${i.name} on ${i.table}: ${reasons[i.name]}`),
    ...orphans.map((o) => `  ${'orphan'.padEnd(width)}  ${o.name} on ${o.table}: ${orphanReason(o, prune)}`),
  ];
}

function orphanReason(orphan: OrphanIndex, prune: boolean): string {
  if (prune) return 'made by index-builder, no longer in the registry: would drop it (--prune)';
  return 'made by index-builder, no longer in the registry: would keep it (--prune would drop it)';
}
