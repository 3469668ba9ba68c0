// What depends on an existing index, read before anything destructive is decided: the constraint it backs (unique,
// primary key, exclusion) and the foreign keys that PostgreSQL pinned to it (FIELD-NOTES: "Foreign keys pin unique
// indexes"; `DROP INDEX` of either fails with 2BP01). Plan and build read the same, so both decide the same.
import type pg from 'pg';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { checkConstraintKey } from '@index-builder/sql-core/registry';
import { readIndexStatement } from '@index-builder/sql-core';
import { parseSql } from '@index-builder/sql-core';
import { quoteQualified, type CatalogState } from './catalog.ts';
import type { Equivalence } from './equivalence.ts';

export interface ForeignKey {
  name: string;
  /** The referencing table, as regclass prints it. */
  table: string;
  /** `pg_get_constraintdef`: `FOREIGN KEY (a) REFERENCES t(b) ...`. */
  definition: string;
  validated: boolean;
  /** The referenced columns (on the index's table). */
  columns: string[];
}

export interface IndexDependents {
  /** The constraint the index backs: `u` unique, `p` primary key, `x` exclusion. */
  constraint: { name: string; type: 'u' | 'p' | 'x'; definition: string } | null;
  foreignKeys: ForeignKey[];
}

export const NO_DEPENDENTS: IndexDependents = { constraint: null, foreignKeys: [] };

// One pass over pg_constraint (it has no index on conindid, so a lookup per index would scan it once per index).
const DEPENDENTS_QUERY = `
WITH wanted AS (
  SELECT w.ord, to_regclass(w.qualified)::oid AS index_oid FROM unnest($1::text[]) WITH ORDINALITY AS w(qualified, ord)
), backed AS (
  SELECT DISTINCT ON (c.conindid) c.conindid,
         json_build_object('name', c.conname, 'type', c.contype, 'definition', pg_get_constraintdef(c.oid)) AS constraint
  FROM pg_constraint c
  WHERE c.contype IN ('p', 'u', 'x') AND c.conindid IN (SELECT index_oid FROM wanted)
  ORDER BY c.conindid, c.conname
), referencing AS (
  SELECT f.conindid,
         json_agg(json_build_object('name', f.conname, 'table', f.conrelid::regclass::text,
                  'definition', pg_get_constraintdef(f.oid), 'validated', f.convalidated,
                  'columns', (SELECT coalesce(array_agg(a.attname::text ORDER BY a.attnum), '{}') FROM pg_attribute a
                               WHERE a.attrelid = f.confrelid AND a.attnum = ANY (f.confkey))) ORDER BY f.conname) AS foreign_keys
  FROM pg_constraint f
  WHERE f.contype = 'f' AND f.conparentid = 0 AND f.conindid IN (SELECT index_oid FROM wanted)
  GROUP BY f.conindid
)
SELECT w.ord::int AS ord, b.constraint, coalesce(r.foreign_keys, '[]') AS foreign_keys
FROM wanted w
LEFT JOIN backed b ON b.conindid = w.index_oid
LEFT JOIN referencing r ON r.conindid = w.index_oid
ORDER BY w.ord`;

/** The dependents of each index (`schema.name`, quoted), in the order given. */
export async function readDependents(client: pg.Client, qualifiedNames: readonly string[]): Promise<IndexDependents[]> {
  if (qualifiedNames.length === 0) return [];
  const { rows } = await client.query<{ constraint: IndexDependents['constraint']; foreign_keys: ForeignKey[] }>(DEPENDENTS_QUERY, [qualifiedNames]);
  return rows.map((row) => ({ constraint: row.constraint, foreignKeys: row.foreign_keys }));
}

/**
 * The dependents of the indexes that a swap might replace (PostgreSQL defines them differently from the registry),
 * by position in `entries`; NO_DEPENDENTS for the others.
 */
export async function readSwapDependents(
  client: pg.Client,
  entries: readonly RegistryEntry[],
  states: readonly CatalogState[],
  equivalences: readonly (Equivalence | undefined)[],
): Promise<IndexDependents[]> {
  const asked = entries.flatMap((_, i) => (equivalences[i]?.kind === 'different' ? [i] : []));
  const answers = await readDependents(
    client,
    asked.map((i) => quoteQualified(states[i]!.schema, entries[i]!.indexName)),
  );
  const byPosition = entries.map(() => NO_DEPENDENTS);
  asked.forEach((position, k) => (byPosition[position] = answers[k]!));
  return byPosition;
}

/**
 * Whether the registry's definition keeps the key every foreign key references: a unique b-tree index on exactly
 * those plain columns, without WHERE. Then the swap can re-point the foreign keys to the new index; otherwise the
 * key itself changes, which is a migration's work.
 */
export function keepsForeignKeys(entry: RegistryEntry, foreignKeys: readonly ForeignKey[]): boolean {
  let statement;
  try {
    statement = readIndexStatement(parseSql(entry.sql)[0]?.stmt);
  } catch {
    return false;
  }
  if (!statement || checkConstraintKey('unique', statement) !== undefined) return false;
  const columns = ((statement.node.indexParams ?? []) as { IndexElem?: { name?: string } }[]).map((e) => e.IndexElem?.name ?? '');
  const key = [...new Set(columns)].sort().join('\u0000');
  return foreignKeys.every((fk) => [...new Set(fk.columns)].sort().join('\u0000') === key && fk.columns.length === columns.length);
}

/** `fk (on table)` for each foreign key, for messages. */
export function describeForeignKeys(foreignKeys: readonly ForeignKey[]): string {
  return foreignKeys.map((fk) => `"${fk.name}" on ${fk.table}`).join(', ');
}
