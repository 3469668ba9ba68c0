// A fingerprint of a registry statement's meaning, on PostgreSQL's parse tree rather than on text. Whether an existing
// index is that definition is PostgreSQL's to say (builder/equivalence.ts).
import { createHash } from 'node:crypto';
import { parseSql, type Node } from './parser.ts';

/**
 * Parse-tree fields that say nothing about the index's content: text offsets (of tokens, and of list brackets in
 * `ARRAY[...]` and `IN (...)`), and the CONCURRENTLY / IF NOT EXISTS flags.
 */
const NOISE = new Set([
  'location',
  'stmt_location',
  'stmt_len',
  'concurrent',
  'if_not_exists',
  'list_start',
  'list_end',
  'rexpr_list_start',
  'rexpr_list_end',
]);

/**
 * A short hash of a registry statement's meaning: blind to whitespace, comments, keyword case, CONCURRENTLY and
 * IF NOT EXISTS; sensitive to everything else, constants included.
 */
export function definitionFingerprint(sql: string): string {
  return treeFingerprint(parseSql(sql)[0]?.stmt);
}

/** {@link definitionFingerprint} of a statement already parsed (its `RawStmt.stmt`), so a caller parses once. */
export function treeFingerprint(stmt: Node | undefined): string {
  // The replacer drops the noise fields during serialisation, without copying the tree.
  const text = JSON.stringify(stmt, (key, value: unknown) => (NOISE.has(key) ? undefined : value));
  return createHash('sha256')
    .update(text ?? 'undefined')
    .digest('hex')
    .slice(0, 16);
}
