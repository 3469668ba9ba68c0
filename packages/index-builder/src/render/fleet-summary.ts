// The job summary of a fleet run: a heading, the fleet's counters, one row per database, and what was left out.
// GitHub takes at most 1 MiB per step's summary, so rows stop before that, with the count of those not shown.
import { formatDuration } from '../util/duration.ts';
import type { FleetReport, FleetTargetResult } from '../fleet/types.ts';
import type { AnnotationLevel } from '../action/annotations.ts';
import { code, escapeText } from './summary.ts';

/** GitHub's limit for one step's job summary. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Room kept for everything after the table (notes, failure, footer). */
const TAIL_RESERVE_BYTES = 16 * 1024;

export interface FleetSummaryView {
  fleet: FleetReport;
  omitted?: Record<AnnotationLevel, number>;
  stepFailure?: string;
  reportPath?: string;
  /** For tests: a smaller limit than GitHub's. */
  limitBytes?: number;
}

const OUTCOME_EMOJI: Record<string, string> = {
  completed: '✅',
  'another-builder': '⏸️',
  unreachable: '❌',
  pooler: '❌',
  'read-only': '❌',
  cancelled: '⏹️',
  deferred: '⏸️',
};

export function renderFleetSummary(view: FleetSummaryView): string {
  const { fleet } = view;
  const limit = view.limitBytes ?? SUMMARY_LIMIT_BYTES;
  const head = [`## ${heading(fleet)}`, countersTable(fleet)].join('\n\n');
  const header = [
    '| Database | Outcome | Created | Rebuilt | Skipped | Failed | Deferred | Duration | Notes |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  let size = Buffer.byteLength(head) + Buffer.byteLength(header.join('\n')) + TAIL_RESERVE_BYTES;
  const rows: string[] = [];
  for (const target of fleet.targets) {
    const line = targetRow(target);
    size += Buffer.byteLength(line) + 1;
    if (size > limit) break;
    rows.push(line);
  }
  const blocks = [head, [...header, ...rows].join('\n')];
  const hidden = fleet.targets.length - rows.length;
  if (hidden > 0) {
    blocks.push(
      `ℹ️ ${hidden} more database(s) are not shown: a job summary holds at most 1 MiB. The JSON report (output \`report\`) lists every database.`,
    );
  }
  const omitted = omittedNote(view.omitted);
  if (omitted) blocks.push(omitted);
  if (view.stepFailure) blocks.push(`❌ **The step failed:** ${escapeText(view.stepFailure)}`);
  const footer = [view.reportPath ? `JSON report: ${code(view.reportPath)}` : '', `took ${formatDuration(fleet.durationMs)}`].filter(Boolean);
  blocks.push(`<sub>${footer.join(' · ')}</sub>`);
  return `${blocks.join('\n\n')}\n`;
}

function heading(fleet: FleetReport): string {
  const t = fleet.totals;
  const parts = (
    [
      [t.created, 'created'],
      [t.rebuilt, 'rebuilt'],
      [t.skipped, 'skipped'],
      [t.failed, 'failed'],
      [t.deferred, 'deferred'],
    ] as const
  )
    .filter(([count]) => count > 0)
    .map(([count, label]) => `${count} ${label}`);
  const criticalFailed = fleet.targets.some((target) => target.report.indexes.some((index) => index.status === 'failed' && index.critical));
  const emoji = criticalFailed ? '❌' : t.failedDatabases > 0 ? '⚠️' : t.deferred > 0 ? '⏸️' : '✅';
  const failed = t.failedDatabases > 0 ? ` (${t.failedDatabases} database(s) with failures)` : '';
  return `${emoji} Index build across ${t.databases} database(s): ${parts.join(', ') || 'no indexes in the registry'}${failed}`;
}

function countersTable(fleet: FleetReport): string {
  const t = fleet.totals;
  const columns: [string, number][] = [
    ['Databases', t.databases],
    ['Failed DBs', t.failedDatabases],
    ['Deferred DBs', t.deferredDatabases],
    ['Indexes', t.total],
    ['Created', t.created],
    ['Rebuilt', t.rebuilt],
    ['Skipped', t.skipped],
    ['Failed', t.failed],
    ['Deferred', t.deferred],
  ];
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [row(columns.map(([name]) => name)), row(columns.map(() => '---:')), row(columns.map(([, n]) => String(n)))].join('\n');
}

function targetRow(target: FleetTargetResult): string {
  const t = target.report.totals;
  const cells = [
    code(target.name),
    `${OUTCOME_EMOJI[target.outcome] ?? ''} ${target.outcome}`,
    ...[t.created, t.rebuilt, t.skipped, t.failed, t.deferred].map(String),
    formatDuration(target.report.durationMs),
    notes(target),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** The notice of a database that was not built, else its failed indexes (critical ones marked), kept short. */
function notes(target: FleetTargetResult): string {
  if (target.report.notice) return escapeText(clip(target.report.notice));
  const failed = target.report.indexes.filter((index) => index.status === 'failed');
  if (failed.length === 0) return '';
  const names = failed
    .slice(0, 5)
    .map((index) => `${code(index.name)}${index.critical ? ' **critical**' : ''}${index.error?.sqlstate ? ` (${index.error.sqlstate})` : ''}`);
  return `failed: ${names.join(', ')}${failed.length > 5 ? `, and ${failed.length - 5} more` : ''}`;
}

function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

function omittedNote(omitted: FleetSummaryView['omitted']): string {
  if (!omitted) return '';
  const levels = (['error', 'warning', 'notice'] as const).filter((level) => omitted[level] > 0);
  if (levels.length === 0) return '';
  const left = levels.map((level) => `${omitted[level]} ${level}(s)`).join(', ');
  return `ℹ️ GitHub shows at most 10 annotations of each kind per step, so ${left} were left out; the table and the JSON report hold every database.`;
}
