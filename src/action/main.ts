// The Action's main step: the CLI's builder behind GitHub's inputs, outputs, log groups, annotations and job summary.
// The step succeeds whatever happens to the indexes, unless `fail-on` asks otherwise; only bad inputs fail it at once.
import { relative, resolve, sep } from 'node:path';
import * as core from '@actions/core';
import { build, openRun } from '../builder/build.ts';
import { describeTarget, redact } from '../builder/connection.ts';
import { plan } from '../builder/plan.ts';
import { appendRestoreFile, restoreFilePath } from '../builder/restore.ts';
import { whileOpening, type OpeningSessions } from '../builder/sessions.ts';
import { loadRegistry, type LoadedRegistry } from '../registry/load.ts';
import { problemText } from '../registry/problems.ts';
import type { RegistryEntry } from '../registry/types.ts';
import { consoleEvents } from '../report/console.ts';
import { writeJsonReport } from '../report/json.ts';
import { countTotals, shouldFail, type FailOn, type Report } from '../report/types.ts';
import { capAnnotations, problemAnnotations, reportAnnotations, type Annotation } from './annotations.ts';
import { readInputs, runSettingsOf, type ActionInputs } from './inputs.ts';
import { outputsOf, setOutputs, reportPathFor } from './outputs.ts';
import { maskSecrets, redactDeep } from './secrets.ts';
import { BUILD_STARTED } from './state.ts';
import { renderSummary, type SummaryView } from './summary.ts';

export async function run(): Promise<void> {
  // Masked before anything else is printed, even an input error.
  const secrets = maskSecrets(core.getInput('database-url'), core.setSecret);

  let inputs: ActionInputs;
  try {
    inputs = readInputs((name) => core.getInput(name));
  } catch (error) {
    core.setFailed(redact(messageOf(error), secrets));
    return;
  }
  try {
    await buildAndReport(inputs, secrets);
  } catch (error) {
    // A fault of ours, not an index's: the deploy still goes on unless fail-on asks otherwise.
    const message = `index-builder stopped unexpectedly: ${redact(messageOf(error), secrets)}`;
    if (inputs.failOn === 'never') core.warning(message);
    else core.setFailed(message);
  }
}

async function buildAndReport(inputs: ActionInputs, secrets: string[]): Promise<void> {
  // One database's build: its connections authenticate, and the pooler check runs, while the registry loads.
  const sessions = inputs.fleet || inputs.dryRun ? undefined : openRun(inputs.databaseUrl, runSettingsOf(inputs));
  const registry = await whileOpening(sessions, loadRegistry(inputs.registry), (loaded) => loaded.problems.length === 0);
  if (registry.problems.length > 0) return reportInvalidRegistry(registry, inputs.failOn);
  if (inputs.fleet) {
    // Loaded only for a fleet: with it come the targets file's YAML parser and the fleet's scheduler.
    const { fleetAndReport } = await import('./fleet.ts');
    return fleetAndReport(registry.entries, { ...inputs, fleet: inputs.fleet }, repoPath);
  }

  const outcome: { report: Report; reasons?: Record<string, string> } = inputs.dryRun
    ? await dryRun(registry.entries, inputs)
    : { report: await buildAll(registry.entries, inputs, sessions) };
  const report = redactDeep(outcome.report, secrets);
  const stepFailure = report.outcome === 'another-builder' ? undefined : stepFailureOf(report, inputs.failOn, inputs.dryRun);
  const annotations = capAnnotations(reportAnnotations(report, { dryRun: inputs.dryRun, repoPath }), stepFailure ? 1 : 0);
  await finish({ report, dryRun: inputs.dryRun, reasons: outcome.reasons, omitted: annotations.omitted, stepFailure }, annotations.shown);
}

