// The job summary as Markdown: a heading, the counters, one table row per index, and what the annotations left
// out. Pure text, so that it is tested as text and printed as-is when there is no GITHUB_STEP_SUMMARY.
import { problemText } from '../registry/problems.ts';
import type { RegistryProblem } from '../registry/types.ts';
import { constraintNote } from '../report/constraint-text.ts';
import { describeBlocker } from '../report/console.ts';
import type { IndexResult, IndexStatus, OrphanIndex, Report } from '../report/types.ts';
import { visible } from '../report/safe-text.ts';
import { formatDuration } from '../util/duration.ts';
import type { AnnotationLevel } from './annotations.ts';

export interface SummaryView {
  report: Report;
  dryRun?: boolean;
  /** Dry run: why each index would get its status, by name. */
  reasons?: Record<string, string>;
  /** Registry problems: nothing was built. */
  problems?: readonly RegistryProblem[];
  /** Annotations GitHub would not have shown (10 of each kind per step). */
  omitted?: Record<AnnotationLevel, number>;
  /** Why the step fails, when it does (`fail-on`). */
  stepFailure?: string;
  reportPath?: string;
  /** restore.sql, when this run dropped or swapped indexes: the statements that undo it. */
  restorePath?: string;
}

const STATUS_EMOJI: Record<IndexStatus, string> = {
  created: '✅',
  rebuilt: '♻️',
  skipped: '⏭️',
  'in-progress': '⏳',
  drifted: '🔀',
  failed: '⚠️',
  deferred: '⏸️',
};

const STATUS_REASON: Partial<Record<IndexStatus, string>> = {
  'in-progress': 'another session is building it right now',
  drifted: 'exists, but the registry now defines it differently; left as it is',
  deferred: 'the time budget was spent before its turn',
};

export function renderSummary(view: SummaryView): string {
  const blocks = [`## ${heading(view)}`];
  if (view.problems && view.problems.length > 0) blocks.push(problemList(view.problems));
  if (view.report.notice && !view.problems?.length) blocks.push(`⚠️ ${escapeText(view.report.notice)}`);
  if (!view.problems?.length) blocks.push(countersTable(view.report));
  if (view.report.indexes.length > 0) blocks.push(indexTable(view));
  if (view.report.orphans?.length) blocks.push(orphanList(view.report.orphans, view.dryRun === true));
  const omitted = omittedNote(view.omitted);
  if (omitted) blocks.push(omitted);
  if (view.stepFailure) blocks.push(`❌ **The step failed:** ${escapeText(view.stepFailure)}`);
  const footer = [
    view.reportPath ? `JSON report: ${code(view.reportPath)}` : '',
    view.restorePath ? `undo its drops and swaps: ${code(view.restorePath)}` : '',
    view.problems?.length ? '' : `${view.dryRun ? 'planned' : 'took'} ${formatDuration(view.report.durationMs)}`,
  ].filter(Boolean);
  if (footer.length > 0) blocks.push(`<sub>${footer.join(' · ')}</sub>`);
  return `${blocks.join('\n\n')}\n`;
}

function heading(view: SummaryView): string {
  if (view.problems?.length) return `❌ Index build: the registry is invalid, nothing was built`;
  const { report } = view;
  const t = report.totals;
  const parts = (
    [
      [t.created, view.dryRun ? 'to create' : 'created'],
      [t.rebuilt, view.dryRun ? 'to rebuild' : 'rebuilt'],
      [t.skipped, view.dryRun ? 'up to date' : 'skipped'],
      [t.inProgress, 'in progress'],
      [t.drifted, 'drifted'],
      [t.failed, view.dryRun ? 'would fail' : 'failed'],
      [t.deferred, 'deferred'],
    ] as const
  )
    .filter(([count]) => count > 0)
    .map(([count, label]) => `${count} ${label}`);
  const what = parts.length > 0 ? parts.join(', ') : 'no indexes in the registry';
  const criticalFailed = report.indexes.some((index) => index.status === 'failed' && index.critical);
  const emoji = criticalFailed
    ? '❌'
    : t.failed + t.drifted > 0 || report.outcome !== 'completed'
      ? '⚠️'
      : t.deferred + t.inProgress > 0
        ? '⏸️'
        : '✅';
  return `${emoji} ${view.dryRun ? 'Index build plan (dry run, nothing was changed)' : 'Index build'}: ${what}`;
}

function countersTable(report: Report): string {
  const t = report.totals;
  const columns: [string, number][] = [
    ['Total', t.total],
    ['Created', t.created],
    ['Rebuilt', t.rebuilt],
    ['Skipped', t.skipped],
    ['Failed', t.failed],
    ['Deferred', t.deferred],
  ];
  if (t.inProgress > 0) columns.push(['In progress', t.inProgress]);
  if (t.drifted > 0) columns.push(['Drifted', t.drifted]);
  return [row(columns.map(([name]) => name)), row(columns.map(() => '---:')), row(columns.map(([, n]) => String(n)))].join('\n');
}

