// The public module: what `import { defineIndexes } from 'index-builder'` gives a registry file.
import type { IndexDef } from '@index-builder/sql-core/registry-types';

export type { IndexDef } from '@index-builder/sql-core/registry-types';

/** Declares the registry's indexes. It returns them as they are; the typing is what it is for. */
export function defineIndexes<const T extends readonly IndexDef[]>(indexes: T): T {
  return indexes;
}

// The JSON report's shape (`index-builder build --json`, the Action's `report` output), for code that reads it.
export type { Blocker, FailOn, IndexFailure, IndexResult, IndexStatus, OrphanIndex, Report, RunOutcome, Totals } from '../builder/result.ts';
export type { RegistryProblem, SourceLocation } from '@index-builder/sql-core/registry-types';
