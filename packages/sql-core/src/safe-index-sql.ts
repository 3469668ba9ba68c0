// Writing index SQL the way the registry wants it: `CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS name ON ...`.
// Used for the lint suggestion (the registry entry to paste) and the registry autofix (insert the missing keywords).
import type { Node } from './parser.ts';
import { codeTokens, isKeyword, scanTokens, type SqlToken } from './sql-tokens.ts';

/** PostgreSQL's NAMEDATALEN - 1: a longer name is silently cut to this many bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

/** Where to insert the keywords an index statement lacks, or undefined when it has both (or is no CREATE INDEX). */
export function missingKeywordsInsertion(sql: string): { offset: number; text: string } | undefined {
  return insertionAmong(codeTokens(scanTokens(sql) ?? []));
}

function insertionAmong(tokens: readonly SqlToken[]): { offset: number; text: string } | undefined {
  const index = indexKeyword(tokens);
  if (index === -1) return undefined;
  const concurrently = isKeyword(tokens[index + 1], 'CONCURRENTLY');
  const after = concurrently ? index + 2 : index + 1;
  const ifNotExists = isKeyword(tokens[after], 'IF') && isKeyword(tokens[after + 1], 'NOT') && isKeyword(tokens[after + 2], 'EXISTS');
  if (concurrently && ifNotExists) return undefined;
  const anchor = tokens[concurrently ? index + 1 : index]!;
  const text = `${concurrently ? '' : ' CONCURRENTLY'}${ifNotExists ? '' : ' IF NOT EXISTS'}`;
  return { offset: anchor.end, text };
}

/**
 * The registry's form of a CREATE INDEX statement: CONCURRENTLY and IF NOT EXISTS inserted, `name` inserted when
 * the statement names no index, comments dropped and whitespace folded onto one line. The statement is scanned once:
 * what is inserted goes between two tokens and changes none, so the tokens after it only move.
 */
export function safeIndexSql(statement: string, name: string): string {
  let sql = statement;
  let tokens = codeTokens(scanTokens(sql) ?? []);
  const insertion = insertionAmong(tokens);
  if (insertion) [sql, tokens] = inserted(sql, tokens, insertion.offset, insertion.text, keywordTokens(insertion.text));
  const on = tokens.findIndex((token) => isKeyword(token, 'ON'));
  const before = tokens[on - 1];
  if (on > 0 && before && isKeyword(before, 'EXISTS')) {
    const quoted = quoteIdentifier(name);
    const nameToken: SqlToken = { kind: 'identifier', start: 1, end: 1 + quoted.length, text: quoted, keyword: undefined, keywordKind: 0 };
    [sql, tokens] = inserted(sql, tokens, before.end, ` ${quoted}`, [nameToken]);
  }
  return foldedOntoOneLine(sql, tokens);
}

/** The tokens of an inserted run of keywords (` CONCURRENTLY IF NOT EXISTS`), PostgreSQL's own, scanned once each. */
const keywordRuns = new Map<string, readonly SqlToken[]>();

function keywordTokens(text: string): readonly SqlToken[] {
  let tokens = keywordRuns.get(text);
  if (!tokens) keywordRuns.set(text, (tokens = codeTokens(scanTokens(text) ?? [])));
  return tokens;
}

/** `text` inserted into `sql` at `offset`, and the code tokens of the result: `added` (offsets within `text`) among the moved ones. */
function inserted(sql: string, tokens: readonly SqlToken[], offset: number, text: string, added: readonly SqlToken[]): [string, SqlToken[]] {
  const move = (token: SqlToken, by: number): SqlToken => ({ ...token, start: token.start + by, end: token.end + by });
  const at = tokens.findIndex((token) => token.start >= offset);
  const split = at === -1 ? tokens.length : at;
  return [
    sql.slice(0, offset) + text + sql.slice(offset),
    [...tokens.slice(0, split), ...added.map((token) => move(token, offset)), ...tokens.slice(split).map((token) => move(token, text.length))],
  ];
}

function indexKeyword(tokens: readonly SqlToken[]): number {
  if (!isKeyword(tokens[0], 'CREATE')) return -1;
  const at = isKeyword(tokens[1], 'UNIQUE') ? 2 : 1;
  return isKeyword(tokens[at], 'INDEX') ? at : -1;
}

/** The statement on one line: comments dropped, runs of whitespace between tokens folded to one space. */
export function oneLine(sql: string): string {
  return foldedOntoOneLine(sql, codeTokens(scanTokens(sql) ?? []));
}

