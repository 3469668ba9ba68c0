// Statement boundaries that a hole hides. A template such as `${createTable}\nCREATE INDEX ...` (or a statement
// ending in a hole with no `;` after it) reads as one statement to the scanner; it is two. A hole directly followed
// by a keyword that only starts a statement ends the statement there, so the CREATE INDEX after it is read alone.
import { containsPlaceholder } from './sql-source.ts';
import { isKeyword, type SqlToken } from '@index-builder/sql-core';

/** Keywords that begin a statement and cannot follow an identifier or expression inside one. */
const STATEMENT_STARTS = ['CREATE', 'ALTER', 'DROP', 'INSERT', 'UPDATE', 'DELETE', 'GRANT', 'REVOKE', 'COMMENT', 'TRUNCATE', 'REINDEX'];

export function splitAfterHoles(segment: readonly SqlToken[]): SqlToken[][] {
  const parts: SqlToken[][] = [];
  let current: SqlToken[] = [];
  for (let i = 0; i < segment.length; i++) {
    const token = segment[i]!;
    current.push(token);
    if (containsPlaceholder(token.text) && isKeyword(segment[i + 1], ...STATEMENT_STARTS)) {
      parts.push(current);
      current = [];
    }
  }
  if (current.length) parts.push(current);
  return parts;
}
