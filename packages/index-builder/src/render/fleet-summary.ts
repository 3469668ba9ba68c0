// The job summary of a fleet run: a heading, the fleet's counters, one row per database, and what was left out.
// GitHub takes at most 1 MiB per step's summary, so rows stop before that, with the count of those not shown.
import { formatDuration } from '../util/duration.ts';
import type { FleetReport, FleetTargetResult } from '../fleet/types.ts';
import type { AnnotationLevel } from './annotations.ts';
import { code, escapeText, SUMMARY_LIMIT_BYTES as SUMMARY_LIMIT } from './summary.ts';
import type { IndexResult } from '../builder/result.ts';
import { databaseNote, databaseState, fleetCounts, fleetState, runView } from '../outcome/run-outcome.ts';

export { SUMMARY_LIMIT_BYTES } from './summary.ts';
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

export function renderFleetSummary(view: FleetSummaryView): string {
  const { fleet } = view;
  const limit = view.limitBytes ?? SUMMARY_LIMIT;
  const state = fleetState(fleet.targets.map((target) => target.report));
  const head = [`## ${heading(fleet, state.emoji)}`, `**${escapeText(state.sentence)}**`, countersTable(fleet)].join('\n\n');
  // Three narrow columns that never squeeze; each database's note (why it was not built, what failed) below them.
  const header = ['| Database | State | Indexes |', '| --- | --- | --- |'];
  let size = Buffer.byteLength(head) + Buffer.byteLength(header.join('\n')) + TAIL_RESERVE_BYTES;
  const rows: string[] = [];
  const noteLines: string[] = [];
  for (const target of fleet.targets) {
    const line = targetRow(target);
    const note = notes(target);
    const noteLine = note ? `- ${code(target.name)}: ${note}` : '';
    size += Buffer.byteLength(line) + 1 + (noteLine ? Buffer.byteLength(noteLine) + 1 : 0);
    if (size > limit) break;
    rows.push(line);
    if (noteLine) noteLines.push(noteLine);
  }
  const blocks = [head, [...header, ...rows].join('\n')];
  if (noteLines.length > 0) blocks.push(['**What needs a look:**', ...noteLines].join('\n'));
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

function heading(fleet: FleetReport, emoji: string): string {
  const t = fleet.totals;
  const parts = fleetCounts(fleet.targets.map((target) => target.report)).map(({ count, label }) => `${count} ${label}`);
  const failed = t.failedDatabases > 0 ? ` (${t.failedDatabases} database(s) with failures)` : '';
  return `${emoji} Index build across ${t.databases} database(s): ${parts.join(', ') || 'no indexes in the registry'}${failed}`;
}

function countersTable(fleet: FleetReport): string {
  const t = fleet.totals;
  const columns: [string, number][] = [
    ['Databases', t.databases],
    ['With failures', t.failedDatabases],
    ['Held back', t.deferredDatabases],
    ['Indexes', t.total],
    ...fleetCounts(fleet.targets.map((target) => target.report)).map(({ label, count }): [string, number] => [
      `${label.charAt(0).toUpperCase()}${label.slice(1)}`,
      count,
    ]),
  ];
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [row(columns.map(([name]) => name)), row(columns.map(() => '---:')), row(columns.map(([, n]) => String(n)))].join('\n');
}

function targetRow(target: FleetTargetResult): string {
  const state = databaseState(target.report);
  const counts = runView(target.report).counts.map(({ count, label }) => `${count} ${label}`);
  const cells = [
    `${code(target.name)}${target.group ? `<br><sub>${escapeText(target.group)}</sub>` : ''}`,
    `${state.emoji} ${state.label}<br><sub>${formatDuration(target.report.durationMs)}</sub>`,
    counts.join('<br>') || '—',
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Why a database was not built, else its failed and drifted indexes (critical ones marked), kept short. */
function notes(target: FleetTargetResult): string {
  const note = databaseNote(target.report);
  if (note.notice) return escapeText(clip(note.notice));
  // Failed and drifted names, each list with its kind: `failed:` before `drifted:`.
  const name = (index: IndexResult) =>
    `${code(index.name)}${index.critical ? ' **critical**' : ''}${index.error?.sqlstate ? ` (${index.error.sqlstate})` : ''}`;
  const list = (indexes: IndexResult[]) =>
    `${indexes.slice(0, 5).map(name).join(', ')}${indexes.length > 5 ? `, and ${indexes.length - 5} more` : ''}`;
  return [note.failed.length ? `failed: ${list(note.failed)}` : '', note.drifted.length ? `drifted: ${list(note.drifted)}` : '']
    .filter(Boolean)
    .join('; ');
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
