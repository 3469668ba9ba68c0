// knex: `table.index(columns, name?, options?)` and `table.<type>('col').index(name?)` inside the callbacks of
// `createTable`, `createTableIfNotExists`, `alterTable` and `table`; the constraints `unique()` and `primary()` in
// `alterTable` / `table`; `createTable('t')` under `withSchema('s')`. knex.raw / schema.raw SQL is read as text like
// any other string.
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunction, methodName, receiver } from '../js/ast.ts';
import { property, staticString, staticStrings } from '../js/static-values.ts';
import { namedTable, tableRef, type TableRef } from '../js/table-ref.ts';
import type { ConstraintType } from '../migration-sql/constraint-creations.ts';
import {
  CREATE_TABLE_METHODS,
  type DescribedConstraint,
  type DescribedIndex,
  type FrameworkReader,
  type MigrationFramework,
} from './shared/framework.ts';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

const TABLE_METHODS = new Set(['createTable', 'createTableIfNotExists', 'alterTable', 'table']);

interface Callback {
  param: string;
  table: TableRef;
  /** createTable / createTableIfNotExists: the table is new. */
  creates: boolean;
}

export const knex: MigrationFramework = {
  name: 'knex',
  dialects: {
    postgres: ['pg', 'pgnative', 'postgres', 'postgresql', 'cockroachdb'],
    others: ['sqlite3', 'sqlite', 'better-sqlite3', 'mysql', 'mysql2', 'mssql', 'oracledb', 'redshift'],
  },
  read: (sourceText) => new KnexReader(sourceText),
};

class KnexReader implements FrameworkReader {
  readonly #callbacks = new Map<FunctionNode, Callback>();

  constructor(private readonly sourceText: string) {}

  /** Remembers the builder parameter of a table callback: `(table) => { ... }` in `createTable('t', ...)`. */
  enter(call: TSESTree.CallExpression, method: string): void {
    if (!TABLE_METHODS.has(method)) return;
    const callback = call.arguments[1];
    const param = isFunction(callback) ? callback.params[0] : undefined;
    if (!isFunction(callback) || param?.type !== 'Identifier') return;
    const table = { ...tableRef(call.arguments[0], this.sourceText), schema: schemaOf(call) };
    this.#callbacks.set(callback, { param: param.name, table, creates: method.startsWith('create') });
  }

  indexes(call: TSESTree.CallExpression, method: string): DescribedIndex[] | undefined {
    if (method !== 'index') return undefined;
    const index = this.#index(call);
    return index ? [{ node: call, ...index }] : [];
  }

  indexObjects(): DescribedIndex[] {
    return [];
  }

  constraints(call: TSESTree.CallExpression, method: string): DescribedConstraint[] | undefined {
    if (method !== 'unique' && method !== 'primary') return undefined;
    const constraint = this.#constraint(call, method);
    return constraint ? [constraint] : [];
  }

  /** `knex.schema.withSchema('billing').createTable('invoices', ...)`: the schema with the name. */
  createdTable(call: TSESTree.CallExpression, method: string): TableRef | undefined {
    const name = CREATE_TABLE_METHODS.has(method) ? staticString(call.arguments[0]) : undefined;
    return name === undefined ? undefined : { ...namedTable(name, false), schema: schemaOf(call) };
  }

  /** An index created by `t.index(...)` or `t.<type>('col').index(...)` in a table callback. */
  #index(call: TSESTree.CallExpression): Omit<DescribedIndex, 'node'> | undefined {
    const object = receiver(call);
    if (object?.type === 'Identifier') {
      const callback = this.#callbackFor(call, object.name);
      if (!callback) return undefined;
      const [columnsArg, nameArg, optionsArg] = call.arguments;
      return this.#describe(callback.table, staticStrings(columnsArg), nameArg, optionsArg);
    }
    const column = columnCall(object);
    if (!column) return undefined;
    const callback = this.#callbackFor(call, column.root);
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

  /** `t.unique(columns, name | { indexName })`, `t.primary(columns, name | { constraintName })`, `t.string('c').unique()`. */
  #constraint(call: TSESTree.CallExpression, method: 'unique' | 'primary'): DescribedConstraint | undefined {
    const object = receiver(call);
    const column = object?.type === 'Identifier' ? undefined : columnCall(object);
    const callback = object?.type === 'Identifier' ? this.#callbackFor(call, object.name) : column && this.#callbackFor(call, column.root);
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

  /** The innermost table callback around `node` whose parameter is `name`. */
  #callbackFor(node: Node, name: string): Callback | undefined {
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
function columnCall(node: Node | undefined): { call: TSESTree.CallExpression; root: string } | undefined {
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
function knexIndexName(table: string, columns: readonly string[]): string {
  return `${table.replace(/[.-]/g, '_')}_${columns.join('_')}_index`.toLowerCase();
}
