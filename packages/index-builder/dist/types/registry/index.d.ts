import type { IndexDef } from '../sql-core/registry/types.js';
export type { IndexDef } from '../sql-core/registry/types.js';
/** Declares the registry's indexes. It returns them as they are; the typing is what it is for. */
export declare function defineIndexes<const T extends readonly IndexDef[]>(indexes: T): T;
export type { Blocker, FailOn, IndexFailure, IndexResult, IndexStatus, OrphanIndex, Report, RunOutcome, Totals } from '../builder/result.js';
export type { RegistryProblem, SourceLocation } from '../sql-core/registry/types.js';
