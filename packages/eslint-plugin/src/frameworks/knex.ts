// knex: `table.index(columns, name?, options?)` and `table.<type>('col').index(name?)` inside the callbacks of
// `createTable`, `createTableIfNotExists`, `alterTable` and `table`. `unique()` and `primary()` are constraints,
// reported by no-constraint-index-in-migration (constraint-calls.ts). knex.raw / schema.raw SQL is read as text like any other string.
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, methodName, receiver } from '../js/ast.ts';
import type { DescribedIndex, TableRef } from './described-index.ts';
import { tableRef } from './described-index.ts';
import { property, staticString, staticStrings } from '../js/static-values.ts';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

const TABLE_METHODS = new Set(['createTable', 'createTableIfNotExists', 'alterTable', 'table']);

interface Callback {
  param: string;
  table: TableRef;
  /** createTable / createTableIfNotExists: the table is new. */
  creates: boolean;
}

export class KnexReader {
  readonly #callbacks = new Map<FunctionNode, Callback>();

  constructor(private readonly sourceText: string) {}

  /** Remembers the builder parameter of a table callback: `(table) => { ... }` in `createTable('t', ...)`. */
  onTableCall(call: TSESTree.CallExpression): void {
    const method = methodName(call);
    if (!method || !TABLE_METHODS.has(method)) return;
    const callback = call.arguments[1];
    const param = isFunction(callback) ? callback.params[0] : undefined;
    if (!isFunction(callback) || param?.type !== 'Identifier') return;
    const table = { ...tableRef(call.arguments[0], this.sourceText), schema: schemaOf(call) };
    this.#callbacks.set(callback, { param: param.name, table, creates: method.startsWith('create') });
  }

  /** An index created by `t.index(...)` or `t.<type>('col').index(...)` in a table callback. */
  onIndexCall(call: TSESTree.CallExpression): Omit<DescribedIndex, 'node'> | undefined {
    if (methodName(call) !== 'index') return undefined;
    const object = receiver(call);
    if (object?.type === 'Identifier') {
      const callback = this.callbackFor(call, object.name);
      if (!callback) return undefined;
      const [columnsArg, nameArg, optionsArg] = call.arguments;
      return this.#describe(callback.table, staticStrings(columnsArg), nameArg, optionsArg);
    }
    const column = columnCall(object);
    if (!column) return undefined;
    const callback = this.callbackFor(call, column.root);
    if (!callback) return undefined;
    const [nameArg, optionsArg] = call.arguments;
    const name = staticString(column.call.arguments[0]);
    return this.#describe(callback.table, name === undefined ? undefined : [name], nameArg, optionsArg);
  }

  #describe(table: TableRef, columns: string[] | undefined, nameArg: Node | undefined, optionsArg: Node | undefined) {
    const absent =
      !nameArg || (nameArg.type === 'Identifier' && nameArg.name === 'undefined') || (nameArg.type === 'Literal' && nameArg.value === null);
    const name = !absent ? staticString(nameArg) : columns && !table.computed ? knexIndexName(table.name, columns) : undefined;
    const method = staticString(optionsArg) ?? staticString(property(optionsArg, 'indexType'));
    const where = property(optionsArg, 'predicate') ? null : undefined;
    return { name, table, columns, unique: false, method, where };
  }

  /** The innermost table callback around `node` whose parameter is `name`. */
  callbackFor(node: Node, name: string): Callback | undefined {
    for (let current = node.parent; current; current = current.parent) {
      if (isFunction(current)) {
        const callback = this.#callbacks.get(current);
        if (callback?.param === name) return callback;
      }
    }
    return undefined;
  }
}

/** `t.string('email').notNullable()`: the first call on the builder parameter, and the parameter's name. */
export function columnCall(node: Node | undefined): { call: TSESTree.CallExpression; root: string } | undefined {
  let current = node;
  while (current?.type === 'CallExpression') {
    const object = receiver(current);
    if (object?.type === 'Identifier') return { call: current, root: object.name };
    current = object;
  }
  return undefined;
}

/** `knex.schema.withSchema('billing').createTable(...)`: the schema. */
function schemaOf(call: TSESTree.CallExpression): string | undefined {
  const object = receiver(call);
  if (object?.type === 'CallExpression' && methodName(object) === 'withSchema') return staticString(object.arguments[0]);
  return undefined;
}

/** knex's name for an unnamed index: `table_col1_col2_index`, lower case, dots and dashes in the table as `_`. */
export function knexIndexName(table: string, columns: readonly string[]): string {
  return `${table.replace(/[.-]/g, '_')}_${columns.join('_')}_index`.toLowerCase();
}
