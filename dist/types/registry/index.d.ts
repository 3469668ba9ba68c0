import type { IndexDef } from './types.js';
export type { IndexDef } from './types.js';
/** Declares the registry's indexes. It returns them as they are; the typing is what it is for. */
export declare function defineIndexes<const T extends readonly IndexDef[]>(indexes: T): T;
export type { Blocker, FailOn, IndexFailure, IndexResult, IndexStatus, OrphanIndex, Report, RunOutcome, Totals } from '../report/types.js';
export type { RegistryProblem, SourceLocation } from './types.js';
