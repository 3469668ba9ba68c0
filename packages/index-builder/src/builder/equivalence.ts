// Whether an existing index is the registry's definition, decided by PostgreSQL rather than by comparing text: the
// registry's statement is run on an empty temporary copy of the table (`LIKE` the real one), and both indexes are
// printed by `pg_get_indexdef`, without their names and tables. PostgreSQL rewrites what people write (IN lists,
// BETWEEN, casts, defaults, reloptions...) the same way on both sides, so equal prints mean equal indexes.
//
// Everything happens in one transaction that is always rolled back, with each entry in its own subtransaction (an
// entry's error is its answer, not the end of the others), in three round trips whatever the number of entries. The
// only lock taken on a user's table is the ACCESS SHARE that `LIKE` takes to read its columns. No session state is
// used outside the transaction, so it works the same through a transaction-mode pooler. It needs no extension beyond
// PL/pgSQL, which every database has; without it (or without the TEMP privilege) nothing is called equal.
import type pg from 'pg';
import type { RegistryEntry } from '@index-builder/sql-core/registry';
import { rewriteIndexSql } from '@index-builder/sql-core';
import { physicalState, quoteQualified, type CatalogState } from './catalog.ts';
import { sqlstateOf } from '../db/errors.ts';
import { pinnedReadingSql } from '../db/statement-reading.ts';

export type Equivalence =
  /**
   * `owner`: the role that owns the index, when it is not the session's (nor one it is a member of): then the
   * builder's mark (COMMENT ON INDEX) cannot be written, and the index cannot be adopted.
   */
  | { kind: 'equal'; owner?: string }
  /** `scratch`: the registry's index as PostgreSQL prints it (on the scratch table). */
  | { kind: 'different'; scratch: string }
  /**
   * The registry's statement could not be run on the scratch copy (say, a column the table no longer has), or the
   * comparison could not run at all; `sqlstate` 42501 when a privilege was missing.
   */
  | { kind: 'unknown'; error: string; sqlstate?: string };

export interface EquivalenceQuestion {
  entry: RegistryEntry;
  state: CatalogState;
}

const SCRATCH_TABLE = 'index_builder_scratch';
const SCRATCH_INDEX = 'index_builder_scratch_index';
/** The existing index, rebuilt from its own definition on the scratch table. */
const SCRATCH_TWIN = 'index_builder_scratch_twin';
/** How long `LIKE` waits for its ACCESS SHARE lock behind an ACCESS EXCLUSIVE holder before that entry gives up. */
const LOCK_TIMEOUT = '10s';

