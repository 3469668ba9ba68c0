// The rule's walk over a JavaScript or TypeScript migration: SQL text wherever it is written, and the index APIs of
// the migration libraries (frameworks/).
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DATABASE_NAMES } from '../../frameworks/index.ts';
import type { DescribedIndex } from '../../frameworks/shared/framework.ts';
import { FrameworkReaders } from '../framework-readers.ts';
import { enclosingStatement, methodName } from '../../js/ast.ts';
import { DialectGuards } from '../../js/dialect.ts';
import { isReadableText, isSqlArgument, isSqlCall } from '../../js/sinks.ts';
import { isModuleSpecifierOrKey, isTextRoot } from '../../js/sql-expressions.ts';
import { staticString } from '../../js/static-values.ts';
import { keywordPattern, mayPass, sqlAt, sqlFindingsAt } from '../../js/text-sql.ts';
import type { Bindings } from '../../migration-sql/index-creations.ts';
import { containsPlaceholder } from '../../migration-sql/sql-source.ts';
import type { MigrationFindings, RuleOptions } from './findings.ts';
import { toIndexReport } from './index-report.ts';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, unknown[]>>;

const CREATE = keywordPattern('create');
const INDEX = keywordPattern('index');
const TABLE = keywordPattern('table');

export function jsMigrationListener(context: Context, options: RuleOptions, findings: MigrationFindings): TSESLint.RuleListener {
  const { sourceCode, filename } = context;
  const text = sourceCode.text;
  const frameworks = new FrameworkReaders(text);
  // Statements only another database runs (`if (client === 'sqlite3')`) are not PostgreSQL's concern.
  const guards = new DialectGuards(text, (node) => sourceCode.getScope(node), DATABASE_NAMES);
  const report = (index: DescribedIndex): void => {
    if (!guards.excludesPostgres(index.node)) findings.addIndex(toIndexReport(index, filename));
  };

  // Without reportUnverifiable only CREATE INDEX (and CREATE TABLE, for allowNewTables) counts, so text that never
  // says CREATE (a DROP INDEX in a down migration, a message) is not worth PostgreSQL's parser; nor is text that
  // says them only inside longer names (`createdAt_index`). `mayCreate` is the same test on words, for the source.
  const mayCreate = (sql: string): boolean => /create/i.test(sql) && (/index/i.test(sql) || (options.allowNewTables && /table/i.test(sql)));
  const worthReading = (sql: string, inSink: boolean): boolean =>
    options.reportUnverifiable
      ? /index/i.test(sql) || (options.allowNewTables && /table/i.test(sql)) || (inSink && containsPlaceholder(sql))
      : CREATE.test(sql) && (INDEX.test(sql) || (options.allowNewTables && TABLE.test(sql)));

  const onText = (node: Node): void => {
    if (!isTextRoot(node) || isModuleSpecifierOrKey(node)) return;
    if (!options.reportUnverifiable && !mayPass(node, text, mayCreate, (sql) => worthReading(sql, false))) return;
    const inSink = isSqlArgument(node);
    const source = sqlAt(node, text);
    if (!source || !worthReading(source.text, inSink) || guards.excludesPostgres(node)) return;
    findings.addSql(sqlFindingsAt(node, text, staticBindings(node)), enclosingStatement(node).range[0], inSink);
  };

  return {
    Literal: onText,
    TemplateLiteral: onText,
    BinaryExpression: onText,
    CallExpression(call) {
      const method = methodName(call);
      if (!method) return;
      const table = frameworks.createdTable(call, method);
      if (table) findings.addTable({ tableName: table.name, tableSchema: table.schema });
      frameworks.enter(call, method);
      const indexes = frameworks.indexes(call, method);
      if (indexes) for (const index of indexes) report(index);
      else if (options.reportUnverifiable && isSqlCall(call)) {
        const sql = call.arguments[0];
        if (sql && sql.type !== 'SpreadElement' && !isReadableText(sql, sourceCode) && !guards.excludesPostgres(call)) {
          findings.addUnverifiable(sql.range);
        }
      }
    },
    NewExpression(node) {
      for (const index of frameworks.indexObjects(node)) report(index);
    },
    'Program:exit'() {
      findings.flush('//');
    },
  };
}

/** `knex.raw(sql, ['name', table])`: the static values of the bindings array that follows the SQL argument. */
function staticBindings(sql: Node): Bindings {
  const call = sql.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== sql) return [];
  const list = call.arguments[1];
  if (list?.type !== 'ArrayExpression') return [];
  return list.elements.map((element) => (element && element.type !== 'SpreadElement' ? staticString(element) : undefined));
}
