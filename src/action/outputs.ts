// The step's outputs, read from the report, and where the JSON report goes.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../report/types.ts';

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
 * Under RUNNER_TEMP (emptied after each job), one file per step: GITHUB_ACTION differs for each use of the Action in
 * a job, so a second database's report does not overwrite the first.
 */
export function reportPathFor(env: NodeJS.ProcessEnv): string {
  const step = (env.GITHUB_ACTION || `pid-${process.pid}`).replace(/[^\w.-]+/g, '_');
  return join(env.RUNNER_TEMP || tmpdir(), `index-builder-report-${step}.json`);
}