// The real build opens fresh connections: it resolves names with the connection's default search_path and reads
// literals in its default TimeZone. The reset values are those defaults, whatever a pooled connection was SET to.
// The registry's statements are EXECUTEd, which reads them with the session's settings: pinned here for the
// transaction as the build's sessions pin them (statement-reading.ts), whatever client this was given.
const SETUP = `
BEGIN;
${pinnedReadingSql('transaction')}
SELECT set_config(name, reset_val, true) FROM pg_settings WHERE name IN ('search_path', 'TimeZone');
SET LOCAL lock_timeout = '${LOCK_TIMEOUT}';
SET LOCAL statement_timeout = 0;

-- An index's definition without its name and table: "CREATE [UNIQUE ]INDEX ON USING ...".
CREATE FUNCTION pg_temp.index_builder_shape(index_oid oid) RETURNS text LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  definition text;
  is_unique boolean;
  is_temp boolean;
  index_name text;
  table_name text;
  head text;
  rest text;
BEGIN
  SELECT pg_get_indexdef(x.indexrelid), x.indisunique, t.relpersistence = 't', quote_ident(i.relname),
         quote_ident(n.nspname) || '.' || quote_ident(t.relname)
    INTO definition, is_unique, is_temp, index_name, table_name
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
   WHERE x.indexrelid = index_oid;
  head := format('CREATE %sINDEX ', CASE WHEN is_unique THEN 'UNIQUE ' ELSE '' END);
  IF definition IS NULL OR NOT starts_with(definition, head || index_name || ' ON ') THEN RETURN definition; END IF;
  rest := substr(definition, length(head || index_name || ' ON ') + 1);
  -- A partitioned table's own index prints "ON ONLY"; the scratch copy is a plain table.
  IF starts_with(rest, 'ONLY ') THEN rest := substr(rest, 6); END IF;
  -- A temporary table prints as pg_temp.<name> on some versions, pg_temp_<n>.<name> on others.
  IF is_temp AND starts_with(rest, 'pg_temp.') THEN table_name := 'pg_temp.' || split_part(table_name, '.', 2); END IF;
  IF NOT starts_with(rest, table_name || ' ') THEN RETURN definition; END IF;
  RETURN head || 'ON' || substr(rest, length(table_name) + 1);
END $fn$;

CREATE FUNCTION pg_temp.index_builder_compare(tables text[], statements text[], existing text[])
RETURNS TABLE (ord int, same boolean, scratch text, error text, error_code text) LANGUAGE plpgsql AS $fn$
DECLARE
  printed text;
  existing_shape text;
  reprinted text;
  failure text;
  failure_code text;
BEGIN
  FOR i IN 1 .. coalesce(array_length(tables, 1), 0) LOOP
    printed := NULL;
    reprinted := NULL;
    failure := NULL;
    failure_code := NULL;
    existing_shape := NULL;
    BEGIN
      -- Inside the block: without USAGE on the schema, to_regclass raises, and that is this entry's answer only.
      existing_shape := pg_temp.index_builder_shape(to_regclass(existing[i]));
      EXECUTE format('CREATE TEMP TABLE ${SCRATCH_TABLE} (LIKE %s)', tables[i]);
      EXECUTE statements[i];
      printed := pg_temp.index_builder_shape('pg_temp.${SCRATCH_INDEX}'::regclass);
      -- pg_get_indexdef is not always a fixed point (an IN list on varchar prints as an ARRAY that parses anew
      -- differently). It is what pg_dump restores from, so the existing index rebuilt from its own definition on the
      -- same scratch table is that index: compare the two scratch indexes too.
      IF printed IS DISTINCT FROM existing_shape AND existing_shape ~ '^CREATE (UNIQUE )?INDEX ON ' THEN
        EXECUTE regexp_replace(existing_shape, '^(CREATE (UNIQUE )?INDEX )ON ', E'\\\\1${SCRATCH_TWIN} ON pg_temp.${SCRATCH_TABLE} ');
        reprinted := pg_temp.index_builder_shape('pg_temp.${SCRATCH_TWIN}'::regclass);
      END IF;
      -- Undo this entry's scratch table and index (and release their locks) before the next one.
      RAISE EXCEPTION USING ERRCODE = 'IBSCR';
    EXCEPTION
      WHEN SQLSTATE 'IBSCR' THEN NULL;
      WHEN OTHERS THEN failure := SQLERRM; failure_code := SQLSTATE;
    END;
    ord := i;
    scratch := printed;
    error := failure;
    error_code := failure_code;
    same := printed IS NOT NULL AND (printed = existing_shape OR printed = reprinted);
    RETURN NEXT;
  END LOOP;
END $fn$;`;

/**
 * The registry's statement, made to build its index on the scratch table inside a transaction; an Error when the
 * rewrite does not read as that one statement (it is not sent).
 */
