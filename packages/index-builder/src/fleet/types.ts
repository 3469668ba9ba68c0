// A fleet run as data: one row per database, each with the single-database report its build produced.
import type { Report, RunOutcome, Totals } from '../builder/result.ts';

/** A database of the fleet, as the targets file (or a repeated --database-url) names it. */
export interface Target {
  name: string;
  /** Undefined when it could not be resolved (urlEnv naming an unset variable): then `problem` says why. */
  url?: string;
  group?: string;
  /** `host:port` of the server, the key of the per-host bound. */
  host: string;
  /** Why this target cannot be built; it becomes the target's failure row, never the fleet's stop. */
  problem?: string;
}

export interface FleetTargetResult {
  name: string;
  group?: string;
  /** As in the report: `completed` for a build that finished, `deferred` when the canaries failed. */
  outcome: RunOutcome;
  report: Report;
}

export interface FleetTotals extends Totals {
  databases: number;
  /** Databases with a failed index or that could not be built (unreachable, pooler, read-only). */
  failedDatabases: number;
  /** Databases held back because their canaries failed. */
  deferredDatabases: number;
}

export interface FleetReport {
  targets: FleetTargetResult[];
  totals: FleetTotals;
  durationMs: number;
}
