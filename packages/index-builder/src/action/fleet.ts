// The Action over a fleet (input `targets`): the fleet runner behind GitHub's log, outputs, annotations (per database
// and entry, within GitHub's caps) and a job summary with one row per database. Single-database runs never come here.
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { fleetConsoleEvents, fleetEndLines } from '../render/fleet-console.ts';
import { combinedReport, failedDatabases, fleetShouldFail } from '../fleet/report.ts';
import { runFleet } from '../fleet/run.ts';
import { selectShard } from '../fleet/shards.ts';
import { loadTargets, TargetsError } from '../fleet/targets.ts';
import type { FleetReport } from '../fleet/types.ts';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import type { FailOn } from '../builder/result.ts';
import { capAnnotations, reportAnnotations, type Annotation } from './annotations.ts';
import { renderFleetSummary } from '../render/fleet-summary.ts';
import { runSettingsOf, type ActionInputs, type FleetInputs } from './inputs.ts';
import { outputsOf, reportPathFor, setOutputs } from './outputs.ts';
import * as log from './log.ts';
import { failSetup } from './setup-failure.ts';
import { BUILD_STARTED } from './state.ts';

/**
 * Hides every target's URL before anything else of the fleet's runs (a registry loads before the fleet starts and
 * may quote one). A targets file that does not load is reported later, by the fleet's run or cleanup.
 */
export async function protectTargets(fleet: FleetInputs): Promise<void> {
  const targets = await loadTargets(resolve(fleet.targets), process.env).catch(() => []);
  for (const target of targets) log.protect(target.url);
}

export async function fleetAndReport(
  entries: RegistryEntry[],
  inputs: ActionInputs & { fleet: FleetInputs },
  repoPath: (file: string) => string,
): Promise<void> {
  let targets;
  try {
    targets = await loadTargets(resolve(inputs.fleet.targets), process.env);
  } catch (error) {
    if (error instanceof TargetsError) return failSetup(error.message);
    throw error;
  }
  // Every URL (from the file or its urlEnv variable) is masked like database-url before anything is printed.
  for (const target of targets) log.protect(target.url);
  const chosen = inputs.fleet.shard ? selectShard(targets, inputs.fleet.shard) : targets;
  const { concurrency, perHost, canary } = inputs.fleet;
  log.info(
    `Fleet: ${chosen.length} database(s), at most ${concurrency} at once and ${perHost} per server${inputs.fleet.shard ? `, shard ${inputs.fleet.shard.index}/${inputs.fleet.shard.count}` : ''}`,
  );
  core.saveState(BUILD_STARTED, 'true');
  const write = log.info;
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (cancel.signal.aborted) return;
    write(`⚠️  ${signal} received: cancelling the running builds and stopping`);
    cancel.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let fleet: FleetReport;
  try {
    fleet = await runFleet(entries, chosen, {
      concurrency,
      perHost,
      ...(canary !== undefined ? { canary } : {}),
      build: runSettingsOf(inputs),
      signal: cancel.signal,
      events: fleetConsoleEvents(write),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  fleet = log.redactDeep(fleet);
  for (const line of fleetEndLines(fleet)) write(line);
  await publish(fleet, inputs.failOn, repoPath);
}

/** Per database and entry, titles naming the database; the caps apply across the fleet. */
export function fleetAnnotations(fleet: FleetReport, repoPath: (file: string) => string): Annotation[] {
  const all = fleet.targets.flatMap((target) =>
    reportAnnotations(target.report, { repoPath }).map((annotation) => ({ ...annotation, title: `[${target.name}] ${annotation.title}` })),
  );
  // Most important first across the fleet: errors, then warnings, then notices.
  const rank = { error: 0, warning: 1, notice: 2 };
  return all
    .map((annotation, i) => ({ annotation, i }))
    .sort((a, b) => rank[a.annotation.level] - rank[b.annotation.level] || a.i - b.i)
    .map(({ annotation }) => annotation);
}

export function fleetStepFailure(fleet: FleetReport, failOn: FailOn): string | undefined {
  if (!fleetShouldFail(fleet, failOn)) return undefined;
  const failed = fleet.targets.flatMap((target) =>
    target.report.indexes
      .filter((index) => index.status === 'failed' && (failOn === 'any' || index.critical))
      .map((index) => `${target.name}: ${index.name}`),
  );
  const what = failOn === 'any' ? 'index(es)' : 'critical index(es)';
  const names = failed.slice(0, 10).join(', ') + (failed.length > 10 ? `, and ${failed.length - 10} more` : '');
  return `fail-on is "${failOn}" and ${failed.length} ${what} failed across the fleet: ${names}`;
}

async function publish(fleet: FleetReport, failOn: FailOn, repoPath: (file: string) => string): Promise<void> {
  let reportPath = reportPathFor(process.env);
  try {
    await log.writeReport(reportPath, fleet);
    log.info(`JSON report: ${reportPath}`);
  } catch (error) {
    log.warning(`Could not write the JSON report to ${reportPath}: ${error instanceof Error ? error.message : String(error)}`);
    reportPath = '';
  }
  setOutputs({ ...outputsOf(combinedReport(fleet), reportPath), 'failed-databases': JSON.stringify(failedDatabases(fleet.targets)) });
  const stepFailure = fleetStepFailure(fleet, failOn);
  const annotations = capAnnotations(fleetAnnotations(fleet, repoPath), stepFailure ? 1 : 0);
  for (const annotation of annotations.shown) log.annotate(annotation);
  const markdown = renderFleetSummary({
    fleet,
    omitted: annotations.omitted,
    ...(stepFailure ? { stepFailure } : {}),
    ...(reportPath ? { reportPath } : {}),
  });
  await log.publishSummary(markdown);
  if (stepFailure) log.fail(`index-builder: ${stepFailure}`);
}
