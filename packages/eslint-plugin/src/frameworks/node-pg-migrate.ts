// node-pg-migrate: `pgm.createIndex(table, columns, options?)` and its alias `pgm.addIndex`; the constraints of
// `pgm.addConstraint(table, name, 'UNIQUE (a)' | { unique, primaryKey, exclude })` and of columns added with
// `pgm.addColumn(s)(table, { column: { unique: true } })`; `pgm.createTable({ schema, name }, ...)`. The table is a
// name or `{ schema, name }`; columns are names, expressions or `{ name, sort }`. `pgm.sql(...)` is read as text.
import type { TSESTree } from '@typescript-eslint/utils';
import { quoteIdentifier } from '@index-builder/sql-core';
import { property, staticBoolean, staticString, staticStrings } from '../js/static-values.ts';
import { tableRef, type TableRef } from '../js/table-ref.ts';
import { findSqlFindings } from '../migration-sql/index-creations.ts';
import { plainSqlSource } from '../migration-sql/sql-source.ts';
import { columnConstraints } from './shared/column-constraints.ts';
import { CREATE_TABLE_METHODS, type DescribedConstraint, type DescribedIndex, type MigrationFramework } from './shared/framework.ts';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression;

export const nodePgMigrate: MigrationFramework = {
  name: 'node-pg-migrate',
  // PostgreSQL only: its migrations never branch on the database.
  dialects: { postgres: [], others: [] },
  read: (sourceText) => ({
    enter() {},
    indexes: (call, method) =>
      (method === 'createIndex' || method === 'addIndex') && isPgmCall(call) ? [{ node: call, ...readPgmIndex(call, sourceText) }] : undefined,
    indexObjects: () => [],
    constraints(call, method) {
      if (method === 'addConstraint' || method === 'createConstraint') return readPgmConstraint(call, sourceText);
      if (method === 'addColumn' || method === 'addColumns') return readAddedColumns(call, sourceText);
      return undefined;
    },
    createdTable(call, method) {
      const first = call.arguments[0];
      if (!CREATE_TABLE_METHODS.has(method) || first?.type !== 'ObjectExpression') return undefined;
      const table = pgmTable(first, sourceText);
      return table.computed ? undefined : table;
    },
  }),
};

/**
 * node-pg-migrate's `(table, columns, options?)`: a table name (or `{ schema, name }`) first and columns second,
 * which tells it apart from, say, MongoDB's `collection.createIndex({ field: 1 })` in a migrate-mongo migration.
 */
function isPgmCall(call: Call): boolean {
  const [table, columns] = call.arguments;
  if (!table || !columns || table.type === 'SpreadElement' || columns.type === 'SpreadElement') return false;
  const tableOk = table.type === 'ObjectExpression' ? staticString(property(table, 'name')) !== undefined : table.type !== 'ArrayExpression';
  return tableOk && columns.type !== 'ObjectExpression';
}

function readPgmIndex(call: Call, sourceText: string): Omit<DescribedIndex, 'node'> {
  const [tableArg, columnsArg, options] = call.arguments;
  const table = pgmTable(tableArg, sourceText);
  const columns = pgmColumns(columnsArg);
  const unique = staticBoolean(property(options, 'unique')) === true;
  const nameArg = property(options, 'name');
  const name = nameArg
    ? staticString(nameArg)
    : columns && !table.computed
      ? `${table.name}_${columns.map((column) => column.split(/\s/)[0]).join('_')}${unique ? '_unique' : ''}_index`
      : undefined;
  const whereArg = property(options, 'where');
  return {
    name,
    table,
    columns,
    unique,
    concurrent: staticBoolean(property(options, 'concurrently')) === true,
    method: staticString(property(options, 'method')),
    where: whereArg ? (staticString(whereArg) ?? null) : undefined,
    include: staticStrings(property(options, 'include')),
  };
}

/** Creates a table: `pgm.createTable(name, columns)` with `{ schema, name }` accepted for the name. */
function pgmTable(node: Node | undefined, sourceText: string): TableRef {
  if (node?.type === 'ObjectExpression') {
    const name = staticString(property(node, 'name'));
    if (name !== undefined) return { name, schema: staticString(property(node, 'schema')), computed: false };
  }
  return tableRef(node, sourceText);
}

/** Column names (`'a'`, `['a', 'b']`, `[{ name: 'a', sort: 'DESC' }]`); undefined when any is not static. */
function pgmColumns(node: Node | undefined): string[] | undefined {
  const plain = staticStrings(node);
  if (plain) return plain;
  if (node?.type !== 'ArrayExpression') return undefined;
  const columns = node.elements.map((element) => {
    if (!element || element.type === 'SpreadElement') return undefined;
    const name = staticString(element) ?? staticString(property(element, 'name'));
    if (name === undefined || property(element, 'opclass')) return undefined;
    const sort = staticString(property(element, 'sort'));
    return sort ? `${name} ${sort}` : name;
  });
  return columns.every((column) => column !== undefined) ? columns : undefined;
}

/** `addConstraint(table, name | null, 'UNIQUE (a)' | { unique, primaryKey, exclude })`. */
function readPgmConstraint(call: Call, sourceText: string): DescribedConstraint[] {
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

/** `addColumn(s)(table, { column: { unique: true } })`: a constraint per column option. */
function readAddedColumns(call: Call, sourceText: string): DescribedConstraint[] | undefined {
  const [tableArg, second] = call.arguments;
  if (!tableArg || tableArg.type === 'SpreadElement' || second?.type !== 'ObjectExpression') return undefined;
  const table = pgmTable(tableArg, sourceText);
  return second.properties.flatMap((column) => {
    if (column.type !== 'Property' || column.value.type !== 'ObjectExpression') return [];
    const name = column.computed ? undefined : column.key.type === 'Identifier' ? column.key.name : staticString(column.key);
    return name === undefined ? [] : columnConstraints(column, table, name, column.value);
  });
}
