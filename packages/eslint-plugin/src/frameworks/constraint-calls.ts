// Constraints that build an index, as each migration library adds them to an existing table: knex `unique()` /
// `primary()` in alterTable / table, Sequelize `addConstraint`, node-pg-migrate `addConstraint`, Kysely
// `alterTable(t).addUniqueConstraint` / `addPrimaryKeyConstraint`, TypeORM `createUniqueConstraint(s)`,
// `createPrimaryKey`, `createExclusionConstraint(s)`; and columns added or changed with an index-building option:
// Sequelize `addColumn(table, column, { unique: true })` / `changeColumn(...)`, node-pg-migrate
// `addColumn(s)(table, { column: { unique: true } })` (`primaryKey: true` too). Names are the library's default when
// none is given.
import { createHash } from 'node:crypto';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ConstraintType } from '../migration-sql/constraint-creations.ts';
import { findSqlFindings } from '../migration-sql/index-creations.ts';
import { quoteIdentifier } from '@index-builder/sql-core';
import { plainSqlSource } from '../migration-sql/sql-source.ts';
import { methodName, receiver, receiverName } from '../js/ast.ts';
import { tableRef, type TableRef } from './described-index.ts';
import { columnCall, type KnexReader } from './knex.ts';
import { pgmTable } from './node-pg-migrate.ts';
import { sequelizeTable } from './sequelize.ts';
import { property, staticString, staticStrings } from '../js/static-values.ts';
import { isNew, typeormTable } from './typeorm.ts';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression;

export interface DescribedConstraint {
  node: Node;
  type: ConstraintType;
  name: string | undefined;
  table: TableRef;
  columns: string[] | undefined;
}

export const CONSTRAINT_METHODS = new Set([
  'unique',
  'primary',
  'addConstraint',
  'createConstraint',
  'addUniqueConstraint',
  'addPrimaryKeyConstraint',
  'createUniqueConstraint',
  'createUniqueConstraints',
  'createPrimaryKey',
  'createExclusionConstraint',
  'createExclusionConstraints',
  'addColumn',
  'addColumns',
  'changeColumn',
]);

