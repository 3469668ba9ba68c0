// The result of a run, as data: what the console, the JSON file, the job summary and the Action's outputs render.
import type { SourceLocation } from '../registry/types.ts';

export type IndexStatus = 'created' | 'rebuilt' | 'skipped' | 'in-progress' | 'drifted' | 'failed' | 'deferred';

/** A session that held a lock the build waited for. */
export interface Blocker {
  pid: number;
  state: string | null;
  /** Age of the blocker's transaction in seconds, when it has one. */
  transactionAgeSeconds: number | null;
  query: string | null;
}

export interface IndexFailure {
  sqlstate?: string;
  message: string;
  hint?: string;
  blockers: Blocker[];
}

export interface IndexResult {
  name: string;
  table: string;
  critical: boolean;
  status: IndexStatus;
  attempts: number;
  durationMs: number;
  registry: SourceLocation;
  error?: IndexFailure;
}

export interface Totals {
  total: number;
  created: number;
  rebuilt: number;
  skipped: number;
  failed: number;
  deferred: number;
  inProgress: number;
  drifted: number;
}

export interface Report {
  indexes: IndexResult[];
  totals: Totals;
  /** Set when the run did nothing at all: another builder holds the lock, or the database could not be reached. */
  notice?: string;
  durationMs: number;
}

export function countTotals(indexes: IndexResult[]): Totals {
  const count = (status: IndexStatus) => indexes.filter((index) => index.status === status).length;
  return {
    total: indexes.length,
    created: count('created'),
    rebuilt: count('rebuilt'),
    skipped: count('skipped'),
    failed: count('failed'),
    deferred: count('deferred'),
    inProgress: count('in-progress'),
    drifted: count('drifted'),
  };
}

export type FailOn = 'never' | 'critical' | 'any';
export const FAIL_ON_VALUES: readonly FailOn[] = ['never', 'critical', 'any'];

/** Whether the run should fail its step/exit code under `failOn`. */
export function shouldFail(report: Report, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const failed = report.indexes.filter((index) => index.status === 'failed');
  return failOn === 'any' ? failed.length > 0 : failed.some((index) => index.critical);
}
