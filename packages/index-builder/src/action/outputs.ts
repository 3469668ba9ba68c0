// The step's outputs, read from the report, and where the JSON report goes.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { info, setOutput } from './log.ts';
import type { Report } from '../builder/result.ts';
import { runView } from '../outcome/run-outcome.ts';

export const OUTPUT_NAMES = [
  'outcome',
  'created',
  'rebuilt',
  'skipped',
  'failed',
  'deferred',
  'not-attempted',
  'drifted',
  'orphans',
  'dry-run',
  'critical-failed',
  'report',
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];
/** Set only by a fleet run (input `targets`), besides the totals above. */
export const FLEET_OUTPUT_NAMES = ['failed-databases'] as const;

/** The counts as the run's outcome model has them: a failure is an attempted one, not-attempted entries apart. */
export function outputsOf(report: Report, reportPath: string, dryRun = false): Record<OutputName, string> {
  const t = report.totals;
  const run = runView(report, { dryRun });
  const attemptedFailures = run.indexes.filter(({ outcome }) => outcome.status === 'failed' && outcome.label !== 'not attempted');
  return {
    outcome: report.outcome,
    created: String(t.created),
    rebuilt: String(t.rebuilt),
    skipped: String(t.skipped),
    failed: String(attemptedFailures.length),
    deferred: String(t.deferred),
    'not-attempted': String(run.notAttempted),
    drifted: String(t.drifted),
    orphans: String((report.orphans ?? []).filter((orphan) => !orphan.dropped).length),
    'dry-run': String(dryRun),
    'critical-failed': String(attemptedFailures.some(({ index }) => index.critical)),
    report: reportPath,
  };
}

/** A fleet's outputs: each database's counts added up, so that an unreachable one's indexes stay not attempted. */
export function fleetOutputsOf(reports: readonly Report[], reportPath: string): Record<OutputName, string> {
  const each = reports.map((report) => outputsOf(report, reportPath));
  const sum = (name: OutputName) => String(each.reduce((total, outputs) => total + Number(outputs[name]), 0));
  return {
    outcome: 'completed',
    created: sum('created'),
    rebuilt: sum('rebuilt'),
    skipped: sum('skipped'),
    failed: sum('failed'),
    deferred: sum('deferred'),
    'not-attempted': sum('not-attempted'),
    drifted: sum('drifted'),
    orphans: sum('orphans'),
    'dry-run': 'false',
    'critical-failed': String(each.some((outputs) => outputs['critical-failed'] === 'true')),
    report: reportPath,
  };
}

/**
 * Sets the step's outputs. Always through core.setOutput, so the runner and @github/local-action both see them; the
 * plain line is for a run outside any GitHub environment, where setOutput has nowhere to write.
 */
export function setOutputs(outputs: Record<string, string>): void {
  const entries = Object.entries(outputs);
  for (const [name, value] of entries) setOutput(name, value);
  if (!process.env.GITHUB_OUTPUT) info(`Outputs: ${entries.map(([name, value]) => `${name}=${value}`).join(' ')}`);
}

/**
 * Under RUNNER_TEMP (emptied after each job), one file per step: GITHUB_ACTION differs for each use of the Action in
 * a job, so a second database's report does not overwrite the first.
 */
export function reportPathFor(env: NodeJS.ProcessEnv): string {
  const step = (env.GITHUB_ACTION || `pid-${process.pid}`).replace(/[^\w.-]+/g, '_');
  return join(env.RUNNER_TEMP || tmpdir(), `index-builder-report-${step}.json`);
}
