// Variants of a registry statement the builder needs: the same index under another name (drift rebuilds, partition
// leaves), on another table (a leaf partition), or `ON ONLY` without CONCURRENTLY (a partitioned parent). Edits are
// made on PostgreSQL's own tokens, so comments, quoting and the rest of the statement stay exactly as written.
import { codeTokens, isKeyword, isPunctuation, scanTokens, type SqlToken } from './sql-tokens.ts';
import { quoteIdentifier } from './safe-index-sql.ts';

interface Header {
  concurrently: SqlToken | undefined;
  /** The index name's tokens (one identifier). */
  name: SqlToken | undefined;
  only: SqlToken | undefined;
  /** First and last token of the (possibly qualified) table name. */
  tableStart: SqlToken;
  tableEnd: SqlToken;
}

function readHeader(sql: string): Header {
  const tokens = codeTokens(scanTokens(sql) ?? []);
  const index = tokens.findIndex((token) => isKeyword(token, 'INDEX'));
  const on = tokens.findIndex((token, i) => i > index && isKeyword(token, 'ON'));
  if (index === -1 || on === -1) throw new Error('not a CREATE INDEX statement');
  const concurrently = isKeyword(tokens[index + 1], 'CONCURRENTLY') ? tokens[index + 1] : undefined;
  const name = on - 1 > index && !isKeyword(tokens[on - 1], 'CONCURRENTLY', 'EXISTS') ? tokens[on - 1] : undefined;
  let at = on + 1;
  const only = isKeyword(tokens[at], 'ONLY') ? tokens[at++] : undefined;
  const tableStart = tokens[at]!;
  while (isPunctuation(tokens[at + 1], '.')) at += 2;
  return { concurrently, name, only, tableStart, tableEnd: tokens[at]! };
}

export interface IndexSqlChanges {
  /** A new (unquoted) index name. */
  name?: string;
  /** A new table, schema-qualified. */
  table?: { schema: string; name: string };
  /** `ON ONLY parent`, and no CONCURRENTLY (a partitioned table's own index cannot be built concurrently). */
  onlyWithoutConcurrently?: boolean;
  /** No CONCURRENTLY, for a statement run inside a transaction (a scratch copy in an equivalence check). */
  withoutConcurrently?: boolean;
}

export function rewriteIndexSql(sql: string, changes: IndexSqlChanges): string {
  const header = readHeader(sql);
  const edits: { start: number; end: number; text: string }[] = [];
  if (changes.name !== undefined && header.name) {
    edits.push({ start: header.name.start, end: header.name.end, text: quoteIdentifier(changes.name) });
  }
  if (changes.table) {
    const text = `${quoteIdentifier(changes.table.schema)}.${quoteIdentifier(changes.table.name)}`;
    edits.push({ start: header.tableStart.start, end: header.tableEnd.end, text });
  }
  if ((changes.onlyWithoutConcurrently || changes.withoutConcurrently) && header.concurrently) {
    edits.push({ start: header.concurrently.start - 1, end: header.concurrently.end, text: '' });
  }
  if (changes.onlyWithoutConcurrently) {
    if (!header.only) edits.push({ start: header.tableStart.start, end: header.tableStart.start, text: 'ONLY ' });
  }
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  return edits.reduce((text, edit) => text.slice(0, edit.start) + edit.text + text.slice(edit.end), sql);
}
