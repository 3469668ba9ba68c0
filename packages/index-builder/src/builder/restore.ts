// The statements that put back an index the builder is about to drop or replace, read from PostgreSQL before the
// change: `pg_get_indexdef` (built concurrently again), its comment (the mark with it), the constraint it backed
// and the foreign keys that referenced it. Each drop or swap records them in the report (`restore`), and the CLI
// and the Action append them to restore.sql, so every destructive step can be undone by running that file.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type pg from 'pg';
import type { Report } from './result.ts';
import { rewriteIndexSql } from '@index-builder/sql-core';
import { missingKeywordsInsertion, quoteIdentifier } from '@index-builder/sql-core';
import { codeTokens, isKeyword, scanTokens } from '@index-builder/sql-core';
import { quoteQualified } from './catalog.ts';
import { readDependents, type IndexDependents } from './dependents.ts';

const RESTORE_FILE = 'restore.sql';

export interface IndexSnapshot {
  schema: string;
  name: string;
  /** The index's table, schema-qualified and quoted (regclass output with the schema forced). */
  table: string;
  /** `pg_get_indexdef`. */
  definition: string;
  comment: string | null;
  /** An index on a partitioned table (relkind `I`). */
  partitioned: boolean;
  dependents: IndexDependents;
}

const SNAPSHOT_QUERY = `
SELECT w.ord::int AS ord, n.nspname AS schema, i.relname AS name,
       quote_ident(tn.nspname) || '.' || quote_ident(t.relname) AS table,
       pg_get_indexdef(i.oid) AS definition, obj_description(i.oid, 'pg_class') AS comment, i.relkind = 'I' AS partitioned
FROM unnest($1::text[]) WITH ORDINALITY AS w(qualified, ord)
JOIN pg_class i ON i.oid = to_regclass(w.qualified)
JOIN pg_namespace n ON n.oid = i.relnamespace
JOIN pg_index x ON x.indexrelid = i.oid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace tn ON tn.oid = t.relnamespace
ORDER BY w.ord`;

/** What restores each index (`schema.name`, quoted); indexes that no longer exist are left out. */
export async function snapshotIndexes(client: pg.Client, qualifiedNames: readonly string[]): Promise<Map<string, IndexSnapshot>> {
  const snapshots = new Map<string, IndexSnapshot>();
  if (qualifiedNames.length === 0) return snapshots;
  const { rows } = await client.query<Omit<IndexSnapshot, 'dependents'> & { ord: number }>(SNAPSHOT_QUERY, [qualifiedNames]);
  const dependents = await readDependents(
    client,
    rows.map((row) => quoteQualified(row.schema, row.name)),
  );
  rows.forEach(({ ord, ...row }, k) => snapshots.set(qualifiedNames[ord - 1]!, { ...row, dependents: dependents[k]! }));
  return snapshots;
}

/** Text from the catalog made safe for a `--` comment line: a name with a line break would end the comment. */
function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** A SQL string literal (standard_conforming_strings, PostgreSQL's default since 9.1). */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The index's own CREATE: concurrent and idempotent (`CREATE INDEX CONCURRENTLY IF NOT EXISTS`), under `name` when
 * given. A partitioned table's index cannot be built concurrently: it is created on the whole table (`ON ONLY`
 * would leave it invalid), which locks each partition while it builds.
 */
function createStatement(snapshot: IndexSnapshot, name?: string): string {
  let sql = name ? rewriteIndexSql(snapshot.definition, { name }) : snapshot.definition;
  if (snapshot.partitioned) {
    const tokens = codeTokens(scanTokens(sql) ?? []);
    const only = tokens.find((token, i) => isKeyword(token, 'ONLY') && isKeyword(tokens[i - 1], 'ON'));
    if (only) sql = sql.slice(0, only.start) + sql.slice(only.end).trimStart();
    const index = codeTokens(scanTokens(sql) ?? []).find((token) => isKeyword(token, 'INDEX'));
    return index ? `${sql.slice(0, index.end)} IF NOT EXISTS${sql.slice(index.end)}` : sql;
  }
  const insertion = missingKeywordsInsertion(sql);
  return insertion ? sql.slice(0, insertion.offset) + insertion.text + sql.slice(insertion.offset) : sql;
}

function commentStatement(snapshot: IndexSnapshot): string | undefined {
  if (snapshot.comment === null) return undefined;
  return `COMMENT ON INDEX ${quoteQualified(snapshot.schema, snapshot.name)} IS ${literal(snapshot.comment)};`;
}

