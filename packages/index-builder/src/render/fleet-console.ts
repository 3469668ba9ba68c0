// The fleet's console log: each database's own log with its lines prefixed `[name]`, a line as each database starts
// and ends, then the fleet table and the fleet totals in the summary block's format.
import { describeTarget } from '../db/url.ts';
import { consoleEvents, summaryLines, type WriteLine } from './console.ts';
import type { Totals } from '../builder/result.ts';
import { databaseState, fleetState, runView } from '../outcome/run-outcome.ts';
import { formatDuration } from '../util/duration.ts';
import { combinedReport } from '../fleet/report.ts';
import type { FleetPlanEvents } from '../fleet/plan.ts';
import type { FleetEvents } from '../fleet/run.ts';
import type { FleetReport, FleetTargetResult } from '../fleet/types.ts';

export function fleetConsoleEvents(write: WriteLine): FleetEvents {
  return {
    buildEvents: (target) => consoleEvents((line) => write(line ? `[${target.name}] ${line}` : `[${target.name}]`)),
    targetStarted(target) {
      write(`▶ [${target.name}] started${target.url ? ` (${describeTarget(target.url)})` : ''}`);
    },
    targetFinished(_target, result) {
      write(`■ [${result.name}] ${describeResult(result)}`);
    },
    canariesStarted(names) {
      write(`🐤 Canaries first: ${names.join(', ')}`);
    },
    canariesFailed(reason, deferred) {
      write(`⏸️  ${deferred} database(s) ${reason}`);
    },
  };
}

/** One line for a finished database: its outcome and counts. */
function describeResult(result: FleetTargetResult): string {
  const t = result.report.totals;
  const counts = `${t.created} created, ${t.rebuilt} rebuilt, ${t.skipped} skipped, ${t.failed} failed, ${t.deferred} deferred`;
  const notice = result.report.notice ? ` — ${result.report.notice}` : '';
  return `${databaseState(result.report).label}: ${counts} in ${formatDuration(result.report.durationMs)}${notice}`;
}

const COLUMNS = ['database', 'state', 'created', 'rebuilt', 'skipped', 'failed', 'deferred', 'duration'] as const;

/** The fleet table: one row per database, columns aligned. */
function fleetTableLines(fleet: FleetReport): string[] {
  const rows = fleet.targets.map((target) => {
    const t = target.report.totals;
    return [
      target.name,
      databaseState(target.report).label,
      t.created,
      t.rebuilt,
      t.skipped,
      t.failed,
      t.deferred,
      formatDuration(target.report.durationMs),
    ].map(String);
  });
  return alignedTable(COLUMNS, rows);
}

/** Columns aligned: the first two (database, outcome) to the left, the counts to the right. */
function alignedTable(columns: readonly string[], rows: readonly string[][]): string[] {
  const widths = columns.map((column, i) => Math.max(column.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [format(columns), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format)];
}

/** The summary block for the whole fleet: databases by outcome, then the index counts as for one database. */
function fleetSummaryLines(fleet: FleetReport): string[] {
  const byOutcome = new Map<string, number>();
  for (const target of fleet.targets) {
    const state = databaseState(target.report).label;
    byOutcome.set(state, (byOutcome.get(state) ?? 0) + 1);
  }
  const outcomes = [...byOutcome].map(([outcome, count]) => `${count} ${outcome}`).join(', ');
  const lines = summaryLines(combinedReport(fleet));
  lines[1] = 'Fleet Summary';
  // The combined report has lost which databases never started: the fleet's own state says the last line.
  const notAttempted = fleet.targets.reduce((sum, target) => sum + runView(target.report).notAttempted - target.report.totals.deferred, 0);
  const failedAt = lines.findIndex((line) => line.startsWith('Failed:'));
  lines[failedAt] = `Failed:         ${fleet.totals.failed - notAttempted}`;
  if (notAttempted > 0) lines.splice(failedAt + 2, 0, `Not attempted:  ${notAttempted} (their database could not be built)`);
  const state = fleetState(fleet.targets.map((target) => target.report));
  lines[lines.length - 1] = `${state.emoji}${state.emoji.length === 1 ? ' ' : '  '}${state.sentence}`;
  lines.splice(3, 0, `Databases:      ${fleet.totals.databases} (${outcomes})`);
  if (fleet.totals.failedDatabases > 0) lines.splice(4, 0, `Failed DBs:     ${fleet.totals.failedDatabases}`);
  return lines;
}

/** The fleet table, then the fleet summary block. */
export function fleetEndLines(fleet: FleetReport): string[] {
  return ['', ...fleetTableLines(fleet), '', ...fleetSummaryLines(fleet)];
}

/** `plan --targets`: a line as each database starts, its plan as `plan` prints it (each line under its name), its end. */
export function fleetPlanConsoleEvents(write: WriteLine): FleetPlanEvents {
  return {
    targetStarted(target) {
      write(`▶ [${target.name}] planning${target.url ? ` (${describeTarget(target.url)})` : ''}`);
    },
    planned(target, lines) {
      for (const line of lines) write(`[${target.name}] ${line}`);
    },
    targetFinished(_target, result) {
      write(
        `■ [${result.name}] ${result.outcome === 'completed' ? `planned: ${planCounts(result.report.totals)}` : `${result.outcome}: ${result.report.notice ?? ''}`}`,
      );
    },
  };
}

const PLAN_COLUMNS = ['database', 'plan', 'to create', 'to rebuild', 'up to date', 'in progress', 'drifted', 'would fail'] as const;

/** The fleet plan's table and its last lines: what build would do across the fleet, and which databases it could not plan. */
export function fleetPlanEndLines(fleet: FleetReport): string[] {
  const rows = fleet.targets.map((target) => {
    const t = target.report.totals;
    const outcome = target.outcome === 'completed' ? 'planned' : target.outcome;
    return [target.name, outcome, t.created, t.rebuilt, t.skipped, t.inProgress, t.drifted, t.failed].map(String);
  });
  const unplanned = fleet.targets.filter((target) => target.outcome !== 'completed').map((target) => target.name);
  const planned = fleet.targets.filter((target) => target.outcome === 'completed');
  const totals = combinedReport({ targets: planned, durationMs: fleet.durationMs }).totals;
  return [
    '',
    ...alignedTable(PLAN_COLUMNS, rows),
    '',
    `Fleet plan: ${planned.length} of ${fleet.targets.length} database(s) planned: ${planCounts(totals)}; nothing was changed.`,
    ...(unplanned.length > 0 ? [`⚠️  ${unplanned.length} database(s) could not be planned: ${unplanned.join(', ')}`] : []),
  ];
}

function planCounts(t: Totals): string {
  return `${t.created} to create, ${t.rebuilt} to rebuild, ${t.skipped} up to date, ${t.inProgress} in progress, ${t.drifted} drifted, ${t.failed} would fail`;
}
