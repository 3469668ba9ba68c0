// What a migration adds as index-building constraints (unique, primary key, exclusion), gathered during the walk and
// reported at its end: a constraint on a table the same file creates blocks no one and is never reported.
import type { TSESTree } from '@typescript-eslint/utils';
import type { ConstraintType } from '../../migration-sql/constraint-creations.ts';
import type { SqlFinding } from '../../migration-sql/findings.ts';
import { quoteIdentifier, renderIndexSql } from '@index-builder/sql-core';
import { insertCommentAbove, qualified, sameTable, type Fixer, type Range, type TableReport } from '../reports.ts';
import { exclusiveBranches } from '../../js/exclusive-branches.ts';
import { entryComment, entryFromSql, entryText } from '../registry-entry.ts';

/** Where a table creation or a constraint is in a JavaScript migration, to tell exclusive branches apart. */
type At = { node?: TSESTree.Node };

export interface ConstraintReport {
  range: Range;
  /** Where a comment line may be inserted above the constraint (a statement start). */
  anchor: number;
  type: ConstraintType;
  /** The constraint's name as the database will have it, when known. */
  name: string | undefined;
  tableName: string;
  tableSchema: string | undefined;
  /** Whether the table is an expression in the source (`${table}`), not a name. */
  computedTable?: boolean;
  /** Plain key columns; undefined when not static (or for an exclusion constraint). */
  columns: string[] | undefined;
}

export type ConstraintMessageId = 'uniqueConstraint' | 'primaryKeyConstraint' | 'exclusionConstraint' | 'moveToRegistry';

export interface ConstraintReportContext {
  filename: string;
  text: string;
  locAt(offset: number): { line: number; column: number };
  report(descriptor: {
    loc: { start: { line: number; column: number }; end: { line: number; column: number } };
    messageId: ConstraintMessageId;
    data: Record<string, string>;
    suggest?: { messageId: ConstraintMessageId; data: Record<string, string>; fix: (fixer: Fixer) => unknown }[];
  }): void;
}

const MESSAGE: Record<ConstraintType, ConstraintMessageId> = {
  unique: 'uniqueConstraint',
  'primary key': 'primaryKeyConstraint',
  exclude: 'exclusionConstraint',
};

export class ConstraintFindings {
  readonly #constraints: (ConstraintReport & At)[] = [];
  readonly #tables: (TableReport & At)[] = [];

  constructor(
    private readonly context: ConstraintReportContext,
    private readonly registryPath: string,
  ) {}

  /** Whether the file adds any constraint so far (before the tables it creates are weighed). */
  get hasConstraints(): boolean {
    return this.#constraints.length > 0;
  }

  addConstraint(constraint: ConstraintReport & At): void {
    this.#constraints.push(constraint);
  }

  addTable(table: TableReport & At): void {
    this.#tables.push(table);
  }

  /** Findings of SQL text: its constraints, and the tables it creates. */
  addSql(findings: readonly SqlFinding[], anchor: number): void {
    this.addSqlAt(findings, anchor, undefined);
  }

  /** Findings of SQL text written at `node` in a JavaScript migration. */
  addSqlAt(findings: readonly SqlFinding[], anchor: number, node: TSESTree.Node | undefined): void {
    for (const finding of findings) {
      if (finding.kind === 'constraint') this.addConstraint({ ...finding, anchor, computedTable: finding.computed, node });
      else if (finding.kind === 'table') this.addTable({ ...finding, node });
    }
  }

  flush(marker: '//' | '--'): void {
    const reports = this.#constraints.filter((constraint) => !this.#tables.some((table) => createdFor(table, constraint)));
    for (const constraint of reports.sort((a, b) => a.range[0] - b.range[0])) {
      const data = this.#data(constraint);
      const entry =
        constraint.type !== 'exclude' && constraint.name && constraint.columns && !constraint.computedTable
          ? {
              ...entryFromSql(data.indexSql!, constraint.name, constraint.tableName, constraint.columns, this.context.filename),
              constraint: constraint.type,
            }
          : undefined;
      this.context.report({
        loc: { start: this.context.locAt(constraint.range[0]), end: this.context.locAt(constraint.range[1]) },
        messageId: MESSAGE[constraint.type],
        data,
        suggest: entry
          ? [
              {
                messageId: 'moveToRegistry',
                data: { ...data, entry: entryText(entry) },
                fix: (fixer) => insertCommentAbove(fixer, this.context.text, constraint.anchor, entryComment(entry, this.registryPath, marker)),
              },
            ]
          : [],
      });
    }
  }

  /** The message's words: the constraint, its table, the index to declare and the statement that attaches it. */
  #data(constraint: ConstraintReport): Record<string, string> & { indexSql?: string } {
    const name = constraint.name ?? '<name>';
    const table = qualified(constraint);
    const indexSql =
      constraint.columns && !constraint.computedTable
        ? renderIndexSql({ name, tableName: constraint.tableName, tableSchema: constraint.tableSchema, columns: constraint.columns, unique: true })
        : `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON ${table} (${constraint.columns?.join(', ') ?? '<columns>'})`;
    const keyword = constraint.type === 'primary key' ? 'PRIMARY KEY' : 'UNIQUE';
    const quotedTable = constraint.computedTable
      ? table
      : [constraint.tableSchema, constraint.tableName]
          .filter((part) => part !== undefined)
          .map(quoteIdentifier)
          .join('.');
    const quotedName = constraint.name === undefined ? name : quoteIdentifier(name);
    return {
      name,
      table,
      registryPath: this.registryPath,
      indexSql,
      attachSql: `ALTER TABLE ${quotedTable} ADD CONSTRAINT ${quotedName} ${keyword} USING INDEX ${quotedName}`,
    };
  }
}

/** The table exists for the constraint because this migration creates it, on the way to the constraint. */
function createdFor(table: TableReport & At, constraint: ConstraintReport & At): boolean {
  if (!sameTable(table, constraint)) return false;
  if (!table.node || !constraint.node) return true;
  return !exclusiveBranches(table.node, constraint.node) && !separateMigrationEntries(table.node, constraint.node);
}

/**
 * A file that lists its migrations as objects (`[{ name: '..._tables', pg: ['CREATE TABLE t ...'] }, { name:
 * '..._dedup', pg: ['ALTER TABLE t ADD CONSTRAINT ... UNIQUE ...'] }]`): each entry is a migration of its own, so a
 * table that one entry creates already exists, with its rows, when another adds the constraint.
 */
function separateMigrationEntries(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const entryOfA = migrationEntry(a);
  const entryOfB = migrationEntry(b);
  return entryOfA !== undefined && entryOfB !== undefined && entryOfA !== entryOfB && entryOfA.parent === entryOfB.parent;
}

/** Keys that name or number a migration in a list of them. */
const ENTRY_KEYS = new Set(['name', 'version', 'id']);

/** The object literal around `node` that is one element of a list of migrations (two or more named entries). */
function migrationEntry(node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  for (let child: TSESTree.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (child.type === 'ObjectExpression' && parent.type === 'ArrayExpression' && isMigrationList(parent)) return child;
  }
  return undefined;
}

function isMigrationList(array: TSESTree.ArrayExpression): boolean {
  const named = array.elements.filter(
    (element) =>
      element?.type === 'ObjectExpression' &&
      element.properties.some((property) => property.type === 'Property' && !property.computed && ENTRY_KEYS.has(keyName(property.key))),
  );
  return named.length >= 2;
}

function keyName(key: TSESTree.Node): string {
  if (key.type === 'Identifier') return key.name;
  return key.type === 'Literal' ? String(key.value) : '';
}
