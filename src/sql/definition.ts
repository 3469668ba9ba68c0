// What makes two index definitions the same, decided on PostgreSQL's parse trees rather than on text.
import { createHash } from 'node:crypto';
import { parseSql, type Node } from './parser.ts';

/** Parse-tree fields that say nothing about the index's content. */
const NOISE = new Set(['location', 'stmt_location', 'stmt_len', 'concurrent', 'if_not_exists']);
/**
 * Offsets of list brackets (`ARRAY[...]`, `IN (...)`) in the text: inserting CONCURRENTLY IF NOT EXISTS moves them.
 * Ignored when comparing with the catalog; not (yet) in the fingerprint, so that recorded marks stay valid.
 */
const COMPARE_NOISE = new Set([...NOISE, 'list_start', 'list_end', 'rexpr_list_start', 'rexpr_list_end']);

/**
 * A short hash of a registry statement's meaning: blind to whitespace, comments, keyword case, CONCURRENTLY and
 * IF NOT EXISTS; sensitive to everything else, constants included.
 */
export function definitionFingerprint(sql: string): string {
  const tree = parseSql(sql)[0]?.stmt;
  return createHash('sha256').update(JSON.stringify(strip(tree, NOISE))).digest('hex').slice(0, 16);
}

/**
 * Whether an existing index (as `pg_get_indexdef` prints it) is the registry's definition. The catalog's form adds
 * the schema, `USING btree`, parentheses and casts of literals (`'x'::text`); those are folded away on both sides.
 */
export function sameDefinition(catalogSql: string, registrySql: string): boolean {
  return JSON.stringify(comparable(catalogSql)) === JSON.stringify(comparable(registrySql));
}

function comparable(sql: string): unknown {
  const tree = parseSql(sql)[0]?.stmt as { IndexStmt?: Record<string, unknown> } | undefined;
  const stmt = { ...(tree?.IndexStmt ?? {}) };
  delete stmt.idxname;
  stmt.accessMethod ??= 'btree';
  const relation = stmt.relation as Record<string, unknown> | undefined;
  if (relation) stmt.relation = { relname: relation.relname };
  return strip(foldLiteralCasts(stmt), COMPARE_NOISE);
}

/** `'x'::text` → `'x'`: the catalog spells out the type a bare literal already resolved to. */
function foldLiteralCasts(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(foldLiteralCasts);
  if (node === null || typeof node !== 'object') return node;
  const cast = (node as { TypeCast?: { arg?: Node } }).TypeCast;
  if (cast?.arg && 'A_Const' in cast.arg) return foldLiteralCasts(cast.arg);
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, foldLiteralCasts(value)]));
}

function strip(node: unknown, fields: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => strip(item, fields));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !fields.has(key))
      .map(([key, value]) => [key, strip(value, fields)]),
  );
}
