// The step's outputs, read from the report, and where the JSON report goes.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { info, setOutput } from './log.ts';
import type { Report } from '../builder/result.ts';

export const OUTPUT_NAMES = ['outcome', 'created', 'rebuilt', 'skipped', 'failed', 'deferred', 'critical-failed', 'report'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];
/** Set only by a fleet run (input `targets`), besides the totals above. */
export const FLEET_OUTPUT_NAMES = ['failed-databases'] as const;

export function outputsOf(report: Report, reportPath: string): Record<OutputName, string> {
  const t = report.totals;
  return {
    outcome: report.outcome,
    created: String(t.created),
    rebuilt: String(t.rebuilt),
    skipped: String(t.skipped),
    failed: String(t.failed),
    deferred: String(t.deferred),
    'critical-failed': String(report.indexes.some((index) => index.status === 'failed' && index.critical)),
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