function foreignKeyStatements(snapshot: IndexSnapshot): string[] {
  return snapshot.dependents.foreignKeys.flatMap((fk) => {
    const notValid = / NOT VALID$/.test(fk.definition) ? '' : ' NOT VALID';
    const add = `ALTER TABLE ${fk.table} ADD CONSTRAINT ${quoteIdentifier(fk.name)} ${fk.definition}${notValid};`;
    return fk.validated ? [add, `ALTER TABLE ${fk.table} VALIDATE CONSTRAINT ${quoteIdentifier(fk.name)};`] : [add];
  });
}

/** The statements that recreate a dropped index as it was, with its mark, constraint and foreign keys. */
export function restoreAfterDrop(snapshot: IndexSnapshot): string {
  const constraint = snapshot.dependents.constraint;
  const lines = [`-- ${commentText(`${snapshot.schema}.${snapshot.name} on ${snapshot.table}`)}, as it was before index-builder dropped it`];
  if (constraint?.type === 'x') {
    // An exclusion constraint builds its own index (under a lock); it cannot take an existing one.
    lines.push(`ALTER TABLE ${snapshot.table} ADD CONSTRAINT ${quoteIdentifier(constraint.name)} ${constraint.definition};`);
  } else {
    lines.push(`${createStatement(snapshot)};`);
    if (constraint) {
      const kind = constraint.type === 'p' ? 'PRIMARY KEY' : 'UNIQUE';
      const deferrable = / DEFERRABLE( INITIALLY DEFERRED)?$/.exec(constraint.definition)?.[0] ?? '';
      lines.push(
        `ALTER TABLE ${snapshot.table} ADD CONSTRAINT ${quoteIdentifier(constraint.name)} ${kind} USING INDEX ${quoteIdentifier(snapshot.name)}${deferrable};`,
      );
    }
  }
  const comment = commentStatement(snapshot);
  if (comment) lines.push(comment);
  lines.push(...foreignKeyStatements(snapshot));
  return lines.join('\n');
}

/**
 * The statements that put back the old definition of an index a swap replaced: the old one is built again
 * concurrently beside the new one, then swapped back the way the builder swapped (foreign keys re-pointed in one
 * short transaction, then validated).
 */
export function restoreAfterSwap(snapshot: IndexSnapshot, temporaryName: string): string {
  const qualified = quoteQualified(snapshot.schema, snapshot.name);
  const lines = [
    `-- ${commentText(`${snapshot.schema}.${snapshot.name} on ${snapshot.table}`)}, as it was before index-builder swapped in a new definition`,
    `${createStatement(snapshot, temporaryName)};`,
  ];
  const foreignKeys = snapshot.dependents.foreignKeys;
  if (foreignKeys.length > 0) {
    lines.push('BEGIN;', 'SET LOCAL lock_timeout = 2000;');
    for (const fk of foreignKeys) lines.push(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${quoteIdentifier(fk.name)};`);
    lines.push(`DROP INDEX ${qualified};`);
  } else {
    lines.push(`DROP INDEX CONCURRENTLY IF EXISTS ${qualified};`);
  }
  lines.push(`ALTER INDEX ${quoteQualified(snapshot.schema, temporaryName)} RENAME TO ${quoteIdentifier(snapshot.name)};`);
  if (foreignKeys.length > 0) {
    const adds = foreignKeyStatements(snapshot);
    lines.push(...adds.filter((line) => line.includes(' ADD CONSTRAINT ')), 'COMMIT;', ...adds.filter((line) => line.includes(' VALIDATE ')));
  }
  const comment = commentStatement(snapshot);
  if (comment) lines.push(comment);
  return lines.join('\n');
}

/** Every restore statement of a run's report, in the order the changes were made. */
function restoreStatements(report: Report): string[] {
  return [
    ...report.indexes.flatMap((index) => (index.restore ? [index.restore] : [])),
    ...(report.orphans ?? []).flatMap((orphan) => (orphan.dropped && orphan.restore ? [orphan.restore] : [])),
  ];
}

/** restore.sql beside the JSON report, else in the working directory. */
export function restoreFilePath(jsonReport: string | undefined): string {
  return jsonReport ? join(dirname(jsonReport), RESTORE_FILE) : RESTORE_FILE;
}

/**
 * Appends the run's restore statements to `path` (appended, never overwritten: an earlier run's statements stay);
 * returns the path when there was anything to write.
 */
export async function appendRestoreFile(path: string, report: Report, target: string, now = new Date()): Promise<string | undefined> {
  const statements = restoreStatements(report);
  if (statements.length === 0) return undefined;
  await mkdir(dirname(path), { recursive: true });
  const header = `-- index-builder build on ${commentText(target)} at ${now.toISOString()}: run what follows to undo its drops and swaps`;
  await appendFile(path, `${header}\n${statements.join('\n\n')}\n\n`);
  return path;
}
