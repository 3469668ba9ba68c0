// The job summary as Markdown: the headline state and its sentence first, the counters, then failures and drift with
// their next step, what changed, and the up-to-date indexes folded away; within GitHub's 1 MiB.
// Pure text, so that it is tested as text and printed as-is when there is no GITHUB_STEP_SUMMARY.
import { problemText } from '@index-builder/sql-core/registry';
import type { RegistryProblem } from '@index-builder/sql-core/registry';
import { constraintNote } from './constraint-text.ts';
import type { OrphanIndex, Report } from '../builder/result.ts';
import type { Surface } from '../outcome/next-step.ts';
import { headline, runView, type RunView } from '../outcome/run-outcome.ts';
import { visible } from './safe-text.ts';
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
  /** The database, as describeTarget names it (host, port and name; never a password). */
  database?: string;
  /** Whose settings the next steps name: the Action's inputs (the default) or the CLI's flags. */
  surface?: Surface;
  /** For tests: a smaller limit than GitHub's. */
  limitBytes?: number;
}

/** GitHub's limit for one step's job summary. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Room kept for everything after the tables (orphans, notes, failure, footer). */
const TAIL_RESERVE_BYTES = 16 * 1024;

export function renderSummary(view: SummaryView): string {
  const context = { dryRun: view.dryRun === true, surface: view.surface ?? ('action' as const), stepFailed: view.stepFailure !== undefined };
  const run = runView(view.report, context);
  const limit = view.limitBytes ?? SUMMARY_LIMIT_BYTES;
  if (view.problems && view.problems.length > 0) {
    return finishBlocks(view, [
      `## ❌ Index build${view.database ? ` on ${code(view.database)}` : ''}: the registry is invalid, nothing was built`,
      problemList(view.problems, limit),
    ]);
  }
  const blocks = [`## ${escapeText(headline(run))}${view.database ? ` · ${code(view.database)}` : ''}`, `**${escapeText(run.sentence)}**`];
  if (view.report.notice) blocks.push(`⚠️ ${escapeText(view.report.notice)}`);
  if (view.stepFailure) blocks.push(`❌ **The step failed:** ${escapeText(view.stepFailure)}`);
  blocks.push(countersTable(view.report, run));
  let budget = limit - TAIL_RESERVE_BYTES - Buffer.byteLength(blocks.join('\n\n'));
  const notStarted = run.state === 'not-started' || run.state === 'held';
  const shown = run.indexes.filter(({ outcome }) => !notStarted && outcome.attention !== 'unchanged');
  const folded = run.indexes.filter(({ outcome }) => notStarted || outcome.attention === 'unchanged');
  const order: Record<string, number> = { failure: 0, drift: 1, pending: 2, done: 3, unchanged: 4 };
  shown.sort((a, b) => order[a.outcome.attention]! - order[b.outcome.attention]! || Number(b.index.critical) - Number(a.index.critical));
  let hidden = 0;
  if (shown.length > 0) {
    const table = indexTable(shown, view, budget);
    blocks.push(table.text);
    budget -= Buffer.byteLength(table.text);
    hidden += table.hidden;
  }
  if (folded.length > 0) {
    const what = notStarted
      ? `${folded.length} index(es) not attempted`
      : `${folded.length} index(es) ${view.dryRun ? 'up to date' : 'already up to date'}`;
    const table = indexTable(folded, view, budget - 200);
    blocks.push(`<details><summary>${what}</summary>\n\n${table.text}\n\n</details>`);
    hidden += table.hidden;
  }
  if (hidden > 0) {
    blocks.push(
      `ℹ️ ${hidden} more index(es) are not shown: a job summary holds at most 1 MiB. The JSON report (output \`report\`) lists every index.`,
    );
  }
  if (view.report.orphans?.length) blocks.push(orphanList(view.report.orphans, view.dryRun === true, run.orphansNote));
  return finishBlocks(view, blocks);
}

