// The real PostgreSQL parser (libpg-query, compiled to WASM), loaded once when this module is first imported so
// that every caller — the registry validator, the builder, ESLint's synchronous `parse` — can use it synchronously.
import { loadModule, parseSync, scanSync } from 'libpg-query';
import type { Node, ParseResult, RawStmt } from 'libpg-query';

await loadModule();

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

interface ParserError {
  message: string;
  sqlDetails?: { message: string; cursorPosition?: number };
}

/** Parses SQL text into raw statements; throws {@link SqlSyntaxError} on invalid SQL. */
export function parseSql(sql: string): RawStmt[] {
  try {
    return parseSync(sql).stmts ?? [];
  } catch (error) {
    const details = (error as ParserError).sqlDetails;
    const message = details?.message ?? (error as ParserError).message ?? String(error);
    // libpg-query reports a 0-based character offset.
    const cursor = details?.cursorPosition;
    throw new SqlSyntaxError(message, typeof cursor === 'number' && cursor >= 0 ? cursor : undefined);
  }
}


export { scanSync as scanSql };


/** The name of a parse node's type, e.g. `IndexStmt`. */
export function nodeType(node: Node | undefined): string | undefined {
  return node ? Object.keys(node)[0] : undefined;
}
