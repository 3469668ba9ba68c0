// The constraint rule's walk over a JavaScript or TypeScript migration: SQL text (ALTER TABLE ... ADD CONSTRAINT),
// the constraint APIs of the migration libraries (frameworks/), and the tables the file creates (exempt).
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DATABASE_NAMES } from '../../frameworks/index.ts';
import type { DescribedConstraint } from '../../frameworks/shared/framework.ts';
import { FrameworkReaders } from '../framework-readers.ts';
import { enclosingStatement, methodName } from '../../js/ast.ts';
import { DialectGuards, type GetScope } from '../../js/dialect.ts';
import { isModuleSpecifierOrKey, isTextRoot } from '../../js/sql-expressions.ts';
import { staticString } from '../../js/static-values.ts';
import type { TableRef } from '../../js/table-ref.ts';
import { mayPass, sqlAt, sqlFindingsAt } from '../../js/text-sql.ts';
import type { ConstraintFindings } from './findings.ts';

type Node = TSESTree.Node;

/**
 * A constraint comes only from an ALTER TABLE that says UNIQUE, PRIMARY (KEY) or EXCLUDE, written in the text itself
 * or in a DO block's body or EXECUTE string, which are part of it.
 */
function mayAddConstraint(sql: string): boolean {
  return /alter/i.test(sql) && /unique|primary|exclude/i.test(sql);
}

/**
 * Text worth parsing: it may add an index-building constraint, or create a table (CREATE, and one of the words that
 * always made text worth reading here).
 */
function worthReading(sql: string): boolean {
  return mayAddConstraint(sql) || (/create/i.test(sql) && /unique|primary|exclude|table/i.test(sql));
}

/**
 * `CREATE TABLE "${TABLE}"` with `const TABLE = 'sessions'` at the top of the module: the table is `sessions`, as the
 * knex and other calls that name it through the same constant read it (`alterTable(TABLE, ...)`).
 */
function constantHole(text: Node, tableName: string): string | undefined {
  const name = /^\$\{([A-Za-z_$][\w$]*)\}$/.exec(tableName)?.[1];
  if (!name) return undefined;
  const holes: Node[] = [];
  const collect = (node: Node): void => {
    if (node.type === 'TemplateLiteral') node.expressions.forEach(collect);
    else if (node.type === 'BinaryExpression' && node.operator === '+') [node.left as Node, node.right].forEach(collect);
    else holes.push(node);
  };
  collect(text);
  const identifier = holes.find((hole) => hole.type === 'Identifier' && hole.name === name);
  return identifier && staticString(identifier);
}

export function constraintMigrationListener(sourceText: string, findings: ConstraintFindings, getScope: GetScope): TSESLint.RuleListener {
  const frameworks = new FrameworkReaders(sourceText);
  // What only another database runs (`if (client === 'sqlite3')`) neither adds a constraint nor creates a table here.
  const guards = new DialectGuards(sourceText, getScope, DATABASE_NAMES);

  const read = (node: Node): void => {
    if (guards.excludesPostgres(node)) return;
    const found = sqlFindingsAt(node, sourceText).map((finding) =>
      finding.kind === 'table' ? { ...finding, tableName: constantHole(node, finding.tableName) ?? finding.tableName } : finding,
    );
    findings.addSqlAt(found, enclosingStatement(node).range[0], node);
  };
  // Tables matter only to exempt a constraint: text that can only create a table, and createTable calls, are read
  // at the end of the file if it adds a constraint at all.
  const tableTexts: Node[] = [];
  const tableCalls: { table: TableRef; call: TSESTree.CallExpression }[] = [];
  const readTables = (): void => {
    tableTexts.forEach(read);
    for (const { table, call } of tableCalls) {
      if (!guards.excludesPostgres(call)) findings.addTable({ tableName: table.name, tableSchema: table.schema, node: call });
    }
  };

  const onText = (node: Node): void => {
    if (!isTextRoot(node) || isModuleSpecifierOrKey(node) || !mayPass(node, sourceText, worthReading)) return;
    const source = sqlAt(node, sourceText);
    if (!source || !worthReading(source.text)) return;
    if (mayAddConstraint(source.text)) read(node);
    else tableTexts.push(node);
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
      const table = frameworks.createdTable(call, method);
      if (table) tableCalls.push({ table, call });
      frameworks.enter(call, method);
      frameworks.constraints(call, method).forEach(report);
    },
    'Program:exit'() {
      if (findings.hasConstraints) readTables();
      findings.flush('//');
    },
  };
}
