// Writing index SQL the way the registry wants it: `CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS name ON ...`.
// Used for the lint suggestion (the registry entry to paste) and the registry autofix (insert the missing keywords).
import type { Node } from './parser.ts';
import { plainTokens } from './plain-tokens.ts';
import { codeTokens, scanTokens, type SqlToken } from './sql-tokens.ts';

/** PostgreSQL's NAMEDATALEN - 1: a longer name is silently cut to this many bytes. */
export const MAX_IDENTIFIER_BYTES = 63;

/** Where to insert the keywords an index statement lacks, or undefined when it has both (or is no CREATE INDEX). */
export function missingKeywordsInsertion(sql: string): { offset: number; text: string } | undefined {
  const tokens = codeTokens(scanTokens(sql) ?? []);
  const missing = missingKeywords(tokens);
  return missing && { offset: tokens[missing.after]!.end, text: missing.keywords.map((keyword) => ` ${keyword}`).join('') };
}

/** What the rewriting reads of a token: where it is, and the keyword it is when it is one of those looked for. */
type KeywordToken = Pick<SqlToken, 'start' | 'end' | 'keyword'>;

const is = (token: KeywordToken | undefined, keyword: string): boolean => token?.keyword === keyword;

/** The keywords a CREATE INDEX lacks, to insert after its token `after` (INDEX, or CONCURRENTLY when present). */
function missingKeywords(tokens: readonly KeywordToken[]): { after: number; keywords: string[] } | undefined {
  const index = indexKeyword(tokens);
  if (index === -1) return undefined;
  const concurrently = is(tokens[index + 1], 'CONCURRENTLY');
  const after = concurrently ? index + 2 : index + 1;
  const ifNotExists = is(tokens[after], 'IF') && is(tokens[after + 1], 'NOT') && is(tokens[after + 2], 'EXISTS');
  if (concurrently && ifNotExists) return undefined;
  return {
    after: concurrently ? index + 1 : index,
    keywords: [...(concurrently ? [] : ['CONCURRENTLY']), ...(ifNotExists ? [] : ['IF', 'NOT', 'EXISTS'])],
  };
}

/** A token of a statement being rewritten: its text, and whether whitespace or a comment comes before it. */
interface Word {
  text: string;
  keyword: string | undefined;
  spaced: boolean;
}

/**
 * The registry's form of a CREATE INDEX statement: CONCURRENTLY and IF NOT EXISTS inserted, `name` inserted when
 * the statement names no index, comments dropped and whitespace folded onto one line. Read once (plain text without
 * PostgreSQL's scanner): the inserted keywords and name are whole tokens set apart by a space, so the rest of the
 * statement reads the same around them.
 */
export function safeIndexSql(statement: string, name: string): string {
  const tokens = plainTokens(statement) ?? codeTokens(scanTokens(statement) ?? []);
  if (tokens.length === 0) return statement.trim();
  const words: Word[] = tokens.map((token, i) => ({
    text: statement.slice(token.start, token.end),
    keyword: token.keyword,
    spaced: i > 0 && token.start > tokens[i - 1]!.end,
  }));
  const missing = missingKeywords(tokens);
  if (missing) words.splice(missing.after + 1, 0, ...missing.keywords.map((keyword) => ({ text: keyword, keyword, spaced: true })));
  const on = words.findIndex((word) => word.keyword === 'ON');
  if (on > 0 && words[on - 1]!.keyword === 'EXISTS') words.splice(on, 0, { text: quoteIdentifier(name), keyword: undefined, spaced: true });
  return words.map((word, i) => (i > 0 && word.spaced ? ` ${word.text}` : word.text)).join('');
}

function indexKeyword(tokens: readonly KeywordToken[]): number {
  if (!is(tokens[0], 'CREATE')) return -1;
  const at = is(tokens[1], 'UNIQUE') ? 2 : 1;
  return is(tokens[at], 'INDEX') ? at : -1;
}

/** The statement on one line: comments dropped, runs of whitespace between tokens folded to one space. */
export function oneLine(sql: string): string {
  const tokens = codeTokens(scanTokens(sql) ?? []);
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

/** Names found bare or not (a name is only a keyword or not): the same columns and tables come back file after file. */
const bareNames = new Map<string, boolean>();
const BARE_NAMES_LIMIT = 4096;

/** Quotes an identifier the way PostgreSQL's quote_ident does: only when it must. */
export function quoteIdentifier(name: string): string {
  if (/^[a-z_][a-z0-9_]*$/.test(name)) {
    let bare = bareNames.get(name);
    if (bare === undefined) {
      const tokens = scanTokens(name);
      const only = tokens?.length === 1 ? tokens[0] : undefined;
      bare = only !== undefined && (only.keywordKind === 0 || only.keywordKind === 1);
      if (bareNames.size >= BARE_NAMES_LIMIT) bareNames.clear();
      bareNames.set(name, bare);
    }
    if (bare) return name;
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
