import type { EntryBuildSettings } from './build-settings.js';
import type { EntryProblem } from './problems.js';
/** One performance index, as a team declares it in its registry (`db/indexes.ts`). */
export interface IndexDef {
    /** The index name; must equal the name in `sql`. May be schema-qualified (`billing.idx_x`). */
    name: string;
    /** Exactly one `CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS <name> ON ...` statement. */
    sql: string;
    /** The application needs this index: it is built first and its failure is an error, not a warning. */
    critical?: boolean;
    /** What the index is for; printed with each build. */
    description?: string;
    /**
     * Attach the built index as a constraint of the same name (`ALTER TABLE ... ADD CONSTRAINT <name> UNIQUE USING
     * INDEX <name>`): the safe way to add a unique constraint or primary key to an existing table. Needs a UNIQUE
     * index on plain columns without WHERE; for 'primary key' the columns must already be NOT NULL.
     */
    constraint?: 'unique' | 'primary key';
    /** maintenance_work_mem for this index's build only (e.g. '2GB'); else the run's --maintenance-work-mem. */
    maintenanceWorkMem?: string;
    /** max_parallel_maintenance_workers for this index's build only; else the run's flag. */
    maxParallelMaintenanceWorkers?: number;
    /** Build it even outside the maintenance window (--window): for a small index that must never wait. */
    ignoreWindow?: boolean;
}
/** Where an entry stands in its registry file, for `file:line` messages and annotations. */
export interface SourceLocation {
    file: string;
    line: number;
}
/** A validated registry entry, with what the builder needs from its SQL. */
export interface RegistryEntry extends EntryBuildSettings {
    name: string;
    sql: string;
    critical: boolean;
    description: string | undefined;
    /** The schema the index lives in when the registry says so (name or table qualified); else the table's. */
    schema: string | undefined;
    indexName: string;
    tableSchema: string | undefined;
    tableName: string;
    unique: boolean;
    /** A hash of the statement's meaning (see definitionFingerprint), recorded on the index to detect drift. */
    fingerprint: string;
    /** The constraint to attach once the index is valid. */
    constraint?: 'unique' | 'primary key';
    location: SourceLocation;
}
/** A registry problem, printed as `file:line: message; fix`; consumers key on `code`. */
export interface RegistryProblem extends EntryProblem {
    location: SourceLocation;
    /** Which entry (0-based, in registry order) the problem is about, when it is about one. */
    entry?: number;
}
