// The public module: what `import { defineIndexes } from 'index-builder'` gives a registry file.
import type { IndexDef } from './types.ts';

export type { IndexDef } from './types.ts';

/** Declares the registry's indexes. It returns them as they are; the typing is what it is for. */
export function defineIndexes<const T extends readonly IndexDef[]>(indexes: T): T {
  return indexes;
}

// The JSON report's shape (`index-builder build --json`, the Action's `report` output), for code that reads it.
export type { Blocker, FailOn, IndexFailure, IndexResult, IndexStatus, OrphanIndex, Report, RunOutcome, Totals } from '../report/types.ts';
export type { RegistryProblem, SourceLocation } from './types.ts';
