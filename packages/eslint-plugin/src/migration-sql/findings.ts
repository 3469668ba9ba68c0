// What a piece of SQL creates, as the analysis reports it: indexes, tables, constraints, and statements it cannot
// read. Positions are offsets into the file the SQL came from.
import type { ConstraintCreation } from './constraint-creations.ts';

/** A file range: offsets into the file the SQL was read from. */
export type FileRange = [number, number];

export interface IndexCreation {
  kind: 'index';
  range: FileRange;
  /** The index name as written (holes shown as `${label}`); undefined when the statement names none. */
  name: string | undefined;
  /** The name PostgreSQL gives an unnamed index (`leads_status_idx`), when the statement names none. */
  defaultName: string | undefined;
  tableName: string;
  tableSchema: string | undefined;
  unique: boolean;
  /** CREATE INDEX CONCURRENTLY. */
  concurrent: boolean;
  /** The indexed columns (expressions as their function name or `expr`), for descriptions. */
  columns: string[];
  /** The statement's text when it holds no hole and parsed: the registry entry is made from it. */
  statement: string | undefined;
}

interface TableCreation {
  kind: 'table';
  range: FileRange;
  tableName: string;
  tableSchema: string | undefined;
}

/** A statement whose keyword is a hole: nothing can be said about it statically. */
interface UnverifiableStatement {
  kind: 'unverifiable';
  range: FileRange;
  /** The statement's static text mentions INDEX. */
  mentionsIndex: boolean;
}

export type SqlFinding = IndexCreation | TableCreation | UnverifiableStatement | ConstraintCreation;
