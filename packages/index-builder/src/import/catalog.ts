// The live database's indexes that belong in a registry: what `index-builder import` reads. Left out by the query:
// primary keys, indexes that back a unique or exclusion constraint (they belong to the constraint, made by
// migrations), system schemas, indexes of extensions' own tables, and partitions' indexes attached to a
// partitioned parent index (the parent stands for them). Invalid indexes are read so that import can name them.
// The definitions are read with search_path = pg_catalog, so that pg_get_indexdef qualifies every function, operator,
// type and collation outside pg_catalog: the registry then means the same index whatever search_path the builder's
// session has (an unqualified name would resolve to whatever that session's search_path finds first).
import type pg from 'pg';

export interface CatalogIndex {
  schema: string;
  name: string;
  table: string;
  /** `pg_get_indexdef`: `CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING ...`. */
  definition: string;
  comment: string | null;
  valid: boolean;
  /** The schema is the first on search_path (`current_schema()`), so a bare name finds the index. */
  inCurrentSchema: boolean;
}

export interface ImportFilter {
  /** Only these schemas (none: every non-system schema). */
  schemas: readonly string[];
  /** Only these tables, as `table` (any schema) or `schema.table`. */
  tables: readonly string[];
}

interface IndexRow {
  schema: string;
  name: string;
  table: string;
  definition: string;
  comment: string | null;
  valid: boolean;
  in_current_schema: boolean;
}

const INDEXES_QUERY = `
SELECT n.nspname AS schema, i.relname AS name, t.relname AS table,
       pg_get_indexdef(i.oid) AS definition,
       obj_description(i.oid, 'pg_class') AS comment,
       x.indisvalid AND x.indisready AS valid,
       n.nspname = $3 AS in_current_schema
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = i.relnamespace
WHERE NOT x.indisprimary
  AND t.relkind IN ('r', 'p', 'm')
  AND NOT i.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
  AND NOT EXISTS (
    SELECT 1 FROM pg_constraint c
    WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u', 'x'))
  AND NOT EXISTS (
    SELECT 1 FROM pg_depend d
    WHERE d.classid = 'pg_class'::regclass AND d.objid IN (x.indexrelid, x.indrelid) AND d.deptype = 'e')
  AND (cardinality($1::text[]) = 0 OR n.nspname = ANY ($1))
  AND (cardinality($2::text[]) = 0 OR t.relname = ANY ($2) OR n.nspname || '.' || t.relname = ANY ($2))
ORDER BY n.nspname, t.relname, i.relname`;

export async function readIndexes(client: pg.Client, filter: ImportFilter): Promise<CatalogIndex[]> {
  let rows: IndexRow[];
  await client.query('BEGIN READ ONLY');
  try {
    // The session's own first schema, before search_path is narrowed: a bare registry name finds the index there.
    const current = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    await client.query("SELECT set_config('search_path', 'pg_catalog', true)");
    ({ rows } = await client.query<IndexRow>(INDEXES_QUERY, [filter.schemas, filter.tables, current.rows[0]?.schema ?? null]));
  } finally {
    // Read only: nothing to keep. A failure here is not worth hiding the query's own error for.
    await client.query('ROLLBACK').catch(() => undefined);
  }
  return rows.map((row) => ({
    schema: row.schema,
    name: row.name,
    table: row.table,
    definition: row.definition,
    comment: row.comment,
    valid: row.valid,
    inCurrentSchema: row.in_current_schema,
  }));
}
