import type { SourceLocation } from '../sql-core/registry/types.js';
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
    /** PostgreSQL's DETAIL (the duplicated key of a unique build, ...). */
    detail?: string;
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
    /**
     * Why the status, where its usual meaning would not say it: a `deferred` entry not attempted because the
     * connection or the lock was lost or another build was in the way (not the time budget), a `skipped` index that
     * could not be adopted (its mark not written).
     */
    reason?: string;
    /**
     * For `drifted` (and a drift `rebuilt`): the index as the database has it, and as the registry now says; `kept`:
     * why `--on-drift rebuild` does not swap it (a partitioned table, a constraint, foreign keys, not comparable).
     */
    drift?: {
        database: string;
        registry: string;
        kept?: string;
    };
    /** For an index on a partitioned table: its partitions, and how many have their index built and attached. */
    partitions?: {
        total: number;
        built: number;
    };
    /** For an entry with `constraint`: the constraint attached to the index after its build. */
    constraint?: ConstraintResult;
    /** For an index a swap replaced (`--on-drift rebuild`): the statements that put the old definition back. */
    restore?: string;
    /**
     * How long its build was held back before starting (--max-replica-lag, --max-retained-wal), and the last cause
     * seen (a replica's lag, a slot's retained WAL, against its bound).
     */
    heldBack?: {
        waitedMs: number;
        cause: string;
    };
    /** What its build was expected to take, from the speed of earlier builds on the database (absent when none was known). */
    estimatedMs?: number;
}
/**
 * `added`: attached by this run. `present`: already attached to this index. `failed`: not attached (the entry's
 * status is then `failed` too, and its error says why; the index itself is built and valid).
 */
export interface ConstraintResult {
    type: 'unique' | 'primary key';
    name: string;
    status: 'added' | 'present' | 'failed';
    attempts: number;
    error?: IndexFailure;
}
/**
 * An index the builder created or adopted (it carries the builder's mark) that the registry no longer declares, or
 * (`leftover`) the temporary `<index>_ib_new` of a swap an earlier run did not finish.
 */
export interface OrphanIndex {
    name: string;
    table: string;
    /** Dropped by this run (`--prune`; a swap's leftover without it). */
    dropped: boolean;
    /** A swap's temporary index left by an earlier run: dropped without `--prune`, it serves nothing. */
    leftover?: true;
    /** Why a drop that was asked for (`--prune`) is not done: its class needs `--prune-include`, a bound, a refusal. */
    kept?: string;
    /** For a dropped index: the statements that recreate it as it was (also appended to restore.sql). */
    restore?: string;
    error?: string;
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
/**
 * How the run as a whole ended. `completed`: every entry got a status. `another-builder`: another builder held the
 * database's lock, nothing was done. `unreachable`: the database could not be reached. `pooler`: refused, a
 * transaction pooler stands between us and the server. `read-only`: refused, the target takes no writes (a hot
 * standby, or default_transaction_read_only); every entry failed, not attempted. `cancelled`: stopped by SIGINT/SIGTERM.
 * `invalid-registry`: the registry has problems, nothing connected. `deferred`: a fleet run held this database back
 * (its canary databases had failed indexes); nothing connected.
 */
export type RunOutcome = 'completed' | 'another-builder' | 'unreachable' | 'pooler' | 'read-only' | 'cancelled' | 'invalid-registry' | 'deferred';
export declare const RUN_OUTCOMES: readonly RunOutcome[];
export interface Report {
    outcome: RunOutcome;
    indexes: IndexResult[];
    totals: Totals;
    /** Indexes the builder made that are no longer in the registry (always set by a build). */
    orphans?: OrphanIndex[];
    /** Set when the run did nothing at all (another builder holds the lock, the database could not be reached) or was cancelled. */
    notice?: string;
    /** The run was stopped by SIGINT/SIGTERM. */
    cancelled?: boolean;
    durationMs: number;
}
export declare function countTotals(indexes: IndexResult[]): Totals;
export type FailOn = 'never' | 'critical' | 'any';
export declare const FAIL_ON_VALUES: readonly FailOn[];
/** Whether the run should fail its step/exit code under `failOn`. */
export declare function shouldFail(report: Report, failOn: FailOn): boolean;
