// The constraint rule's walk over a JavaScript or TypeScript migration: SQL text (ALTER TABLE ... ADD CONSTRAINT),
// the constraint APIs of the migration libraries, and the tables the file creates (exempt).
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findSqlFindings } from '../sql/index-creations.ts';
import { enclosingStatement, methodName } from './ast.ts';
import { DialectGuards, type GetScope } from './dialect.ts';
import { CONSTRAINT_METHODS, readConstraintCall, type DescribedConstraint } from './constraint-calls.ts';
import type { ConstraintFindings } from './constraint-findings.ts';
import { isModuleSpecifierOrKey } from './js-migration.ts';
import { KnexReader } from './knex.ts';
import { isTextRoot, sqlOf } from './sql-expressions.ts';
import { createdTable } from './tables.ts';

type Node = TSESTree.Node;

/** Text worth parsing: it may add an index-building constraint or create a table. */
const WORTH_READING = /unique|primary|exclude|table/i;

export function constraintMigrationListener(sourceText: string, findings: ConstraintFindings, getScope: GetScope): TSESLint.RuleListener {
  const knex = new KnexReader(sourceText);
  // What only another database runs (`if (client === 'sqlite3')`) neither adds a constraint nor creates a table here.
  const guards = new DialectGuards(sourceText, getScope);

  const onText = (node: Node): void => {
    if (!isTextRoot(node) || isModuleSpecifierOrKey(node)) return;
    const source = sqlOf(node, sourceText);
    if (!source || !WORTH_READING.test(source.text) || guards.excludesPostgres(node)) return;
    findings.addSqlAt(findSqlFindings(source), enclosingStatement(node).range[0], node);
  };

  const report = (constraint: DescribedConstraint): void => {
    if (guards.excludesPostgres(constraint.node)) return;
    findings.addConstraint({
      node: constraint.node,
      range: constraint.node.range,
      anchor: enclosingStatement(constraint.node).range[0],
      type: constraint.type,
      name: constraint.name,
      tableName: constraint.table.name,
      tableSchema: constraint.table.schema,
      computedTable: constraint.table.computed,
      columns: constraint.columns,
    });
  };

  return {
    Literal: onText,
    TemplateLiteral: onText,
    BinaryExpression: onText,
    CallExpression(call) {
      const method = methodName(call);
      if (!method) return;
      const table = createdTable(call, method, sourceText);
      if (table && !guards.excludesPostgres(call)) findings.addTable({ tableName: table.name, tableSchema: table.schema, node: call });
      knex.onTableCall(call);
      if (CONSTRAINT_METHODS.has(method)) readConstraintCall(call, method, knex, sourceText).forEach(report);
    },
    'Program:exit'() {
      findings.flush('//');
    },
  };
}
