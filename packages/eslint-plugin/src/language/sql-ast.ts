// The AST the SQL language gives ESLint: the file's statements as PostgreSQL parsed them, and its comments.
import type { Node, SqlToken } from '@index-builder/sql-core';
import type { SqlSource } from '../migration-sql/sql-source.ts';

export interface Position {
  line: number;
  column: number;
}

export interface SourceLocation {
  start: Position;
  end: Position;
}

interface Located {
  range: [number, number];
  loc: SourceLocation;
}

/** One statement: its PostgreSQL parse node and the span from its first token to its last. */
export interface SqlStatement extends Located {
  type: 'SqlStatement';
  /** The parse node's type: `IndexStmt`, `DoStmt`, `CreateStmt`, ... */
  kind: string;
  node: Node;
  /** The statement's span in `SqlScript.sql.text` (the file's own offsets unless the file is a template). */
  sqlRange: [number, number];
}

/** A `-- line` or `/* block *\/` comment; `value` is its text without the comment markers. */
export interface SqlComment extends Located {
  type: 'SqlComment';
  block: boolean;
  value: string;
}

export interface SqlScript extends Located {
  type: 'SqlScript';
  statements: SqlStatement[];
  comments: SqlComment[];
  /** The SQL that was parsed: the file's text, or a template's with its placeholders as holes. */
  sql: SqlSource;
  /**
   * A template whose SQL PostgreSQL could not parse as a whole (a placeholder where no identifier may stand):
   * `statements` is empty, and the rules read `sql` statement by statement.
   */
  unparsedTemplate: boolean;
}

export type SqlNode = SqlScript | SqlStatement;

export const visitorKeys: Record<string, string[]> = {
  SqlScript: ['statements'],
  SqlStatement: [],
};

/** 1-based lines and columns, as the SQL language reports them. */
export function locator(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (const match of text.matchAll(/\r\n|[\r\n\u2028\u2029]/g)) lineStarts.push(match.index + match[0].length);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}

export function commentNode(token: SqlToken, at: (offset: number) => Position): SqlComment {
  const block = token.text.startsWith('/*');
  return {
    type: 'SqlComment',
    block,
    value: block ? token.text.slice(2, -2) : token.text.slice(2),
    range: [token.start, token.end],
    loc: { start: at(token.start), end: at(token.end) },
  };
}
