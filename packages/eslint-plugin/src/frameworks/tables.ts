// Tables a migration creates, for `allowNewTables`: an index on a table created by the same migration blocks no
// one. Every library's createTable is recognised by its first argument.
import type { TSESTree } from '@typescript-eslint/utils';
import { methodName, receiver } from '../js/ast.ts';
import { namedTable, tableRef, type TableRef } from './described-index.ts';
import { pgmTable } from './node-pg-migrate.ts';
import { sequelizeTable } from './sequelize.ts';
import { staticString } from '../js/static-values.ts';
import { isNew, typeormTable } from './typeorm.ts';

const CREATE_TABLE = new Set(['createTable', 'createTableIfNotExists']);

/** `createTable('t', ...)`, `createTable({ schema, name }, ...)`, `createTable(new Table({ name }))`. */
export function createdTable(call: TSESTree.CallExpression, method: string, sourceText: string): TableRef | undefined {
  if (!CREATE_TABLE.has(method)) return undefined;
  const first = call.arguments[0];
  if (!first || first.type === 'SpreadElement') return undefined;
  if (isNew(first, 'Table')) return typeormTable(first, sourceText);
  if (first.type === 'ObjectExpression') {
    const table = pgmTable(first, sourceText);
    return table.computed ? sequelizeTable(first, sourceText) : table;
  }
  const name = staticString(first);
  if (name !== undefined) return { ...namedTable(name, false), schema: withSchema(call) };
  return tableRef(first, sourceText);
}

function withSchema(call: TSESTree.CallExpression): string | undefined {
  const object = receiver(call);
  return object?.type === 'CallExpression' && methodName(object) === 'withSchema' ? staticString(object.arguments[0]) : undefined;
}
