// The Action over a fleet (input `targets`): the fleet runner behind GitHub's log, outputs, annotations (per database
// and entry, within GitHub's caps) and a job summary with one row per database. Single-database runs never come here.
import { resolve } from 'node:path';
import * as core from '@actions/core';
import { fleetConsoleEvents, fleetEndLines } from '../render/fleet-console.ts';
import { failedDatabases, fleetShouldFail } from '../fleet/report.ts';
import { runFleet } from '../fleet/run.ts';
import { selectShard } from '../fleet/shards.ts';
import { loadTargets, TargetsError } from '../fleet/targets.ts';
import type { FleetReport } from '../fleet/types.ts';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import type { FailOn } from '../builder/result.ts';
import { reportAnnotations, type Annotation } from '../render/annotations.ts';
import { renderFleetSummary } from '../render/fleet-summary.ts';
import { runSettingsOf, type ActionInputs, type FleetInputs } from './inputs.ts';
import { fleetOutputsOf } from './outputs.ts';
import * as log from './log.ts';
import { publish } from './publish.ts';
import { failSetup } from './setup-failure.ts';
import { BUILD_FINISHED, BUILD_STARTED } from './state.ts';
import { runView, stepFailureAcross } from '../outcome/run-outcome.ts';
import { cancellableRun } from '../util/signals.ts';

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
  let fleet = await cancellableRun(
    (signal) =>
      runFleet(entries, chosen, {
        concurrency,
        perHost,
        ...(canary !== undefined ? { canary } : {}),
        build: runSettingsOf(inputs),
        signal,
        events: fleetConsoleEvents(write),
      }),
    (signal) => write(`⚠️  ${signal} received: cancelling the running builds and stopping`),
  );
  if (!fleet.targets.some((target) => target.outcome === 'cancelled' || target.report.cancelled)) core.saveState(BUILD_FINISHED, 'true');
  fleet = log.redactDeep(fleet);
  for (const line of fleetEndLines(fleet)) write(line);
  const stepFailure = fleetStepFailure(fleet, inputs.failOn);
  const reported = fleet;
  await publish({
    report: reported,
    outputs: {
      ...fleetOutputsOf(
        reported.targets.map((target) => target.report),
        '',
      ),
      'failed-databases': JSON.stringify(failedDatabases(reported.targets)),
    },
    annotations: fleetAnnotations(reported, repoPath),
    ...(stepFailure ? { stepFailure } : {}),
    summary: (written) =>
      renderFleetSummary({
        fleet: reported,
        omitted: written.omitted,
        ...(stepFailure ? { stepFailure } : {}),
        ...(written.reportPath ? { reportPath: written.reportPath } : {}),
      }),
  });
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
  return stepFailureAcross(
    fleet.targets.map((target) => ({ name: target.name, view: runView(target.report) })),
    failOn,
    false,
  );
}
