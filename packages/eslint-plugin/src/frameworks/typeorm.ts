// TypeORM: `new TableIndex({...})` wherever it stands (`queryRunner.createIndex(table, ...)`, `createIndices(table,
// [...])`, `new Table({ indices: [...] })`), plain index objects in `new Table({ indices })`, and createIndex /
// createIndices calls given something else; the QueryRunner's constraints (`createUniqueConstraint(s)`,
// `createPrimaryKey`, `createExclusionConstraint(s)`); `createTable(new Table({ name }))`. `queryRunner.query(...)`
// is read as text.
import { createHash } from 'node:crypto';
import type { TSESTree } from '@typescript-eslint/utils';
import { constructorName, methodName, receiverName } from '../js/ast.ts';
import { property, staticBoolean, staticString, staticStrings } from '../js/static-values.ts';
import { namedTable, tableRef, type TableRef } from '../js/table-ref.ts';
import type { ConstraintType } from '../migration-sql/constraint-creations.ts';
import { CREATE_TABLE_METHODS, type DescribedConstraint, type DescribedIndex, type MigrationFramework } from './shared/framework.ts';

type Node = TSESTree.Node;
type Call = TSESTree.CallExpression;

export const typeorm: MigrationFramework = {
  name: 'typeorm',
  dialects: {
    postgres: ['postgres', 'aurora-postgres', 'cockroachdb'],
    others: [
      'mysql',
      'mariadb',
      'aurora-mysql',
      'sqlite',
      'better-sqlite3',
      'capacitor',
      'cordova',
      'expo',
      'nativescript',
      'react-native',
      'sqljs',
      'mssql',
      'oracle',
      'sap',
      'spanner',
      'mongodb',
    ],
  },
  read: (sourceText) => ({
    enter() {},
    indexes: (call, method) =>
      method === 'createIndices' || (method === 'createIndex' && isTypeormCall(call)) ? unreadIndexes(call, method, sourceText) : undefined,
    indexObjects(node) {
      if (isNew(node, 'TableIndex')) return [{ node, ...readTypeormIndex(node.arguments[0], tableOfIndex(node, sourceText)) }];
      if (isNew(node, 'Table'))
        return indexObjectsOfTable(node).map((object) => ({ node: object, ...readTypeormIndex(object, typeormTable(node, sourceText)) }));
      return [];
    },
    constraints: (call, method) => (CONSTRAINT_METHODS.has(method) ? readTypeormConstraints(call, method, sourceText) : undefined),
    createdTable: (call, method) =>
      CREATE_TABLE_METHODS.has(method) && isNew(call.arguments[0], 'Table') ? typeormTable(call.arguments[0], sourceText) : undefined,
  }),
};

const CONSTRAINT_METHODS = new Set([
  'createUniqueConstraint',
  'createUniqueConstraints',
  'createPrimaryKey',
  'createExclusionConstraint',
  'createExclusionConstraints',
]);

function isTypeormCall(call: Call): boolean {
  return isNew(call.arguments[1], 'TableIndex') || /runner/i.test(receiverName(call) ?? '');
}

/**
 * createIndex / createIndices given something other than `new TableIndex(...)`: an index whose name and columns are
 * unknown. The TableIndex objects themselves are read where they are constructed (indexObjects).
 */
function unreadIndexes(call: Call, method: string, sourceText: string): DescribedIndex[] {
  const [tableArg, indexes] = call.arguments;
  const unknown = (node: Node): DescribedIndex => ({
    node,
    name: undefined,
    table: typeormTable(tableArg, sourceText),
    columns: undefined,
    unique: false,
  });
  if (method === 'createIndex') return isNew(indexes, 'TableIndex') ? [] : [unknown(call)];
  if (indexes?.type === 'ArrayExpression')
    return indexes.elements.flatMap((element) => (isNew(element, 'TableIndex') ? [] : [unknown(element ?? call)]));
  return [unknown(call)];
}

function isNew(node: Node | undefined | null, name: string): node is TSESTree.NewExpression {
  return node?.type === 'NewExpression' && constructorName(node) === name;
}

/** The index a `new TableIndex(options)` or an `indices` object literal describes. */
function readTypeormIndex(options: Node | undefined, table: TableRef): Omit<DescribedIndex, 'node'> {
  const columns = staticStrings(property(options, 'columnNames'));
  const whereArg = property(options, 'where');
  const where = whereArg ? (staticString(whereArg) ?? null) : undefined;
  const nameArg = property(options, 'name');
  const name = nameArg ? staticString(nameArg) : columns && !table.computed && where !== null ? typeormIndexName(table, columns, where) : undefined;
  return {
    name,
    table,
    columns,
    unique: staticBoolean(property(options, 'isUnique')) === true,
    method: staticBoolean(property(options, 'isSpatial')) ? 'gist' : undefined,
    where,
  };
}

/** The table an index definition belongs to, read from where it stands. */
function tableOfIndex(node: Node, sourceText: string): TableRef {
  const parent = node.parent;
  if (parent?.type === 'CallExpression' && methodName(parent) === 'createIndex' && parent.arguments[1] === node) {
    return typeormTable(parent.arguments[0], sourceText);
  }
  if (parent?.type === 'ArrayExpression') {
    const holder = parent.parent;
    if (holder?.type === 'CallExpression' && methodName(holder) === 'createIndices' && holder.arguments[1] === parent) {
      return typeormTable(holder.arguments[0], sourceText);
    }
    const table = tableOfIndicesProperty(parent);
    if (table) return typeormTable(table, sourceText);
  }
  return { name: '(unknown table)', schema: undefined, computed: true };
}

/** `new Table({ name, indices: [<array>] })`: the Table expression. */
function tableOfIndicesProperty(array: TSESTree.ArrayExpression): TSESTree.NewExpression | undefined {
  const prop = array.parent;
  if (prop?.type !== 'Property' || prop.value !== array) return undefined;
  const key = prop.key.type === 'Identifier' ? prop.key.name : staticString(prop.key);
  const table = prop.parent?.parent;
  return key === 'indices' && isNew(table, 'Table') ? table : undefined;
}

/** A table given as `'schema.name'`, `new Table({ name })` or an expression. */
function typeormTable(node: Node | undefined, sourceText: string): TableRef {
  if (isNew(node, 'Table')) {
    const name = staticString(property(node.arguments[0], 'name'));
    if (name !== undefined) return namedTable(name, true);
  }
  return tableRef(node, sourceText, true);
}

/** The plain index objects of `new Table({ indices: [{...}] })`. */
function indexObjectsOfTable(table: TSESTree.NewExpression): TSESTree.ObjectExpression[] {
  const indices = property(table.arguments[0], 'indices');
  if (indices?.type !== 'ArrayExpression') return [];
  return indices.elements.filter((element): element is TSESTree.ObjectExpression => element?.type === 'ObjectExpression');
}

/** TypeORM's DefaultNamingStrategy.indexName: `IDX_` + the first 26 hex digits of a SHA-1. */
function typeormIndexName(table: TableRef, columns: readonly string[], where: string | undefined): string {
  const tableName = table.schema ? `${table.schema}.${table.name}` : table.name;
  let key = `${tableName.replace('.', '_')}_${[...columns].sort().join('_')}`;
  if (where) key += `_${where}`;
  return `IDX_${createHash('sha1').update(key).digest('hex').slice(0, 26)}`;
}

/** The QueryRunner's `new TableUnique({ name, columnNames })`, `createPrimaryKey(table, columns, name?)`, exclusions. */
function readTypeormConstraints(call: Call, method: string, sourceText: string): DescribedConstraint[] {
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
