// The Action's main step: the CLI's builder behind GitHub's inputs, outputs, log groups, annotations and job summary.
// The step succeeds whatever happens to the indexes, unless `fail-on` asks otherwise; only bad inputs (and a registry
// or targets input that names no usable file) fail it at once.
import { relative, resolve, sep } from 'node:path';
import * as core from '@actions/core';
import { build, openRun } from '../builder/build.ts';
import { describeTarget } from '../db/url.ts';
import { plan } from '../builder/plan.ts';
import { whileOpening, type OpeningSessions } from '../builder/sessions.ts';
import { registryFileError } from '../registry/file-error.ts';
import { loadRegistry, type LoadedRegistry } from '../registry/load.ts';
import { problemText } from '@index-builder/sql-core/registry';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { consoleEvents } from '../render/console.ts';
import { countTotals, type FailOn, type Report } from '../builder/result.ts';
import { problemAnnotations, reportAnnotations } from '../render/annotations.ts';
import { readInputs, runSettingsOf, type ActionInputs } from './inputs.ts';
import { failSetup } from './setup-failure.ts';
import { outputsOf } from './outputs.ts';
import * as log from './log.ts';
import { publish } from './publish.ts';
import { BUILD_FINISHED, BUILD_STARTED } from './state.ts';
import { renderSummary } from '../render/summary.ts';
import { runView, stepFailureOf } from '../outcome/run-outcome.ts';
import { cancellableRun } from '../util/signals.ts';

export async function run(): Promise<void> {
  // Masked before anything else is printed, even an input error.
  log.protect(core.getInput('database-url'));
  // A registry or a driver may read it too, though the Action takes its URL from the input.
  log.protect(process.env.DATABASE_URL);

  let inputs: ActionInputs;
  try {
    inputs = readInputs((name) => core.getInput(name));
  } catch (error) {
    // Still a summary and outputs: a workflow that reads them must not find them missing.
    await failSetup(messageOf(error), 'an input is invalid');
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
  // Before rendering: once the summary has escaped a password's `|` or `<`, it no longer matches the secret.
  const report = log.redactDeep(outcome.report);
  const reasons = outcome.reasons ? log.redactDeep(outcome.reasons) : undefined;
  const dry = inputs.dryRun;
  const run = runView(report, { dryRun: dry, surface: 'action' });
  const stepFailure = report.outcome === 'another-builder' ? undefined : stepFailureOf(run, inputs.failOn, dry);
  const database = describeTarget(inputs.databaseUrl);
  await publish({
    report,
    ...(dry ? {} : { restoreFrom: report }),
    outputs: outputsOf(report, '', dry),
    annotations: reportAnnotations(report, { dryRun: dry, repoPath, stepFailed: stepFailure !== undefined }),
    ...(stepFailure ? { stepFailure } : {}),
    summary: (written) =>
      renderSummary({ report, dryRun: dry, database, ...(reasons ? { reasons } : {}), ...(stepFailure ? { stepFailure } : {}), ...written }),
  });
}

async function buildAll(entries: RegistryEntry[], inputs: ActionInputs, sessions: OpeningSessions | undefined): Promise<Report> {
  core.saveState(BUILD_STARTED, 'true');
  const events = consoleEvents(log.info, log.group, { surface: 'action', failOn: inputs.failOn });
  // A cancelled job gets SIGINT, then SIGTERM: the builder cancels the running build on the server and stops, so the
  // report, outputs and summary are still written. If the runner kills us first, the post step cleans up.
  const report = await cancellableRun(
    (signal) => build(entries, { ...runSettingsOf(inputs), url: inputs.databaseUrl, signal, events, ...(sessions ? { sessions } : {}) }),
    (signal) => events.cancelling(signal),
  );
  // Only a cancelled build may have left an invalid index behind: the post step reconnects for nothing else.
  if (report.outcome !== 'cancelled' && !report.cancelled) core.saveState(BUILD_FINISHED, 'true');
  return report;
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
  const report: Report = log.redactDeep({ outcome: 'invalid-registry', indexes: [], totals: countTotals([]), notice, durationMs: 0 });
  const problems = log.redactDeep(registry.problems);
  const stepFailure = failOn === 'never' ? undefined : `the registry is invalid and fail-on is "${failOn}"`;
  await publish({
    report,
    outputs: outputsOf(report, ''),
    annotations: problemAnnotations(problems, repoPath),
    ...(stepFailure ? { stepFailure } : {}),
    summary: (written) => renderSummary({ report, problems, ...(stepFailure ? { stepFailure } : {}), ...written }),
  });
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
