// A fingerprint of a registry statement's meaning, on PostgreSQL's parse tree rather than on text. Whether an existing
// index is that definition is PostgreSQL's to say (builder/equivalence.ts).
import { createHash } from 'node:crypto';
import { parseSql } from './parser.ts';

/**
 * Parse-tree fields that say nothing about the index's content: text offsets (of tokens, and of list brackets in
 * `ARRAY[...]` and `IN (...)`), and the CONCURRENTLY / IF NOT EXISTS flags.
 */
const NOISE = new Set(['location', 'stmt_location', 'stmt_len', 'concurrent', 'if_not_exists', 'list_start', 'list_end', 'rexpr_list_start', 'rexpr_list_end']);

/**
 * A short hash of a registry statement's meaning: blind to whitespace, comments, keyword case, CONCURRENTLY and
 * IF NOT EXISTS; sensitive to everything else, constants included.
 */
export function definitionFingerprint(sql: string): string {
  const tree = parseSql(sql)[0]?.stmt;
  return createHash('sha256').update(JSON.stringify(strip(tree, NOISE))).digest('hex').slice(0, 16);
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