function foldedOntoOneLine(sql: string, tokens: readonly SqlToken[]): string {
  if (tokens.length === 0) return sql.trim();
  let out = '';
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (previous && token.start > previous.end) out += ' ';
    out += sql.slice(token.start, token.end);
  });
  return out;
}

export interface IndexDescription {
  name: string;
  tableName: string;
  tableSchema?: string | undefined;
  /** Column names (optionally followed by ASC/DESC/NULLS FIRST/LAST), or SQL expressions. */
  columns: readonly string[];
  unique?: boolean;
  method?: string | undefined;
  /** A WHERE predicate as SQL. */
  where?: string | undefined;
  include?: readonly string[] | undefined;
}

/** The registry statement for an index that an ORM or query builder describes in code. */
export function renderIndexSql(index: IndexDescription): string {
  const table = index.tableSchema ? `${quoteIdentifier(index.tableSchema)}.${quoteIdentifier(index.tableName)}` : quoteIdentifier(index.tableName);
  const using = index.method && index.method.toLowerCase() !== 'btree' ? ` USING ${index.method.toLowerCase()}` : '';
  const include = index.include?.length ? ` INCLUDE (${index.include.map(quoteIdentifier).join(', ')})` : '';
  const where = index.where ? ` WHERE ${index.where}` : '';
  return (
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX CONCURRENTLY IF NOT EXISTS ${quoteIdentifier(index.name)} ` +
    `ON ${table}${using} (${index.columns.map(quoteColumn).join(', ')})${include}${where}`
  );
}

/**
 * A column given as `name`, `name DESC` or `name NULLS FIRST`: the name quoted as the ORMs quote it, the ordering
 * kept. Anything else (`lower(email)`) is an expression and stays as written.
 */
function quoteColumn(column: string): string {
  const match = /^([A-Za-z_][\w$]*)((?:\s+(?:ASC|DESC|NULLS\s+FIRST|NULLS\s+LAST))*)$/i.exec(column.trim());
  if (!match) return column;
  return `${quoteIdentifier(match[1]!)}${match[2]!.toUpperCase()}`;
}

/** Plain names already looked up: whether PostgreSQL's scanner reads each as a reserved word (one scan per name). */
const reservedNames = new Map<string, boolean>();
const RESERVED_NAMES_LIMIT = 4096;

/** Quotes an identifier the way PostgreSQL's quote_ident does: only when it must. */
export function quoteIdentifier(name: string): string {
  if (/^[a-z_][a-z0-9_]*$/.test(name)) {
    // PostgreSQL's keywords are letters and underscores only: a name with a digit is never one.
    if (/[0-9]/.test(name)) return name;
    let reserved = reservedNames.get(name);
    if (reserved === undefined) {
      const tokens = scanTokens(name);
      const only = tokens?.length === 1 ? tokens[0] : undefined;
      reserved = !(only && (only.keywordKind === 0 || only.keywordKind === 1));
      if (reservedNames.size >= RESERVED_NAMES_LIMIT) reservedNames.clear();
      reservedNames.set(name, reserved);
    }
    if (!reserved) return name;
  }
  return `"${name.replace(/"/g, '""')}"`;
}

/** The column names PostgreSQL would put in an unnamed index's name: columns as named, expressions as `expr`. */
export function indexColumnNames(node: Node): string[] {
  type Elem = { IndexElem?: { name?: string; expr?: { FuncCall?: { funcname?: { String?: { sval?: string } }[] } } } };
  const params = (node as { IndexStmt?: { indexParams?: Elem[] } }).IndexStmt?.indexParams ?? [];
  return params.map((param) => {
    const elem = param.IndexElem;
    if (elem?.name) return elem.name;
    const funcname = elem?.expr?.FuncCall?.funcname;
    return funcname?.[funcname.length - 1]?.String?.sval ?? 'expr';
  });
}

/** PostgreSQL's name for an unnamed index: `table_col1_col2_idx`, cut to 63 bytes. */
export function defaultIndexName(tableName: string, columns: readonly string[]): string {
  return truncateIdentifier(`${tableName}_${columns.length ? columns.join('_') : 'expr'}_idx`);
}

/** `name` cut to at most `maxBytes` bytes of UTF-8, never in the middle of a character. */
export function truncateIdentifier(name: string, maxBytes = MAX_IDENTIFIER_BYTES): string {
  let out = name;
  while (Buffer.byteLength(out, 'utf8') > maxBytes) out = out.slice(0, -1);
  return out;
}
