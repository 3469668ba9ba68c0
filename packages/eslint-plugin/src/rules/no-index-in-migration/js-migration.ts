// The rule's walk over a JavaScript or TypeScript migration: SQL text wherever it is written, and the index APIs of
// knex, node-pg-migrate, TypeORM, Sequelize and Kysely.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Bindings } from '../../migration-sql/index-creations.ts';
import { containsPlaceholder } from '../../migration-sql/sql-source.ts';
import { enclosingStatement, methodName, receiverName } from '../../js/ast.ts';
import { toIndexReport, type DescribedIndex } from '../../frameworks/described-index.ts';
import { DialectGuards } from '../../js/dialect.ts';
import type { MigrationFindings, RuleOptions } from './findings.ts';
import { KnexReader } from '../../frameworks/knex.ts';
import { isSchemaBuilderCall, readKyselyIndex } from '../../frameworks/kysely.ts';
import { readPgmIndex } from '../../frameworks/node-pg-migrate.ts';
import { readSequelizeIndex } from '../../frameworks/sequelize.ts';
import { isReadableText, isSqlArgument, isSqlCall } from '../../js/sinks.ts';
import { isTextRoot } from '../../js/sql-expressions.ts';
import { property, staticString } from '../../js/static-values.ts';
import { createdTable } from '../../frameworks/tables.ts';
import { keywordPattern, mayPass, sqlAt, sqlFindingsAt } from '../../js/text-sql.ts';
import { indexObjectsOfTable, isNew, readTypeormIndex, tableOfIndex, typeormTable } from '../../frameworks/typeorm.ts';

type Node = TSESTree.Node;
type Context = Readonly<TSESLint.RuleContext<string, unknown[]>>;

const CREATE = keywordPattern('create');
const INDEX = keywordPattern('index');
const TABLE = keywordPattern('table');

export function jsMigrationListener(context: Context, options: RuleOptions, findings: MigrationFindings): TSESLint.RuleListener {
  const { sourceCode, filename } = context;
  const text = sourceCode.text;
  const knex = new KnexReader(text);
  // Statements only another database runs (`if (client === 'sqlite3')`) are not PostgreSQL's concern.
  const guards = new DialectGuards(text, (node) => sourceCode.getScope(node));
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

  const onTypeormCall = (call: TSESTree.CallExpression, method: string): void => {
    const [tableArg, indexes] = call.arguments;
    const unknown = (node: Node): void => report({ node, name: undefined, table: typeormTable(tableArg, text), columns: undefined, unique: false });
    if (method === 'createIndex') {
      if (!isNew(indexes, 'TableIndex')) unknown(call);
    } else if (indexes?.type === 'ArrayExpression') {
      for (const element of indexes.elements) if (!isNew(element, 'TableIndex')) unknown(element ?? call);
    } else unknown(call);
  };

  const onIndexMethod = (call: TSESTree.CallExpression, method: string): void => {
    if (method === 'createIndex' && isSchemaBuilderCall(call)) report(readKyselyIndex(call, text));
    else if (method === 'createIndices' || (method === 'createIndex' && isTypeormCall(call))) onTypeormCall(call, method);
    else if (method === 'addIndex' && isSequelizeCall(call)) report({ node: call, ...readSequelizeIndex(call, text) });
    else if (isPgmCall(call)) report({ node: call, ...readPgmIndex(call, text) });
  };

  return {
    Literal: onText,
    TemplateLiteral: onText,
    BinaryExpression: onText,
    CallExpression(call) {
      const method = methodName(call);
      if (!method) return;
      const table = createdTable(call, method, text);
      if (table) findings.addTable({ tableName: table.name, tableSchema: table.schema });
      knex.onTableCall(call);
      if (method === 'index') {
        const index = knex.onIndexCall(call);
        if (index) report({ node: call, ...index });
      } else if (method === 'createIndex' || method === 'addIndex' || method === 'createIndices') {
        onIndexMethod(call, method);
      } else if (options.reportUnverifiable && isSqlCall(call)) {
        const sql = call.arguments[0];
        if (sql && sql.type !== 'SpreadElement' && !isReadableText(sql, sourceCode) && !guards.excludesPostgres(call)) {
          findings.addUnverifiable(sql.range);
        }
      }
    },
    NewExpression(node) {
      if (isNew(node, 'TableIndex')) {
        report({ node, ...readTypeormIndex(node.arguments[0], tableOfIndex(node, text)) });
      } else if (isNew(node, 'Table')) {
        for (const object of indexObjectsOfTable(node)) report({ node: object, ...readTypeormIndex(object, typeormTable(node, text)) });
      }
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

function isTypeormCall(call: TSESTree.CallExpression): boolean {
  return isNew(call.arguments[1], 'TableIndex') || /runner/i.test(receiverName(call) ?? '');
}

function isSequelizeCall(call: TSESTree.CallExpression): boolean {
  const [, second, third] = call.arguments;
  return (
    /queryInterface|sequelize/i.test(receiverName(call) ?? '') ||
    second?.type === 'ObjectExpression' ||
    ['fields', 'using', 'type'].some((key) => property(third, key) !== undefined)
  );
}

/**
 * node-pg-migrate's `(table, columns, options?)`: a table name (or `{ schema, name }`) first and columns second,
 * which tells it apart from, say, MongoDB's `collection.createIndex({ field: 1 })` in a migrate-mongo migration.
 */
function isPgmCall(call: TSESTree.CallExpression): boolean {
  const [table, columns] = call.arguments;
  if (!table || !columns || table.type === 'SpreadElement' || columns.type === 'SpreadElement') return false;
  const tableOk = table.type === 'ObjectExpression' ? staticString(property(table, 'name')) !== undefined : table.type !== 'ArrayExpression';
  return tableOk && columns.type !== 'ObjectExpression';
}

/** Import paths, `require('./index')` and object keys are never SQL. */
export function isModuleSpecifierOrKey(node: Node): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
    case 'TSExternalModuleReference':
      return true;
    case 'Property':
      return parent.key === node;
    case 'CallExpression':
      return parent.callee.type === 'Identifier' && parent.callee.name === 'require';
    default:
      return false;
  }
}