function scratchStatement(entry: RegistryEntry): string | Error {
  try {
    return rewriteIndexSql(entry.sql, { name: SCRATCH_INDEX, table: { schema: 'pg_temp', name: SCRATCH_TABLE }, withoutConcurrently: true });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Whether PostgreSQL must say if an existing valid index means what the entry says: its mark is not current. */
function needsComparison(entry: RegistryEntry, state: CatalogState): boolean {
  return physicalState(entry, state).kind === 'valid' && !state.markCurrent;
}

/** PostgreSQL's answer for each entry that needs one (see needsComparison), by position in `entries`. */
export async function compareWhereNeeded(
  client: pg.Client,
  entries: readonly RegistryEntry[],
  states: readonly CatalogState[],
): Promise<(Equivalence | undefined)[]> {
  const asked = entries.flatMap((entry, i) => (needsComparison(entry, states[i]!) ? [i] : []));
  const answers = await compareDefinitions(
    client,
    asked.map((i) => ({ entry: entries[i]!, state: states[i]! })),
  );
  const byPosition: (Equivalence | undefined)[] = entries.map(() => undefined);
  asked.forEach((position, k) => (byPosition[position] = answers[k]));
  return byPosition;
}

/** Asks PostgreSQL whether each existing index is the registry's definition; answers are in the order asked. */
export async function compareDefinitions(client: pg.Client, questions: readonly EquivalenceQuestion[]): Promise<Equivalence[]> {
  if (questions.length === 0) return [];
  try {
    return await ask(client, questions);
  } catch (error) {
    // No TEMP privilege, no PL/pgSQL...: nothing can be compared, so nothing is called equal.
    const message = error instanceof Error ? error.message : String(error);
    const sqlstate = sqlstateOf(error);
    return questions.map(() => ({ kind: 'unknown', error: message, ...(sqlstate ? { sqlstate } : {}) }));
  }
}

interface CompareRow {
  same: boolean;
  scratch: string | null;
  error: string | null;
  error_code: string | null;
  may_mark: boolean | null;
  owner: string | null;
}

async function ask(client: pg.Client, allQuestions: readonly EquivalenceQuestion[]): Promise<Equivalence[]> {
  const statements = allQuestions.map(({ entry }) => scratchStatement(entry));
  const questions = allQuestions.filter((_question, i) => typeof statements[i] === 'string');
  const refused = (statement: Error): Equivalence => ({ kind: 'unknown', error: statement.message });
  if (questions.length === 0) return statements.map((statement) => refused(statement as Error));
  try {
    await client.query(SETUP);
    // With each answer, whether this session may write the index's mark (COMMENT ON needs its owner's privileges).
    // The index is looked up by name ($4, $5), not with to_regclass, which raises where the schema is not usable.
    const { rows } = await client.query(
      `SELECT r.*, pg_has_role(i.relowner, 'USAGE') AS may_mark, i.relowner::regrole::text AS owner
         FROM pg_temp.index_builder_compare($1, $2, $3) r
         LEFT JOIN pg_namespace n ON n.nspname = ($4::text[])[r.ord]
         LEFT JOIN pg_class i ON i.relnamespace = n.oid AND i.relname = ($5::text[])[r.ord]
        ORDER BY r.ord`,
      [
        questions.map(({ entry, state }) => quoteQualified(state.schema, entry.tableName)),
        statements.filter((statement) => typeof statement === 'string'),
        questions.map(({ entry, state }) => quoteQualified(state.schema, entry.indexName)),
        questions.map(({ state }) => state.schema),
        questions.map(({ entry }) => entry.indexName),
      ],
    );
    const answers = (rows as CompareRow[]).map((row): Equivalence => {
      if (row.same) return { kind: 'equal', ...(row.may_mark === false && row.owner ? { owner: row.owner } : {}) };
      if (row.scratch !== null) return { kind: 'different', scratch: row.scratch };
      return { kind: 'unknown', error: row.error ?? 'the scratch index was not created', ...(row.error_code ? { sqlstate: row.error_code } : {}) };
    });
    let next = 0;
    return statements.map((statement) => (typeof statement === 'string' ? answers[next++]! : refused(statement)));
  } finally {
    await client.query('ROLLBACK').catch(() => {});
  }
}