/** The constraints a call adds to an existing table (empty for calls of other libraries or on new tables). */
export function readConstraintCall(call: Call, method: string, knex: KnexReader, sourceText: string): DescribedConstraint[] {
  switch (method) {
    case 'unique':
    case 'primary':
      return optional(readKnex(call, method, knex));
    case 'addConstraint':
    case 'createConstraint':
      return isSequelizeConstraint(call) ? optional(readSequelize(call, sourceText)) : readPgm(call, sourceText);
    case 'addUniqueConstraint':
    case 'addPrimaryKeyConstraint':
      return optional(readKysely(call, method, sourceText));
    case 'addColumn':
    case 'addColumns':
    case 'changeColumn':
      return readColumnOptions(call, method, sourceText);
    default:
      return readTypeorm(call, method, sourceText);
  }
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** knex: `t.unique(columns, name | { indexName })`, `t.primary(columns, name | { constraintName })`, `t.string('c').unique()`. */
function readKnex(call: Call, method: 'unique' | 'primary', knex: KnexReader): DescribedConstraint | undefined {
  const object = receiver(call);
  const column = object?.type === 'Identifier' ? undefined : columnCall(object);
  const callback = object?.type === 'Identifier' ? knex.callbackFor(call, object.name) : column && knex.callbackFor(call, column.root);
  if (!callback || callback.creates) return undefined;
  const [first, second] = call.arguments;
  const columnName = column && staticString(column.call.arguments[0]);
  const columns = column ? (columnName === undefined ? undefined : [columnName]) : staticStrings(first);
  const nameArg = column ? first : second;
  const given = staticString(nameArg) ?? staticString(property(nameArg, method === 'unique' ? 'indexName' : 'constraintName'));
  const { table } = callback;
  const type: ConstraintType = method === 'unique' ? 'unique' : 'primary key';
  const name =
    given ??
    (table.computed
      ? undefined
      : type === 'primary key'
        ? `${table.name}_pkey`
        : columns && `${table.name.replace(/[.-]/g, '_')}_${columns.join('_')}_unique`.toLowerCase());
  return { node: call, type, name, table, columns };
}

/** Sequelize's `addConstraint(table, { type, fields, name })`, or v4's `addConstraint(table, fields, { type, name })`. */
function isSequelizeConstraint(call: Call): boolean {
  const [, second] = call.arguments;
  return /queryInterface|sequelize/i.test(receiverName(call) ?? '') || second?.type === 'ObjectExpression' || second?.type === 'ArrayExpression';
}

function readSequelize(call: Call, sourceText: string): DescribedConstraint | undefined {
  const [tableArg, second, third] = call.arguments;
  const options = second?.type === 'ObjectExpression' ? second : third;
  const type = staticString(property(options, 'type'))?.toLowerCase();
  if (type !== 'unique' && type !== 'primary key') return undefined;
  const table = sequelizeTable(tableArg, sourceText);
  const columns = staticStrings(second?.type === 'ObjectExpression' ? property(second, 'fields') : second);
  const suffix = type === 'unique' ? 'uk' : 'pk';
  const name = staticString(property(options, 'name')) ?? (columns && !table.computed ? `${table.name}_${columns.join('_')}_${suffix}` : undefined);
  return { node: call, type, name, table, columns };
}

/** node-pg-migrate: `addConstraint(table, name | null, 'UNIQUE (a)' | { unique, primaryKey, exclude })`. */
function readPgm(call: Call, sourceText: string): DescribedConstraint[] {
  const [tableArg, nameArg, expression] = call.arguments;
  if (!tableArg || !expression || tableArg.type === 'SpreadElement') return [];
  const table = pgmTable(tableArg, sourceText);
  const given = staticString(nameArg);
  const text = staticString(expression);
  if (text !== undefined) return pgmStringConstraint(call, table, given, text);
  const found: DescribedConstraint[] = [];
  const unique = property(expression, 'unique');
  if (unique) {
    const sets =
      unique.type === 'ArrayExpression' && unique.elements.some((element) => element?.type === 'ArrayExpression')
        ? unique.elements.map((element) => staticStrings(element ?? undefined))
        : [staticStrings(unique)];
    for (const columns of sets) {
      const name = given ?? (columns && !table.computed ? `${table.name}_uniq_${columns.join('_')}` : undefined);
      found.push({ node: call, type: 'unique', name, table, columns });
    }
  }
  const primaryKey = property(expression, 'primaryKey');
  if (primaryKey)
    found.push({
      node: call,
      type: 'primary key',
      name: given ?? (table.computed ? undefined : `${table.name}_pkey`),
      table,
      columns: staticStrings(primaryKey),
    });
  if (property(expression, 'exclude'))
    found.push({ node: call, type: 'exclude', name: given ?? (table.computed ? undefined : `${table.name}_excl`), table, columns: undefined });
  return found;
}

/** The string form is SQL after `ADD [CONSTRAINT name]`: read by PostgreSQL's parser. */
function pgmStringConstraint(call: Call, table: TableRef, given: string | undefined, text: string): DescribedConstraint[] {
  const sqlTable = table.computed ? 'computed_table' : quoteIdentifier(table.name);
  const sql = `ALTER TABLE ${sqlTable} ADD ${given ? `CONSTRAINT ${quoteIdentifier(given)} ` : ''}${text}`;
  return findSqlFindings(plainSqlSource(sql)).flatMap((finding) =>
    finding.kind === 'constraint'
      ? [{ node: call, type: finding.type, name: table.computed && !given ? undefined : finding.name, table, columns: finding.columns }]
      : [],
  );
}

/**
 * A column added or changed with `unique: true` (or a constraint name) or `primaryKey: true`. Sequelize writes
 * `ADD COLUMN "c" ... UNIQUE` / `ADD UNIQUE ("c")`, node-pg-migrate `ADD "c" ... UNIQUE`: PostgreSQL names them
 * `<table>_<column>_key` and `<table>_pkey`.
 */
function readColumnOptions(call: Call, method: string, sourceText: string): DescribedConstraint[] {
  const [tableArg, second, third] = call.arguments;
  if (!tableArg || tableArg.type === 'SpreadElement') return [];
  const columnName = staticString(second);
  if (method !== 'addColumns' && columnName !== undefined && third?.type === 'ObjectExpression') {
    return columnConstraints(call, sequelizeTable(tableArg, sourceText), columnName, third);
  }
  if (method === 'changeColumn' || second?.type !== 'ObjectExpression') return [];
  const table = pgmTable(tableArg, sourceText);
  return second.properties.flatMap((column) => {
    if (column.type !== 'Property' || column.value.type !== 'ObjectExpression') return [];
    const name = column.computed ? undefined : column.key.type === 'Identifier' ? column.key.name : staticString(column.key);
    return name === undefined ? [] : columnConstraints(column, table, name, column.value);
  });
}

function columnConstraints(node: Node, table: TableRef, column: string, options: TSESTree.ObjectExpression): DescribedConstraint[] {
  const found: DescribedConstraint[] = [];
  const unique = property(options, 'unique');
  const uniqueName = staticString(unique);
  if (unique && (uniqueName !== undefined || (unique.type === 'Literal' && unique.value === true))) {
    const name = uniqueName ?? (table.computed ? undefined : `${table.name}_${column}_key`);
    found.push({ node, type: 'unique', name, table, columns: [column] });
  }
  const primaryKey = property(options, 'primaryKey');
  if (primaryKey?.type === 'Literal' && primaryKey.value === true) {
    found.push({ node, type: 'primary key', name: table.computed ? undefined : `${table.name}_pkey`, table, columns: [column] });
  }
  return found;
}

/** Kysely: `db.schema.alterTable('t').addUniqueConstraint(name, columns)`. */
function readKysely(call: Call, method: string, sourceText: string): DescribedConstraint | undefined {
  let alter: Node | undefined = receiver(call);
  while (alter?.type === 'CallExpression' && methodName(alter) !== 'alterTable') alter = receiver(alter);
  if (alter?.type !== 'CallExpression') return undefined;
  const before = receiver(alter);
  const schema = before?.type === 'CallExpression' && methodName(before) === 'withSchema' ? staticString(before.arguments[0]) : undefined;
  const table = { ...tableRef(alter.arguments[0], sourceText), schema };
  const type: ConstraintType = method === 'addUniqueConstraint' ? 'unique' : 'primary key';
  return { node: call, type, name: staticString(call.arguments[0]), table, columns: staticStrings(call.arguments[1]) };
}

/** TypeORM's QueryRunner: `new TableUnique({ name, columnNames })`, `createPrimaryKey(table, columns, name?)`, exclusions. */
function readTypeorm(call: Call, method: string, sourceText: string): DescribedConstraint[] {
  const [tableArg, second, third] = call.arguments;
  if (!tableArg || !second) return [];
  const table = typeormTable(tableArg, sourceText);
  if (method === 'createPrimaryKey') {
    const columns = staticStrings(second);
    const name = staticString(third) ?? (columns && !table.computed ? typeormName('PK_', table, columns) : undefined);
    return [{ node: call, type: 'primary key', name, table, columns }];
  }
  const type: ConstraintType = method.startsWith('createUnique') ? 'unique' : 'exclude';
  const objects = method.endsWith('s') && second.type === 'ArrayExpression' ? second.elements : [second];
  return objects.map((object) => {
    const options = isNew(object, 'TableUnique') || isNew(object, 'TableExclusion') ? object.arguments[0] : undefined;
    const columns = type === 'unique' ? staticStrings(property(options, 'columnNames')) : undefined;
    const given = staticString(property(options, 'name'));
    const fallback = type === 'unique' && columns && !table.computed ? typeormName('UQ_', table, columns) : undefined;
    return { node: object ?? call, type, name: given ?? fallback, table, columns };
  });
}

/** TypeORM's DefaultNamingStrategy for primary keys and unique constraints: prefix + 27 hex digits of a SHA-1. */
function typeormName(prefix: 'PK_' | 'UQ_', table: TableRef, columns: readonly string[]): string {
  const tableName = table.schema ? `${table.schema}.${table.name}` : table.name;
  const key = `${tableName.replace('.', '_')}_${[...columns].sort().join('_')}`;
  return `${prefix}${createHash('sha1').update(key).digest('hex').slice(0, 27)}`;
}
