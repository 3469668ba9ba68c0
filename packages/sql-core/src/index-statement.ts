import { nodeType, type Node } from './parser.ts';

/** What a `CREATE INDEX` statement says, read from PostgreSQL's own parse tree. */
export interface IndexStatement {
  /** The index name as PostgreSQL will store it (quoted names keep their case), or undefined when omitted. */
  indexName: string | undefined;
  /** The table's schema when the statement qualifies the table. */
  tableSchema: string | undefined;
  tableName: string;
  unique: boolean;
  concurrent: boolean;
  ifNotExists: boolean;
  /** `ON ONLY parent`: the index is created on the partitioned table alone. */
  only: boolean;
  accessMethod: string;
  /** The IndexStmt parse node itself, for checks on its expressions and predicate. */
  node: IndexStmtNode;
}

export type IndexStmtNode = {
  indexParams?: Node[];
  whereClause?: Node;
  idxname?: string;
  relation?: { schemaname?: string; relname?: string; inh?: boolean };
  accessMethod?: string;
  unique?: boolean;
  concurrent?: boolean;
  if_not_exists?: boolean;
};

/** Reads an `IndexStmt` parse node; returns undefined for any other kind of statement. */
export function readIndexStatement(node: Node | undefined): IndexStatement | undefined {
  if (nodeType(node) !== 'IndexStmt') return undefined;
  const stmt = (node as { IndexStmt: IndexStmtNode }).IndexStmt;
  return {
    indexName: stmt.idxname,
    tableSchema: stmt.relation?.schemaname,
    tableName: stmt.relation?.relname ?? '',
    unique: stmt.unique === true,
    concurrent: stmt.concurrent === true,
    ifNotExists: stmt.if_not_exists === true,
    // libpg-query leaves `inh` out for ON ONLY rather than setting it to false.
    only: stmt.relation?.inh !== true,
    accessMethod: stmt.accessMethod ?? 'btree',
    node: stmt,
  };
}

/** The human name of a statement node, for messages: `DropStmt` → `DROP`, `CREATE TABLE`, and so on. */
export function describeStatementKind(node: Node | undefined): string {
  const type = nodeType(node) ?? 'empty';
  const known: Record<string, string> = {
    IndexStmt: 'CREATE INDEX',
    DropStmt: 'DROP',
    CreateStmt: 'CREATE TABLE',
    AlterTableStmt: 'ALTER TABLE',
    SelectStmt: 'SELECT',
    InsertStmt: 'INSERT',
    UpdateStmt: 'UPDATE',
    DeleteStmt: 'DELETE',
    DoStmt: 'DO',
    TruncateStmt: 'TRUNCATE',
    VariableSetStmt: 'SET',
    TransactionStmt: 'a transaction command',
  };
  return known[type] ?? type.replace(/Stmt$/, '');
}
