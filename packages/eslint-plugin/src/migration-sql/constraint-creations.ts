// Constraints that build an index, in an ALTER TABLE: `ADD [CONSTRAINT name] UNIQUE (...) | PRIMARY KEY (...) |
// EXCLUDE ...`, and UNIQUE / PRIMARY KEY on an added column. Each builds its index under ACCESS EXCLUSIVE, like a
// CREATE INDEX without CONCURRENTLY but blocking reads too. `... USING INDEX name` attaches an index built before:
// that is the safe form, never returned.
import { containsPlaceholder, displayName, type SqlSource } from './sql-source.ts';
import { truncateIdentifier } from '@index-builder/sql-core';

export type ConstraintType = 'unique' | 'primary key' | 'exclude';

export interface ConstraintCreation {
  kind: 'constraint';
  range: [number, number];
  type: ConstraintType;
  /** The constraint name as written, or PostgreSQL's default name when the statement gives none. */
  name: string;
  tableName: string;
  tableSchema: string | undefined;
  /** The key columns; undefined for an exclusion constraint (its elements are not plain columns). */
  columns: string[] | undefined;
  /** The table, the name or a column is a hole (`${table}`): known only at run time. */
  computed: boolean;
}

interface ConstraintNode {
  contype?: string;
  conname?: string;
  indexname?: string;
  keys?: { String?: { sval?: string } }[];
  exclusions?: { List?: { items?: { IndexElem?: { name?: string } }[] } }[];
}

interface AlterTableNode {
  relation?: { relname?: string; schemaname?: string };
  cmds?: {
    AlterTableCmd?: {
      subtype?: string;
      def?: { Constraint?: ConstraintNode; ColumnDef?: { colname?: string; constraints?: { Constraint?: ConstraintNode }[] } };
    };
  }[];
}

const TYPES: Record<string, ConstraintType> = { CONSTR_UNIQUE: 'unique', CONSTR_PRIMARY: 'primary key', CONSTR_EXCLUSION: 'exclude' };

/** The index-building constraints an `AlterTableStmt` parse node adds. */
export function constraintsOfAlterTable(node: unknown, source: SqlSource, range: [number, number]): ConstraintCreation[] {
  const stmt = (node as { AlterTableStmt?: AlterTableNode }).AlterTableStmt;
  const relname = stmt?.relation?.relname;
  if (!stmt || !relname) return [];
  const tableName = displayName(relname, source);
  const tableSchema = stmt.relation?.schemaname && displayName(stmt.relation.schemaname, source);
  const found: ConstraintCreation[] = [];
  const add = (constraint: ConstraintNode | undefined, columnOf: string | undefined) => {
    const type = TYPES[constraint?.contype ?? ''];
    if (!constraint || !type || constraint.indexname) return;
    const columns = columnOf !== undefined ? [columnOf] : keyColumns(constraint, type);
    const name = constraint.conname
      ? displayName(constraint.conname, source)
      : defaultConstraintName(tableName, type, columns ?? exclusionColumns(constraint));
    const computed = [relname, stmt.relation?.schemaname ?? '', constraint.conname ?? '', ...(columns ?? [])].some(containsPlaceholder);
    found.push({
      kind: 'constraint',
      range,
      type,
      name,
      tableName,
      tableSchema,
      columns: columns?.map((column) => displayName(column, source)),
      computed,
    });
  };
  for (const cmd of stmt.cmds ?? []) {
    const def = cmd.AlterTableCmd?.def;
    if (cmd.AlterTableCmd?.subtype === 'AT_AddConstraint') add(def?.Constraint, undefined);
    if (cmd.AlterTableCmd?.subtype === 'AT_AddColumn' && def?.ColumnDef?.colname) {
      for (const constraint of def.ColumnDef.constraints ?? []) add(constraint.Constraint, def.ColumnDef.colname);
    }
  }
  return found;
}

function keyColumns(constraint: ConstraintNode, type: ConstraintType): string[] | undefined {
  if (type === 'exclude') return undefined;
  const keys = (constraint.keys ?? []).map((key) => key.String?.sval);
  return keys.every((key): key is string => key !== undefined) ? keys : undefined;
}

function exclusionColumns(constraint: ConstraintNode): string[] {
  return (constraint.exclusions ?? []).map((element) => element.List?.items?.[0]?.IndexElem?.name ?? 'expr');
}

/** PostgreSQL's name for an unnamed constraint: `t_pkey`, `t_a_b_key`, `t_a_excl`, cut to 63 bytes. */
function defaultConstraintName(table: string, type: ConstraintType, columns: readonly string[]): string {
  if (type === 'primary key') return truncateIdentifier(`${table}_pkey`);
  return truncateIdentifier(`${table}_${columns.join('_')}_${type === 'unique' ? 'key' : 'excl'}`);
}