async function buildAll(entries: RegistryEntry[], inputs: ActionInputs, sessions: OpeningSessions | undefined): Promise<Report> {
  core.saveState(BUILD_STARTED, 'true');
  const events = consoleEvents(core.info, { start: core.startGroup, end: core.endGroup });
  // A cancelled job gets SIGINT, then SIGTERM: the builder cancels the running build on the server and stops, so the
  // report, outputs and summary are still written. If the runner kills us first, the post step cleans up.
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (cancel.signal.aborted) return;
    events.cancelling(signal);
    cancel.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await build(entries, {
      ...runSettingsOf(inputs),
      url: inputs.databaseUrl,
      signal: cancel.signal,
      events,
      ...(sessions ? { sessions } : {}),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function dryRun(entries: RegistryEntry[], inputs: ActionInputs) {
  core.info(`Dry run: planning ${entries.length} index(es) on ${describeTarget(inputs.databaseUrl)}; nothing is changed.`);
  const result = await plan(entries, inputs.databaseUrl, {
    onDrift: inputs.onDrift,
    prune: inputs.prune,
    pruneInclude: inputs.pruneInclude,
    pruneMax: inputs.pruneMax,
  });
  for (const line of result.lines) core.info(line);
  return result;
}

async function reportInvalidRegistry(registry: LoadedRegistry, failOn: FailOn): Promise<void> {
  for (const problem of registry.problems) core.info(`${problem.location.file}:${problem.location.line}: ${problemText(problem)}`);
  const notice = `${registry.problems.length} problem(s) in ${registry.file}; nothing was built (fix the registry first: npx index-builder check)`;
  const report: Report = { outcome: 'invalid-registry', indexes: [], totals: countTotals([]), notice, durationMs: 0 };
  const stepFailure = failOn === 'never' ? undefined : `the registry is invalid and fail-on is "${failOn}"`;
  const annotations = capAnnotations(problemAnnotations(registry.problems, repoPath), stepFailure ? 1 : 0);
  await finish({ report, problems: registry.problems, omitted: annotations.omitted, stepFailure }, annotations.shown);
}

/** Everything a finished run reports: JSON file, outputs, annotations, job summary, and the step's failure if any. */
async function finish(view: Omit<SummaryView, 'reportPath'>, annotations: Annotation[]): Promise<void> {
  let reportPath = reportPathFor(process.env);
  try {
    await writeJsonReport(reportPath, view.report);
    core.info(`JSON report: ${reportPath}`);
  } catch (error) {
    core.warning(`Could not write the JSON report to ${reportPath}: ${messageOf(error)}`);
    reportPath = '';
  }
  let restorePath: string | undefined;
  if (!view.dryRun) {
    try {
      restorePath = await appendRestoreFile(restoreFilePath(reportPath || undefined), view.report, 'the database');
      if (restorePath) core.info(`Statements that undo this run's drops and swaps were appended to ${restorePath}`);
    } catch (error) {
      core.warning(`Could not write the restore statements: ${messageOf(error)}; they are in the JSON report (restore)`);
    }
  }
  setOutputs(outputsOf(view.report, reportPath));
  for (const annotation of annotations) {
    const emit = { error: core.error, warning: core.warning, notice: core.notice }[annotation.level];
    emit(annotation.message, { title: annotation.title, file: annotation.file, startLine: annotation.startLine });
  }
  const markdown = renderSummary({ ...view, ...(reportPath ? { reportPath } : {}), ...(restorePath ? { restorePath } : {}) });
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(markdown, true)
      .write()
      .catch((error: unknown) => core.warning(`Could not write the job summary: ${messageOf(error)}`));
  } else {
    core.info('');
    core.info('Job summary (GITHUB_STEP_SUMMARY is not set, so it is printed here):');
    core.info(markdown);
  }
  if (view.stepFailure) core.setFailed(`index-builder: ${view.stepFailure}`);
}

function stepFailureOf(report: Report, failOn: FailOn, dryRun: boolean): string | undefined {
  if (!shouldFail(report, failOn)) return undefined;
  const failed = report.indexes.filter((index) => index.status === 'failed' && (failOn === 'any' || index.critical));
  const what = failOn === 'any' ? 'index(es)' : 'critical index(es)';
  const names =
    failed
      .slice(0, 10)
      .map((index) => index.name)
      .join(', ') + (failed.length > 10 ? `, and ${failed.length - 10} more` : '');
  return `fail-on is "${failOn}" and ${failed.length} ${what} ${dryRun ? 'would fail' : 'failed'}: ${names}`;
}

/** Annotations name files relative to the repository root (GITHUB_WORKSPACE), with forward slashes. */
function repoPath(file: string): string {
  return relative(process.env.GITHUB_WORKSPACE || process.cwd(), resolve(file))
    .split(sep)
    .join('/');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
