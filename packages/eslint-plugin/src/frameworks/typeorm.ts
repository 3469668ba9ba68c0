// TypeORM: `new TableIndex({...})` wherever it stands (`queryRunner.createIndex(table, ...)`, `createIndices(table,
// [...])`, `new Table({ indices: [...] })`), plain index objects in `new Table({ indices })`, and createIndex /
// createIndices calls given something else. `queryRunner.query(...)` is read as text.
import { createHash } from 'node:crypto';
import type { TSESTree } from '@typescript-eslint/utils';
import { constructorName, methodName } from '../js/ast.ts';
import { namedTable, tableRef, type DescribedIndex, type TableRef } from './described-index.ts';
import { property, staticBoolean, staticString, staticStrings } from '../js/static-values.ts';

type Node = TSESTree.Node;

export function isNew(node: Node | undefined | null, name: string): node is TSESTree.NewExpression {
  return node?.type === 'NewExpression' && constructorName(node) === name;
}

/** The index a `new TableIndex(options)` or an `indices` object literal describes. */
export function readTypeormIndex(options: Node | undefined, table: TableRef): Omit<DescribedIndex, 'node'> {
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
export function tableOfIndex(node: Node, sourceText: string): TableRef {
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
export function typeormTable(node: Node | undefined, sourceText: string): TableRef {
  if (isNew(node, 'Table')) {
    const name = staticString(property(node.arguments[0], 'name'));
    if (name !== undefined) return namedTable(name, true);
  }
  return tableRef(node, sourceText, true);
}

/** The plain index objects of `new Table({ indices: [{...}] })`. */
export function indexObjectsOfTable(table: TSESTree.NewExpression): TSESTree.ObjectExpression[] {
  const indices = property(table.arguments[0], 'indices');
  if (indices?.type !== 'ArrayExpression') return [];
  return indices.elements.filter((element): element is TSESTree.ObjectExpression => element?.type === 'ObjectExpression');
}

/** TypeORM's DefaultNamingStrategy.indexName: `IDX_` + the first 26 hex digits of a SHA-1. */
export function typeormIndexName(table: TableRef, columns: readonly string[], where: string | undefined): string {
  const tableName = table.schema ? `${table.schema}.${table.name}` : table.name;
  let key = `${tableName.replace('.', '_')}_${[...columns].sort().join('_')}`;
  if (where) key += `_${where}`;
  return `IDX_${createHash('sha1').update(key).digest('hex').slice(0, 26)}`;
}
