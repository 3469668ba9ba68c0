// What the builder does for a registry entry in a given catalog state: DESIGN.md's status table, with drift.
import type { RegistryEntry } from '../registry/types.ts';
import { sameDefinition } from '../sql/definition.ts';
import { physicalState, type CatalogState } from './catalog.ts';
import { recordedFingerprint } from './marker.ts';

export type EntryAction =
  | { kind: 'create' }
  | { kind: 'skip' }
  /** Valid, built before the builder managed it, and the same definition: record the mark, then skip. */
  | { kind: 'adopt' }
  | { kind: 'drifted'; database: string }
  | { kind: 'rebuild' }
  | { kind: 'in-progress'; pid: number }
  | { kind: 'conflict'; message: string };

export function decide(entry: RegistryEntry, state: CatalogState): EntryAction {
  const physical = physicalState(entry, state);
  switch (physical.kind) {
    case 'missing':
      return { kind: 'create' };
    case 'invalid':
      return { kind: 'rebuild' };
    case 'in-progress':
    case 'conflict':
      return physical;
    case 'valid': {
      const recorded = recordedFingerprint(state.comment);
      if (recorded === entry.fingerprint) return { kind: 'skip' };
      const database = state.definition ?? '';
      if (recorded === undefined && sameDefinition(database, entry.sql)) return { kind: 'adopt' };
      return { kind: 'drifted', database };
    }
  }
}