function indexTable(view: SummaryView): string {
  const dry = view.dryRun === true;
  const header = dry ? ['Index', 'Table', 'Would be', 'Reason'] : ['Index', 'Table', 'Status', 'Attempts', 'Duration', 'Reason'];
  const align = dry ? ['---', '---', '---', '---'] : ['---', '---', '---', '---:', '---:', '---'];
  // A run that never started (unreachable, a transaction pooler, read-only) says why once, above the table, not on every row.
  const notStarted = view.report.outcome === 'unreachable' || view.report.outcome === 'pooler' || view.report.outcome === 'read-only';
  const rows = view.report.indexes.map((index) => {
    const name = `${code(index.name)}${index.critical ? ' **critical**' : ''}`;
    const status = `${index.status === 'failed' && index.critical ? '❌' : STATUS_EMOJI[index.status]} ${index.status}`;
    const planned = view.reasons?.[index.name];
    const reason = dry && planned !== undefined ? escapeText(planned) : notStarted ? 'not attempted: see above' : reasonOf(index);
    return dry
      ? row([name, code(index.table), status, reason])
      : row([name, code(index.table), status, String(index.attempts), formatDuration(index.durationMs), reason]);
  });
  return [row(header), row(align), ...rows].join('\n');
}

/** Failures: SQLSTATE, message, hint and each blocking session on its own line; otherwise what explains the status. */
function reasonOf(index: IndexResult): string {
  const lines: string[] = [];
  if (index.status === 'failed') {
    const error = index.error ?? { message: 'unknown error', blockers: [] };
    lines.push(`${error.sqlstate ? `${code(error.sqlstate)} ` : ''}${escapeText(error.message)}`);
    if (error.hint) lines.push(`Hint: ${escapeText(error.hint)}`);
    for (const blocker of error.blockers) lines.push(`Blocked by ${escapeText(describeBlocker(blocker))}`);
  } else if (index.reason) {
    lines.push(escapeText(index.reason));
  } else if (STATUS_REASON[index.status]) {
    lines.push(escapeText(STATUS_REASON[index.status]!));
  }
  if (index.drift) {
    lines.push(index.status === 'drifted' ? `database: ${code(oneLine(index.drift.database))}` : "replaced with the registry's new definition");
    if (index.status === 'drifted') lines.push(`registry: ${code(oneLine(index.drift.registry))}`);
  }
  if (index.partitions) lines.push(`${index.partitions.built}/${index.partitions.total} partitions`);
  if (index.heldBack) lines.push(`held back ${formatDuration(index.heldBack.waitedMs)} before starting: ${escapeText(index.heldBack.cause)}`);
  const constraint = constraintNote(index);
  if (constraint) lines.push(escapeText(constraint));
  return lines.join('<br>');
}

function orphanList(orphans: readonly OrphanIndex[], dryRun: boolean): string {
  const items = orphans.map((orphan) => {
    const why = orphan.error ?? orphan.kept;
    const what = orphan.dropped ? (dryRun ? ' (would be dropped)' : ' (dropped)') : why ? ` (kept: ${escapeText(why)})` : '';
    return `- ${code(orphan.name)} on ${code(orphan.table)}${orphan.leftover ? ' (a swap’s leftover)' : ''}${what}`;
  });
  const dropped = orphans.some((orphan) => orphan.dropped);
  return [
    `**Built by index-builder, no longer in the registry**${dropped ? '' : " (left in place; the CLI's `--prune` drops them)"}:`,
    ...items,
  ].join('\n');
}

function oneLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

function problemList(problems: readonly RegistryProblem[]): string {
  return problems.map((p) => `- ${code(`${p.location.file}:${p.location.line}`)} ${code(p.code)}: ${escapeText(problemText(p))}`).join('\n');
}

function omittedNote(omitted: SummaryView['omitted']): string {
  if (!omitted) return '';
  const levels = (['error', 'warning', 'notice'] as const).filter((level) => omitted[level] > 0);
  if (levels.length === 0) return '';
  const total = levels.reduce((sum, level) => sum + omitted[level], 0);
  const left = levels.map((level) => `${omitted[level]} ${level}${omitted[level] === 1 ? '' : 's'}`).join(', ');
  return `ℹ️ GitHub shows at most 10 annotations of each kind per step, so ${left} ${total === 1 ? 'was' : 'were'} left out; the table above lists every index.`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * External text in a table cell or paragraph: one line (control characters written out, as in the log), no HTML,
 * no table breaks, no links, images or code spans (`[`, `]`, backtick and `|` escaped with a backslash, the
 * backslash itself first). Emphasis is left alone: it changes how text looks, not what it is.
 */
export function escapeText(text: string): string {
  return visible(text)
    .replace(/[\\`[\]|]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * A code span, one line. Inside it Markdown and HTML are inert, except that a table still splits at `|`: that is
 * escaped, and so is a backslash before it (written `\u{5c}`), which would otherwise escape the escape. The fence
 * is one backtick longer than the longest run of backticks in the text.
 */
export function code(text: string): string {
  const clean = visible(text)
    .replace(/\\(?=\|)/g, '\\u{5c}')
    .replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = longestRun > 0 ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
