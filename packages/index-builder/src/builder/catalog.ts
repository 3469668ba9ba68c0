// What the catalog says about each index the builder manages, read in one query. `IF NOT EXISTS` only checks a
// name, so the builder decides from here: exists? valid? being built by another session right now? drifted?
import type pg from 'pg';
import { quoteIdentifier } from '@index-builder/sql-core';
import { definitionHashSql, readMark } from './marker.ts';

/** An index the builder looks up: a registry entry, a partition's leaf index, or a temporary swap index. */
export interface IndexTarget {
  indexName: string;
  /** The schema named by the registry, when it names one; otherwise the table's. */
  schema: string | undefined;
  tableSchema: string | undefined;
  tableName: string;
  /** The registry definition's fingerprint: an index carrying its mark needs no printed definition. */
  fingerprint?: string;
}

export interface CatalogState {
  /** The schema the index is (or will be) in: the table's, else the registry's, else the first on search_path. */
  schema: string;
  tableExists: boolean;
  /** The table's relkind: `r` table, `p` partitioned table, `m` materialized view. */
  tableKind: string | null;
  /** A relation with the index's name exists in that schema. */
  exists: boolean;
  /** That relation's relkind: `i` index, `I` partitioned index, anything else is a name clash. */
  relkind: string | null;
  valid: boolean;
  /** The table the existing index is on, schema-qualified when outside search_path. */
  indexTable: string | null;
  onExpectedTable: boolean;
  /** A backend other than ours is building this index now (pg_stat_progress_create_index). */
  buildingPid: number | null;
  comment: string | null;
  /**
   * The comment's mark is the target's fingerprint with the hash of the index's definition now: nothing
   * changed since the builder last built or checked the index (see marker.ts).
   */
  markCurrent: boolean;
  /**
   * `pg_get_indexdef`: the existing index's definition as PostgreSQL prints it; null when the mark is current (nothing is
   * compared then, and sending 10,000 definitions costs).
   */
  definition: string | null;
}

const CATALOG_QUERY = `
WITH wanted AS (
  SELECT *
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       WITH ORDINALITY AS w(index_name, index_schema, table_schema, table_name, fingerprint, ord)
), located AS (
  SELECT w.ord, w.index_name, w.fingerprint, t.oid AS table_oid, t.relkind AS table_kind,
         coalesce(tn.nspname, w.index_schema, current_schema()) AS schema_name
  FROM wanted w
  -- A schema-qualified table is looked up by name, not resolved with to_regclass: that raises "permission denied for
  -- schema" where the role lacks USAGE, and would end the whole read; the entry's own steps then meet the error.
  LEFT JOIN pg_namespace qn ON qn.nspname = w.table_schema
  LEFT JOIN pg_class qt ON qt.relnamespace = qn.oid AND qt.relname = w.table_name
  LEFT JOIN pg_class t ON t.oid = CASE WHEN w.table_schema IS NULL THEN to_regclass(quote_ident(w.table_name)) ELSE qt.oid END
  LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
), building AS MATERIALIZED (
  -- Read once: the view calls pg_stat_get_progress_info over every backend.
  SELECT p.index_relid, min(p.pid) AS pid
  FROM pg_stat_progress_create_index p
  WHERE p.pid <> pg_backend_pid()
  GROUP BY p.index_relid
)
SELECT l.ord::int AS ord,
       l.schema_name AS schema,
       l.table_oid IS NOT NULL AS table_exists,
       l.table_kind::text AS table_kind,
       i.oid IS NOT NULL AS exists,
       i.relkind::text AS relkind,
       coalesce(x.indisvalid AND x.indisready, false) AS valid,
       x.indrelid::regclass::text AS index_table,
       coalesce(x.indrelid = l.table_oid, false) AS on_expected_table,
       b.pid AS building_pid,
       c.description AS comment,
       x.indexrelid AS index_oid,
       ${definitionHashSql('x', 'i')} AS definition_hash
FROM located l
LEFT JOIN pg_namespace n ON n.nspname = l.schema_name
LEFT JOIN pg_class i ON i.relnamespace = n.oid AND i.relname = l.index_name
LEFT JOIN pg_index x ON x.indexrelid = i.oid
LEFT JOIN building b ON b.index_relid = i.oid
-- obj_description(i.oid, 'pg_class') as a join: one hash join rather than a SQL function call per index.
LEFT JOIN pg_description c ON c.objoid = i.oid AND c.classoid = 'pg_class'::regclass AND c.objsubid = 0
ORDER BY l.ord`;