function finishBlocks(view: SummaryView, blocks: string[]): string {
  const omitted = omittedNote(view.omitted);
  if (omitted) blocks.push(omitted);
  if (view.problems?.length && view.stepFailure) blocks.push(`❌ **The step failed:** ${escapeText(view.stepFailure)}`);
  const footer = [
    view.reportPath ? `JSON report: ${code(view.reportPath)}` : '',
    view.restorePath ? `undo its drops and swaps: ${code(view.restorePath)}` : '',
    view.problems?.length ? '' : `${view.dryRun ? 'planned' : 'took'} ${formatDuration(view.report.durationMs)}`,
  ].filter(Boolean);
  if (footer.length > 0) blocks.push(`<sub>${footer.join(' · ')}</sub>`);
  return `${blocks.join('\n\n')}\n`;
}

function countersTable(report: Report, run: RunView): string {
  const t = report.totals;
  const columns: [string, number][] = [['Total', t.total], ...run.counts.map(({ label, count }): [string, number] => [capitalise(label), count])];
  return [row(columns.map(([name]) => name)), row(columns.map(() => '---:')), row(columns.map(([, n]) => String(n)))].join('\n');
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

type Shown = RunView['indexes'][number];

/** Three columns, so that nothing is clipped at GitHub's width: the index and its table, its state, what happened and what next. */
function indexTable(entries: readonly Shown[], view: SummaryView, budget: number): { text: string; hidden: number } {
  const dry = view.dryRun === true;
  const lines = [row(['Index', dry ? 'Would be' : 'State', dry ? 'Why' : 'What happened · next step']), row(['---', '---', '---'])];
  let size = Buffer.byteLength(lines.join('\n'));
  let shown = 0;
  for (const { index, outcome } of entries) {
    const name = `${code(index.name)}${index.critical ? ' **critical**' : ''}<br>on ${code(index.table)}`;
    const timing =
      !dry && index.attempts > 0
        ? `<br><sub>${index.attempts > 1 ? `${index.attempts} attempts · ` : ''}${formatDuration(index.durationMs)}</sub>`
        : '';
    const state = `${outcome.emoji} ${outcome.label}${timing}`;
    const planned = view.reasons?.[index.name];
    const facts = dry && planned !== undefined ? [escapeText(planned)] : outcome.facts.map((fact) => factText(fact));
    const constraint = constraintNote(index);
    if (constraint) facts.push(escapeText(constraint));
    if (outcome.heldBack) facts.push(escapeText(outcome.heldBack));
    if (outcome.nextStep) facts.push(`**Next:** ${escapeText(outcome.nextStep)}`);
    const line = row([name, state, facts.join('<br>')]);
    size += Buffer.byteLength(line) + 1;
    if (size > budget) break;
    lines.push(line);
    shown += 1;
  }
  return { text: lines.join('\n'), hidden: entries.length - shown };
}

/** A fact as text; a definition (`Database: ...`, `Registry: ...`) as code. */
function factText(fact: string): string {
  const definition = /^(Database|Registry): (.*)$/s.exec(fact);
  return definition ? `${definition[1]}: ${code(definition[2]!)}` : escapeText(fact);
}

function orphanList(orphans: readonly OrphanIndex[], dryRun: boolean, note: string | undefined): string {
  const items = orphans.map((orphan) => {
    const why = orphan.error ?? orphan.kept;
    const what = orphan.dropped ? (dryRun ? ' (would be dropped)' : ' (dropped)') : why ? ` (kept: ${escapeText(why)})` : '';
    return `- ${code(orphan.name)} on ${code(orphan.table)}${orphan.leftover ? ' (a swap’s leftover)' : ''}${what}`;
  });
  return [
    `**Carrying index-builder's mark (built or adopted by it), no longer in the registry**${note ? ` · ${escapeText(note)}` : ''}`,
    ...items,
  ].join('\n');
}

function problemList(problems: readonly RegistryProblem[], limit: number): string {
  const lines: string[] = [];
  let size = TAIL_RESERVE_BYTES;
  for (const p of problems) {
    const line = `- ${code(`${p.location.file}:${p.location.line}`)} ${code(p.code)}: ${escapeText(problemText(p))}`;
    size += Buffer.byteLength(line) + 1;
    if (size > limit) {
      lines.push(
        `- and ${problems.length - lines.length} more problem(s): a job summary holds at most 1 MiB (npx index-builder check lists them all)`,
      );
      break;
    }
    lines.push(line);
  }
  return lines.join('\n');
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
