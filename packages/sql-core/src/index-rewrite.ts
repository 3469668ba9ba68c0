// Variants of a registry statement the builder needs: the same index under another name (drift rebuilds, partition
// leaves), on another table (a leaf partition), or `ON ONLY` without CONCURRENTLY (a partitioned parent). Edits are
// made on PostgreSQL's own tokens, so comments, quoting and the rest of the statement stay exactly as written; then
// the result is parsed again and sent only if it is exactly one CREATE INDEX of the expected name on the expected
// table, with everything after the table as the registry wrote it (checkIndexStatement).
import { describeStatementKind, readIndexStatement, type IndexStatement, type IndexStmtNode } from './index-statement.ts';
import { parseSql } from './parser.ts';
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

/** A statement the builder will not send: it does not read as the one CREATE INDEX it should be. */
export class UnsafeStatementError extends Error {
  override name = 'UnsafeStatementError';
}

/** What a statement the builder sends must say, read by PostgreSQL's parser. */
export interface ExpectedIndexStatement {
  indexName: string;
  /** The table's schema as the statement writes it: undefined when the table is unqualified. */
  tableSchema: string | undefined;
  tableName: string;
  concurrent: boolean;
  /** `ON ONLY`; not checked when undefined. */
  only?: boolean;
}

/** Offsets of tokens and list brackets: they move when a name or table of another length is put in. */
const POSITIONS = new Set(['location', 'stmt_location', 'stmt_len', 'list_start', 'list_end', 'rexpr_list_start', 'rexpr_list_end']);

/** The statement after its header (columns, method, INCLUDE, WITH, TABLESPACE, WHERE...), as comparable text. */
function bodyOf(node: IndexStmtNode): string {
  const { idxname: _name, relation: _table, concurrent: _concurrent, ...body } = node as IndexStmtNode & Record<string, unknown>;
  return JSON.stringify(body, (key, value: unknown) => (POSITIONS.has(key) ? undefined : value));
}

/**
 * Parses `sql` as the server will read it (the builder pins standard_conforming_strings and UTF-8, see
 * builder/statement-reading.ts) and returns its statement; throws {@link UnsafeStatementError} unless it is exactly
 * one CREATE INDEX as `expected`, with the body of `sameBodyAs` when given.
 */
export function checkIndexStatement(sql: string, expected: ExpectedIndexStatement, sameBodyAs?: IndexStmtNode): IndexStatement {
  const table = `${expected.tableSchema === undefined ? '' : `${expected.tableSchema}.`}${expected.tableName}`;
  const refuse = (why: string) => new UnsafeStatementError(`refused to send the statement for index "${expected.indexName}" on ${table}: ${why}`);
  let stmts;
  try {
    stmts = parseSql(sql);
  } catch (error) {
    throw refuse(`it does not parse (${(error as Error).message})`);
  }
  if (stmts.length !== 1) throw refuse(`it holds ${stmts.length} statements (${stmts.map((s) => describeStatementKind(s.stmt)).join(', ')})`);
  const statement = readIndexStatement(stmts[0]!.stmt);
  if (!statement) throw refuse(`it is ${describeStatementKind(stmts[0]!.stmt)}, not CREATE INDEX`);
  const found = `${statement.tableSchema === undefined ? '' : `${statement.tableSchema}.`}${statement.tableName}`;
  if (statement.indexName !== expected.indexName) throw refuse(`it names the index ${JSON.stringify(statement.indexName ?? null)}`);
  if (statement.tableSchema !== expected.tableSchema || statement.tableName !== expected.tableName) throw refuse(`it is on ${found}`);
  if (statement.concurrent !== expected.concurrent) throw refuse(`it is ${statement.concurrent ? '' : 'not '}CONCURRENTLY`);
  if (expected.only !== undefined && statement.only !== expected.only) throw refuse(`it is ${statement.only ? '' : 'not '}ON ONLY`);
  if (sameBodyAs && bodyOf(statement.node) !== bodyOf(sameBodyAs)) throw refuse("its columns, method or predicate differ from the registry's");
  return statement;
}

/** The statement as `changes` say, checked by {@link checkIndexStatement}; throws {@link UnsafeStatementError}. */
export function rewriteIndexSql(sql: string, changes: IndexSqlChanges): string {
  const stmts = parseSql(sql);
  const original = stmts.length === 1 ? readIndexStatement(stmts[0]!.stmt) : undefined;
  if (!original?.indexName) throw new UnsafeStatementError('refused to rewrite a statement that is not one named CREATE INDEX');
  const rewritten = editedIndexSql(sql, changes);
  checkIndexStatement(
    rewritten,
    {
      indexName: changes.name ?? original.indexName,
      tableSchema: changes.table ? changes.table.schema : original.tableSchema,
      tableName: changes.table ? changes.table.name : original.tableName,
      concurrent: changes.onlyWithoutConcurrently || changes.withoutConcurrently ? false : original.concurrent,
      only: changes.onlyWithoutConcurrently ? true : original.only,
    },
    original.node,
  );
  return rewritten;
}

/** The token edits alone, unchecked: exported for the tests of the check. */
export function editedIndexSql(sql: string, changes: IndexSqlChanges): string {
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