interface CatalogRow {
  schema: string;
  table_exists: boolean;
  table_kind: string | null;
  exists: boolean;
  relkind: string | null;
  valid: boolean;
  index_table: string | null;
  on_expected_table: boolean;
  building_pid: number | null;
  comment: string | null;
  index_oid: number | null;
  definition_hash: string;
}

// The definitions of the indexes whose mark is not current: few in a steady state, and printing is what costs.
const DEFINITIONS_QUERY = 'SELECT pg_get_indexdef(o) AS definition FROM unnest($1::oid[]) WITH ORDINALITY AS w(o, ord) ORDER BY ord';

/** Reads the catalog state of every target in one round trip; results are in the order of `targets`. */
export async function readCatalog(client: pg.Client, targets: readonly IndexTarget[]): Promise<CatalogState[]> {
  if (targets.length === 0) return [];
  const { rows } = await client.query<CatalogRow>(CATALOG_QUERY, [
    targets.map((t) => t.indexName),
    targets.map((t) => t.schema ?? null),
    targets.map((t) => t.tableSchema ?? null),
    targets.map((t) => t.tableName),
    targets.map((t) => t.fingerprint ?? null),
  ]);
  // Whether the comment's first mark is the target's, with the hash of the index's definition now: the index is as
  // the builder last built or checked it (decided here: JavaScript's regular expressions cost next to nothing).
  const current = rows.map((row, k) => {
    const mark = readMark(row.comment);
    return (
      row.index_oid !== null &&
      mark !== undefined &&
      mark.origin !== 'unknown' &&
      mark.fingerprint === targets[k]!.fingerprint &&
      mark.definitionHash === row.definition_hash
    );
  });
  const printed = rows.flatMap((row, k) => (row.index_oid !== null && !current[k] ? [k] : []));
  const definitions: (string | null)[] = rows.map(() => null);
  if (printed.length > 0) {
    const answer = await client.query<{ definition: string | null }>(DEFINITIONS_QUERY, [printed.map((k) => rows[k]!.index_oid)]);
    printed.forEach((k, j) => (definitions[k] = answer.rows[j]!.definition));
  }
  return rows.map((row, k) => ({
    schema: row.schema,
    tableExists: row.table_exists,
    tableKind: row.table_kind,
    exists: row.exists,
    relkind: row.relkind,
    valid: row.valid,
    indexTable: row.index_table,
    onExpectedTable: row.on_expected_table,
    buildingPid: row.building_pid,
    comment: row.comment,
    markCurrent: current[k]!,
    definition: definitions[k]!,
  }));
}

export type PhysicalState =
  { kind: 'missing' } | { kind: 'valid' } | { kind: 'invalid' } | { kind: 'in-progress'; pid: number } | { kind: 'conflict'; message: string };

/** What is physically there under the target's name, before any question of definitions. */
export function physicalState(target: IndexTarget, state: CatalogState): PhysicalState {
  if (!state.exists) return { kind: 'missing' };
  const qualifiedName = `${state.schema}.${target.indexName}`;
  if (state.relkind !== 'i' && state.relkind !== 'I') {
    return {
      kind: 'conflict',
      message: `"${qualifiedName}" already exists and is not an index (relkind ${state.relkind}); rename the entry or the relation`,
    };
  }
  if (state.tableExists && !state.onExpectedTable) {
    return {
      kind: 'conflict',
      message: `an index named "${qualifiedName}" already exists on ${state.indexTable}, not on ${target.tableName}; rename the entry or drop that index`,
    };
  }
  if (state.valid) return { kind: 'valid' };
  if (state.buildingPid !== null) return { kind: 'in-progress', pid: state.buildingPid };
  return { kind: 'invalid' };
}

/** `schema.name`, each part quoted as PostgreSQL's quote_ident would: safe to put in SQL. */
export function quoteQualified(schema: string, name: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}
