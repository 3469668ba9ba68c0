import { problemText } from '@index-builder/sql-core/registry';
import { validateEntry } from '@index-builder/sql-core/registry';
import type { IndexDef, RegistryEntry } from '@index-builder/sql-core/registry';

/** Registry entries for tests, validated exactly as a registry file's would be. */
export function entries(...defs: IndexDef[]): RegistryEntry[] {
  return defs.map((def, i) => {
    const entry = validateEntry(def, i, { file: 'db/indexes.ts', line: i + 1 });
    if (Array.isArray(entry)) throw new Error(entry.map(problemText).join('\n'));
    return entry;
  });
}

/** `CREATE INDEX CONCURRENTLY IF NOT EXISTS name ON on`, as a registry entry. */
export function index(name: string, on: string, extra: Partial<IndexDef> = {}): IndexDef {
  return { name, sql: `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON ${on}`, ...extra };
}
