// Kysely: `db.schema.createIndex(name).on(table).column(c)...` read along its method chain, the constraints
// `db.schema.alterTable(t).addUniqueConstraint(name, columns)` / `addPrimaryKeyConstraint`, and `createTable('t')`
// under `withSchema('s')`. `sql` templates are read as text.
import type { TSESTree } from '@typescript-eslint/utils';
import { methodName, receiver, receiverName } from '../js/ast.ts';
import { staticString, staticStrings } from '../js/static-values.ts';
import { namedTable, tableRef, type TableRef } from '../js/table-ref.ts';
import type { ConstraintType } from '../migration-sql/constraint-creations.ts';
import { CREATE_TABLE_METHODS, type DescribedConstraint, type DescribedIndex, type MigrationFramework } from './shared/framework.ts';

type Node = TSESTree.Node;

export const kysely: MigrationFramework = {
  name: 'kysely',
  // Kysely picks its database by dialect class (`instanceof PostgresDialect`), which every migration's guards read.
  dialects: { postgres: [], others: [] },
  read: (sourceText) => ({
    enter() {},
    indexes: (call, method) => (method === 'createIndex' && isSchemaBuilderCall(call) ? [readKyselyIndex(call, sourceText)] : undefined),
    indexObjects: () => [],
    constraints: (call, method) => (CONSTRAINT_METHODS.has(method) ? optional(readKyselyConstraint(call, method, sourceText)) : undefined),
    createdTable(call, method) {
      const name = CREATE_TABLE_METHODS.has(method) ? staticString(call.arguments[0]) : undefined;
      return name === undefined ? undefined : { ...namedTable(name, false), schema: schemaOf(call) };
    },
  }),
};

const CONSTRAINT_METHODS = new Set(['addUniqueConstraint', 'addPrimaryKeyConstraint']);

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/** `db.schema.createIndex(...)` or `db.schema.withSchema('s').createIndex(...)`. */
function isSchemaBuilderCall(call: TSESTree.CallExpression): boolean {
  const object = receiver(call);
  return receiverName(call) === 'schema' || (object?.type === 'CallExpression' && methodName(object) === 'withSchema');
}

function readKyselyIndex(call: TSESTree.CallExpression, sourceText: string): DescribedIndex {
  const schema = schemaOf(call);
  let table: TableRef = { name: '(unknown table)', schema, computed: true };
  let columns: string[] | undefined = [];
  let unique = false;
  let method: string | undefined;
  let where: null | undefined;
  let node: Node = call;
  for (let outer = chainedCall(node); outer; outer = chainedCall(node)) {
    const args = outer.arguments;
    switch (methodName(outer)) {
      case 'on':
        table = { ...tableRef(args[0], sourceText), schema };
        break;
      case 'column':
      case 'columns': {
        const named = staticStrings(args[0]);
        columns = named && columns ? [...columns, ...named] : undefined;
        break;
      }
      case 'expression':
        columns = undefined;
        break;
      case 'unique':
        unique = true;
        break;
      case 'using':
        method = staticString(args[0]);
        break;
      case 'where':
      case 'nullsNotDistinct':
        where = null;
        break;
    }
    node = outer;
  }
  return { node, name: staticString(call.arguments[0]), table, columns: columns?.length ? columns : undefined, unique, method, where };
}

/** The call that continues a chain: `x` in `x.on(...)` gives the `.on(...)` call. */
function chainedCall(node: Node): TSESTree.CallExpression | undefined {
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node) return undefined;
  const call = member.parent;
  return call?.type === 'CallExpression' && call.callee === member ? call : undefined;
}

function schemaOf(call: TSESTree.CallExpression): string | undefined {
  const object = receiver(call);
  if (object?.type === 'CallExpression' && methodName(object) === 'withSchema') return staticString(object.arguments[0]);
  return undefined;
}

/** `db.schema.alterTable('t').addUniqueConstraint(name, columns)`. */
function readKyselyConstraint(call: TSESTree.CallExpression, method: string, sourceText: string): DescribedConstraint | undefined {
  let alter: Node | undefined = receiver(call);
  while (alter?.type === 'CallExpression' && methodName(alter) !== 'alterTable') alter = receiver(alter);
  if (alter?.type !== 'CallExpression') return undefined;
  const before = receiver(alter);
  const schema = before?.type === 'CallExpression' && methodName(before) === 'withSchema' ? staticString(before.arguments[0]) : undefined;
  const table = { ...tableRef(alter.arguments[0], sourceText), schema };
  const type: ConstraintType = method === 'addUniqueConstraint' ? 'unique' : 'primary key';
  return { node: call, type, name: staticString(call.arguments[0]), table, columns: staticStrings(call.arguments[1]) };
}
