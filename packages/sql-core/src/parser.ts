// The real PostgreSQL parser (libpg-query, compiled to WASM), loaded synchronously the first time it is called so
// that every caller — the registry validator, the builder, ESLint's synchronous `parse` — can use it synchronously.
import type { Node, ParseResult, RawStmt, ScanResult } from 'libpg-query';
import { parseQuery, scanQuery, type PgQueryError } from './pg-query.ts';

export type { Node, ParseResult, RawStmt };

/** A syntax error with the 0-based character offset PostgreSQL reported, when it reported one. */
export class SqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number | undefined,
  ) {
    super(message);
    this.name = 'SqlSyntaxError';
  }
}

/** Parses SQL text into raw statements; throws {@link SqlSyntaxError} on invalid SQL. */
export function parseSql(sql: string): RawStmt[] {
  try {
    return (parseQuery(sql) as ParseResult).stmts ?? [];
  } catch (error) {
    const details = (error as PgQueryError).sqlDetails;
    const message = details?.message ?? (error as PgQueryError).message ?? String(error);
    // libpg-query reports a 0-based character offset.
    const cursor = details?.cursorPosition;
    throw new SqlSyntaxError(message, typeof cursor === 'number' && cursor >= 0 ? cursor : undefined);
  }
}

/** PostgreSQL's scanner: the tokens of `sql`. */
export function scanSql(sql: string): ScanResult {
  return scanQuery(sql) as ScanResult;
}

/** The name of a parse node's type, e.g. `IndexStmt`. */
export function nodeType(node: Node | undefined): string | undefined {
  return node ? Object.keys(node)[0] : undefined;
}
