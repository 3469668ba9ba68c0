// The Action's main step: the CLI's builder behind GitHub's inputs, outputs, log groups, annotations and job summary.
// The step succeeds whatever happens to the indexes, unless `fail-on` asks otherwise; only bad inputs (and a registry
// or targets input that names no usable file) fail it at once.
import { relative, resolve, sep } from 'node:path';
import * as core from '@actions/core';
import { build, openRun } from '../builder/build.ts';
import { describeTarget } from '../builder/connection.ts';
import { plan } from '../builder/plan.ts';
import { appendRestoreFile, restoreFilePath } from '../builder/restore.ts';
import { whileOpening, type OpeningSessions } from '../builder/sessions.ts';
import { registryFileError } from '../registry/file-error.ts';
import { loadRegistry, type LoadedRegistry } from '../registry/load.ts';
import { problemText } from '../registry/problems.ts';
import type { RegistryEntry } from '../registry/types.ts';
import { consoleEvents } from '../report/console.ts';
import { countTotals, shouldFail, type FailOn, type Report } from '../report/types.ts';
import { capAnnotations, problemAnnotations, reportAnnotations, type Annotation } from './annotations.ts';
import { readInputs, runSettingsOf, type ActionInputs } from './inputs.ts';
import { failSetup } from './setup-failure.ts';
import { outputsOf, setOutputs, reportPathFor } from './outputs.ts';
import * as log from './log.ts';
import { BUILD_STARTED } from './state.ts';
import { renderSummary, type SummaryView } from './summary.ts';

export async function run(): Promise<void> {
  // Masked before anything else is printed, even an input error.
  log.protect(core.getInput('database-url'));
  // A registry or a driver may read it too, though the Action takes its URL from the input.
  log.protect(process.env.DATABASE_URL);

  let inputs: ActionInputs;
  try {
    inputs = readInputs((name) => core.getInput(name));
  } catch (error) {
    log.fail(messageOf(error));
    return;
  }
  // With ssl-ca, the URL the builder uses (and a driver may quote) differs from the input.
  log.protect(inputs.databaseUrl);
  try {
    await buildAndReport(inputs);
  } catch (error) {
    // A fault of ours, not an index's: the deploy still goes on unless fail-on asks otherwise.
    const message = `index-builder stopped unexpectedly: ${messageOf(error)}`;
    if (inputs.failOn === 'never') log.warning(message);
    else log.fail(message);
  }
}

async function buildAndReport(inputs: ActionInputs): Promise<void> {
  // One database's build: its connections authenticate, and the pooler check runs, while the registry loads.
  if (inputs.fleet) await (await import('./fleet.ts')).protectTargets(inputs.fleet);
  const sessions = inputs.fleet || inputs.dryRun ? undefined : openRun(inputs.databaseUrl, runSettingsOf(inputs));
  const registry = await whileOpening(sessions, loadRegistry(inputs.registry), (loaded) => loaded.problems.length === 0);
  const fileError = registryFileError(registry, 'the "registry" input');
  if (fileError) return failSetup(fileError);
  if (registry.problems.length > 0) return reportInvalidRegistry(registry, inputs.failOn);
  if (inputs.fleet) {
    // Loaded only for a fleet: with it come the targets file's YAML parser and the fleet's scheduler.
    const { fleetAndReport } = await import('./fleet.ts');
    return fleetAndReport(registry.entries, { ...inputs, fleet: inputs.fleet }, repoPath);
  }

  const outcome: { report: Report; reasons?: Record<string, string> } = inputs.dryRun
    ? await dryRun(registry.entries, inputs)
    : { report: await buildAll(registry.entries, inputs, sessions) };
  const report = log.redactDeep(outcome.report);
  const stepFailure = report.outcome === 'another-builder' ? undefined : stepFailureOf(report, inputs.failOn, inputs.dryRun);
  const annotations = capAnnotations(reportAnnotations(report, { dryRun: inputs.dryRun, repoPath }), stepFailure ? 1 : 0);
  await finish({ report, dryRun: inputs.dryRun, reasons: outcome.reasons, omitted: annotations.omitted, stepFailure }, annotations.shown);
}

async function buildAll(entries: RegistryEntry[], inputs: ActionInputs, sessions: OpeningSessions | undefined): Promise<Report> {
  core.saveState(BUILD_STARTED, 'true');
  const events = consoleEvents(log.info, log.group);
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
  log.info(`Dry run: planning ${entries.length} index(es) on ${describeTarget(inputs.databaseUrl)}; nothing is changed.`);
  const result = await plan(entries, inputs.databaseUrl, {
    onDrift: inputs.onDrift,
    prune: inputs.prune,
    pruneInclude: inputs.pruneInclude,
    pruneMax: inputs.pruneMax,
    ...(inputs.health.window ? { window: inputs.health.window } : {}),
  });
  for (const line of result.lines) log.info(line);
  return result;
}

async function reportInvalidRegistry(registry: LoadedRegistry, failOn: FailOn): Promise<void> {
  for (const problem of registry.problems) log.info(`${problem.location.file}:${problem.location.line}: ${problemText(problem)}`);
  const notice = `${registry.problems.length} problem(s) in ${registry.file}; nothing was built (fix the registry first: npx index-builder check)`;
  const report: Report = { outcome: 'invalid-registry', indexes: [], totals: countTotals([]), notice, durationMs: 0 };
  const stepFailure = failOn === 'never' ? undefined : `the registry is invalid and fail-on is "${failOn}"`;
  const annotations = capAnnotations(problemAnnotations(registry.problems, repoPath), stepFailure ? 1 : 0);
  await finish({ report, problems: registry.problems, omitted: annotations.omitted, stepFailure }, annotations.shown);
}

/** Everything a finished run reports: JSON file, outputs, annotations, job summary, and the step's failure if any. */
async function finish(unredacted: Omit<SummaryView, 'reportPath'>, annotations: Annotation[]): Promise<void> {
  // Before rendering: once the summary has escaped a password's `|` or `<`, it no longer matches the secret.
  const view = log.redactDeep(unredacted);
  let reportPath = reportPathFor(process.env);
  try {
    await log.writeReport(reportPath, view.report);
    log.info(`JSON report: ${reportPath}`);
  } catch (error) {
    log.warning(`Could not write the JSON report to ${reportPath}: ${messageOf(error)}`);
    reportPath = '';
  }
  let restorePath: string | undefined;
  if (!view.dryRun) {
    try {
      restorePath = await appendRestoreFile(restoreFilePath(reportPath || undefined), view.report, 'the database');
      if (restorePath) log.info(`Statements that undo this run's drops and swaps were appended to ${restorePath}`);
    } catch (error) {
      log.warning(`Could not write the restore statements: ${messageOf(error)}; they are in the JSON report (restore)`);
    }
  }
  setOutputs(outputsOf(view.report, reportPath));
  for (const annotation of annotations) log.annotate(annotation);
  await log.publishSummary(renderSummary({ ...view, ...(reportPath ? { reportPath } : {}), ...(restorePath ? { restorePath } : {}) }));
  if (view.stepFailure) log.fail(`index-builder: ${view.stepFailure}`);
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
