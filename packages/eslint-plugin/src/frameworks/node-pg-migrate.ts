// node-pg-migrate: `pgm.createIndex(table, columns, options?)` and its alias `pgm.addIndex`. The table is a name or
// `{ schema, name }`; columns are names, expressions or `{ name, sort }`. `pgm.sql(...)` is read as text.
import type { TSESTree } from '@typescript-eslint/utils';
import { tableRef, type DescribedIndex, type TableRef } from './described-index.ts';
import { property, staticBoolean, staticString, staticStrings } from '../js/static-values.ts';

type Node = TSESTree.Node;

export function readPgmIndex(call: TSESTree.CallExpression, sourceText: string): Omit<DescribedIndex, 'node'> {
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
export function pgmTable(node: Node | undefined, sourceText: string): TableRef {
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
