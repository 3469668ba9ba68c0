// Catalog indexes → registry entries: PostgreSQL's own definition, made concurrent and idempotent.
import { recordedFingerprint } from '../builder/marker.ts';
import type { IndexDef } from '@index-builder/sql-core/registry';
import { missingKeywordsInsertion } from '@index-builder/sql-core';
import { codeTokens, isKeyword, scanTokens } from '@index-builder/sql-core';
import type { CatalogIndex } from './catalog.ts';

/**
 * The registry entry for an existing index. `name` is schema-qualified unless the index is in the first schema on
 * search_path, so that equal names in two schemas stay two entries.
 */
export function entryFor(index: CatalogIndex): IndexDef {
  const description = descriptionOf(index.comment);
  return {
    name: index.inCurrentSchema ? index.name : `${index.schema}.${index.name}`,
    sql: registrySql(index.definition),
    critical: false,
    ...(description ? { description } : {}),
  };
}

/**
 * `pg_get_indexdef`'s text with CONCURRENTLY IF NOT EXISTS inserted after INDEX and a partitioned parent's `ON ONLY`
 * made `ON` (the builder builds each partition, then the parent). Edited on tokens, so literals stay untouched.
 */
export function registrySql(definition: string): string {
  let sql = definition;
  const tokens = codeTokens(scanTokens(sql) ?? []);
  const on = tokens.findIndex((token) => isKeyword(token, 'ON'));
  const only = tokens[on + 1];
  if (on !== -1 && only && isKeyword(only, 'ONLY')) sql = sql.slice(0, only.start) + sql.slice(only.end).trimStart();
  const insertion = missingKeywordsInsertion(sql);
  if (insertion) sql = sql.slice(0, insertion.offset) + insertion.text + sql.slice(insertion.offset);
  return sql;
}

/** The index comment without index-builder's own mark (`description [index-builder <fingerprint> <origin> <hash>]`). */
export function descriptionOf(comment: string | null): string | undefined {
  if (!comment) return undefined;
  const text = recordedFingerprint(comment)
    ? comment.replace(/\s*\[index-builder [0-9a-f]{16}(?: (?:built|adopted) [0-9a-f]{12}(?: \d+B\/s)?)?\]\s*$/, '')
    : comment;
  return text.trim() || undefined;
}
